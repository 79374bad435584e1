//! Entra ID's allowed characters: A–Z, a–z, 0–9, the space and the symbols below.

use super::verdict::{Rule, Verdict};
use crate::i18n::{Arg, Term};

/// Entra's allowed symbols (the space is allowed too).
pub const ENTRA_SYMBOLS: &str = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();<>";

/// How many distinct offending characters a message names.
const NAMED: usize = 4;

/// Whether Entra ID accepts this character in a password.
pub fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == ' ' || ENTRA_SYMBOLS.contains(c)
}

pub(crate) fn check(candidate: &str, v: &mut Verdict) {
    let mut offending: Vec<char> = Vec::new();
    let mut more = false;
    for c in candidate.chars().filter(|&c| !allowed(c)) {
        if offending.contains(&c) {
            continue;
        }
        if offending.len() == NAMED {
            more = true;
            break;
        }
        offending.push(c);
    }
    if offending.is_empty() {
        return;
    }
    let mut terms: Vec<Term> = offending.iter().map(|&c| term(c)).collect();
    if more {
        terms.push(Term::Id("char-others"));
    }
    v.reject_with(
        Rule::Charset,
        "policy-charset",
        vec![
            ("chars", Arg::Terms(terms)),
            ("symbols", ENTRA_SYMBOLS.into()),
        ],
    );
}

/// A character as a user can recognise it: common invisible ones by a translated name,
/// other invisible ones by code point, the rest quoted.
fn term(c: char) -> Term {
    match c {
        ' ' => Term::Id("char-space"),
        '\t' => Term::Id("char-tab"),
        '\n' | '\r' => Term::Id("char-line-break"),
        '\u{a0}' => Term::Id("char-nbsp"),
        c if c.is_control() || c.is_whitespace() || is_invisible(c) => {
            Term::Literal(format!("U+{:04X}", u32::from(c)))
        }
        c => Term::Literal(format!("\"{c}\"")),
    }
}

fn is_invisible(c: char) -> bool {
    matches!(u32::from(c),
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE007F)
        || ('\u{300}'..='\u{36f}').contains(&c)
}
