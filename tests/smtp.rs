//! Codes and confirmations by email through a real SMTP server process (aiosmtpd) on
//! loopback, read back from the mail it received.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{net::TcpListener, path::Path, process::Stdio, time::Duration};

use support::{TempDir, TestApp, extract_value};

struct SmtpServer {
    child: std::process::Child,
    port: u16,
    maildir: TempDir,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn smtp_server() -> SmtpServer {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let maildir = TempDir::new("maildir");
    let child = std::process::Command::new("python3")
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
        .args(["-c", "aiosmtpd.handlers.Mailbox"])
        .arg(maildir.0.join("box"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 -m aiosmtpd (installed by scripts/test.sh)");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return SmtpServer {
                child,
                port,
                maildir,
            };
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut child = child;
    let _ = child.kill();
    let _ = child.wait();
    panic!("aiosmtpd did not start");
}

fn mails(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["new", "cur"] {
        if let Ok(entries) = std::fs::read_dir(dir.join("box").join(sub)) {
            for e in entries.flatten() {
                out.push(std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
    }
    out
}

async fn wait_for_mail(dir: &Path, to: &str, contains: &str) -> String {
    for _ in 0..200 {
        if let Some(m) = mails(dir)
            .into_iter()
            .find(|m| m.contains(&format!("To: {to}")) && m.contains(contains))
        {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no mail to {to} containing {contains:?}: {:?}", mails(dir));
}

#[tokio::test]
async fn a_reset_with_codes_and_confirmation_over_real_smtp() {
    let smtp = smtp_server().await;
    let port = smtp.port;
    let app = TestApp::spawn_with(
        |_| {},
        move |s| {
            s.email.transport = rekey::settings::EmailTransport::Smtp;
            s.email.smtp_host = "127.0.0.1".into();
            s.email.smtp_port = port;
            s.email.smtp_tls = rekey::settings::SmtpTls::None;
            s.email.from = "Contoso IT <it@contoso.com>".into();
        },
    )
    .await;
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
