//! The rules another directory adds for one user: on-premises AD's domain or fine-grained
//! policy. Checked here, before anything is written, so the person learns which rule a
//! password breaks instead of a bare refusal from the domain controller.
//!
//! AD's complexity rule ("Password must meet complexity requirements"): the password must
//! not contain the account name (when it has three or more characters) nor any token of the
//! display name of three or more characters (split at commas, periods, hyphens,
//! underscores, spaces, number signs and tabs), case-insensitively; and it must use three
//! of five kinds of character: uppercase, lowercase, digits, AD's symbols, and letters
//! without case.

use super::verdict::{Rule, Verdict};
use crate::i18n::{Arg, Term};

/// What a directory requires of one user's next password.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryRules {
    pub min_length: usize,
    pub complexity: bool,
    /// Passwords the directory remembers (it refuses them itself).
    pub history: u32,
    /// The account name (`sAMAccountName`) and display name the complexity rule excludes.
    pub account: Option<String>,
    pub display_name: Option<String>,
}

/// AD's symbols for the complexity rule.
const AD_SYMBOLS: &str = "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/";

/// Where AD splits a display name into the tokens a password may not contain.
const DISPLAY_NAME_DELIMITERS: &[char] = &[',', '.', '-', '_', ' ', '#', '\t'];

/// Names shorter than this are not checked (AD's rule).
const MIN_NAME_CHARS: usize = 3;

impl DirectoryRules {
    /// Whether `candidate` meets these rules (for comparing with the directory itself).
    pub fn allows(&self, candidate: &str) -> bool {
        let mut v = Verdict::nothing_failed();
        check(candidate, self, &mut v);
        v.failed.is_empty()
    }
}

pub(crate) fn check(candidate: &str, rules: &DirectoryRules, v: &mut Verdict) {
    let failed = |v: &Verdict, rule| v.failed.iter().any(|f| f.rule == rule);
    let length = candidate.chars().count();
    if length < rules.min_length && !failed(v, Rule::Length) {
        v.reject_with(
            Rule::Length,
            "policy-length-short",
            vec![("min", rules.min_length.into())],
        );
    }
    if !rules.complexity {
        return;
    }
    let kinds = Kinds::of(candidate);
    if kinds.count() < 3 && !failed(v, Rule::Classes) {
        let missing: Vec<Term> = [
            (kinds.lower, "class-lowercase"),
            (kinds.upper, "class-uppercase"),
            (kinds.digit, "class-digits"),
            (kinds.symbol, "class-symbols"),
        ]
        .iter()
        .filter(|(has, _)| !has)
        .map(|&(_, id)| Term::Id(id))
        .collect();
        v.reject_with(
            Rule::Classes,
            "policy-classes",
            vec![
                ("need", (3 - kinds.count()).into()),
                ("missing", Arg::Terms(missing)),
            ],
        );
    }
    if contains_a_name(candidate, rules) {
        v.reject(Rule::Banned, "policy-ad-names");
    }
}

fn contains_a_name(candidate: &str, rules: &DirectoryRules) -> bool {
    let password = candidate.to_lowercase();
    let contains = |name: &str| {
        name.chars().count() >= MIN_NAME_CHARS && password.contains(&name.to_lowercase())
    };
    rules.account.as_deref().is_some_and(contains)
        || rules
            .display_name
            .as_deref()
            .is_some_and(|d| d.split(DISPLAY_NAME_DELIMITERS).any(contains))
}

/// The five kinds of character AD counts.
#[derive(Debug, Default, Clone, Copy)]
struct Kinds {
    lower: bool,
    upper: bool,
    digit: bool,
    symbol: bool,
    caseless_letter: bool,
}

impl Kinds {
    fn of(candidate: &str) -> Self {
        let mut k = Self::default();
        for c in candidate.chars() {
            if c.is_lowercase() {
                k.lower = true;
            } else if c.is_uppercase() {
                k.upper = true;
            } else if c.is_ascii_digit() {
                k.digit = true;
            } else if AD_SYMBOLS.contains(c) {
                k.symbol = true;
            } else if c.is_alphabetic() {
                k.caseless_letter = true;
            }
        }
        k
    }

    fn count(self) -> usize {
        [
            self.lower,
            self.upper,
            self.digit,
            self.symbol,
            self.caseless_letter,
        ]
        .iter()
        .filter(|&&b| b)
        .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> DirectoryRules {
        DirectoryRules {
            min_length: 12,
            complexity: true,
            history: 24,
            account: Some("jsmith".into()),
            display_name: Some("Smith, Jo-Ann Q.".into()),
        }
    }

    fn failures(candidate: &str, rules: &DirectoryRules) -> Vec<&'static str> {
        let mut v = Verdict::nothing_failed();
        check(candidate, rules, &mut v);
        v.failed.iter().map(|f| f.message_id).collect()
    }

    #[test]
    fn a_password_meeting_ads_rules_passes() {
        assert!(failures("Harbour-Lantern-58", &rules()).is_empty());
    }

    #[test]
    fn ads_minimum_length_is_enforced_in_characters() {
        assert_eq!(failures("Ab1-Ab1-Ab1", &rules()), ["policy-length-short"]);
        // Twelve characters, more bytes: long enough.
        assert!(failures("Äb1-Äb1-Äb1-", &rules()).is_empty());
    }

    #[test]
    fn three_of_five_kinds_are_needed() {
        assert_eq!(failures("harbourlantern", &rules()), ["policy-classes"]);
        assert!(failures("harbourlantern58!", &rules()).is_empty());
        // Letters without case count as a fifth kind (AD's rule).
        assert!(failures("harbourlantern58日本", &rules()).is_empty());
    }

    #[test]
    fn the_account_and_display_name_tokens_are_excluded_in_any_case() {
        assert_eq!(
            failures("My-JSMITH-Lantern-58", &rules()),
            ["policy-ad-names"]
        );
        assert_eq!(
            failures("Lantern-sMiTh-58-Harbour", &rules()),
            ["policy-ad-names"]
        );
        assert_eq!(
            failures("Lantern-Ann-58-Harbour", &rules()),
            ["policy-ad-names"]
        );
        // "Jo" and "Q" are shorter than three characters: allowed.
        assert!(failures("Jo-Q-Harbour-Lantern-58", &rules()).is_empty());
    }

    #[test]
    fn without_complexity_only_the_length_counts() {
        let lax = DirectoryRules {
            complexity: false,
            ..rules()
        };
        assert!(failures("jsmithjsmithjsmith", &lax).is_empty());
    }

    #[test]
    fn a_rule_rekey_already_failed_is_not_reported_twice() {
        let mut v = Verdict::rejected(Rule::Length, "policy-length-short");
        check("short", &rules(), &mut v);
        let ids: Vec<_> = v.failed.iter().map(|f| f.message_id).collect();
        assert_eq!(ids, ["policy-length-short", "policy-classes"]);
    }
}
