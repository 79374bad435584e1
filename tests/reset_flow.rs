//! The reset flow end to end, over HTTP, against the simulator.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use rekey::{
    ports::Message,
    simulator::{FaultKind, FaultRule},
};
use support::{TestApp, extract_value};

const STRONG: &str = "Tangerine-Harbour-Lantern-58";

async fn set_password(app: &TestApp, pw: &str) -> reqwest::Response {
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    app.post_form(
        "/reset/password",
        &[
            ("csrf", &csrf),
            ("password", pw),
            ("confirm", pw),
            ("revoke", "1"),
        ],
    )
    .await
}

#[tokio::test]
async fn a_user_resets_by_email_code() {
    let app = TestApp::spawn().await;
    let upn = support::EMAIL_USER;
    app.verify(upn, support::EMAIL_USER_ALT).await;
    let page = app.get_text("/reset").await;
    assert!(page.contains("Choose a new password"), "{page}");
    let before = app.sim.state.user(upn).unwrap().last_password_change;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let r = set_password(&app, STRONG).await;
    assert_eq!(r.status(), 303);
    let done = app.get_text("/reset").await;
    assert!(done.contains("Your password has been changed"), "{done}");
    assert!(done.contains("AADSTS50126"));
    let user = app.sim.state.user(upn).unwrap();
    assert_eq!(user.password.as_deref(), Some(STRONG));
    assert!(user.last_password_change > before);
    assert!(user.sessions_revoked_at.is_some(), "signed out everywhere");
    // A confirmation went out.
    app.flush().await;
    assert!(
        app.messages().iter().any(
            |m| matches!(m, Message::Email { subject, .. } if subject.contains("was changed"))
        )
    );
    // Resubmitting the form lands on the finished page and changes nothing.
    let other = "Another-Strong-Passw0rd-x";
    let again = app
        .post_form(
            "/reset/password",
            &[("csrf", &csrf), ("password", other), ("confirm", other)],
        )
        .await;
    assert_eq!(again.status(), 303);
    assert_eq!(
        app.sim.state.user(upn).unwrap().password.as_deref(),
        Some(STRONG)
    );
}

#[tokio::test]
async fn a_user_resets_by_sms_code() {
    let app = TestApp::spawn().await;
    app.verify(support::SMS_USER, support::SMS_USER_PHONE).await;
    assert_eq!(set_password(&app, STRONG).await.status(), 303);
    assert_eq!(
        app.sim
            .state
            .user(support::SMS_USER)
            .unwrap()
            .password
            .as_deref(),
        Some(STRONG)
    );
}

#[tokio::test]
async fn two_methods_are_required_when_configured() {
    let app = TestApp::spawn_with(|_| {}, |s| s.tenant.required_methods = 2).await;
    app.verify(support::BOTH_USER, support::BOTH_USER_ALT).await;
    let page = app.get_text("/reset").await;
    assert!(
        page.contains("Where should we send a code?"),
        "second method: {page}"
    );
    assert!(
        !page.contains("value=\"email:0\""),
        "the verified channel is not offered again"
    );
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let method = extract_value(&page, "name=\"method\" value=\"").unwrap();
    assert!(method.starts_with("sms"));
    // Skipping ahead is refused.
    let skip = app
        .post_form(
            "/reset/password",
            &[("csrf", &csrf), ("password", STRONG), ("confirm", STRONG)],
        )
        .await;
    assert_eq!(skip.status(), 409);
    app.post_form("/reset/send", &[("csrf", &csrf), ("method", &method)])
        .await;
    let code = app.code_sent_to(support::BOTH_USER_PHONE).await;
    let r = app
        .post_form("/reset/code", &[("csrf", &csrf), ("code", &code)])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(set_password(&app, STRONG).await.status(), 303);
    assert_eq!(
        app.sim
            .state
            .user(support::BOTH_USER)
            .unwrap()
            .password
            .as_deref(),
        Some(STRONG)
    );
}

#[tokio::test]
async fn a_direct_password_post_without_verification_is_refused_and_audited() {
    let app = TestApp::spawn().await;
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let r = set_password(&app, STRONG).await;
    assert_eq!(r.status(), 409);
    let before = app.sim.state.user(support::EMAIL_USER).unwrap().password;
    assert_ne!(before.as_deref(), Some(STRONG));
    let audit = app
        .store
        .audit_after(support::start_time() - chrono::Duration::hours(1), "", 100)
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "password.set" && e.outcome == "out_of_order"),
        "{audit:?}"
    );
}

