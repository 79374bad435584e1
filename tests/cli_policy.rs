//! `rekey policy check`: verdicts on the command line, for admins tuning settings.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::{io::Write, process::Stdio};

fn check(password: &str, args: &[&str]) -> (i32, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
        .args(["policy", "check"])
        .args(args)
        .env_remove("REKEY_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
    )
}

#[test]
fn weak_passwords_exit_1_with_every_failed_rule() {
    let (code, out) = check("password", &["--json"]);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["accepted"], false);
    let rules: Vec<&str> = v["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for r in ["length", "classes", "strength", "banned"] {
        assert!(rules.contains(&r), "{r} in {rules:?}");
    }
    assert!(
        !out.contains("\"password\""),
        "the password is never printed"
    );
}

#[test]
fn strong_passwords_exit_0_and_context_matters() {
    let (code, out) = check("Tangerine-Harbour-Lantern-58", &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("ACCEPTED"));
    // Entra's scoring: each banned term is one point, so three long words still pass…
    let (code, _) = check(
        "Tangerine-Harbour-Lantern-58",
        &[
            "--banned",
            "tangerine",
            "--banned",
            "lantern",
            "--banned",
            "harbour",
        ],
    );
    assert_eq!(code, 0);
    // …but a banned term with little around it does not.
    let (code, out) = check("T@ngerine58!", &["--banned", "tangerine", "--json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\"banned\""), "{out}");
    let (code, _) = check(
        "Ppoll23fb-Quiet",
        &["--given-name", "Poll", "--surname", "Smith"],
    );
    assert_eq!(code, 1, "the user's own name is refused");
}
