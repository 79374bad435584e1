//! zxcvbn strength with a bounded cost.
//!
//! zxcvbn 3.1.1 reads the first 100 characters and costs from microseconds to ~0.5 s per
//! call depending on content (POLICY.md §3: crafted l33t strings). Its cost is close to
//! `(S + c) · n²`, where `n` is the length and `S` the number of l33t substitution tables it
//! tries, which depends only on which l33t characters occur. So [`assess`] works like this:
//!
//! 1. If the estimated cost of one call on the first 100 characters fits [`FULL_MS`], make
//!    that call: the result is exact (the reference "full evaluation").
//! 2. Otherwise try to *prove* that the score is at least `k` from a few 12-character windows
//!    (the window rule below). Windows are cheap whatever their content.
//! 3. Otherwise make the full call if it still fits the budget; failing that, refuse the
//!    password as "could not be checked" (never accept it), with feedback from the longest
//!    affordable prefix.
//!
//! # Is a prefix's score a lower bound? No.
//!
//! A prefix can score *higher* than the whole: `"Xq9!z"` repeated 20 times scores 2, its
//! first 24 characters score 3 (the cut leaves a fragment that zxcvbn must brute-force); 30
//! `a` followed by `verwaltungsgemeinschaft` scores 2, its first 40 characters score 4 (half
//! a dictionary word is not a word). Both are tests in `tests/policy.rs`. So accepting on a
//! prefix's score is unsound; the rule used instead is this one.
//!
//! # The window rule, and why it is sound
//!
//! Let `x` be the first 100 characters (all that zxcvbn reads), `n = |x|`, and `T_k` the
//! fewest guesses with score `k` (1005, 10⁶+5, 10⁸+5, 10¹⁰+5).
//!
//! **Fact 1 (few matches).** zxcvbn returns the guesses of one match sequence of `l`
//! matches: `l!·Πgᵢ + A(l)` with `A(1)=1`, `A(l)=10^(4(l-1))`, and every match shorter than
//! `x` has `gᵢ ≥ 10` (`scoring.rs`: `MIN_SUBMATCH_GUESSES_*`, `MIN_GUESSES_BEFORE_GROWING_
//! SEQUENCE`). Hence if `guesses(x) < T_k` then `l ≤ λ(k)` with `λ = 1, 2, 2, 3` for
//! `k = 1, 2, 3, 4` (e.g. `l = 3` gives at least `6·10³ + 10⁸ ≥ T_3`), and every match in
//! the sequence has `gᵢ ≤ guesses(x)`. This holds whether or not zxcvbn's search is
//! optimal, since it is about the sequence it returns.
//!
//! **Fact 2 (what can be long).** zxcvbn's matchers are dictionary (also reversed and
//! l33t), spatial, repeat, sequence, regex (recent year), date, plus brute force. A
//! dictionary token is as long as its word: at most 23 characters for the built-in lists of
//! 3.1.1 (`verwaltungsgemeinschaft`), at most [`super::context::MAX_INPUT_CHARS`] for user
//! inputs. Dates have at most 10 characters, years 4. A repeat token has a period `q` and
//! length `≥ 2q`; [`repeat_span`] measures the longest such substring of `x`. A brute-force
//! token of `m` characters has `10^m` guesses. So with
//! `W = max(23, longest user input, 10, repeat_span(x))`, a match of more than `W`
//! characters in a sequence below `T_k` is a sequence or a spatial pattern.
//!
//! **Fact 3 (windows of long patterns are weak).** If a window `w` lies inside a sequence or
//! spatial token `t`, then zxcvbn finds `w` alone as one match of the same kind (same delta;
//! same keyboard walk, with no more turns and no more shifted keys, except that the first
//! key of `w` is judged by a different list, which can add one shifted key). Its guesses are
//! then at most `M·g(t)` with `M = |w| + 1`: sequences can change base from 4 to 26 (×6.5);
//! one extra shifted key multiplies the variations by at most `|w| + 1`; a window inside a
//! sequence's leading run of one repeated character scores at most `11·|w|` against
//! `g(t) ≥ 4·|t|`. A one-match sequence costs `g + 1`, so `guesses(w) ≤ M·g(t) + 1`.
//!
//! **The rule.** Cut `x` into `λ(k)` disjoint blocks of at least `L = W + 1` characters (so
//! `n ≥ λ·L`). If every block contains a window `w` with `guesses(w) > M·T_k`, then
//! `score(x) ≥ k`. *Proof:* suppose `guesses(x) < T_k`. By Fact 1 its sequence has at most
//! `λ − 1` boundaries, so some block contains none and lies inside one match `t`, which is
//! then longer than `W` and (Fact 2) a sequence or spatial pattern with `g(t) ≤ guesses(x)`.
//! The chosen window of that block lies in `t`, so (Fact 3) `guesses(w) ≤ M·g(t) + 1 ≤
//! M·(T_k − 1) + 1 ≤ M·T_k`, a contradiction. ∎
//!
//! The rule is only used when lower-casing keeps every character one character (zxcvbn
//! indexes dictionary matches in the lower-cased string). The constants are facts about
//! zxcvbn 3.1.1; `tests/policy.rs` checks the rule against full evaluation over a generated
//! corpus (proptest) and pins the facts it relies on.

