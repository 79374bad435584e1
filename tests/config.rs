//! Configuration: every problem reported, each naming its key; env overrides; secrets
//! from files; the example file documents the real schema.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rekey::settings::{LoadError, Purpose, load_from_str};

const KEY64: &str =
    "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMw==";
const KEY32: &str = "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";

fn problems(toml: &str, env: &[(&str, &str)], purpose: Purpose) -> Vec<String> {
    let env = env.iter().map(|(k, v)| (k.to_string(), v.to_string()));
    match load_from_str(toml, env, purpose) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(p)) => p.iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
    }
}

fn complete() -> String {
    format!(
        r#"
[server]
session_key = "{KEY64}"
[tenant]
tenant_id = "contoso.onmicrosoft.com"
client_id = "11111111-2222-3333-4444-555555555555"
client_secret = "s3cret"
[security]
code_key = "{KEY32}"
[email]
transport = "none"
"#
    )
}

#[test]
fn a_complete_configuration_loads() {
    assert_eq!(
        problems(&complete(), &[], Purpose::Serve),
        Vec::<String>::new()
    );
}

#[test]
fn a_missing_client_secret_is_one_problem_naming_the_key() {
    let toml = complete().replace("client_secret = \"s3cret\"", "");
    let p = problems(&toml, &[], Purpose::Serve);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("tenant.client_secret: missing"), "{p:?}");
}

#[test]
fn every_problem_is_reported_with_its_key() {
    let toml = r#"
[server]
listen = "not an address"
colour = "blue"
[security]
code_length = 99
[tenant]
required_methods = 3
[database]
url = "mysql://x"
[nonsense]
"#;
    let p = problems(toml, &[], Purpose::Validate);
    let keys: Vec<&str> = p
        .iter()
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    for want in [
        "server.listen",
        "security.code_length",
        "tenant.required_methods",
        "database.url",
        "nonsense",
    ] {
        assert!(keys.contains(&want), "missing {want} in {p:?}");
    }
}

#[test]
fn unknown_keys_are_named() {
    let p = problems("[server]\ncolour = \"blue\"\n", &[], Purpose::Validate);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("server.colour: unknown key"), "{p:?}");
}

#[test]
fn environment_overrides_keep_types_and_strings() {
    let env = [
        ("REKEY_TENANT__CLIENT_ID", "1234"),
        ("REKEY_SECURITY__CODE_LENGTH", "6"),
        ("REKEY_TENANT__PROFILE_FALLBACK", "false"),
        ("PATH", "/usr/bin"),
    ];
    let s = load_from_str(
        &complete(),
        env.iter().map(|(k, v)| (k.to_string(), v.to_string())),
        Purpose::Serve,
    )
    .unwrap();
    assert_eq!(s.tenant.client_id, "1234");
    assert_eq!(s.security.code_length, 6);
    assert!(!s.tenant.profile_fallback);
}

#[test]
fn environment_problems_are_named_too() {
    let p = problems(
        &complete(),
        &[("REKEY_SECURITY__CODE_TTL_SECS", "soon")],
        Purpose::Serve,
    );
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("security.code_ttl_secs"), "{p:?}");
}

