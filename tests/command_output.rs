//! Commands print their data on standard output and their logs on standard error, so
//! `rekey … > file.csv` gives a clean file even at `trace`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{io::Write, net::TcpListener, process::Stdio};

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

async fn rekey(cfg: &std::path::Path, args: &[&str], stdin: Option<&str>) -> Run {
    let cfg = cfg.to_path_buf();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let stdin = stdin.map(str::to_string);
    tokio::task::spawn_blocking(move || {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
            .arg("--config")
            .arg(&cfg)
            .args(&args)
            .env("REKEY_LOG__LEVEL", "trace")
            .env_remove("RUST_LOG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(input) = stdin {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
        }
        drop(child.stdin.take());
        let out = child.wait_with_output().unwrap();
        Run {
            ok: out.status.success(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8_lossy(&out.stderr).to_string(),
        }
    })
    .await
    .unwrap()
}

/// Every line has the header's number of fields (quoted fields may hold commas).
fn assert_csv(what: &str, text: &str, header: &str, min_rows: usize) {
    let fields = |line: &str| {
        let (mut n, mut quoted) = (1, false);
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => n += 1,
                _ => {}
            }
        }
        n
    };
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(header), "{what}: first line\n{text}");
    let width = fields(header);
    let mut rows = 0;
    for line in lines {
        assert_eq!(fields(line), width, "{what}: not a CSV row: {line}");
        rows += 1;
    }
    assert!(rows >= min_rows, "{what}: {rows} rows\n{text}");
}

#[tokio::test]
async fn data_on_stdout_logs_on_stderr_even_at_trace() {
    let now = support::start_time();
    let sim = rekey::simulator::start(
        support::sim_options(now),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    sim.state.set_premium(true);
    sim.state.add_signins(vec![serde_json::json!({
        "id": "s1", "createdDateTime": (now - chrono::Duration::hours(1)).to_rfc3339(),
        "userPrincipalName": "lee.gu@contoso.com", "userId": "u1", "appDisplayName": "Outlook",
        "clientAppUsed": "Browser", "ipAddress": "192.0.2.1", "status": {"errorCode": 50126},
        "deviceDetail": {"operatingSystem": "Windows 11", "displayName": "", "browser": ""},
        "location": {"city": "Redmond", "countryOrRegion": "US"},
    })]);
    let dir = support::TempDir::new("stdout");
    let cfg = dir.0.join("rekey.toml");
    std::fs::write(
        &cfg,
        format!(
            "[server]\nsession_key = \"{}\"\n[security]\ncode_key = \"{}\"\n[tenant]\ntenant_id = \"contoso.com\"\nclient_id = \"{}\"\nclient_secret = \"{}\"\nauthority_host = \"{b}\"\ngraph_base = \"{b}/v1.0\"\n[database]\nurl = \"sqlite://{db}\"\n[email]\ntransport = \"graph\"\ngraph_sender = \"rekey@contoso.com\"\n",
            "A".repeat(88),
            "B".repeat(44),
            support::CLIENT_ID,
            support::SECRET,
            b = sim.base_url,
            db = dir.0.join("r.db").display()
        ),
    )
    .unwrap();

    let expiring = rekey(&cfg, &["users", "expiring", "--format", "csv"], None).await;
    assert!(expiring.ok, "{}", expiring.stderr);
    assert_csv(
        "users expiring",
        &expiring.stdout,
        "upn,expires,days_left,source",
        1,
    );
    assert!(
        expiring.stderr.contains("TRACE") || expiring.stderr.contains("DEBUG"),
        "the logs went to stderr: {}",
        expiring.stderr
    );

    let since = (now - chrono::Duration::days(1)).to_rfc3339();
    let report = rekey(
        &cfg,
        &["signins", "report", "--format", "csv", "--since", &since],
        None,
    )
    .await;
    assert!(report.ok, "{}", report.stderr);
    let header = report.stdout.lines().next().unwrap_or("").to_string();
    assert!(header.starts_with("pattern,"), "{}", report.stdout);
    assert_csv("signins report", &report.stdout, &header, 0);

    // A pass leaves an audit event to export.
    let csv = dir.0.join("report.csv");
    let pass = rekey(
        &cfg,
        &["reminders", "run", "--report", csv.to_str().unwrap()],
        None,
    )
    .await;
    assert!(pass.ok, "{}", pass.stderr);
    assert!(pass.stdout.starts_with("Reminder pass"), "{}", pass.stdout);
    assert_csv(
        "reminder report",
        &std::fs::read_to_string(&csv).unwrap(),
        "upn,to,expires,days_left,threshold,outcome,source",
        1,
    );

    let jsonl = rekey(&cfg, &["audit", "export"], None).await;
    assert!(jsonl.ok, "{}", jsonl.stderr);
    assert!(!jsonl.stdout.is_empty());
    for line in jsonl.stdout.lines() {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    }
    let audit_csv = rekey(&cfg, &["audit", "export", "--format", "csv"], None).await;
    assert!(audit_csv.ok, "{}", audit_csv.stderr);
    assert_csv(
        "audit export",
        &audit_csv.stdout,
        "id,at,correlation_id,account,action,outcome,client_addr,user_agent,detail",
        1,
    );

    // Another instance holds the lease: a manual run waits (here 1 s), then says who holds
    // it until when, and fails instead of silently doing nothing.
    {
        use rekey::clock::Clock;
        let store = rekey::store::connect(&format!("sqlite://{}", dir.0.join("r.db").display()), 1)
            .await
            .unwrap();
        let now = rekey::clock::SystemClock.now();
        assert!(
            store
                .lease_acquire(
                    rekey::reminders::pass::LEASE,
                    "other-host-77",
                    now + chrono::Duration::minutes(10),
                    now
                )
                .await
                .unwrap()
        );
    }
    let busy = rekey(&cfg, &["reminders", "run", "--wait", "1"], None).await;
    assert!(!busy.ok, "a busy lease is a failure: {}", busy.stdout);
    assert!(busy.stderr.contains("other-host-77"), "{}", busy.stderr);
    assert!(busy.stdout.is_empty(), "{}", busy.stdout);

    let policy = rekey(
        &cfg,
        &["policy", "check", "--json"],
        Some("Quixotic-Marmalade-Vortex-71\n"),
    )
    .await;
    assert!(policy.ok, "{}", policy.stderr);
    let verdict: serde_json::Value = serde_json::from_str(&policy.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", policy.stdout));
    assert_eq!(verdict["accepted"], true);
}