use std::panic::{AssertUnwindSafe, catch_unwind};

use zxcvbn::Entropy;
use zxcvbn::feedback::{Feedback, Suggestion, Warning};
use zxcvbn::time_estimates::CrackTimes;

/// zxcvbn reads only this many characters.
pub const ZXCVBN_CAP: usize = 100;
/// Longest word in zxcvbn 3.1.1's built-in dictionaries, in characters.
pub const DICTIONARY_MAX_CHARS: usize = 23;
/// Longest date token zxcvbn matches, in characters.
const DATE_MAX_CHARS: usize = 10;
/// Length of the cheap windows.
pub const WINDOW: usize = 12;
/// A full evaluation is made first when its estimated cost is at most this.
pub const FULL_MS: f64 = 7.0;
/// The estimated cost of all zxcvbn calls for one password stays within this.
pub const BUDGET_MS: f64 = 12.0;
/// At most this is spent on feedback for a password that could not be checked.
const PREFIX_MS: f64 = 5.0;

/// The fewest guesses zxcvbn scores as `k` (its `calculate_score` thresholds).
pub const fn score_threshold(k: u8) -> u64 {
    match k {
        0 => 0,
        1 => 1_005,
        2 => 1_000_005,
        3 => 100_000_005,
        _ => 10_000_000_005,
    }
}

/// The most matches a zxcvbn sequence can have while scoring below `k` (Fact 1).
pub const fn max_matches_below(k: u8) -> usize {
    match k {
        0 | 1 => 1,
        2 | 3 => 2,
        _ => 3,
    }
}

/// How the score was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One zxcvbn call on the first 100 characters: exact.
    Full,
    /// The window rule proved `score ≥` the reported score.
    Proven,
    /// Too costly to check; `weak_start` when the affordable prefix already scores too low.
    Unverified { weak_start: bool },
}

/// The strength of one candidate.
#[derive(Clone, Debug)]
pub struct Assessment {
    pub score: u8,
    pub crack_time: String,
    pub feedback: Option<Feedback>,
    pub mode: Mode,
}

/// Assesses `candidate` with bounded cost (see the module docs). Never panics.
pub fn assess(candidate: &str, inputs: &[String], min_score: u8) -> Assessment {
    let x: Vec<char> = candidate.chars().take(ZXCVBN_CAP).collect();
    let text: String = x.iter().collect();
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let mut budget = BUDGET_MS;

    let full_cost = estimated_cost_ms(&text);
    if full_cost <= FULL_MS {
        return full(&text, &inputs);
    }
    let target = min_score.min(4);
    // Cheap windows first for the best score worth reporting, then the target score with
    // whole blocks as windows too, as far as the budget goes.
    let plan: [(u8, bool); 3] = [(4, false), (3, false), (target, true)];
    let mut tried: Vec<(u8, bool)> = Vec::new();
    for (k, blocks) in plan {
        if k == 0 || k < target || tried.contains(&(k, blocks)) {
            continue;
        }
        tried.push((k, blocks));
        if window_rule(&x, &inputs, k, &mut budget, blocks) {
            let floor = score_threshold(k);
            return Assessment {
                score: k,
                crack_time: format!(
                    "at least {}",
                    CrackTimes::new(floor).offline_slow_hashing_1e4_per_second()
                ),
                feedback: None,
                mode: Mode::Proven,
            };
        }
    }
    if full_cost <= budget {
        return full(&text, &inputs);
    }
    // Refuse without accepting: report what the longest affordable prefix shows.
    let budget = budget.min(PREFIX_MS);
    let mut p = x.len();
    while p > 8 && estimated_cost_ms(&x[..p].iter().collect::<String>()) > budget {
        p -= 4;
    }
    let prefix: String = x[..p.min(x.len())].iter().collect();
    let e = zx(&prefix, &inputs);
    let (score, feedback) = match &e {
        Some(e) => (u8::from(e.score()), e.feedback().cloned()),
        None => (0, None),
    };
    let weak_start = score < target;
    Assessment {
        score: score.min(target.saturating_sub(1)),
        crack_time: String::new(),
        feedback,
        mode: Mode::Unverified { weak_start },
    }
}

