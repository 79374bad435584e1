//! `[policy]` configuration and its validation.

use std::path::PathBuf;

use serde::Deserialize;

/// Entra ID's maximum password length for cloud accounts.
pub const ENTRA_MAX_LENGTH: usize = 256;
/// Entra ID's minimum password length for cloud accounts.
pub const ENTRA_MIN_LENGTH: usize = 8;
/// Entra's limit on the custom banned-password list.
pub const MAX_CUSTOM_TERMS: usize = 1000;
/// Entra's limits on one custom term, in characters.
pub const CUSTOM_TERM_CHARS: std::ops::RangeInclusive<usize> = 4..=16;

/// The password policy, as configured.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PolicySettings {
    pub min_length: usize,
    pub max_length: usize,
    pub require_three_classes: bool,
    /// Minimum zxcvbn score, 0..=4.
    pub min_score: u8,
    /// Entra-style banned-word check.
    pub banned_words: bool,
    /// Tenant-specific banned terms (Entra's custom list: up to 1000 terms of 4..=16 chars).
    pub custom_banned: Vec<String>,
    /// A file with one more custom term per line (`#` starts a comment line).
    pub custom_banned_file: Option<PathBuf>,
    /// How many previous passwords set through Rekey may not be reused (0 = off).
    /// Enforced by the caller; kept here as configuration.
    pub history_depth: u32,
    pub breached: BreachedSettings,
}

impl Default for PolicySettings {
    fn default() -> Self {
        Self {
            min_length: 12,
            max_length: ENTRA_MAX_LENGTH,
            require_three_classes: true,
            min_score: 3,
            banned_words: true,
            custom_banned: Vec::new(),
            custom_banned_file: None,
            history_depth: 5,
            breached: BreachedSettings::default(),
        }
    }
}

/// Where breached passwords are looked up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BreachedMode {
    #[default]
    Off,
    /// A local copy of Have I Been Pwned's SHA-1 list (sorted text or compact binary).
    Offline,
    /// Have I Been Pwned's k-anonymity range API.
    Online,
}

/// `[policy.breached]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BreachedSettings {
    pub mode: BreachedMode,
    /// The offline list (required when `mode = "offline"`).
    pub file: Option<PathBuf>,
    /// Range API base URL; the 5-hex prefix is appended.
    pub api_url: String,
    pub timeout_ms: u64,
    /// When the online API cannot be reached: accept the password (true) or refuse it (false).
    pub fail_open: bool,
    /// A password counts as breached when seen at least this many times.
    pub min_count: u64,
}

impl Default for BreachedSettings {
    fn default() -> Self {
        Self {
            mode: BreachedMode::Off,
            file: None,
            api_url: "https://api.pwnedpasswords.com/range/".into(),
            timeout_ms: 2000,
            fail_open: true,
            min_count: 1,
        }
    }
}

impl PolicySettings {
    /// Problems with this configuration as `(key, problem)` pairs; empty when valid.
    /// Pure: files are not read here (see `PasswordPolicy::new`).
    pub fn validate(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut bad = |key: &str, problem: String| out.push((format!("policy.{key}"), problem));
        if self.min_length < ENTRA_MIN_LENGTH {
            bad(
                "min_length",
                format!("must be at least {ENTRA_MIN_LENGTH} (Entra ID's minimum)"),
            );
        }
        if self.max_length > ENTRA_MAX_LENGTH {
            bad(
                "max_length",
                format!("must be at most {ENTRA_MAX_LENGTH} (Entra ID's maximum)"),
            );
        }
        if self.min_length > self.max_length {
            bad(
                "min_length",
                format!("is larger than max_length ({})", self.max_length),
            );
        }
        if self.min_score > 4 {
            bad("min_score", "must be between 0 and 4".into());
        }
        if self.custom_banned.len() > MAX_CUSTOM_TERMS {
            bad(
                "custom_banned",
                format!(
                    "has {} terms; Entra allows at most {MAX_CUSTOM_TERMS}",
                    self.custom_banned.len()
                ),
            );
        }
        for (i, term) in self.custom_banned.iter().enumerate() {
            if let Some(problem) = custom_term_problem(term) {
                bad("custom_banned", format!("term {}: {problem}", i + 1));
            }
        }
        if self.history_depth > 100 {
            bad("history_depth", "must be at most 100".into());
        }
        let b = &self.breached;
        let mut bad_b = |key: &str, problem: String| {
            out.push((format!("policy.breached.{key}"), problem));
        };
        if b.mode == BreachedMode::Offline && b.file.is_none() {
            bad_b("file", "is required when mode = \"offline\"".into());
        }
        if b.mode == BreachedMode::Online {
            let url = b.api_url.as_str();
            let local = url.starts_with("http://127.0.0.1") || url.starts_with("http://localhost");
            if !(url.starts_with("https://") || local) {
                bad_b(
                    "api_url",
                    "must be an https:// URL (http:// only for localhost)".into(),
                );
            }
            if !url.ends_with('/') && !url.ends_with('=') {
                bad_b(
                    "api_url",
                    "must end with '/' (the 5-character hash prefix is appended)".into(),
                );
            }
        }
        if !(100..=30_000).contains(&b.timeout_ms) {
            bad_b("timeout_ms", "must be between 100 and 30000".into());
        }
        if b.min_count == 0 {
            bad_b("min_count", "must be at least 1".into());
        }
        out
    }
}

/// Why a custom banned term is unusable, if it is.
pub(crate) fn custom_term_problem(term: &str) -> Option<String> {
    let n = term.trim().chars().count();
    if !CUSTOM_TERM_CHARS.contains(&n) {
        return Some(format!(
            "must be {} to {} characters long (has {n})",
            CUSTOM_TERM_CHARS.start(),
            CUSTOM_TERM_CHARS.end()
        ));
    }
    None
}
