//! What trying Rekey from outside found (issue 15): page language and names before
//! verification, session rotation, per-account limits and locks, the meter's budget, HSTS
//! and stalled bodies. Each test failed before its fix.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::time::Duration;

use rekey::{clock::Clock, ports::Message};
use support::{TestApp, extract_value};

const ALIAS: &str = "alex@contoso.com";

fn csrf_of(page: &str) -> String {
    extract_value(page, "name=\"csrf\" value=\"").unwrap()
}

fn lang_of(page: &str) -> String {
    extract_value(page, "<html lang=\"").unwrap()
}

/// Sends a code to the first method and returns the page's CSRF token.
async fn send_first(app: &TestApp) -> String {
    let page = app.get_text("/reset").await;
    let method = extract_value(&page, "name=\"method\" value=\"").unwrap();
    let csrf = csrf_of(&page);
    let r = app
        .post_form("/reset/send", &[("csrf", &csrf), ("method", &method)])
        .await;
    assert_eq!(r.status(), 303);
    csrf
}

fn lock_notices(app: &TestApp) -> usize {
    app.messages()
        .iter()
        .filter(|m| matches!(m, Message::Email { subject, .. } if subject.contains("paused")))
        .count()
}

#[tokio::test]
async fn before_verification_the_page_language_ignores_the_account() {
    let app = TestApp::spawn().await;
    // Johanna's Entra preferredLanguage is German; this client sends no Accept-Language.
    assert_eq!(app.start("johanna.lorenz@contoso.com").await.status(), 303);
    let page = app.get_text("/reset").await;
    assert_eq!(lang_of(&page), "en", "the methods page");
    let csrf = send_first(&app).await;
    assert_eq!(
        lang_of(&app.get_text("/reset").await),
        "en",
        "the code page"
    );
    let code = app.code_sent_to("johanna@gmx.de").await;
    // Her code email may be in German: only she reads it.
    let r = app
        .post_form("/reset/code", &[("csrf", &csrf), ("code", &code)])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        lang_of(&app.get_text("/reset").await),
        "de",
        "after verification her language applies"
    );
}

#[tokio::test]
async fn the_locked_and_busy_pages_ignore_the_account_language_too() {
    let app = TestApp::spawn_with(
        |_| {},
        |s| {
            s.security.lockout_failures = 2;
            s.security.codes_per_account_per_hour = 1;
        },
    )
    .await;
    assert_eq!(app.start("johanna.lorenz@contoso.com").await.status(), 303);
    let csrf = send_first(&app).await;
    // A second send within the hour: the 429 page.
    let r = app
        .post_form("/reset/send", &[("csrf", &csrf), ("method", "email:0")])
        .await;
    assert_eq!(r.status(), 429);
    assert_eq!(lang_of(&r.text().await.unwrap()), "en", "the 429 page");
    let mut last = None;
    for _ in 0..2 {
        last = Some(
            app.post_form("/reset/code", &[("csrf", &csrf), ("code", "00000000")])
                .await,
        );
    }
    let r = last.unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(lang_of(&r.text().await.unwrap()), "en", "the locked page");
}

#[tokio::test]
async fn the_methods_page_shows_the_name_as_typed_until_verified() {
    let app = TestApp::spawn().await;
    app.sim.state.set_mail(support::EMAIL_USER, ALIAS);
    assert_eq!(app.start("  Alex@Contoso.com ").await.status(), 303);
    let page = app.get_text("/reset").await;
    assert!(page.contains(ALIAS), "the normalised typed name is shown");
    assert!(
        !page.contains(support::EMAIL_USER),
        "the directory's UPN is not shown before verification"
    );
    let csrf = send_first(&app).await;
    let code = app.code_sent_to(support::EMAIL_USER_ALT).await;
    app.post_form("/reset/code", &[("csrf", &csrf), ("code", &code)])
        .await;
    let page = app.get_text("/reset").await;
    assert!(page.contains(support::EMAIL_USER), "after verification");
}

