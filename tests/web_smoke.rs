//! The portal over HTTP with an in-memory directory: every page of the flow renders and a
//! reset completes. (The simulator-backed suites cover Graph behaviour.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::{net::TcpListener, sync::Arc};

use rekey::{
    clock::ManualClock,
    directory::memory::MemoryDirectory,
    notify::Catcher,
    ports::directory::{ContactMethods, DirectoryUser},
    random::{OsRandom, Random},
    settings::Settings,
};

fn settings(db: &str) -> Settings {
    use base64::Engine;
    let key = |n: usize| {
        let mut b = vec![0u8; n];
        OsRandom.fill(&mut b);
        secrecy::SecretString::from(base64::engine::general_purpose::STANDARD.encode(b))
    };
    let mut s = Settings::default();
    s.server.session_key = Some(key(64));
    s.security.code_key = Some(key(32));
    s.security.start_floor_ms = 0;
    s.database.set_url(format!("sqlite://{db}"));
    s.email.transport = rekey::settings::EmailTransport::Catcher;
    s.sms.provider = rekey::settings::SmsProvider::Catcher;
    s
}

/// The value of a Prometheus sample line starting with `name` (0 when absent).
fn counter(text: &str, name: &str) -> f64 {
    text.lines()
        .find(|l| {
            l.starts_with(name) && l[name.len()..].starts_with([' ', '{'])
                || l.starts_with(&format!("{name} "))
        })
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

fn value(page: &str, marker: &str) -> String {
    let start = page
        .find(marker)
        .map(|i| i + marker.len())
        .unwrap_or_else(|| panic!("{marker} in {page}"));
    let end = page[start..].find('"').unwrap() + start;
    page[start..end].to_string()
}

#[tokio::test]
async fn every_page_renders_and_a_reset_completes() {
    let user = DirectoryUser {
        id: "u1".into(),
        upn: "ada@contoso.com".into(),
        display_name: Some("Ada Lovelace".into()),
        given_name: Some("Ada".into()),
        surname: Some("Lovelace".into()),
        mail: Some("ada@contoso.com".into()),
        account_enabled: true,
        ..Default::default()
    };
    let methods = ContactMethods {
        emails: vec!["ada.private@example.org".into()],
        mobiles: vec!["+44 7700900123".into()],
    };
    let metrics = rekey::telemetry::prometheus().expect("a recorder");
    let completed_before = counter(&metrics.render(), "rekey_resets_completed_total");
    let directory = Arc::new(MemoryDirectory::with_users(vec![(user, methods)]));
    let dir = std::env::temp_dir().join(format!("rekey-smoke-{}", OsRandom.token_hex(4)));
    std::fs::create_dir_all(&dir).unwrap();
    let clock = ManualClock::new(chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap());
    let catcher = Catcher::new(Arc::new(clock.clone()), 100);
    let services = rekey::app::assemble_with(
        settings(dir.join("r.db").to_str().unwrap()),
        directory.clone(),
        None,
        Arc::new(clock.clone()),
        Arc::new(OsRandom),
        Some(catcher.clone()),
    )
    .await
    .unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = rekey::web::build(services, listener).unwrap();
    tokio::spawn(server);
    let c = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    let home = c.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    let home = home.text().await.unwrap();
    let csrf = value(&home, "name=\"csrf\" value=\"");

    let r = c
        .post(format!("{base}/reset/start"))
        .form(&[("csrf", csrf.as_str()), ("username", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("There is a problem"));

    let r = c
        .post(format!("{base}/reset/start"))
        .form(&[("csrf", csrf.as_str()), ("username", "Ada@Contoso.com")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let page = c
        .get(format!("{base}/reset"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("a•••@e•••.org"), "{page}");
    assert!(page.contains("+44 ••• ••• ••23"), "{page}");
    assert!(page.contains("Step 2 of 3"), "{page}");

    let r = c
        .post(format!("{base}/reset/send"))
        .form(&[("csrf", csrf.as_str()), ("method", "sms:0")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let page = c
        .get(format!("{base}/reset"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Enter the code"), "{page}");
    assert!(page.contains("autocomplete=\"one-time-code\""));
    let code = catcher
        .code_for("+44 7700900123", std::time::Duration::from_secs(10))
        .await
        .expect("an SMS with the code");

    let r = c
        .post(format!("{base}/reset/code"))
        .form(&[("csrf", csrf.as_str()), ("code", "11111111")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let r = c
        .post(format!("{base}/reset/code"))
        .form(&[("csrf", csrf.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let page = c
        .get(format!("{base}/reset"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Choose a new password"), "{page}");
    assert!(page.contains("autocomplete=\"new-password\""));
    // Verification brings a new CSRF token.
    let csrf = value(&page, "name=\"csrf\" value=\"");

    let check = c
        .post(format!("{base}/api/password/check"))
        .header("X-CSRF-Token", &csrf)
        .json(&serde_json::json!({"password": "ada"}))
        .send()
        .await
        .unwrap();
    assert_eq!(check.status(), 200);
    let v: serde_json::Value = check.json().await.unwrap();
    assert_eq!(v["accepted"], false);
    assert!(!v.to_string().contains("\"ada\""), "never echoed");
    let forged = c
        .post(format!("{base}/api/password/check"))
        .json(&serde_json::json!({"password": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);

    let pw = "Glacier-Pepper-Monsoon-31";
    let r = c
        .post(format!("{base}/reset/password"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("password", pw),
            ("confirm", "different"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let r = c
        .post(format!("{base}/reset/password"))
        .form(&[("csrf", csrf.as_str()), ("password", pw), ("confirm", pw)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(directory.password_of("u1").as_deref(), Some(pw));
    let after = metrics.render();
    assert_eq!(
        counter(&after, "rekey_resets_completed_total"),
        completed_before + 1.0,
        "{after}"
    );
    assert!(
        counter(&after, "rekey_codes_sent_total{channel=\"sms\"}") >= 1.0,
        "{after}"
    );
    let done = c
        .get(format!("{base}/reset"))
        .header(
            "User-Agent",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)",
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(done.contains("Your password has been changed"), "{done}");
    let first_place = done.find("<h3>").unwrap();
    assert!(
        done[first_place..].starts_with("<h3>iPhone"),
        "the phone in hand comes first"
    );

    let guide = c.get(format!("{base}/reset/guide")).send().await.unwrap();
    assert_eq!(guide.status(), 200);
    let missing = c.get(format!("{base}/nope")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("Page not found"));
    let fresh = reqwest::Client::new()
        .get(format!("{base}/reset"))
        .send()
        .await
        .unwrap();
    assert_eq!(fresh.status(), 410);
    let _ = std::fs::remove_dir_all(&dir);
}