fn full(text: &str, inputs: &[&str]) -> Assessment {
    match zx(text, inputs) {
        Some(e) => Assessment {
            score: u8::from(e.score()),
            crack_time: e
                .crack_times()
                .offline_slow_hashing_1e4_per_second()
                .to_string(),
            feedback: e.feedback().cloned(),
            mode: Mode::Full,
        },
        None => Assessment {
            score: 0,
            crack_time: String::new(),
            feedback: None,
            mode: Mode::Unverified { weak_start: false },
        },
    }
}

/// zxcvbn, with any panic contained (none is known in 3.1.1; this keeps `evaluate` total).
fn zx(text: &str, inputs: &[&str]) -> Option<Entropy> {
    catch_unwind(AssertUnwindSafe(|| zxcvbn::zxcvbn(text, inputs))).ok()
}

/// The window rule for score `k` on `x` (at most 100 characters). In each block the first and
/// last [`WINDOW`] characters are tried, then (with `whole_blocks`) the whole block. Each
/// zxcvbn call is charged to `budget` by its estimated cost and skipped when it does not fit.
fn window_rule(x: &[char], inputs: &[&str], k: u8, budget: &mut f64, whole_blocks: bool) -> bool {
    if k == 0 {
        return true;
    }
    if x.iter()
        .any(|c| !c.is_ascii() && c.to_lowercase().count() != 1)
    {
        return false;
    }
    let longest_input = inputs
        .iter()
        .map(|s| s.to_lowercase().chars().count())
        .max()
        .unwrap_or(0);
    let w = DICTIONARY_MAX_CHARS
        .max(longest_input)
        .max(DATE_MAX_CHARS)
        .max(repeat_span(x));
    let l = w + 1;
    let blocks = max_matches_below(k);
    let n = x.len();
    if n < blocks * l {
        return false;
    }
    let t = score_threshold(k);
    for b in 0..blocks {
        let (s, e) = (n * b / blocks, n * (b + 1) / blocks);
        let block = &x[s..e];
        let short = WINDOW.min(block.len());
        let candidates: [&[char]; 3] = [&block[..short], &block[block.len() - short..], block];
        let mut proven = false;
        for (i, win) in candidates.iter().enumerate() {
            if (i == 2 && !whole_blocks) || (i > 0 && block.len() == short) {
                continue;
            }
            let text: String = win.iter().collect();
            let cost = estimated_cost_ms(&text);
            if cost > *budget {
                continue;
            }
            *budget -= cost;
            let m = win.len() as u64 + 1;
            let needed = m.saturating_mul(t);
            if zx(&text, inputs).is_some_and(|e| e.guesses() > needed) {
                proven = true;
                break;
            }
        }
        if !proven {
            return false;
        }
    }
    true
}

/// Whether the window rule alone proves `score ≥ k`, trying every window regardless of
/// cost. For tests and benchmarks: it is the shortcut `assess` may take.
pub fn window_proof(candidate: &str, inputs: &[&str], k: u8) -> bool {
    let x: Vec<char> = candidate.chars().take(ZXCVBN_CAP).collect();
    let mut budget = f64::INFINITY;
    window_rule(&x, inputs, k, &mut budget, true)
}

/// Length of the longest substring of `x` that has some period `q` and at least `2q`
/// characters: an upper bound on the length of any zxcvbn repeat match in `x`.
pub fn repeat_span(x: &[char]) -> usize {
    let n = x.len();
    let mut best = 0;
    for q in 1..=n / 2 {
        let mut run = 0;
        for i in 0..n - q {
            if x[i] == x[i + q] {
                run += 1;
                if run >= q {
                    best = best.max(run + q);
                }
            } else {
                run = 0;
            }
        }
    }
    best
}

/// zxcvbn's l33t table (matching.rs `L33T_TABLE`): letter → characters that stand for it.
const L33T: &[(char, &str)] = &[
    ('a', "4@"),
    ('b', "8"),
    ('c', "({[<"),
    ('e', "3"),
    ('g', "69"),
    ('i', "1!|"),
    ('l', "1|7"),
    ('o', "0"),
    ('s', "$5"),
    ('t', "+7"),
    ('x', "%"),
    ('z', "2"),
];

