//! Codes and confirmations by email through a real SMTP server process (aiosmtpd) on
//! loopback, read back from the mail it received.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::{TestApp, extract_value, smtp_server, wait_for_mail};

#[tokio::test]
async fn a_reset_with_codes_and_confirmation_over_real_smtp() {
    let smtp = smtp_server().await;
    let port = smtp.port;
    let app = TestApp::spawn_with(|_| {}, move |s| support::send_mail_through(s, port)).await;
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    app.post_form("/reset/send", &[("csrf", &csrf), ("method", "email:0")])
        .await;
    let mail = wait_for_mail(
        &smtp.maildir.0,
        support::EMAIL_USER_ALT,
        "reset code for Contoso is",
    )
    .await;
    assert!(
        mail.contains("From: \"Contoso IT\" <it@contoso.com>")
            || mail.contains("From: Contoso IT <it@contoso.com>"),
        "{mail}"
    );
    assert!(mail.contains("multipart/alternative"), "text and HTML");
    let after = &mail[mail.find("reset code for Contoso is").unwrap()..];
    let code = support::find_code(after).unwrap();
    let r = app
        .post_form("/reset/code", &[("csrf", &csrf), ("code", &code)])
        .await;
    assert_eq!(r.status(), 303);
    // A new CSRF token comes with the verified step.
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let pw = "Velvet-Compass-Orchard-42";
    let r = app
        .post_form(
            "/reset/password",
            &[("csrf", &csrf), ("password", pw), ("confirm", pw)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let confirmation = wait_for_mail(&smtp.maildir.0, support::EMAIL_USER_ALT, "was changed").await;
    assert!(confirmation.contains("AADSTS50126"));
    assert!(!confirmation.contains(pw), "the password is never mailed");
}