#[tokio::test]
async fn missing_csrf_is_refused() {
    let app = TestApp::spawn().await;
    let _ = app.get("/").await;
    let r = app
        .post_form("/reset/start", &[("username", support::EMAIL_USER)])
        .await;
    assert_eq!(r.status(), 403);
    let r = app
        .post_form(
            "/reset/start",
            &[("csrf", "forged"), ("username", support::EMAIL_USER)],
        )
        .await;
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn wrong_codes_burn_the_code_and_then_lock_the_account() {
    let app = TestApp::spawn_with(
        |_| {},
        |s| {
            s.security.code_max_attempts = 3;
            s.security.lockout_failures = 5;
        },
    )
    .await;
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let send = || async {
        app.post_form("/reset/send", &[("csrf", &csrf), ("method", "email:0")])
            .await
    };
    send().await;
    let app_ref = &app;
    let wrong = |c: &'static str| {
        let csrf = csrf.clone();
        async move {
            app_ref
                .post_form("/reset/code", &[("csrf", &csrf), ("code", c)])
                .await
        }
    };
    let r = wrong("00000000").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("2 tries left"));
    wrong("00000001").await;
    let third = wrong("00000002").await.text().await.unwrap();
    assert!(third.contains("expired or was already used"), "{third}");
    // The right code no longer works: it was burnt.
    let code = app.code_sent_to(support::EMAIL_USER_ALT).await;
    let r = app
        .post_form("/reset/code", &[("csrf", &csrf), ("code", &code)])
        .await;
    assert_eq!(r.status(), 422);
    send().await;
    wrong("00000003").await;
    let locked = wrong("00000004").await;
    assert_eq!(locked.status(), 429);
    assert!(locked.text().await.unwrap().contains("paused"));
    // A fresh session and flow are locked out too: the lock lives in the store.
    let other = TestApp::new_client();
    let csrf2 = {
        let page = other
            .get(app.url("/"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        extract_value(&page, "name=\"csrf\" value=\"").unwrap()
    };
    other
        .post(app.url("/reset/start"))
        .form(&[("csrf", csrf2.as_str()), ("username", support::EMAIL_USER)])
        .send()
        .await
        .unwrap();
    let r = other
        .post(app.url("/reset/send"))
        .form(&[("csrf", csrf2.as_str()), ("method", "email:0")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    app.flush().await;
    assert!(
        app.messages()
            .iter()
            .any(|m| matches!(m, Message::Email { subject, .. } if subject.contains("paused")))
    );
}

#[tokio::test]
async fn a_code_works_once() {
    let app = TestApp::spawn_with(|_| {}, |s| s.tenant.required_methods = 2).await;
    app.verify(support::BOTH_USER, support::BOTH_USER_ALT).await;
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let code = app.code_sent_to(support::BOTH_USER_ALT).await;
    // Replaying the first code on the second step is refused.
    let r = app
        .post_form("/reset/code", &[("csrf", &csrf), ("code", &code)])
        .await;
    assert_ne!(r.status(), 303);
}

#[tokio::test]
async fn a_code_from_another_flow_is_refused() {
    let app = TestApp::spawn().await;
    // Flow A gets a code; flow B (another browser, same user) may not use it.
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    app.post_form("/reset/send", &[("csrf", &csrf), ("method", "email:0")])
        .await;
    let code_a = app.code_sent_to(support::EMAIL_USER_ALT).await;

    let b = TestApp::new_client();
    let page = b
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf_b = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    b.post(app.url("/reset/start"))
        .form(&[("csrf", csrf_b.as_str()), ("username", support::EMAIL_USER)])
        .send()
        .await
        .unwrap();
    // B sends its own code too, so a step is pending, then tries A's.
    b.post(app.url("/reset/send"))
        .form(&[("csrf", csrf_b.as_str()), ("method", "email:0")])
        .send()
        .await
        .unwrap();
    app.flush().await;
    let r = b
        .post(app.url("/reset/code"))
        .form(&[("csrf", csrf_b.as_str()), ("code", code_a.as_str())])
        .send()
        .await
        .unwrap();
    // Unless B happened to draw the same code (1 in 10^8), A's code fails here.
    assert_eq!(r.status(), 422);
}

#[tokio::test]
async fn entra_throttling_during_the_change_keeps_the_flow() {
    let app = TestApp::spawn_with(
        |_| {},
        |s| {
            s.tenant.max_attempts = 1;
        },
    )
    .await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    app.sim.state.faults().add(FaultRule {
        method: Some("PATCH".into()),
        path_contains: None,
        times: Some(1),
        kind: FaultKind::Throttle {
            retry_after: "1".into(),
        },
    });
    let r = set_password(&app, STRONG).await;
    assert_eq!(r.status(), 503);
    let body = r.text().await.unwrap();
    assert!(body.contains("still verified"), "{body}");
    app.sim.state.faults().add(FaultRule {
        method: Some("PATCH".into()),
        path_contains: None,
        times: Some(1),
        kind: FaultKind::Status(503),
    });
    assert_eq!(set_password(&app, STRONG).await.status(), 503);
    // Then it works, in the same flow.
    assert_eq!(set_password(&app, STRONG).await.status(), 303);
    assert_eq!(
        app.sim
            .state
            .user(support::EMAIL_USER)
            .unwrap()
            .password
            .as_deref(),
        Some(STRONG)
    );
}

#[tokio::test]
async fn special_accounts_get_the_helpdesk_page_after_verification() {
    for (upn, target, reason) in [
        (
            support::PRIVILEGED_USER,
            support::PRIVILEGED_USER_ALT,
            "privileged",
        ),
        (
            support::SYNCED_USER,
            support::SYNCED_USER_ALT,
            "synced_from_on_premises",
        ),
        (
            support::DISABLED_USER,
            support::DISABLED_USER_ALT,
            "disabled",
        ),
    ] {
        let app = TestApp::spawn().await;
        app.verify(upn, target).await;
        let mut page = app.get_text("/reset").await;
        if page.contains("Choose a new password") {
            set_password(&app, STRONG).await;
            page = app.get_text("/reset").await;
        }
        assert!(page.contains("contact the helpdesk"), "{upn}: {page}");
        assert!(page.contains(reason), "{upn}: {page}");
        assert!(page.contains("+1 555 0100"), "helpdesk contact shown");
    }
}

#[tokio::test]
async fn a_weak_password_is_explained_on_the_same_page() {
    let app = TestApp::spawn().await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let r = set_password(&app, "short").await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("There is a problem"));
    assert!(
        !body.contains("value=\"short\""),
        "the password is never echoed"
    );
}

#[tokio::test]
async fn security_headers_are_present() {
    let app = TestApp::spawn().await;
    let r = app.get("/").await;
    let h = r.headers();
    let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(csp.contains("default-src 'self'"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(h.get("referrer-policy").unwrap(), "no-referrer");
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    let cookie = h.get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let r = app.get("/reset").await;
    assert_eq!(r.headers().get("cache-control").unwrap(), "no-store");
}

#[tokio::test]
async fn bodies_are_capped() {
    let app = TestApp::spawn().await;
    let csrf = app.csrf("/").await;
    let huge = "a".repeat(100_000);
    let r = app
        .post_form("/reset/start", &[("csrf", &csrf), ("username", &huge)])
        .await;
    assert!(r.status().is_client_error(), "{}", r.status());
}

#[tokio::test]
async fn a_breached_password_is_refused_and_history_blocks_reuse() {
    use sha1::Digest;
    let breached = "Correct-Horse-Battery-Staple-1";
    let dir = support::TempDir::new("hibp");
    let file = dir.0.join("pwned.txt");
    let mut lines: Vec<String> = [breached, "something-else-entirely"]
        .iter()
        .map(|p| {
            let h = sha1::Sha1::digest(p.as_bytes());
            format!("{}:42", rekey::random::hex(&h).to_uppercase())
        })
        .collect();
    lines.sort();
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let file_cfg = file.clone();
    let app = TestApp::spawn_with(
        |_| {},
        move |s| {
            s.policy.breached.mode = rekey::policy::BreachedMode::Offline;
            s.policy.breached.file = Some(file_cfg);
        },
    )
    .await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let r = set_password(&app, breached).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("data breaches"));
    assert_eq!(set_password(&app, STRONG).await.status(), 303);

    // The same person resets again and tries the password just set: history refuses it.
    let again = TestApp::new_client();
    let page = again
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    again
        .post(app.url("/reset/start"))
        .form(&[("csrf", csrf.as_str()), ("username", support::EMAIL_USER)])
        .send()
        .await
        .unwrap();
    again
        .post(app.url("/reset/send"))
        .form(&[("csrf", csrf.as_str()), ("method", "email:0")])
        .send()
        .await
        .unwrap();
    let code = app.code_sent_to(support::EMAIL_USER_ALT).await;
    let r = again
        .post(app.url("/reset/code"))
        .form(&[("csrf", csrf.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // Verification brings a new CSRF token.
    let csrf = support::csrf_at(&again, &app.url("/reset")).await;
    let r = again
        .post(app.url("/reset/password"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("password", STRONG),
            ("confirm", STRONG),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("used this password recently")
    );
}