/// A client that keeps its one cookie by hand, so a test can copy it like a thief would.
struct Jar {
    base: String,
    http: reqwest::Client,
    cookie: String,
}

impl Jar {
    fn new(base: &str) -> Self {
        Self {
            base: base.into(),
            http: TestApp::new_client_without_cookies(),
            cookie: String::new(),
        }
    }

    fn keep(&mut self, r: &reqwest::Response) {
        if let Some(c) = r.headers().get("set-cookie") {
            let c = c.to_str().unwrap();
            self.cookie = c.split(';').next().unwrap().to_string();
        }
    }

    async fn get(&mut self, path: &str) -> (u16, String) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await
            .unwrap();
        self.keep(&r);
        (r.status().as_u16(), r.text().await.unwrap())
    }

    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> u16 {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .form(form)
            .send()
            .await
            .unwrap();
        self.keep(&r);
        r.status().as_u16()
    }
}

#[tokio::test]
async fn a_cookie_copied_before_verification_is_worth_nothing_after_it() {
    let app = TestApp::spawn().await;
    let mut victim = Jar::new(&app.base);
    let (_, home) = victim.get("/").await;
    let csrf = csrf_of(&home);
    assert_eq!(
        victim
            .post(
                "/reset/start",
                &[("csrf", &csrf), ("username", support::EMAIL_USER)]
            )
            .await,
        303
    );
    assert_eq!(
        victim
            .post("/reset/send", &[("csrf", &csrf), ("method", "email:0")])
            .await,
        303
    );
    let stolen = victim.cookie.clone();
    let code = app.code_sent_to(support::EMAIL_USER_ALT).await;
    assert_eq!(
        victim
            .post("/reset/code", &[("csrf", &csrf), ("code", &code)])
            .await,
        303
    );
    assert_ne!(victim.cookie, stolen, "a new cookie after verification");
    let (_, page) = victim.get("/reset").await;
    assert!(page.contains("name=\"password\""), "the victim goes on");
    assert_ne!(csrf_of(&page), csrf, "with a new CSRF token");

    let mut thief = Jar::new(&app.base);
    thief.cookie = stolen;
    let (status, _) = thief.get("/reset").await;
    assert_eq!(status, 410, "the old cookie gets the expired page");
    let pw = "Thief-Chose-This-Password-9";
    let status = thief
        .post("/reset/password", &[("csrf", &csrf), ("password", pw)])
        .await;
    assert_eq!(status, 410);
    assert_ne!(
        app.sim.state.user(support::EMAIL_USER).unwrap().password,
        Some(pw.to_string()),
        "the password was not set from the copied cookie"
    );
}

