//! `rekey demo` boots and serves the portal, health, readiness and the outbox.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{net::TcpListener, process::Stdio};

struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_demo_boots_and_serves() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = support::TempDir::new("demo");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
        .args(["demo", "--listen", &format!("127.0.0.1:{port}")])
        .current_dir(&dir.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _guard = Child(child);
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    assert!(
        support::announced(stdout, &format!("Portal:         {base}/")).await,
        "the demo did not start listening"
    );
    let home = client.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    let html = home.text().await.unwrap();
    assert!(html.contains("Reset your password"));
    assert!(html.contains("/static/css/rekey.css"));
    let css = client
        .get(format!("{base}/static/css/rekey.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(css.status(), 200);
    assert!(
        css.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    let ready = client.get(format!("{base}/readyz")).send().await.unwrap();
    assert_eq!(
        ready.status(),
        200,
        "{}",
        ready.text().await.unwrap_or_default()
    );
    let outbox = client
        .get(format!("{base}/demo/outbox"))
        .send()
        .await
        .unwrap();
    assert_eq!(outbox.status(), 200);
    assert!(
        dir.0.join("var/rekey-demo.db").exists(),
        "SQLite under ./var/"
    );
}

#[tokio::test]
async fn readiness_fails_when_graph_credentials_are_wrong() {
    let app =
        support::TestApp::spawn_with(|o| o.client_secret = "something-else".into(), |_| {}).await;
    let r = app.get("/readyz").await;
    assert_eq!(r.status(), 503);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["checks"]["store"], "ok");
    assert_eq!(body["checks"]["directory"], "bad_credentials");
    assert_eq!(app.get("/healthz").await.status(), 200);
}
