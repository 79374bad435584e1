//! The Store contract, run against SQLite and (when `REKEY_TEST_PG_URL` is set, as the
//! test script does) a real PostgreSQL server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chrono::Duration;
use rekey::clock::Clock;
use rekey::{
    ports::{
        Store,
        store::{AuditEvent, CodeRow, FlowRow},
    },
    random::{OsRandom, Random},
};

async fn contract(store: Arc<dyn Store>) {
    let tag = OsRandom.token_hex(6);
    let now =
        chrono::DateTime::from_timestamp(rekey::clock::SystemClock.now().timestamp(), 0).unwrap();
    store.ping().await.unwrap();

    // Flows: optimistic versions.
    let mut flow = FlowRow {
        id: format!("flow-{tag}"),
        data: "{}".into(),
        version: 1,
        updated_at: now,
        expires_at: now + Duration::minutes(15),
    };
    store.flow_insert(&flow).await.unwrap();
    assert_eq!(store.flow_get(&flow.id).await.unwrap(), Some(flow.clone()));
    flow.version = 2;
    flow.data = "{\"a\":1}".into();
    assert!(store.flow_update(&flow).await.unwrap());
    assert!(
        !store.flow_update(&flow).await.unwrap(),
        "a stale version loses"
    );
    assert!(
        !store.flow_delete(&flow.id, 1).await.unwrap(),
        "a stale delete loses"
    );
    let mut gone = flow.clone();
    gone.id = format!("gone-{tag}");
    gone.version = 1;
    store.flow_insert(&gone).await.unwrap();
    assert!(store.flow_delete(&gone.id, 1).await.unwrap());
    assert_eq!(store.flow_get(&gone.id).await.unwrap(), None);
    assert_eq!(
        store.flow_get(&flow.id).await.unwrap().unwrap().data,
        "{\"a\":1}"
    );

    // Codes: attempts, single use, replacement.
    let code = CodeRow {
        flow_id: flow.id.clone(),
        method: "email:0".into(),
        hash: vec![1, 2, 3],
        expires_at: now + Duration::minutes(10),
        attempts: 0,
        consumed: false,
    };
    store.code_put(&code).await.unwrap();
    assert_eq!(store.code_fail(&flow.id, "email:0").await.unwrap(), 1);
    assert_eq!(store.code_fail(&flow.id, "email:0").await.unwrap(), 2);
    assert!(store.code_consume(&flow.id, "email:0").await.unwrap());
    assert!(
        !store.code_consume(&flow.id, "email:0").await.unwrap(),
        "single use"
    );
    let got = store.code_get(&flow.id, "email:0").await.unwrap().unwrap();
    assert!(got.consumed);
    assert_eq!(got.attempts, 2);
    store.code_put(&code).await.unwrap();
    let fresh = store.code_get(&flow.id, "email:0").await.unwrap().unwrap();
    assert!(!fresh.consumed);
    assert_eq!(fresh.attempts, 0);

    // Counters and locks.
    let key = format!("addr:{tag}");
    assert_eq!(store.counter_hit(&key, 60).await.unwrap(), 1);
    assert_eq!(store.counter_hit(&key, 60).await.unwrap(), 2);
    assert_eq!(
        store.counter_hit(&key, 120).await.unwrap(),
        1,
        "a new window"
    );
    assert_eq!(store.counter_get(&key, 60).await.unwrap(), 2);
    assert_eq!(store.lock_get(&key).await.unwrap(), None);
    let until = now + Duration::minutes(15);
    assert!(
        store.lock_set(&key, until, now).await.unwrap(),
        "a new lock"
    );
    assert!(
        !store
            .lock_set(&key, until + Duration::minutes(1), now)
            .await
            .unwrap(),
        "a running lock is not set again"
    );
    assert_eq!(store.lock_get(&key).await.unwrap(), Some(until));
    assert!(
        store
            .lock_set(&key, until + Duration::minutes(20), until)
            .await
            .unwrap(),
        "an expired lock is replaced"
    );

    // Write-once values.
    let name = format!("once:{tag}");
    assert!(store.kv_set_new(&name, "first").await.unwrap());
    assert!(!store.kv_set_new(&name, "second").await.unwrap());
    assert_eq!(store.kv_get(&name).await.unwrap().as_deref(), Some("first"));

    // Audit round-trip.
    let event = AuditEvent {
        id: format!("0000-{tag}"),
        at: now,
        correlation_id: "c".into(),
        account: Some("a@contoso.com".into()),
        action: "reset.start".into(),
        outcome: "known".into(),
        client_addr: Some("192.0.2.1".into()),
        user_agent: None,
        detail: Some("{\"x\":1}".into()),
    };
    store.audit_append(&event).await.unwrap();
    let events = store.audit_after(now, "", 10_000).await.unwrap();
    assert!(events.contains(&event));

    // Password history keeps the newest N.
    let user = format!("user-{tag}");
    for h in ["h1", "h2", "h3"] {
        store.history_push(&user, h, 2).await.unwrap();
    }
    assert_eq!(store.history_get(&user).await.unwrap(), vec!["h3", "h2"]);

    // Reminder ledger: recorded once.
    assert!(store.ledger_record(&user, 42, 7, now).await.unwrap());
    assert!(!store.ledger_record(&user, 42, 7, now).await.unwrap());
    store.ledger_mark(&user, 42, 7, "sent", now).await.unwrap();
    assert_eq!(
        store.ledger_get(&user, 42).await.unwrap(),
        vec![(7, "sent".to_string())]
    );
    assert!(
        store.ledger_get(&user, 43).await.unwrap().is_empty(),
        "a new cycle"
    );

    // Leases: one holder at a time until expiry.
    let lease = format!("lease-{tag}");
    assert!(
        store
            .lease_acquire(&lease, "a", now + Duration::minutes(5), now)
            .await
            .unwrap()
    );
    assert!(
        store
            .lease_acquire(&lease, "a", now + Duration::minutes(6), now)
            .await
            .unwrap(),
        "renew"
    );
    assert!(
        !store
            .lease_acquire(&lease, "b", now + Duration::minutes(5), now)
            .await
            .unwrap()
    );
    let later = now + Duration::minutes(7);
    assert!(
        store
            .lease_acquire(&lease, "b", later + Duration::minutes(5), later)
            .await
            .unwrap(),
        "expired lease taken over"
    );
    assert_eq!(
        store.lease_get(&lease).await.unwrap(),
        Some(("b".to_string(), later + Duration::minutes(5)))
    );
    store.lease_release(&lease, "a").await.unwrap();
    assert!(
        !store
            .lease_acquire(&lease, "a", later, later)
            .await
            .unwrap(),
        "only the holder releases"
    );
    store.lease_release(&lease, "b").await.unwrap();
    assert!(
        store
            .lease_acquire(&lease, "a", later, later)
            .await
            .unwrap()
    );

    // Retention removes old audit events and counters.
    assert!(
        store
            .retention_prune(now + Duration::seconds(1))
            .await
            .unwrap()
            >= 1
    );
    assert!(
        !store
            .audit_after(now, "", 10_000)
            .await
            .unwrap()
            .contains(&event)
    );
    assert_eq!(store.counter_get(&key, 60).await.unwrap(), 0);

    // Pruning removes expired flows and their codes.
    assert!(store.flows_prune(now + Duration::hours(1)).await.unwrap() >= 1);
    assert_eq!(store.flow_get(&flow.id).await.unwrap(), None);
    assert_eq!(store.code_get(&flow.id, "email:0").await.unwrap(), None);
}

