//! The password policy: one place that evaluates a candidate and returns every failed rule,
//! with feedback to show. Pure code: no I/O except reading the custom banned-word file once
//! in [`PasswordPolicy::new`].
//!
//! Rules (DESIGN.md "Password policy", POLICY.md): length in characters; Entra's allowed
//! characters; Entra's 3-of-4 character classes (optional); zxcvbn strength with the user's
//! names as inputs, at bounded cost ([`strength`]); an emulation of Entra Password
//! Protection's banned-word check ([`banned`]). The breached-password check (`crate::breached`)
//! and the history check are made by the caller, which adds them with [`Verdict::reject`].

pub mod banned;
pub mod charset;
pub mod classes;
mod context;
mod directory;
mod length;
mod settings;
pub mod strength;
mod verdict;

use crate::i18n::Msg;
use std::path::{Path, PathBuf};

pub use context::{MAX_INPUT_CHARS, UserContext};
pub use directory::DirectoryRules;
pub use settings::{
    BreachedMode, BreachedSettings, CUSTOM_TERM_CHARS, ENTRA_MAX_LENGTH, ENTRA_MIN_LENGTH,
    MAX_CUSTOM_TERMS, PolicySettings,
};
pub use verdict::{BREACHED_ID, Failure, HISTORY_ID, Hint, Rule, Verdict};

use banned::BannedList;
use strength::Mode;

/// Why a policy could not be built. Never contains a password.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("invalid password policy: {}", join_problems(.0))]
    Invalid(Vec<(String, String)>),
    #[error("policy.custom_banned_file {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("policy.custom_banned_file {path}, line {line}: {problem}")]
    CustomTerm {
        path: PathBuf,
        line: usize,
        problem: String,
    },
}

