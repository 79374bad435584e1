//! An emulation of Microsoft Entra Password Protection's banned-password check
//! (POLICY.md §1), used as a pre-check so users learn why Entra would refuse a password.
//!
//! The reading implemented here is the one that reproduces all seven of Microsoft's
//! documented verdicts (POLICY.md §1.5):
//! 1. Normalise (comparison only; the password itself is never changed): Unicode
//!    compatibility decomposition with accents dropped, lower case, then the documented
//!    substitutions `0→o 1→l $→s @→a`. The full table is unpublished; only these four rows
//!    are used.
//! 2. Exact matches first: occurrences of banned terms (built-in list, custom list, and the
//!    organisation's name when it has 4+ characters) are chosen to give the fewest points.
//! 3. Fuzzy matches (edit distance 1) only in the stretches no exact match covers, so a fuzzy
//!    match never swallows characters next to an exact one (`blankf` must not count as a
//!    fuzzy `blank`). Fuzzy candidates must have 4+ characters.
//! 4. Points: one per term found, one per remaining character; fewer than 5 rejects.
//! 5. The user's first or last name (4+ characters) found anywhere rejects outright: that is
//!    what makes Microsoft's `p0LL23fb` example (5 points) a rejection. The organisation's
//!    name is only scored, since Microsoft accepts `ContoS0Bl@nkf9!` in the Contoso tenant.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::verdict::{Rule, Verdict};

/// Points a password needs (Entra: "at least five (5) points").
pub const MIN_POINTS: usize = 5;
/// Names and organisation names shorter than this are not matched.
const MIN_NAME_CHARS: usize = 4;
/// Only this many leading characters are analysed (Entra's maximum length).
const MAX_ANALYSED: usize = 256;
/// Fuzzy candidates shorter than this are ignored.
const MIN_FUZZY_CHARS: usize = 4;

/// Common base words written for Rekey (not Microsoft's list, which is unpublished).
/// Each is normalised like a password before use, so `passw0rd` needs no entry.
const GLOBAL_TERMS: &[&str] = &[
    "password",
    "passwort",
    "passwd",
    "passcode",
    "welcome",
    "letmein",
    "qwerty",
    "qwertz",
    "azerty",
    "qwertyuiop",
    "asdfgh",
    "asdfghjkl",
    "zxcvbn",
    "zxcvbnm",
    "qazwsx",
    "1qaz2wsx",
    "zaq12wsx",
    "abc123",
    "123456",
    "1234567890",
    "987654",
    "111111",
    "000000",
    "123123",
    "654321",
    "iloveyou",
    "admin",
    "administrator",
    "login",
    "logon",
    "changeme",
    "default",
    "secret",
    "master",
    "monkey",
    "dragon",
    "shadow",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "basketball",
    "soccer",
    "hockey",
    "superman",
    "batman",
    "trustno1",
    "whatever",
    "freedom",
    "hello",
    "access",
    "computer",
    "internet",
    "starwars",
    "pokemon",
    "summer",
    "winter",
    "spring",
    "autumn",
    "january",
    "february",
    "march",
    "april",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "microsoft",
    "windows",
    "office",
    "outlook",
    "azure",
    "teams",
    "onedrive",
    "sharepoint",
    "google",
    "apple",
    "samsung",
    "facebook",
    "company",
    "corporate",
    "business",
    "enterprise",
    "network",
    "server",
    "system",
    "security",
    "support",
    "helpdesk",
    "service",
    "manager",
    "employee",
    "student",
    "teacher",
    "school",
    "college",
    "university",
    "family",
    "mother",
    "father",
    "forever",
    "lovely",
    "blessed",
    "charlie",
    "michael",
    "jordan",
    "hunter",
    "ranger",
    "buster",
    "thomas",
    "robert",
    "harley",
    "killer",
    "pepper",
    "ginger",
    "cheese",
    "silver",
    "orange",
    "purple",
    "yellow",
    "banana",
    "chocolate",
    "cookie",
    "flower",
    "guitar",
    "matrix",
    "mustang",
    "thunder",
    "tigger",
    "maggie",
    "jessica",
    "jennifer",
    "ashley",
    "nicole",
    "daniel",
    "andrew",
    "joshua",
    "matthew",
    "anthony",
    "william",
    "hannah",
    "sophie",
    "guest",
    "temp1234",
    "test1234",
    "letmein1",
    "welcome1",
    "password1",
    "p4ssword",
    "secure",
    "private",
    "unknown",
    "nothing",
];

/// Legal-form words left out when an organisation's name is split into terms.
const ORG_NOISE: &[&str] = &[
    "corp",
    "corporation",
    "company",
    "limited",
    "group",
    "gmbh",
    "holding",
    "holdings",
];

/// What a found term was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermKind {
    Global,
    Custom,
    Organisation,
}

