//! After a reset, "check my devices" lists what still uses the old password.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::{TestApp, extract_value};

async fn reset(app: &TestApp) {
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let pw = "Juniper-Compass-Meadow-64";
    let r = app
        .post_form(
            "/reset/password",
            &[("csrf", &csrf), ("password", pw), ("confirm", pw)],
        )
        .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn the_done_page_lists_devices_still_failing() {
    let app = TestApp::spawn().await;
    // Before the reset finishes the page is not available.
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    assert_eq!(app.get("/reset/devices").await.status(), 409);
    let app = TestApp::spawn().await;
    reset(&app).await;
    let done = app.get_text("/reset").await;
    assert!(done.contains("href=\"/reset/devices\""));
    let page = app.get_text("/reset/devices").await;
    assert!(
        page.contains("Alex&#39;s iPhone") || page.contains("Alex's iPhone"),
        "{page}"
    );
    assert!(page.contains("ALEX-LAPTOP"), "{page}");
    assert!(page.contains("4 failed sign-ins"), "{page}");
    assert!(page.contains("/reset/guide#ios-mail"), "{page}");
}

#[tokio::test]
async fn without_p1_the_feature_steps_aside() {
    let app = TestApp::spawn_with(|o| o.premium = false, |_| {}).await;
    reset(&app).await;
    let page = app.get_text("/reset/devices").await;
    assert!(page.contains("does not include sign-in logs"), "{page}");
}

#[tokio::test]
async fn the_organisation_report_tells_stale_devices_from_spray_and_typos() {
    use std::net::TcpListener;
    let now = support::start_time();
    let s = rekey::simulator::start(
        support::sim_options(now),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    let at = |mins: i64| {
        (now - chrono::Duration::hours(2) + chrono::Duration::minutes(mins))
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let ev = |upn: &str, mins: i64, code: i64, os: &str, ip: &str| {
        serde_json::json!({"id": format!("{upn}-{mins}-{ip}"), "createdDateTime": at(mins), "userPrincipalName": upn, "userId": upn,
            "appDisplayName": "Office 365 Exchange Online", "clientAppUsed": "Exchange ActiveSync", "ipAddress": ip,
            "status": {"errorCode": code}, "deviceDetail": {"operatingSystem": os, "displayName": "", "browser": ""}, "location": {}})
    };
    let mut events = Vec::new();
    for m in (0..90).step_by(10) {
        events.push(ev(
            "alex.wilber@contoso.com",
            m,
            50126,
            "iOS 17",
            "198.51.100.7",
        ));
    }
    for i in 0..6 {
        events.push(ev(
            &format!("victim{i}@contoso.com"),
            i,
            50126,
            "Linux",
            "203.0.113.66",
        ));
    }
    events.push(ev(
        "lee.gu@contoso.com",
        5,
        50126,
        "Windows 11",
        "192.0.2.1",
    ));
    events.push(ev("lee.gu@contoso.com", 6, 0, "Windows 11", "192.0.2.1"));
    s.state.add_signins(events);
    let dir = support::TempDir::new("signins");
    let cfg = dir.0.join("rekey.toml");
    std::fs::write(
        &cfg,
        format!(
            "[server]\nsession_key = \"{}\"\n[security]\ncode_key = \"{}\"\n[tenant]\ntenant_id = \"contoso.com\"\nclient_id = \"{}\"\nclient_secret = \"{}\"\nauthority_host = \"{b}\"\ngraph_base = \"{b}/v1.0\"\n[database]\nurl = \"sqlite://{db}\"\n[email]\ntransport = \"graph\"\ngraph_sender = \"rekey@contoso.com\"\n[log]\nlevel = \"warn\"\n",
            "A".repeat(88),
            "B".repeat(44),
            support::CLIENT_ID,
            support::SECRET,
            b = s.base_url,
            db = dir.0.join("r.db").display()
        ),
    )
    .unwrap();
    let since = (now - chrono::Duration::days(1)).to_rfc3339();
    let report = |notify: bool| {
        let (cfg, since) = (cfg.clone(), since.clone());
        tokio::task::spawn_blocking(move || {
            let mut args = vec!["--config", cfg.to_str().unwrap(), "signins", "report"];
            args.extend(["--format", "csv", "--since", &since]);
            if notify {
                args.push("--notify-stale");
            }
            std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
                .args(&args)
                .output()
                .unwrap()
        })
    };
    let out = report(false).await.unwrap();
    assert!(s.state.sent_mail().is_empty(), "no mail unless asked");
    let csv = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{csv} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = |upn: &str| {
        csv.lines()
            .find(|l| l.contains(upn))
            .unwrap_or("")
            .to_string()
    };
    assert!(
        line("alex.wilber@contoso.com").starts_with("stale_device,"),
        "{csv}"
    );
    assert!(line("victim3@contoso.com").starts_with("spray,"), "{csv}");
    assert!(line("lee.gu@contoso.com").starts_with("typo,"), "{csv}");

    // Optionally, a "having trouble signing in?" note to the stale device's owner, once.
    for _ in 0..2 {
        assert!(report(true).await.unwrap().status.success());
    }
    let notes: Vec<_> = s
        .state
        .sent_mail()
        .into_iter()
        .filter(|m| m.subject == "Having trouble signing in?")
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].to, vec!["alex.wilber@contoso.com".to_string()]);
    assert!(notes[0].body.contains("reset/guide#ios-mail"));

    // The dashboard shows the latest report's counts.
    let store = rekey::store::connect(&format!("sqlite://{}", dir.0.join("r.db").display()), 1)
        .await
        .unwrap();
    let last: serde_json::Value = serde_json::from_str(
        &store
            .kv_get(rekey::signins::REPORT_KEY)
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(last["stale_device"], 1);
    assert!(last["spray"].as_u64().unwrap() >= 6);
}

#[tokio::test]
async fn the_watch_waits_out_throttling() {
    use rekey::{notify::Catcher, signins::watch::Watcher};
    let app = TestApp::spawn().await;
    reset(&app).await;
    let graph = graph_for(&app);
    app.sim.state.faults().add(rekey::simulator::FaultRule {
        method: None,
        path_contains: Some("/auditLogs/signIns".into()),
        times: Some(2),
        kind: rekey::simulator::FaultKind::Throttle {
            retry_after: "0.05".into(),
        },
    });
    let inbox = Catcher::new(std::sync::Arc::new(app.clock.clone()), 100);
    let w = Watcher {
        directory: &graph,
        store: &*app.store,
        notifier: &inbox,
        clock: &app.clock,
        org_name: "Contoso",
        guide_url: "",
        words: &rekey::i18n::Catalogs::load("en").unwrap(),
    };
    let r = w.poll().await.unwrap();
    assert_eq!(r.notified, 2);
    assert_eq!(
        graph
            .stats()
            .throttled
            .load(std::sync::atomic::Ordering::Relaxed),
        2
    );
}

fn graph_for(app: &TestApp) -> rekey::directory::GraphDirectory {
    use rekey::directory::{
        GraphConfig, GraphDirectory,
        graph::{client::RetryPolicy, token::Credential},
    };
    use std::time::Duration;
    GraphDirectory::new(
        GraphConfig {
            tenant_id: "contoso.com".into(),
            client_id: support::CLIENT_ID.into(),
            credential: Credential::Secret(secrecy::SecretString::from(
                support::SECRET.to_string(),
            )),
            authority_host: url::Url::parse(&app.sim.base_url).unwrap(),
            graph_base: url::Url::parse(&format!("{}/v1.0", app.sim.base_url)).unwrap(),
            connect_timeout: Duration::from_secs(2),
            request_timeout: Duration::from_secs(5),
            retry: RetryPolicy {
                request_timeout: Duration::from_secs(5),
                max_attempts: 3,
                deadline: Duration::from_secs(10),
                base_backoff: Duration::from_millis(10),
                max_backoff: Duration::from_millis(50),
            },
            methods_cache: Duration::from_secs(0),
            profile_fallback: true,
        },
        std::sync::Arc::new(app.clock.clone()),
        std::sync::Arc::new(rekey::random::OsRandom),
    )
    .unwrap()
}

#[tokio::test]
async fn the_watch_emails_once_per_new_source_and_not_after_the_fix() {
    use rekey::{notify::Catcher, ports::Message, signins::watch::Watcher};
    let app = TestApp::spawn().await;
    reset(&app).await;
    let graph = graph_for(&app);
    let inbox = Catcher::new(std::sync::Arc::new(app.clock.clone()), 100);
    let watcher = Watcher {
        directory: &graph,
        store: &*app.store,
        notifier: &inbox,
        clock: &app.clock,
        org_name: "Contoso",
        guide_url: "https://password.contoso.com/reset/guide",
        words: &rekey::i18n::Catalogs::load("en").unwrap(),
    };
    let r = watcher.poll().await.unwrap();
    assert_eq!(r.watched, 1);
    assert_eq!(r.notified, 2, "iPhone Mail and Office on the laptop");
    let subjects: Vec<String> = inbox
        .messages()
        .into_iter()
        .filter_map(|m| match m.message {
            Message::Email {
                subject, to, text, ..
            } => {
                assert!(text.contains("AADSTS50126"));
                Some(format!("{to}: {subject}"))
            }
            _ => None,
        })
        .collect();
    // To the work mailbox and the alternate address, for each source.
    assert_eq!(subjects.len(), 4, "{subjects:?}");
    assert!(
        subjects
            .iter()
            .any(|s| s.contains("Alex's iPhone") && s.contains("still using your old password"))
    );
    // More failures from the same devices: no second email.
    app.sim.state.add_signins(vec![serde_json::json!({
        "id": "later", "createdDateTime": (support::start_time() + chrono::Duration::minutes(5)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "userId": app.sim.state.user(support::EMAIL_USER).unwrap().id, "userPrincipalName": support::EMAIL_USER,
        "appDisplayName": "Office 365 Exchange Online", "clientAppUsed": "Exchange ActiveSync", "ipAddress": "198.51.100.23",
        "status": {"errorCode": 50126}, "deviceDetail": {"operatingSystem": "iOS 17.5", "displayName": "Alex's iPhone", "browser": ""}, "location": {}
    })]);
    let r = watcher.poll().await.unwrap();
    assert_eq!(r.notified, 0);
    assert_eq!(inbox.messages().len(), 4);
}

#[tokio::test]
async fn without_p1_the_watch_reports_unavailable() {
    use rekey::{notify::Catcher, signins::watch::Watcher};
    let app = TestApp::spawn_with(|o| o.premium = false, |_| {}).await;
    reset(&app).await;
    let graph = graph_for(&app);
    let inbox = Catcher::new(std::sync::Arc::new(app.clock.clone()), 100);
    let w = Watcher {
        directory: &graph,
        store: &*app.store,
        notifier: &inbox,
        clock: &app.clock,
        org_name: "Contoso",
        guide_url: "",
        words: &rekey::i18n::Catalogs::load("en").unwrap(),
    };
    let r = w.poll().await.unwrap();
    assert!(r.unavailable);
    assert!(inbox.messages().is_empty());
}