#[tokio::test]
async fn sqlite_honours_the_store_contract() {
    let dir = std::env::temp_dir().join(format!("rekey-store-{}", OsRandom.token_hex(6)));
    let url = format!("sqlite://{}", dir.join("nested/rekey.db").display());
    contract(rekey::store::connect(&url, 4).await.unwrap()).await;
    // Migrations are idempotent: a second start on the same file works.
    contract(rekey::store::connect(&url, 4).await.unwrap()).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn postgres_honours_the_store_contract() {
    let Ok(url) = std::env::var("REKEY_TEST_PG_URL") else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must provide REKEY_TEST_PG_URL"
        );
        eprintln!(
            "REKEY_TEST_PG_URL not set: PostgreSQL contract skipped (scripts/test.sh sets it)"
        );
        return;
    };
    contract(rekey::store::connect(&url, 4).await.unwrap()).await;
    contract(rekey::store::connect(&url, 4).await.unwrap()).await;
}

#[tokio::test]
async fn a_store_failure_keeps_its_cause() {
    use rekey::telemetry::Chain;
    let Err(e) = rekey::store::connect("sqlite:///proc/rekey-cannot-be-here/r.db", 1).await else {
        panic!("a database under /proc cannot be created");
    };
    assert!(
        matches!(e, rekey::ports::StoreError::Unavailable(_)),
        "{e:?}"
    );
    assert!(std::error::Error::source(&e).is_some(), "the cause is kept");
    let logged = Chain(&e).to_string();
    assert!(
        logged.starts_with("the database is unavailable: cannot create /proc/"),
        "{logged}"
    );
}
