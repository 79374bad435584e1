//! A full reset logged at trace level, with Rekey's own log set-up and a real SMTP server
//! (lettre logs every line it writes at debug), leaves no password, code or token in the logs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{
    io::Write,
    sync::{Arc, Mutex},
};

use support::{TestApp, extract_value, smtp_server, wait_for_mail};

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_secret_reaches_the_logs() {
    let buf = Buffer::default();
    let writer = buf.clone();
    rekey::telemetry::init_with_writer(
        &rekey::settings::LogSettings {
            level: "trace".into(),
            ..Default::default()
        },
        move || writer.clone(),
        false,
    );

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

    let logs = String::from_utf8_lossy(&buf.0.lock().unwrap()).to_string();
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
    for secret in [
        password,
        code.as_str(),
        support::SECRET,
        &csrf,
        &first_csrf,
        "eyJ",
        session_cookie_value,
    ] {
        if let Some(at) = logs.find(secret) {
            let from = logs[..at]
                .char_indices()
                .rev()
                .nth(200)
                .map_or(0, |(i, _)| i);
            let context: String = logs[from..].chars().take(400).collect();
            panic!("found a secret in the logs: {secret}\n…{context}…");
        }
    }
}