/// How many l33t substitution tables zxcvbn tries for `text`: the product of each letter's
/// present options, except that `i`, `l` and `t` share `1`, `|` and `7` and are expanded
/// the way zxcvbn does (a shared character already taken forks the table), taking the
/// largest count over the orders in which the three letters can come.
pub fn l33t_tables(text: &str) -> u64 {
    let mut product: u64 = 1;
    let mut any = false;
    let mut shared: Vec<(char, Vec<char>)> = Vec::new();
    for &(letter, opts) in L33T {
        let present: Vec<char> = opts.chars().filter(|&c| text.contains(c)).collect();
        if present.is_empty() {
            continue;
        }
        any = true;
        if matches!(letter, 'i' | 'l' | 't') {
            shared.push((letter, present));
        } else {
            product = product.saturating_mul(present.len() as u64);
        }
    }
    if !any {
        return 0;
    }
    const ORDERS: [[usize; 3]; 6] = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let mut most = 1;
    for order in ORDERS {
        // Each table: which shared character stands for which letter.
        let mut tables: Vec<Vec<(char, char)>> = vec![Vec::new()];
        for &k in &order {
            let Some((letter, opts)) = shared.get(k) else {
                continue;
            };
            let mut next = Vec::with_capacity(tables.len() * opts.len() * 2);
            for &o in opts {
                for t in &tables {
                    match t.iter().position(|&(c, _)| c == o) {
                        Some(pos) => {
                            let mut moved = t.clone();
                            moved.remove(pos);
                            moved.push((o, *letter));
                            next.push(t.clone());
                            next.push(moved);
                        }
                        None => {
                            let mut grown = t.clone();
                            grown.push((o, *letter));
                            next.push(grown);
                        }
                    }
                }
            }
            tables = next;
        }
        most = most.max(tables.len() as u64);
    }
    product.saturating_mul(most)
}

/// Estimated cost in milliseconds of one zxcvbn call on `text` (its first 100 characters),
/// on the reference machine (POLICY.md §3), with a safety margin: `(S + c)·n^2.1` for the
/// dictionary and l33t passes, plus the same again for the base of a repeat, which zxcvbn
/// matches separately. The worst cases are measured by `benches/policy.rs`.
pub fn estimated_cost_ms(text: &str) -> f64 {
    let x: Vec<char> = text.chars().take(ZXCVBN_CAP).collect();
    let s = l33t_tables(text) as f64;
    let pass = |n: usize| (COST_PER_TABLE * s + COST_BASE) * (n as f64).powf(COST_EXP);
    COST_FIXED + pass(x.len()) + 2.0 * pass(repeat_span(&x) / 2)
}

// Fitted as an upper envelope of ~800 timed calls (random, passphrase, l33t-dense and
// periodic strings of 4..100 characters; median over-estimate 1.6x), plus 20% for noise.
const COST_PER_TABLE: f64 = 5.5e-5;
const COST_BASE: f64 = 4.0e-4;
const COST_EXP: f64 = 2.1;
const COST_FIXED: f64 = 0.05;

/// Our message id for a zxcvbn warning (the words are in the catalogs).
pub fn warning_id(w: Warning) -> &'static str {
    match w {
        Warning::StraightRowsOfKeysAreEasyToGuess => "policy-warn-keyboard-row",
        Warning::ShortKeyboardPatternsAreEasyToGuess => "policy-warn-keyboard-pattern",
        Warning::RepeatsLikeAaaAreEasyToGuess => "policy-warn-repeat-char",
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "policy-warn-repeat-group",
        Warning::ThisIsATop10Password => "policy-warn-top10",
        Warning::ThisIsATop100Password => "policy-warn-top100",
        Warning::ThisIsACommonPassword => "policy-warn-common",
        Warning::ThisIsSimilarToACommonlyUsedPassword => "policy-warn-similar-common",
        Warning::SequencesLikeAbcAreEasyToGuess => "policy-warn-sequence",
        Warning::RecentYearsAreEasyToGuess => "policy-warn-recent-year",
        Warning::AWordByItselfIsEasyToGuess => "policy-warn-single-word",
        Warning::DatesAreOftenEasyToGuess => "policy-warn-date",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => "policy-warn-name",
        Warning::CommonNamesAndSurnamesAreEasyToGuess => "policy-warn-common-name",
    }
}

/// Our message id for a zxcvbn suggestion.
pub fn suggestion_id(s: Suggestion) -> &'static str {
    match s {
        Suggestion::UseAFewWordsAvoidCommonPhrases => "policy-hint-few-words",
        Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => "policy-hint-length-first",
        Suggestion::AddAnotherWordOrTwo => "policy-hint-add-word",
        Suggestion::CapitalizationDoesntHelpVeryMuch => "policy-hint-capitals",
        Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => "policy-hint-all-caps",
        Suggestion::ReversedWordsArentMuchHarderToGuess => "policy-hint-reversed",
        Suggestion::PredictableSubstitutionsDontHelpVeryMuch => "policy-hint-substitutions",
        Suggestion::UseALongerKeyboardPatternWithMoreTurns => "policy-hint-keyboard",
        Suggestion::AvoidRepeatedWordsAndCharacters => "policy-hint-repeats",
        Suggestion::AvoidSequences => "policy-hint-sequences",
        Suggestion::AvoidRecentYears => "policy-hint-recent-years",
        Suggestion::AvoidYearsThatAreAssociatedWithYou => "policy-hint-your-years",
        Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => "policy-hint-your-dates",
    }
}