#[tokio::test]
async fn the_upn_and_a_mail_alias_share_one_lock() {
    let app = TestApp::spawn_with(|_| {}, |s| s.security.lockout_failures = 3).await;
    app.sim.state.set_mail(support::EMAIL_USER, ALIAS);
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let csrf = send_first(&app).await;
    for _ in 0..3 {
        app.post_form("/reset/code", &[("csrf", &csrf), ("code", "00000000")])
            .await;
    }
    // Someone starts again with the alias: the same person, the same lock.
    let other = TestApp::new_client();
    let home = other.get(app.url("/")).send().await.unwrap();
    let csrf = csrf_of(&home.text().await.unwrap());
    other
        .post(app.url("/reset/start"))
        .form(&[("csrf", csrf.as_str()), ("username", ALIAS)])
        .send()
        .await
        .unwrap();
    let r = other
        .post(app.url("/reset/send"))
        .form(&[("csrf", csrf.as_str()), ("method", "email:0")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429, "the alias is locked too");
    app.flush().await;
    assert_eq!(
        app.messages()
            .iter()
            .filter(
                |m| matches!(m, Message::Email { subject, .. } if subject.contains("reset code"))
            )
            .count(),
        1,
        "no code went out for the alias"
    );
}

#[tokio::test]
async fn mistakes_either_side_of_a_window_edge_add_up() {
    let app = TestApp::spawn_with(
        |_| {},
        |s| {
            s.security.lockout_failures = 10;
            s.security.lockout_secs = 1800;
            s.security.code_max_attempts = 100;
        },
    )
    .await;
    // Twenty seconds before a counting window ends.
    let t = app.clock.now().timestamp();
    let edge = t - t.rem_euclid(1800) + 1800;
    app.clock
        .set(chrono::DateTime::from_timestamp(edge - 20, 0).unwrap());
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let csrf = send_first(&app).await;
    for _ in 0..9 {
        let r = app
            .post_form("/reset/code", &[("csrf", &csrf), ("code", "00000000")])
            .await;
        assert_eq!(r.status(), 422);
    }
    app.clock.advance(chrono::Duration::seconds(40));
    let r = app
        .post_form("/reset/code", &[("csrf", &csrf), ("code", "00000000")])
        .await;
    assert_eq!(
        r.status(),
        429,
        "the tenth mistake locks, window edge or not"
    );
}

#[tokio::test]
async fn one_lock_sends_one_notice() {
    let app = TestApp::spawn_with(|_| {}, |s| s.security.lockout_failures = 3).await;
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let csrf = send_first(&app).await;
    for _ in 0..3 {
        app.post_form("/reset/code", &[("csrf", &csrf), ("code", "00000000")])
            .await;
    }
    app.flush().await;
    assert_eq!(lock_notices(&app), 1, "the lock is announced");
    for _ in 0..4 {
        let r = app
            .post_form("/reset/code", &[("csrf", &csrf), ("code", "00000000")])
            .await;
        assert_eq!(r.status(), 429);
        let r = app
            .post_form("/reset/send", &[("csrf", &csrf), ("method", "email:0")])
            .await;
        assert_eq!(r.status(), 429);
    }
    app.flush().await;
    assert_eq!(lock_notices(&app), 1, "and only once");
}

async fn check_password(app: &TestApp, csrf: &str) -> u16 {
    app.client
        .post(app.url("/api/password/check"))
        .header("x-csrf-token", csrf)
        .json(&serde_json::json!({"password": "Correct-Horse-Battery-1"}))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn the_meter_has_its_own_budget() {
    let app = TestApp::spawn_with(
        |_| {},
        |s| {
            s.security.requests_per_address_per_minute = 10;
            s.security.meter_checks_per_minute = 20;
        },
    )
    .await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let csrf = csrf_of(&app.get_text("/reset").await);
    for i in 0..20 {
        assert_eq!(check_password(&app, &csrf).await, 200, "meter check {i}");
    }
    assert_eq!(
        check_password(&app, &csrf).await,
        429,
        "the meter's own budget"
    );
    // Typing did not use up the address's budget for pages.
    let pw = "Quixotic-Marmalade-Vortex-71";
    let r = app
        .post_form("/reset/password", &[("csrf", &csrf), ("password", pw)])
        .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn https_portals_send_hsts() {
    let app = TestApp::spawn_with(
        |_| {},
        |s| s.server.public_url = url::Url::parse("https://password.contoso.com/").unwrap(),
    )
    .await;
    let r = app.get("/").await;
    assert_eq!(
        r.headers()
            .get("strict-transport-security")
            .map(|v| v.to_str().unwrap()),
        Some("max-age=63072000")
    );
    let plain = TestApp::spawn().await;
    assert!(
        plain
            .get("/")
            .await
            .headers()
            .get("strict-transport-security")
            .is_none(),
        "not over plain HTTP (the demo)"
    );
}

#[tokio::test]
async fn a_stalled_body_is_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn_with(|_| {}, |s| s.server.body_timeout_secs = 1).await;
    let addr = app.base.trim_start_matches("http://").to_string();
    let mut tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    tcp.write_all(
        b"POST /reset/start HTTP/1.1\r\nHost: localhost\r\n\
          Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ncsrf=",
    )
    .await
    .unwrap();
    let started = std::time::Instant::now();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(20), tcp.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "the connection stayed open");
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(5),
        "answered and closed after {took:?}"
    );
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 4"), "{text}");
}
