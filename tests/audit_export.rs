//! `rekey audit export` streams every event, in order, and the JSON lines round-trip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rekey::{
    ports::store::AuditEvent,
    random::{OsRandom, Random},
};

#[tokio::test]
async fn export_round_trips_every_event() {
    let dir = std::env::temp_dir().join(format!("rekey-audit-{}", OsRandom.token_hex(4)));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/a.db", dir.display());
    let store = rekey::store::connect(&url, 2).await.unwrap();
    let base = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let mut events = Vec::new();
    // 12,000 events, many sharing a second, to cross the export's page size.
    for i in 0..12_000u32 {
        events.push(AuditEvent {
            id: format!("{:08}", i),
            at: base + chrono::Duration::seconds(i64::from(i / 7)),
            correlation_id: format!("c{i}"),
            account: Some(format!("user{i}@contoso.com")),
            action: "code.verify".into(),
            outcome: if i % 2 == 0 {
                "wrong".into()
            } else {
                "verified".into()
            },
            client_addr: Some("192.0.2.7".into()),
            user_agent: Some("Mozilla/5.0 (X11; \"quoted\", comma)".into()),
            detail: Some("{\"method\":\"email:0\"}".into()),
        });
    }
    for e in &events {
        store.audit_append(e).await.unwrap();
    }
    let cfg = dir.join("rekey.toml");
    std::fs::write(&cfg, format!("[database]\nurl = \"{url}\"\n")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
        .args(["--config", cfg.to_str().unwrap(), "audit", "export"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported: Vec<AuditEvent> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(exported, events);

    let since = (base + chrono::Duration::seconds(1000)).to_rfc3339();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
        .args([
            "--config",
            cfg.to_str().unwrap(),
            "audit",
            "export",
            "--format",
            "csv",
            "--since",
            &since,
        ])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        csv.lines().count(),
        1 + (12_000 - 7000),
        "header + events from second 1000"
    );
    assert!(
        csv.contains("\"Mozilla/5.0 (X11; \"\"quoted\"\", comma)\""),
        "CSV quoting"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
