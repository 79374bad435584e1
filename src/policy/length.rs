//! Length in characters (Unicode scalar values, as NIST SP 800-63B counts them), not bytes.

use super::verdict::{Rule, Verdict};

pub(crate) fn check(candidate: &str, min: usize, max: usize, v: &mut Verdict) {
    // Counting stops just past `max`: enough to decide, bounded for huge inputs.
    let n = candidate.chars().take(max.saturating_add(1)).count();
    if n < min {
        v.reject_with(
            Rule::Length,
            "policy-length-short",
            vec![("min", min.into())],
        );
    } else if n > max {
        v.reject_with(
            Rule::Length,
            "policy-length-long",
            vec![("max", max.into())],
        );
    }
}