fn join_problems(p: &[(String, String)]) -> String {
    p.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The policy, built once at startup. `Send + Sync`; evaluation is pure.
#[derive(Debug)]
pub struct PasswordPolicy {
    settings: PolicySettings,
    banned: BannedList,
}

impl PasswordPolicy {
    /// Validates the settings, loads the custom banned terms (list and file) and builds the
    /// banned-word index.
    pub fn new(settings: &PolicySettings) -> Result<Self, PolicyError> {
        let problems = settings.validate();
        if !problems.is_empty() {
            return Err(PolicyError::Invalid(problems));
        }
        let mut custom: Vec<String> = settings
            .custom_banned
            .iter()
            .map(|t| t.trim().to_owned())
            .collect();
        if let Some(path) = &settings.custom_banned_file {
            custom.extend(read_terms(path)?);
        }
        custom.sort();
        custom.dedup();
        if custom.len() > MAX_CUSTOM_TERMS {
            return Err(PolicyError::Invalid(vec![(
                "policy.custom_banned".into(),
                format!(
                    "and custom_banned_file have {} terms together; Entra allows at most {MAX_CUSTOM_TERMS}",
                    custom.len()
                ),
            )]));
        }
        let banned = BannedList::new(custom.iter().map(String::as_str));
        // zxcvbn builds its dictionaries on first use (~10 ms); pay that here, not per user.
        let _ = strength::assess("Rekey warm-up 1", &[], 0);
        Ok(Self {
            settings: settings.clone(),
            banned,
        })
    }

    pub fn settings(&self) -> &PolicySettings {
        &self.settings
    }

    /// Evaluates every rule on `candidate`. Total: any input (any Unicode, any length,
    /// empty) gets a verdict, with bounded cost. The password is never logged or copied
    /// into messages (the charset message names the refused characters only).
    pub fn evaluate(&self, candidate: &str, ctx: &UserContext) -> Verdict {
        self.evaluate_for(candidate, ctx, None)
    }

    /// [`evaluate`](Self::evaluate), plus the rules the user's own directory adds (AD's).
    pub fn evaluate_for(
        &self,
        candidate: &str,
        ctx: &UserContext,
        directory: Option<&DirectoryRules>,
    ) -> Verdict {
        let s = &self.settings;
        let mut v = Verdict::nothing_failed();
        length::check(candidate, s.min_length, s.max_length, &mut v);
        charset::check(candidate, &mut v);
        if s.require_three_classes {
            classes::check(candidate, &mut v);
        }

        let inputs = ctx.strength_inputs();
        let a = strength::assess(candidate, &inputs, s.min_score);
        v.score = a.score;
        v.crack_time.clone_from(&a.crack_time);
        v.evaluated_prefix = a.mode != Mode::Full;
        let weak = match a.mode {
            Mode::Unverified { .. } => s.min_score > 0,
            Mode::Full | Mode::Proven => a.score < s.min_score,
        };
        if weak {
            strength_failure(&a, s, &mut v);
        }

        if s.banned_words {
            let report = self
                .banned
                .assess(candidate, &ctx.name_terms(), &ctx.org_terms());
            banned::report(&report, &mut v);
        }
        if let Some(rules) = directory {
            directory::check(candidate, rules, &mut v);
        }
        v.accepted = v.failed.is_empty();
        v
    }

    /// The rules as messages, to show before the user types.
    pub fn rules(&self) -> Vec<Msg> {
        self.rules_for(None)
    }

    /// The shortest password accepted, with the directory's own minimum.
    pub fn min_length_for(&self, directory: Option<&DirectoryRules>) -> usize {
        directory
            .map_or(0, |d| d.min_length)
            .max(self.settings.min_length)
    }

    /// The rules as messages, with the directory's own for this user merged in: its longer
    /// minimum, its complexity and its history.
    pub fn rules_for(&self, directory: Option<&DirectoryRules>) -> Vec<Msg> {
        let s = &self.settings;
        let complexity = directory.is_some_and(|d| d.complexity);
        let directory_history = directory.map_or(0, |d| d.history);
        let symbols = charset::ENTRA_SYMBOLS
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(" ");
        let mut out = vec![
            Msg::new("rule-length")
                .arg("min", self.min_length_for(directory))
                .arg("max", s.max_length),
            Msg::new("rule-charset").arg("symbols", symbols),
        ];
        if s.require_three_classes || complexity {
            out.push(Msg::new("rule-classes"));
        }
        if complexity {
            out.push(Msg::new("rule-ad-names"));
        }
        if s.min_score > 0 {
            out.push(Msg::new("rule-strength").arg("score", s.min_score));
        }
        if s.banned_words {
            out.push(Msg::new("rule-banned"));
        }
        if s.breached.mode != BreachedMode::Off {
            out.push(Msg::new("rule-breached"));
        }
        if s.history_depth > 0 {
            out.push(Msg::new("rule-history").arg("depth", s.history_depth));
        }
        if directory_history > 0 {
            out.push(Msg::new("rule-ad-history").arg("depth", directory_history));
        }
        out
    }

    /// The rules in plain English, for the command line.
    pub fn describe(&self) -> Vec<String> {
        self.rules()
            .iter()
            .map(|m| crate::i18n::english(m.id, &m.args))
            .collect()
    }
}

fn strength_failure(a: &strength::Assessment, s: &PolicySettings, v: &mut Verdict) {
    use strength::{suggestion_id, warning_id};
    match a.mode {
        Mode::Unverified { weak_start: false } => {
            v.reject(Rule::Strength, "policy-strength-unverified")
        }
        Mode::Unverified { weak_start: true } => {
            v.reject(Rule::Strength, "policy-strength-weak-start")
        }
        Mode::Full | Mode::Proven => match a.feedback.as_ref().and_then(|f| f.warning()) {
            Some(w) => v.reject(Rule::Strength, warning_id(w)),
            None => v.reject_with(
                Rule::Strength,
                "policy-strength-weak",
                vec![("score", a.score.into()), ("min", s.min_score.into())],
            ),
        },
    }
    let mut any = false;
    for sug in a.feedback.iter().flat_map(|f| f.suggestions()) {
        if s.require_three_classes
            && *sug == zxcvbn::feedback::Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters
        {
            continue;
        }
        v.hint(suggestion_id(*sug));
        any = true;
    }
    if !any {
        v.hint("policy-hint-add-word");
    }
}

/// Reads custom banned terms: one per line, blank lines and `#` comments ignored.
fn read_terms(path: &Path) -> Result<Vec<String>, PolicyError> {
    let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(problem) = settings::custom_term_problem(t) {
            return Err(PolicyError::CustomTerm {
                path: path.to_path_buf(),
                line: i + 1,
                problem,
            });
        }
        out.push(t.to_owned());
    }
    Ok(out)
}
