//! The admin listener: metrics move as a flow runs; the token is enforced; the dashboard
//! counts what the store holds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::{net::TcpListener, sync::Arc};

use rekey::{
    admin::{AdminState, build, hash_token},
    clock::ManualClock,
    ports::store::AuditEvent,
    random::{OsRandom, Random},
    settings::AdminSettings,
};

#[tokio::test]
async fn metrics_need_the_token_and_move_with_activity() {
    let handle = rekey::telemetry::prometheus();
    assert!(handle.is_some());
    let dir = std::env::temp_dir().join(format!("rekey-admin-{}", OsRandom.token_hex(4)));
    let store = rekey::store::connect(&format!("sqlite://{}/a.db", dir.display()), 2)
        .await
        .unwrap();
    let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let clock = ManualClock::new(now);
    for i in 0..3 {
        store
            .audit_append(&AuditEvent {
                id: format!("e{i}"),
                at: now - chrono::Duration::days(i),
                correlation_id: "c".into(),
                account: None,
                action: "password.set".into(),
                outcome: "success".into(),
                client_addr: None,
                user_agent: None,
                detail: None,
            })
            .await
            .unwrap();
    }
    store
        .kv_set(
            rekey::signins::REPORT_KEY,
            r#"{"at":"2027-01-15T08:00:00Z","events":5000,"stale_device":7,"spray":12,"typo":30,"unclear":2}"#,
        )
        .await
        .unwrap();
    let token = "s3cret-admin-token";
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = build(
        AdminState {
            store,
            settings: AdminSettings {
                token_hash: Some(hash_token(token).unwrap()),
                cost_per_ticket: 20.0,
                ..AdminSettings::default()
            },
            clock: Arc::new(clock),
            metrics: handle,
            verifications: AdminState::verification_slots(),
        },
        listener,
    )
    .unwrap();
    tokio::spawn(server);
    let c = reqwest::Client::new();
    assert_eq!(
        c.get(format!("{base}/metrics"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let wrong = c
        .get(format!("{base}/metrics"))
        .bearer_auth("nope")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);

    metrics::counter!(rekey::telemetry::names::RESETS_COMPLETED).increment(2);
    let body = c
        .get(format!("{base}/metrics"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("rekey_resets_completed_total"), "{body}");

    let dash = c
        .get(format!("{base}/"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(dash.status(), 200);
    let html = dash.text().await.unwrap();
    assert!(
        html.contains("<strong>3</strong> passwords reset"),
        "{html}"
    );
    assert!(html.contains("60 EUR"), "{html}");
    assert!(html.contains("<svg"));
    assert!(
        html.contains("7 users with a stale saved password"),
        "{html}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn state(store: Arc<dyn rekey::ports::Store>, token_hash: Option<String>) -> AdminState {
    AdminState {
        store,
        settings: AdminSettings {
            token_hash,
            ..AdminSettings::default()
        },
        clock: Arc::new(ManualClock::new(
            chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        )),
        metrics: None,
        verifications: AdminState::verification_slots(),
    }
}

async fn temp_store() -> Arc<dyn rekey::ports::Store> {
    let dir = std::env::temp_dir().join(format!("rekey-admin-{}", OsRandom.token_hex(4)));
    rekey::store::connect(&format!("sqlite://{}/a.db", dir.display()), 1)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_open_admin_listener_without_a_token_refuses_to_start() {
    let store = temp_store().await;
    let open = TcpListener::bind("0.0.0.0:0").unwrap();
    assert!(build(state(store.clone(), None), open).is_err());
    let open = TcpListener::bind("0.0.0.0:0").unwrap();
    let hash = hash_token("t").unwrap();
    assert!(build(state(store.clone(), Some(hash)), open).is_ok());
    let local = TcpListener::bind("127.0.0.1:0").unwrap();
    assert!(build(state(store, None), local).is_ok());
}

#[tokio::test]
async fn token_checks_wait_for_a_free_slot() {
    let token = "s3cret-admin-token";
    let mut st = state(temp_store().await, Some(hash_token(token).unwrap()));
    // Every slot taken: a right token is not even hashed, the caller is told to retry.
    st.verifications = Arc::new(tokio::sync::Semaphore::new(0));
    let slots = st.verifications.clone();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(build(st, listener).unwrap());
    let c = reqwest::Client::new();
    let r = c
        .get(format!("{base}/metrics"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["retry-after"], "1");
    // A slot frees up: the same request passes.
    slots.add_permits(1);
    let r = c
        .get(format!("{base}/metrics"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(slots.available_permits(), 1, "the slot is given back");
}