/// The outcome of the banned-password check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BannedReport {
    pub points: usize,
    /// A first or last name was found (a hard reject).
    pub contains_name: bool,
    /// Kinds of the terms that were counted.
    pub kinds: Vec<TermKind>,
}

impl BannedReport {
    pub fn rejected(&self) -> bool {
        self.contains_name || self.points < MIN_POINTS
    }
}

/// Lists and indexes, built once.
#[derive(Debug)]
pub struct BannedList {
    /// Normalised term → kind (custom wins over global).
    terms: HashMap<String, TermKind>,
    /// Term with one position replaced by `WILD` → kind (substitutions).
    subst: HashMap<String, TermKind>,
    /// Term with one character deleted → kind (the password lacks a character).
    deleted: HashMap<String, TermKind>,
    min_len: usize,
    max_len: usize,
}

const WILD: char = '\u{0}';

/// Normalises for comparison: compatibility decomposition, accents dropped, lower case,
/// Entra's documented substitutions. Never used to change the password itself.
pub fn normalise(s: &str) -> Vec<char> {
    s.nfkd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0' => 'o',
            '1' => 'l',
            '$' => 's',
            '@' => 'a',
            c => c,
        })
        .collect()
}

/// Accent folding and lower case only (no substitutions): `José` → `jose`.
pub fn normalise_letters(s: &str) -> String {
    s.nfkd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

impl BannedList {
    /// Builds the index from the built-in list and normalised custom terms.
    pub fn new<'a>(custom: impl IntoIterator<Item = &'a str>) -> Self {
        let mut terms: HashMap<String, TermKind> = HashMap::new();
        for t in GLOBAL_TERMS {
            terms.insert(normalise(t).into_iter().collect(), TermKind::Global);
        }
        for t in custom {
            let n: String = normalise(t.trim()).into_iter().collect();
            if n.chars().count() >= MIN_NAME_CHARS {
                terms.insert(n, TermKind::Custom);
            }
        }
        let mut subst = HashMap::new();
        let mut deleted = HashMap::new();
        let (mut min_len, mut max_len) = (usize::MAX, 0);
        for (t, &kind) in &terms {
            let chars: Vec<char> = t.chars().collect();
            min_len = min_len.min(chars.len());
            max_len = max_len.max(chars.len());
            for k in 0..chars.len() {
                let mut w = chars.clone();
                w[k] = WILD;
                upsert(&mut subst, w.into_iter().collect(), kind);
                let mut d = chars.clone();
                d.remove(k);
                upsert(&mut deleted, d.into_iter().collect(), kind);
            }
        }
        Self {
            terms,
            subst,
            deleted,
            min_len: min_len.min(max_len),
            max_len,
        }
    }

    /// Number of distinct terms (built-in and custom).
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Scores a candidate. `names` reject outright when found; `org` terms score one point.
    pub fn assess(&self, candidate: &str, names: &[Vec<char>], org: &[Vec<char>]) -> BannedReport {
        let pw: Vec<char> = normalise(&candidate.chars().take(MAX_ANALYSED).collect::<String>());
        let contains_name = names
            .iter()
            .any(|n| n.len() >= MIN_NAME_CHARS && find(&pw, n));

        // Phase 1: exact occurrences, chosen to give the fewest points.
        let mut exact: Vec<(usize, usize, TermKind)> = Vec::new();
        for i in 0..pw.len() {
            for len in self.min_len..=self.max_len.min(pw.len() - i) {
                let s: String = pw[i..i + len].iter().collect();
                if let Some(&k) = self.terms.get(&s) {
                    exact.push((i, i + len, k));
                }
            }
            for o in org {
                if o.len() >= MIN_NAME_CHARS && pw[i..].starts_with(o) {
                    exact.push((i, i + o.len(), TermKind::Organisation));
                }
            }
        }
        let (covered, mut kinds) = cheapest_cover(pw.len(), &exact);

        // Phase 2: fuzzy occurrences inside the stretches left uncovered.
        let mut points = kinds.len();
        let mut i = 0;
        while i < pw.len() {
            if covered[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i < pw.len() && !covered[i] {
                i += 1;
            }
            let seg = &pw[start..i];
            let fuzzy = self.fuzzy_occurrences(seg);
            let (seg_cov, seg_kinds) = cheapest_cover(seg.len(), &fuzzy);
            points += seg_kinds.len() + seg_cov.iter().filter(|&&c| !c).count();
            kinds.extend(seg_kinds);
        }
        kinds.sort_by_key(|k| *k as u8);
        kinds.dedup();
        BannedReport {
            points,
            contains_name,
            kinds,
        }
    }

    /// Substrings of `seg` within edit distance 1 of a term.
    fn fuzzy_occurrences(&self, seg: &[char]) -> Vec<(usize, usize, TermKind)> {
        let mut out = Vec::new();
        if self.terms.is_empty() {
            return out;
        }
        let lo = self.min_len.saturating_sub(1).max(MIN_FUZZY_CHARS);
        let hi = self.max_len + 1;
        let mut buf = String::new();
        for i in 0..seg.len() {
            for len in lo..=hi.min(seg.len() - i) {
                let cand = &seg[i..i + len];
                let hit = self.fuzzy_kind(cand, &mut buf);
                if let Some(k) = hit {
                    out.push((i, i + len, k));
                }
            }
        }
        out
    }

    fn fuzzy_kind(&self, cand: &[char], buf: &mut String) -> Option<TermKind> {
        let mut best: Option<TermKind> = None;
        let mut note = |k: TermKind| {
            if best != Some(TermKind::Custom) {
                best = Some(k);
            }
        };
        buf.clear();
        buf.extend(cand);
        if let Some(&k) = self.terms.get(buf.as_str()) {
            note(k);
        }
        // The password lacks one character of a term.
        if let Some(&k) = self.deleted.get(buf.as_str()) {
            note(k);
        }
        for k in 0..cand.len() {
            // One character differs.
            buf.clear();
            buf.extend(
                cand.iter()
                    .enumerate()
                    .map(|(j, &c)| if j == k { WILD } else { c }),
            );
            if let Some(&kind) = self.subst.get(buf.as_str()) {
                note(kind);
            }
            // The password has one extra character.
            buf.clear();
            buf.extend(
                cand.iter()
                    .enumerate()
                    .filter(|&(j, _)| j != k)
                    .map(|(_, &c)| c),
            );
            if let Some(&kind) = self.terms.get(buf.as_str()) {
                note(kind);
            }
        }
        best
    }
}

fn upsert(map: &mut HashMap<String, TermKind>, key: String, kind: TermKind) {
    let e = map.entry(key).or_insert(kind);
    if kind == TermKind::Custom {
        *e = kind;
    }
}

fn find(hay: &[char], needle: &[char]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The set of non-overlapping occurrences giving the fewest points over `0..n`
/// (one per occurrence plus one per uncovered character): which positions are covered,
/// and the kinds of the chosen occurrences.
fn cheapest_cover(n: usize, occ: &[(usize, usize, TermKind)]) -> (Vec<bool>, Vec<TermKind>) {
    let mut by_end: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (idx, &(_, end, _)) in occ.iter().enumerate() {
        by_end[end].push(idx);
    }
    // best[i] = fewest points for the first i characters; choice[i] = occurrence ending at i.
    let mut best = vec![0usize; n + 1];
    let mut choice: Vec<Option<usize>> = vec![None; n + 1];
    for i in 1..=n {
        best[i] = best[i - 1] + 1;
        for &idx in &by_end[i] {
            let (start, _, _) = occ[idx];
            if best[start] + 1 < best[i] {
                best[i] = best[start] + 1;
                choice[i] = Some(idx);
            }
        }
    }
    let mut covered = vec![false; n];
    let mut kinds = Vec::new();
    let mut i = n;
    while i > 0 {
        match choice[i] {
            Some(idx) => {
                let (start, end, kind) = occ[idx];
                covered[start..end].iter_mut().for_each(|c| *c = true);
                kinds.push(kind);
                i = start;
            }
            None => i -= 1,
        }
    }
    (covered, kinds)
}

/// Splits a name into normalised terms: the whole name without separators, and each part.
pub fn name_terms(name: &str, noise: bool) -> Vec<Vec<char>> {
    let norm = normalise(name);
    let mut out: Vec<Vec<char>> = Vec::new();
    let whole: Vec<char> = norm
        .iter()
        .copied()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let mut parts: Vec<Vec<char>> = norm
        .split(|c| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(<[char]>::to_vec)
        .collect();
    if noise {
        parts.retain(|p| {
            let s: String = p.iter().collect();
            !ORG_NOISE.contains(&s.as_str())
        });
    }
    out.push(whole);
    out.extend(parts);
    let mut seen = HashSet::new();
    out.retain(|t| t.len() >= MIN_NAME_CHARS && seen.insert(t.clone()));
    out
}

/// Adds the banned-rule failure, if any, to the verdict.
pub(crate) fn report(r: &BannedReport, v: &mut Verdict) {
    if !r.rejected() {
        return;
    }
    let id = if r.contains_name {
        "policy-banned-name"
    } else if r.kinds.contains(&TermKind::Custom) {
        "policy-banned-custom"
    } else if r.kinds.contains(&TermKind::Organisation) {
        "policy-banned-organisation"
    } else {
        "policy-banned-common"
    };
    v.reject(Rule::Banned, id);
    if !r.contains_name {
        v.hint("policy-hint-banned-more");
    }
}
