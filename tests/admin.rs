//! The admin listener: metrics move as a flow runs; the token is enforced; the dashboard
//! counts what the store holds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::{net::TcpListener, sync::Arc};

use rekey::{
    admin::{AdminState, build, hash_token},
    clock::{ManualClock, OsRandom, Random},
    ports::store::AuditEvent,
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
