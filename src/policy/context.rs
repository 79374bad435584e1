//! Who is choosing the password: the words an attacker would try first.

use super::banned::name_terms;

/// Facts about the user and organisation, from the directory.
#[derive(Clone, Debug, Default)]
pub struct UserContext {
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub display_name: Option<String>,
    pub upn: Option<String>,
    pub mail: Option<String>,
    pub org_name: Option<String>,
    /// More words to treat as guessable (product names, the portal's name, ...).
    pub extra_terms: Vec<String>,
}

/// Longest user input passed to zxcvbn, in characters (after lower-casing). Longer ones are
/// cut: this keeps the strength shortcut's bound on dictionary-match length small.
pub const MAX_INPUT_CHARS: usize = 32;
/// Most user inputs passed to zxcvbn.
const MAX_INPUTS: usize = 48;
/// Shorter inputs would match everywhere and say nothing about the user.
const MIN_INPUT_CHARS: usize = 3;

impl UserContext {
    /// zxcvbn's `user_inputs`: names, display-name parts, UPN and mail local parts (split on
    /// `.`, `_`, `-`), the first label of their domains, the organisation's name and the extra
    /// terms. Lower-case, accent-folded variants added, deduplicated, each at most
    /// [`MAX_INPUT_CHARS`] characters.
    pub fn strength_inputs(&self) -> Vec<String> {
        let mut raw: Vec<String> = Vec::new();
        // Each value as typed, run together without separators, and split into its parts.
        let mut words = |s: &str| {
            raw.push(s.trim().to_owned());
            raw.push(s.chars().filter(|c| c.is_alphanumeric()).collect());
            raw.extend(s.split(|c: char| !c.is_alphanumeric()).map(str::to_owned));
        };
        for name in [
            &self.given_name,
            &self.surname,
            &self.display_name,
            &self.org_name,
        ]
        .into_iter()
        .flatten()
        {
            words(name);
        }
        for address in [&self.upn, &self.mail].into_iter().flatten() {
            let (local, domain) = address.split_once('@').unwrap_or((address.as_str(), ""));
            words(local);
            if let Some(label) = domain.split('.').next() {
                words(label);
            }
        }
        for t in &self.extra_terms {
            words(t);
        }
        let mut out: Vec<String> = Vec::new();
        for r in raw {
            let lower: String = r.to_lowercase().chars().take(MAX_INPUT_CHARS).collect();
            let folded: String = super::banned::normalise_letters(&lower)
                .chars()
                .take(MAX_INPUT_CHARS)
                .collect();
            for v in [lower, folded] {
                if v.chars().count() >= MIN_INPUT_CHARS && !out.contains(&v) {
                    out.push(v);
                }
            }
            if out.len() >= MAX_INPUTS {
                out.truncate(MAX_INPUTS);
                break;
            }
        }
        out
    }

    /// First and last names as banned terms (a hard reject when found).
    pub(crate) fn name_terms(&self) -> Vec<Vec<char>> {
        let mut out = Vec::new();
        for n in [&self.given_name, &self.surname].into_iter().flatten() {
            out.extend(name_terms(n, false));
        }
        out
    }

    /// The organisation's name as banned terms (one point each).
    pub(crate) fn org_terms(&self) -> Vec<Vec<char>> {
        self.org_name
            .as_deref()
            .map(|o| name_terms(o, true))
            .unwrap_or_default()
    }
}
