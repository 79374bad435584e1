//! Entra's complexity rule: three of lowercase, uppercase, digits and symbols.

use super::charset::ENTRA_SYMBOLS;
use super::verdict::{Rule, Verdict};
use crate::i18n::{Arg, Term};

/// Which of the four classes a password uses. Only Entra's characters count: the space and
/// Entra's symbols are symbols; characters Entra refuses count for nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes {
    pub lower: bool,
    pub upper: bool,
    pub digit: bool,
    pub symbol: bool,
}

impl Classes {
    pub fn of(candidate: &str) -> Self {
        let mut k = Self::default();
        for c in candidate.chars() {
            match c {
                'a'..='z' => k.lower = true,
                'A'..='Z' => k.upper = true,
                '0'..='9' => k.digit = true,
                ' ' => k.symbol = true,
                c if ENTRA_SYMBOLS.contains(c) => k.symbol = true,
                _ => {}
            }
            if k.count() == 4 {
                break;
            }
        }
        k
    }

    pub fn count(self) -> usize {
        [self.lower, self.upper, self.digit, self.symbol]
            .iter()
            .filter(|&&b| b)
            .count()
    }
}

pub(crate) fn check(candidate: &str, v: &mut Verdict) {
    let k = Classes::of(candidate);
    if k.count() >= 3 {
        return;
    }
    let missing: Vec<Term> = [
        (k.lower, "class-lowercase"),
        (k.upper, "class-uppercase"),
        (k.digit, "class-digits"),
        (k.symbol, "class-symbols"),
    ]
    .iter()
    .filter(|(has, _)| !has)
    .map(|&(_, id)| Term::Id(id))
    .collect();
    let need = 3 - k.count();
    v.reject_with(
        Rule::Classes,
        "policy-classes",
        vec![("need", need.into()), ("missing", Arg::Terms(missing))],
    );
}
