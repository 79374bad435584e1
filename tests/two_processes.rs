//! Two `rekey serve` processes on one PostgreSQL database: a flow started on one finishes
//! on the other, and concurrent reminder passes from two processes send each reminder once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{net::TcpListener, process::Stdio, time::Duration};

use rekey::cli::drive::ResetDriver;

struct Proc(std::process::Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn two_serve_processes_share_flows_and_reminders() {
    let Some(db) = support::new_postgres_database().await else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must provide REKEY_TEST_PG_URL"
        );
        eprintln!("no PostgreSQL: two-process test skipped");
        return;
    };
    let now = support::start_time();
    let sim = rekey::simulator::start(
        support::sim_options(now),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    let dir = support::TempDir::new("procs");
    let cfg = dir.0.join("rekey.toml");
    std::fs::write(
        &cfg,
        format!(
            "[server]\nsession_key = \"{}\"\n[security]\ncode_key = \"{}\"\nstart_floor_ms = 0\n[tenant]\ntenant_id = \"contoso.com\"\nclient_id = \"{}\"\nclient_secret = \"{}\"\nauthority_host = \"{b}\"\ngraph_base = \"{b}/v1.0\"\n[database]\nurl = \"{db}\"\n[email]\ntransport = \"graph\"\ngraph_sender = \"rekey@contoso.com\"\n[reminders]\nrate_per_minute = 0\n[log]\nlevel = \"warn\"\n",
            "A".repeat(88),
            "B".repeat(44),
            support::CLIENT_ID,
            support::SECRET,
            b = sim.base_url
        ),
    )
    .unwrap();
    let mut procs = Vec::new();
    let mut bases = Vec::new();
    for _ in 0..2 {
        let port = free_port();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
            .args(["--config", cfg.to_str().unwrap(), "serve"])
            .env("REKEY_SERVER__LISTEN", format!("127.0.0.1:{port}"))
            .env("REKEY_ADMIN__LISTEN", "127.0.0.1:0")
            // Serve announces its address at info, once it listens.
            .env("REKEY_LOG__LEVEL", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        procs.push(Proc(child));
        let listen = format!("127.0.0.1:{port}");
        assert!(
            support::announced(stderr, "Rekey is serving").await,
            "{listen} did not start"
        );
        bases.push(format!("http://{listen}"));
    }
    let (a, b) = (&bases[0], &bases[1]);
    let person = ResetDriver::new().unwrap();
    assert!(
        person
            .start(a, support::EMAIL_USER)
            .await
            .unwrap()
            .moved_on()
    );
    assert!(person.send(b, None).await.unwrap().moved_on());
    let code = sim
        .state
        .wait_for_mail(Duration::from_secs(10), |m| {
            (m.to.first().map(String::as_str) == Some(support::EMAIL_USER_ALT))
                .then(|| {
                    m.body
                        .find("<strong>")
                        .and_then(|i| support::find_code(&m.body[i..]))
                })
                .flatten()
        })
        .await
        .expect("the code mail went out through Graph");
    assert!(person.enter_code(a, &code).await.unwrap().moved_on());
    let pw = "Harvest-Lantern-Quarry-93";
    assert!(person.set_password(b, pw).await.unwrap().moved_on());
    assert_eq!(
        sim.state
            .user(support::EMAIL_USER)
            .unwrap()
            .password
            .as_deref(),
        Some(pw)
    );

    // Two reminder passes from two processes at once: each reminder goes out once.
    let run = || {
        let cfg = cfg.clone();
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
                .args(["--config", cfg.to_str().unwrap(), "reminders", "run"])
                .output()
                .unwrap()
        })
    };
    let (x, y) = tokio::join!(run(), run());
    let (x, y) = (x.unwrap(), y.unwrap());
    assert!(x.status.success() && y.status.success());
    let reminders = sim
        .state
        .sent_mail()
        .iter()
        .filter(|m| m.subject.contains("expire"))
        .count();
    // Alex's new password starts a new cycle, so four of the five demo reminders remain.
    assert_eq!(
        reminders,
        4,
        "{}\n{}",
        String::from_utf8_lossy(&x.stdout),
        String::from_utf8_lossy(&y.stdout)
    );
}
