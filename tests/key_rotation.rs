//! Rotating the session and code keys does not end resets in progress: the previous keys
//! are still accepted, and without them the flow cleanly expires.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{net::TcpListener, sync::Arc};

use base64::Engine;
use chrono::{DateTime, Utc};
use rekey::{cli::drive::ResetDriver, clock::ManualClock, notify::Catcher, settings::Settings};
use secrecy::SecretString;
use support::extract_value;

fn key(byte: u8, n: usize) -> SecretString {
    SecretString::from(base64::engine::general_purpose::STANDARD.encode(vec![byte; n]))
}

async fn portal(settings: Settings, catcher: &Catcher, clock: &ManualClock) -> String {
    let services = rekey::app::assemble(
        settings,
        Arc::new(clock.clone()),
        Arc::new(rekey::random::OsRandom),
        Some(catcher.clone()),
    )
    .await
    .unwrap();
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(rekey::web::build(services, l).unwrap());
    base
}

/// A simulated tenant, a database, and settings with session key 1 and code key 2.
async fn tenant(
    tag: &str,
) -> (
    rekey::simulator::SimServer,
    support::TempDir,
    Settings,
    DateTime<Utc>,
) {
    let now = support::start_time();
    let sim = rekey::simulator::start(
        support::sim_options(now),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    let dir = support::TempDir::new(tag);
    let db = dir.0.join("r.db");
    let mut settings = support::test_settings(&sim.base_url, db.to_str().unwrap());
    settings.server.session_key = Some(key(1, 64));
    settings.security.code_key = Some(key(2, 32));
    (sim, dir, settings, now)
}

#[tokio::test]
async fn a_reset_survives_a_key_rotation() {
    let (sim, _dir, old, now) = tenant("rotation").await;
    let mut new = old.clone();
    new.server.session_key = Some(key(3, 64));
    new.security.code_key = Some(key(4, 32));
    let mut rotating = new.clone();
    rotating.server.session_key_previous = Some(key(1, 64));
    rotating.security.code_key_previous = Some(key(2, 32));

    let clock = ManualClock::new(now);
    let catcher = Catcher::new(Arc::new(clock.clone()), 100);
    let before = portal(old, &catcher, &clock).await;
    let during = portal(rotating, &catcher, &clock).await;
    let after_without = portal(new, &catcher, &clock).await;

    let person = ResetDriver::new().unwrap();
    assert!(
        person
            .start(&before, support::EMAIL_USER)
            .await
            .unwrap()
            .moved_on()
    );
    assert!(person.send(&before, None).await.unwrap().moved_on());
    let code = catcher
        .code_for(support::EMAIL_USER_ALT, std::time::Duration::from_secs(10))
        .await
        .expect("a code");

    // New keys with the previous ones: the reset goes on where it was.
    let step = person.enter_code(&during, &code).await.unwrap();
    assert_eq!(step.status, 303);
    let pw = "Saffron-Glacier-Tunnel-47";
    assert!(person.set_password(&during, pw).await.unwrap().moved_on());
    assert_eq!(
        sim.state
            .user(support::EMAIL_USER)
            .unwrap()
            .password
            .as_deref(),
        Some(pw)
    );
    let c = person.client();
    let r = c.get(format!("{during}/reset")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Your password has been changed")
    );

    // New keys alone: an old cookie cannot be read, and the reset cleanly expires.
    let c2 = support::TestApp::new_client();
    let page = c2
        .get(format!("{before}/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf2 = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    c2.post(format!("{before}/reset/start"))
        .form(&[("csrf", csrf2.as_str()), ("username", support::SMS_USER)])
        .send()
        .await
        .unwrap();
    assert_eq!(
        c2.get(format!("{before}/reset"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        c2.get(format!("{after_without}/reset"))
            .send()
            .await
            .unwrap()
            .status(),
        410
    );
}

#[tokio::test]
async fn decoys_stay_the_same_when_the_code_key_changes() {
    let (_sim, _dir, old, now) = tenant("decoy-rotation").await;
    let mut new = old.clone();
    new.security.code_key = Some(key(4, 32));
    let clock = ManualClock::new(now);
    let catcher = Catcher::new(Arc::new(clock.clone()), 100);
    let mut shown = Vec::new();
    for settings in [old, new] {
        let base = portal(settings, &catcher, &clock).await;
        let c = support::TestApp::new_client();
        let home = c.get(format!("{base}/")).send().await.unwrap();
        let csrf = extract_value(&home.text().await.unwrap(), "name=\"csrf\" value=\"").unwrap();
        c.post(format!("{base}/reset/start"))
            .form(&[("csrf", csrf.as_str()), ("username", "ghost@contoso.com")])
            .send()
            .await
            .unwrap();
        let page = c
            .get(format!("{base}/reset"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        shown.push(support::methods_fieldset(&page));
    }
    assert!(shown[0].contains("•••"));
    assert_eq!(shown[0], shown[1], "a name's decoys outlive the code key");
}
