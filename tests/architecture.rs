//! The pure layers never import HTTP, SQL, mail or template crates.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

const PURE: &[&str] = &[
    "src/flow",
    "src/ports",
    "src/policy",
    "src/reminders/expiry.rs",
    "src/signins",
    "src/clock.rs",
    "src/permissions.rs",
];
const FORBIDDEN: &[&str] = &[
    "actix_web",
    "actix_session",
    "reqwest",
    "sqlx",
    "lettre",
    "tera",
];

fn rust_files(p: &Path, out: &mut Vec<std::path::PathBuf>) {
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

#[test]
fn pure_layers_import_no_adapters() {
    let mut files = Vec::new();
    for root in PURE {
        rust_files(Path::new(root), &mut files);
    }
    assert!(files.len() >= 8, "found only {files:?}");
    let mut offences = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for crate_name in FORBIDDEN {
                let used = code.contains(&format!("{crate_name}::"))
                    || code.contains(&format!("use {crate_name}"));
                if used {
                    offences.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "pure code imports adapters:\n{}",
        offences.join("\n")
    );
}