#[test]
fn secrets_come_from_files_trimmed() {
    use secrecy::ExposeSecret;
    let dir = std::env::temp_dir().join(format!("rekey-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("secret");
    std::fs::write(&f, "from-file\n").unwrap();
    let toml = complete().replace(
        "client_secret = \"s3cret\"",
        &format!("client_secret_file = {:?}", f.display().to_string()),
    );
    let s = load_from_str(&toml, std::iter::empty(), Purpose::Serve).unwrap();
    assert_eq!(s.tenant.client_secret.unwrap().expose_secret(), "from-file");

    let both = complete().replace(
        "client_secret = \"s3cret\"",
        &format!(
            "client_secret = \"x\"\nclient_secret_file = {:?}",
            f.display().to_string()
        ),
    );
    let p = problems(&both, &[], Purpose::Serve);
    assert!(
        p.iter().any(|l| l.starts_with("tenant.client_secret_file")),
        "{p:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn short_keys_are_refused() {
    let toml = complete().replace(KEY32, "c2hvcnQ=");
    let p = problems(&toml, &[], Purpose::Serve);
    assert!(
        p.iter().any(|l| l.starts_with("security.code_key")),
        "{p:?}"
    );
}

#[test]
fn the_example_file_documents_the_real_schema() {
    let text = std::fs::read_to_string("config/rekey.example.toml").unwrap();
    let p = problems(&text, &[], Purpose::Validate);
    // Only the secret files, which do not exist on a build machine, may fail.
    assert!(
        p.iter()
            .all(|l| l.split(':').next().unwrap_or("").ends_with("_file")),
        "{p:?}"
    );
    assert!(!p.is_empty(), "the example names secret files");
}

#[test]
fn serve_with_a_missing_secret_exits_2_with_one_line() {
    let dir = std::env::temp_dir().join(format!("rekey-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("rekey.toml");
    std::fs::write(&cfg, complete().replace("client_secret = \"s3cret\"", "")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
        .args(["--config", cfg.to_str().unwrap(), "serve"])
        .env_remove("REKEY_TENANT__CLIENT_SECRET")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("tenant.client_secret"), "{stderr}");
    assert!(lines[0].contains("REKEY_TENANT__CLIENT_SECRET"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_documentation_lists_every_key_of_the_example() {
    let example = std::fs::read_to_string("config/rekey.example.toml").unwrap();
    let docs = std::fs::read_to_string("docs/configuration.md").unwrap();
    let mut section = String::new();
    let mut missing = Vec::new();
    for line in example.lines() {
        let l = line.trim().trim_start_matches('#').trim();
        if l.starts_with('[') && l.ends_with(']') && !l.contains(' ') {
            section = l.trim_matches(['[', ']']).to_string();
        } else if let Some((key, _)) = l.split_once(" = ")
            && !key.contains(' ')
            && !section.is_empty()
        {
            let env = format!(
                "REKEY_{}__{}",
                section.replace('.', "__").to_uppercase(),
                key.to_uppercase()
            );
            if !docs.contains(&format!("`{env}`")) {
                missing.push(env);
            }
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:?}");
}

#[test]
fn an_admin_listener_other_machines_reach_needs_a_token() {
    let open = format!("{}\n[admin]\nlisten = \"0.0.0.0:9100\"\n", complete());
    let p = problems(&open, &[], Purpose::Serve);
    assert!(
        p.iter().any(|p| p.starts_with("admin.listen")),
        "a non-loopback admin listener without a token is refused: {p:?}"
    );
    let loopback = format!("{}\n[admin]\nlisten = \"127.0.0.1:9100\"\n", complete());
    assert_eq!(
        problems(&loopback, &[], Purpose::Serve),
        Vec::<String>::new()
    );
    let hash = rekey::admin::hash_token("t").unwrap();
    let guarded = format!("{open}token_hash = \"{hash}\"\n");
    assert_eq!(
        problems(&guarded, &[], Purpose::Serve),
        Vec::<String>::new()
    );
}

#[test]
fn the_database_url_is_a_secret_and_may_come_from_a_file() {
    use secrecy::ExposeSecret;
    let dir = std::env::temp_dir().join(format!("rekey-cfg-db-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("db-url");
    let url = "postgres://rekey:hunter2-db@127.0.0.1/rekey";
    std::fs::write(&f, format!("{url}\n")).unwrap();
    let toml = format!(
        "{}\n[database]\nurl_file = {:?}\n",
        complete(),
        f.display().to_string()
    );
    let s = load_from_str(&toml, std::iter::empty(), Purpose::Serve).unwrap();
    assert_eq!(s.database.url().expose_secret(), url);
    assert!(
        !format!("{s:?}").contains("hunter2-db"),
        "the settings' debug form hides the database password"
    );
    let both = format!("{toml}url = \"sqlite://x.db\"\n");
    let p = problems(&both, &[], Purpose::Serve);
    assert!(
        p.iter().any(|p| p.starts_with("database.url_file")),
        "{p:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn active_directory_needs_ldaps_a_ca_and_its_account() {
    let ad = format!(
        "{}\n[ad]\nurls = [\"ldap://dc1.corp.example.org\"]\n",
        complete()
    );
    let p = problems(&ad, &[], Purpose::Serve);
    for key in [
        "ad.urls",
        "ad.bind_dn",
        "ad.bind_password",
        "ad.base_dn",
        "ad.ca_file",
    ] {
        assert!(p.iter().any(|l| l.starts_with(key)), "{key} in {p:?}");
    }
    let complete_ad = format!(
        "{}\n[ad]\nurls = [\"ldaps://dc1.corp.example.org\"]\nbind_dn = \"CN=svc\"\nbind_password = \"x\"\nbase_dn = \"DC=corp\"\nca_file = \"/etc/rekey/ad-ca.pem\"\n",
        complete()
    );
    let p = problems(
        &format!("{complete_ad}sync_wait_secs = 86400\npool_size = 1000\n"),
        &[],
        Purpose::Serve,
    );
    for key in ["ad.sync_wait_secs", "ad.pool_size"] {
        assert!(p.iter().any(|l| l.starts_with(key)), "{key} in {p:?}");
    }
    assert_eq!(
        problems(&complete_ad, &[], Purpose::Serve),
        Vec::<String>::new()
    );
    assert_eq!(
        problems(&complete(), &[], Purpose::Serve),
        Vec::<String>::new(),
        "off by default"
    );
}
