//! A full reset logged at trace level, with Rekey's own log set-up and a real SMTP server
//! (lettre logs every line it writes at debug), leaves no password, code or token in the logs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::{TestApp, extract_value, logs::LogBuffer, smtp_server, wait_for_mail};

#[tokio::test]
async fn no_secret_reaches_the_logs() {
    let buf = LogBuffer::install_at_trace();

    let smtp = smtp_server().await;
    let port = smtp.port;
    let app = TestApp::spawn_with(|_| {}, move |s| support::send_mail_through(s, port)).await;
    let password = "Quixotic-Marmalade-Vortex-71";
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let page = app.get_text("/reset").await;
    let first_csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    app.post_form(
        "/reset/send",
        &[("csrf", &first_csrf), ("method", "email:0")],
    )
    .await;
    let mail = wait_for_mail(
        &smtp.maildir.0,
        support::EMAIL_USER_ALT,
        "reset code for Contoso is",
    )
    .await;
    let after = &mail[mail.find("reset code for Contoso is").unwrap()..];
    let code = support::find_code(after).unwrap();
    let r = app
        .post_form("/reset/code", &[("csrf", &first_csrf), ("code", &code)])
        .await;
    assert_eq!(r.status(), 303);
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let r = app
        .post_form(
            "/reset/password",
            &[("csrf", &csrf), ("password", password)],
        )
        .await;
    assert_eq!(r.status(), 303);
    // Everything queued is delivered (and logged) before the logs are read.
    app.flush().await;
    wait_for_mail(&smtp.maildir.0, support::EMAIL_USER_ALT, "was changed").await;

    let logs = buf.text();
    assert!(
        logs.len() > 1000,
        "trace logging captured: {} bytes",
        logs.len()
    );
    assert!(logs.contains("TRACE"), "logging ran at trace");
    assert!(logs.contains("password.set"), "the audit line is there");
    assert!(
        logs.contains("message sent"),
        "the SMTP deliveries are there"
    );
    let session_cookie_value = "rekey=";
    buf.assert_none_of(&[
        password,
        code.as_str(),
        support::SECRET,
        &csrf,
        &first_csrf,
        "eyJ",
        session_cookie_value,
    ]);
}
