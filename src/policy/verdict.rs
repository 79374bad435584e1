//! The result of evaluating a candidate password: every failed rule, hints and the meter data.

use serde::Serialize;

use crate::i18n::{self, Arg};

/// A rule of the password policy. Breached and History are checked by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    Length,
    Charset,
    Classes,
    Strength,
    Banned,
    Breached,
    History,
}

/// One failed rule. `message_id` and `args` name the Fluent message; `message` is plain
/// English, for the command line, until the web layer puts it in the reader's language.
#[derive(Clone, Debug, Serialize)]
pub struct Failure {
    pub rule: Rule,
    pub message_id: &'static str,
    pub message: String,
    #[serde(skip)]
    pub args: Vec<(&'static str, Arg)>,
}

/// Advice that does not by itself reject the password.
#[derive(Clone, Debug, Serialize)]
pub struct Hint {
    pub message_id: &'static str,
    pub message: String,
}

/// The verdict on one candidate. `accepted` is true exactly when `failed` is empty.
#[derive(Clone, Debug, Serialize)]
pub struct Verdict {
    pub accepted: bool,
    /// zxcvbn score 0..=4; a proven lower bound when `evaluated_prefix` is set.
    pub score: u8,
    pub failed: Vec<Failure>,
    pub suggestions: Vec<Hint>,
    /// Time to guess at 10^4 guesses per second (slow hashing), as zxcvbn displays it.
    pub crack_time: String,
    /// The strength rule was decided on bounded parts of the password rather than one
    /// zxcvbn call on its first 100 characters (see `strength`).
    #[serde(skip)]
    pub evaluated_prefix: bool,
}

impl Verdict {
    /// A verdict before any rule has failed.
    pub(crate) fn nothing_failed() -> Self {
        Verdict {
            accepted: true,
            score: 0,
            failed: Vec::new(),
            suggestions: Vec::new(),
            crack_time: String::new(),
            evaluated_prefix: false,
        }
    }

    /// A verdict that refuses for one reason decided outside the policy (Entra refused the
    /// password, or the policy could not run).
    pub fn rejected(rule: Rule, message_id: &'static str) -> Self {
        Self::rejected_with(rule, message_id, Vec::new())
    }

    /// [`rejected`](Self::rejected), with the message's variables.
    pub fn rejected_with(
        rule: Rule,
        message_id: &'static str,
        args: Vec<(&'static str, Arg)>,
    ) -> Self {
        let mut v = Verdict::nothing_failed();
        v.reject_with(rule, message_id, args);
        v
    }

    /// Records a failed rule; used by the caller for `Breached` and `History`.
    pub fn reject(&mut self, rule: Rule, message_id: &'static str) {
        self.reject_with(rule, message_id, Vec::new());
    }

    /// Records a failed rule whose message has variables.
    pub fn reject_with(
        &mut self,
        rule: Rule,
        message_id: &'static str,
        args: Vec<(&'static str, Arg)>,
    ) {
        let message = i18n::english(message_id, &args);
        self.accepted = false;
        self.failed.push(Failure {
            rule,
            message_id,
            message,
            args,
        });
    }

    /// Adds a hint unless one with the same id is already there.
    pub fn hint(&mut self, message_id: &'static str) {
        if !self.suggestions.iter().any(|h| h.message_id == message_id) {
            self.suggestions.push(Hint {
                message_id,
                message: i18n::english(message_id, &[]),
            });
        }
    }
}

/// Message for the caller's breached-password check.
pub const BREACHED_ID: &str = "policy-breached";
/// Message for the caller's history check.
pub const HISTORY_ID: &str = "policy-history";
