//! Masked methods for names that match no account, derived from a keyed hash of the
//! name: the same name always shows the same methods, and they look like real ones.

use super::{Method, MethodKind, codes::CodeKey, mask};

const DOMAINS: &[&str] = &[
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "icloud.com",
    "gmx.de",
    "hotmail.com",
    "proton.me",
    "web.de",
];
const COUNTRIES: &[&str] = &["1", "44", "49", "33", "34", "31", "48", "61"];

/// One alternate email, and a mobile for about half the names: the shapes real accounts
/// show most.
pub fn methods(key: &CodeKey, account: &str) -> Vec<Method> {
    let d = key.digest("rekey-decoy-v1", account);
    let letter = |b: u8| char::from(b'a' + b % 26);
    let domain = DOMAINS[usize::from(d[2]) % DOMAINS.len()];
    let fake_email = format!("{}x@{domain}", letter(d[1]));
    let mut out = vec![Method {
        id: "email:0".into(),
        kind: MethodKind::Email,
        masked: mask::email(&fake_email),
        target: None,
    }];
    if d[3].is_multiple_of(2) {
        let cc = COUNTRIES[usize::from(d[4]) % COUNTRIES.len()];
        let fake_phone = format!("+{cc} 55500{:02}", d[5] % 100);
        out.push(Method {
            id: "sms:0".into(),
            kind: MethodKind::Sms,
            masked: mask::phone(&fake_phone),
            target: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_per_name_and_different_across_names() {
        let k = CodeKey::new(&[1u8; 32]).unwrap();
        assert_eq!(
            methods(&k, "nobody@contoso.com"),
            methods(&k, "nobody@contoso.com")
        );
        let distinct: std::collections::HashSet<String> = (0..50)
            .map(|i| methods(&k, &format!("n{i}@contoso.com"))[0].masked.clone())
            .collect();
        assert!(distinct.len() > 10);
        assert!(methods(&k, "x").iter().all(|m| m.target.is_none()));
    }
}
