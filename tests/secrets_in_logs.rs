//! A full reset logged at trace level leaves no password, code or token in the logs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{
    io::Write,
    sync::{Arc, Mutex},
};

use support::{TestApp, extract_value};

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
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();

    let app = TestApp::spawn().await;
    let password = "Quixotic-Marmalade-Vortex-71";
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let code = app.code_sent_to(support::EMAIL_USER_ALT).await;
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let r = app
        .post_form(
            "/reset/password",
            &[
                ("csrf", &csrf),
                ("password", password),
                ("confirm", password),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;

    let logs = String::from_utf8_lossy(&buf.0.lock().unwrap()).to_string();
    assert!(
        logs.len() > 1000,
        "trace logging captured: {} bytes",
        logs.len()
    );
    assert!(logs.contains("password.set"), "the audit line is there");
    for secret in [password, code.as_str(), support::SECRET, &csrf, "eyJ"] {
        assert!(
            !logs.contains(secret),
            "found a secret in the logs: {secret}"
        );
    }
}
