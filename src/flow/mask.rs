//! Masked contact details: enough for a person to recognise their own, too little to
//! learn someone else's.

const DOT: &str = "•••";

/// `jane.doe@gmail.com` → `j•••@g•••.com`.
pub fn email(address: &str) -> String {
    let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    let first = |s: &str| s.chars().next().map(String::from).unwrap_or_default();
    let tld = domain.rsplit_once('.').map(|(_, t)| t).unwrap_or("");
    if tld.is_empty() {
        format!("{}{DOT}@{}{DOT}", first(local), first(domain))
    } else {
        format!("{}{DOT}@{}{DOT}.{tld}", first(local), first(domain))
    }
}

/// `+1 5555551234` → `+1 ••• ••• ••34`.
pub fn phone(number: &str) -> String {
    let digits: String = number
        .split('x')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let country = number
        .trim()
        .strip_prefix('+')
        .and_then(|r| r.split(' ').next())
        .filter(|c| !c.is_empty() && c.len() <= 3 && c.chars().all(|ch| ch.is_ascii_digit()));
    let last2 = if digits.len() >= 2 {
        &digits[digits.len() - 2..]
    } else {
        "••"
    };
    match country {
        Some(cc) => format!("+{cc} ••• ••• ••{last2}"),
        None => format!("••• ••• ••{last2}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_only_hints() {
        assert_eq!(email("jane.doe@gmail.com"), "j•••@g•••.com");
        assert_eq!(email("x@localhost"), "x•••@l•••");
        assert_eq!(phone("+1 5555551234"), "+1 ••• ••• ••34");
        assert_eq!(phone("+49 1701234567x12"), "+49 ••• ••• ••67");
        assert_eq!(phone("5"), "••• ••• ••••");
    }

    proptest::proptest! {
        #[test]
        fn masking_never_panics_and_hides_the_middle(s in ".{0,64}") {
            let m = email(&s);
            proptest::prop_assert!(m.contains(DOT));
            let _ = phone(&s);
        }
    }
}
