//! The layers hold: pure code imports no HTTP, SQL, mail or template crate; adapters never
//! reach up into the flow or the web layer; the ports import no adapter.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

/// Pure layers: logic that tests drive without a network, a database or a template.
const PURE: &[&str] = &[
    "src/flow",
    "src/ports",
    "src/policy",
    "src/reminders/expiry.rs",
    "src/reminders/pass.rs",
    "src/signins",
    "src/i18n",
    "src/clock.rs",
    "src/random.rs",
    "src/permissions.rs",
];
const ADAPTER_CRATES: &[&str] = &[
    "actix_web",
    "actix_session",
    "reqwest",
    "sqlx",
    "lettre",
    "tera",
];

/// Adapters: they implement the ports and must not depend on who uses them.
const ADAPTERS: &[&str] = &[
    "src/directory",
    "src/store",
    "src/notify",
    "src/breached",
    "src/outbound.rs",
];
const UPPER_LAYERS: &[&str] = &["crate::flow", "crate::web", "crate::cli", "crate::app"];

/// What the ports may not name: any adapter, or anything above them.
const NOT_FROM_PORTS: &[&str] = &[
    "crate::directory",
    "crate::store",
    "crate::notify",
    "crate::breached",
    "crate::outbound",
    "crate::simulator",
    "crate::flow",
    "crate::web",
    "crate::cli",
    "crate::app",
];

fn rust_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_file() {
        if p.extension().is_some_and(|e| e == "rs") {
            out.push(p.to_path_buf());
        }
        return;
    }
    if let Ok(entries) = std::fs::read_dir(p) {
        for e in entries.flatten() {
            rust_files(&e.path(), out);
        }
    }
}

/// Lines of code (comments dropped) under `roots` that name any of `needles`.
fn offences(roots: &[&str], needles: &[String]) -> (usize, Vec<String>) {
    let mut files = Vec::new();
    for root in roots {
        rust_files(Path::new(root), &mut files);
    }
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if needles.iter().any(|needle| code.contains(needle.as_str())) {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    (files.len(), found)
}

#[test]
fn pure_layers_import_no_adapter_crates() {
    let needles: Vec<String> = ADAPTER_CRATES
        .iter()
        .flat_map(|c| [format!("{c}::"), format!("use {c}")])
        .collect();
    let (files, found) = offences(PURE, &needles);
    assert!(files >= 20, "found only {files} files");
    assert!(
        found.is_empty(),
        "pure code imports adapters:\n{}",
        found.join("\n")
    );
}

#[test]
fn adapters_do_not_reach_up() {
    let needles: Vec<String> = UPPER_LAYERS.iter().map(|s| s.to_string()).collect();
    let (files, found) = offences(ADAPTERS, &needles);
    assert!(files >= 15, "found only {files} files");
    assert!(
        found.is_empty(),
        "adapters import the flow, the web layer or the commands:\n{}",
        found.join("\n")
    );
}

#[test]
fn ports_name_no_adapter() {
    let needles: Vec<String> = NOT_FROM_PORTS.iter().map(|s| s.to_string()).collect();
    let (files, found) = offences(&["src/ports"], &needles);
    assert!(files >= 4, "found only {files} files");
    assert!(
        found.is_empty(),
        "the ports name an adapter or a layer above them:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checks_see_a_violation() {
    let dir = std::env::temp_dir().join(format!("rekey-arch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bad.rs"), "use crate::web::session;\n").unwrap();
    let root = dir.to_str().unwrap();
    let (_, found) = offences(&[root], &["crate::web".to_string()]);
    assert_eq!(found.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
