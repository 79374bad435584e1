//! `rekey check` against the simulator, and certificate credentials (signed assertions).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{net::TcpListener, sync::Arc, time::Duration};

use rekey::{
    clock::ManualClock,
    directory::{
        GraphConfig, GraphDirectory,
        graph::{
            client::RetryPolicy,
            token::{CertificateCredential, Credential},
        },
    },
    ports::Directory,
    random::OsRandom,
    settings::AssertionAlg,
    simulator as sim,
};

fn config_file(dir: &std::path::Path, sim_base: &str, secret: &str) -> std::path::PathBuf {
    use base64::Engine;
    let b64 = |n: usize| base64::engine::general_purpose::STANDARD.encode(vec![7u8; n]);
    let p = dir.join("rekey.toml");
    std::fs::write(
        &p,
        format!(
            "[server]\nsession_key = \"{}\"\n[security]\ncode_key = \"{}\"\n[tenant]\ntenant_id = \"contoso.com\"\nclient_id = \"{}\"\nclient_secret = \"{secret}\"\nauthority_host = \"{sim_base}\"\ngraph_base = \"{sim_base}/v1.0\"\n[email]\ntransport = \"none\"\n",
            b64(64),
            b64(32),
            support::CLIENT_ID
        ),
    )
    .unwrap();
    p
}

async fn rekey_check(cfg: &std::path::Path) -> (i32, String) {
    let cfg = cfg.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
            .args(["--config", cfg.to_str().unwrap(), "check"])
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).to_string(),
        )
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn check_passes_with_the_right_grants_and_names_each_fix() {
    let now = support::start_time();
    let s = sim::start(
        support::sim_options(now),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    let dir = support::TempDir::new("check");
    let cfg = config_file(&dir.0, &s.base_url, support::SECRET);
    let (code, out) = rekey_check(&cfg).await;
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("✓ directory role"), "{out}");
    assert!(out.contains("✓ sign-in logs readable"), "{out}");
    // Without P1 the sign-in features step aside with a note; the check still passes.
    s.state.set_premium(false);
    let (code, out) = rekey_check(&cfg).await;
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no Microsoft Entra ID P1"), "{out}");

    // Without the password permission and the role: two ✗ lines with their fixes.
    s.state.set_app_roles(vec![
        "User.Read.All".into(),
        "UserAuthenticationMethod.Read.All".into(),
        "User.RevokeSessions.All".into(),
    ]);
    s.state.set_directory_roles(vec![]);
    let (code, out) = rekey_check(&cfg).await;
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("✗ reset: set passwords — fix: add the application permission User-PasswordProfile.ReadWrite.All"), "{out}");
    assert!(out.contains("✗ directory role — fix:"), "{out}");
    assert!(out.contains("User Administrator"), "{out}");

    // A wrong secret: the AADSTS code and what to do.
    let bad = config_file(&dir.0, &s.base_url, "wrong");
    let (code, out) = rekey_check(&bad).await;
    assert_eq!(code, 1);
    assert!(out.contains("AADSTS7000215"), "{out}");
}

#[tokio::test]
async fn certificate_credentials_sign_accepted_assertions() {
    let dir = support::TempDir::new("cert");
    let (key, crt) = (dir.0.join("rekey.key"), dir.0.join("rekey.crt"));
    let status = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-sha256",
            "-days",
            "2",
            "-nodes",
            "-subj",
            "/CN=Rekey test",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&crt)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("openssl (installed by scripts/test.sh)");
    assert!(status.success());
    let now = support::start_time();
    let s = sim::start(
        support::sim_options(now),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    for alg in [AssertionAlg::Ps256, AssertionAlg::Rs256] {
        let cred = CertificateCredential::from_pem_files(&crt, &key, alg).unwrap();
        let g = GraphDirectory::new(
            GraphConfig {
                tenant_id: "contoso.com".into(),
                client_id: support::CLIENT_ID.into(),
                credential: Credential::Certificate(cred),
                authority_host: url::Url::parse(&s.base_url).unwrap(),
                graph_base: url::Url::parse(&format!("{}/v1.0", s.base_url)).unwrap(),
                connect_timeout: Duration::from_secs(2),
                request_timeout: Duration::from_secs(5),
                retry: RetryPolicy {
                    request_timeout: Duration::from_secs(5),
                    max_attempts: 2,
                    deadline: Duration::from_secs(5),
                    base_backoff: Duration::from_millis(10),
                    max_backoff: Duration::from_millis(10),
                },
                methods_cache: Duration::from_secs(0),
                profile_fallback: true,
            },
            Arc::new(ManualClock::new(now)),
            Arc::new(OsRandom),
        )
        .unwrap();
        assert!(
            g.find_user("adele.vance@contoso.com")
                .await
                .unwrap()
                .is_some(),
            "{alg:?}"
        );
    }
    // A key that is not RSA PEM is a clear error, not a panic.
    std::fs::write(&key, "not a key").unwrap();
    assert!(CertificateCredential::from_pem_files(&crt, &key, AssertionAlg::Ps256).is_err());
}
