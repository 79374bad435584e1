//! Masked methods for names that match no account (or whose methods could not be read in
//! time), derived from a keyed hash of the name: the same name always shows the same
//! methods, and they are drawn from the shapes real accounts show — email only, SMS only,
//! both, two addresses — with the providers and country codes people register, masked by
//! the same code as real methods. `tests/enumeration.rs` compares the two distributions.

use super::{Method, MethodKind, codes::CodeKey, mask};

/// (weight, what): a discrete distribution. Weights are per thousand-ish; only ratios count.
type Table<T> = &'static [(u16, T)];

/// Which methods a list holds, as (emails, mobiles). Graph keeps one email method and one
/// mobile; the profile fallback (`otherMails`) can add a second address.
const LISTS: Table<(u8, u8)> = &[
    (400, (1, 0)),
    (350, (1, 1)),
    (170, (0, 1)),
    (50, (2, 0)),
    (30, (2, 1)),
];

/// Mail providers people register as their alternate address, with their national domains.
pub const PROVIDERS: Table<&str> = &[
    (240, "gmail.com"),
    (120, "outlook.com"),
    (80, "hotmail.com"),
    (70, "yahoo.com"),
    (50, "icloud.com"),
    (25, "proton.me"),
    (30, "gmx.de"),
    (25, "web.de"),
    (15, "t-online.de"),
    (20, "orange.fr"),
    (15, "free.fr"),
    (15, "laposte.net"),
    (15, "yahoo.co.uk"),
    (15, "btinternet.com"),
    (15, "libero.it"),
    (15, "wp.pl"),
    (15, "onet.pl"),
    (15, "yahoo.co.jp"),
    (15, "docomo.ne.jp"),
    (15, "uol.com.br"),
    (15, "bol.com.br"),
    (15, "telefonica.es"),
    (15, "ziggo.nl"),
    (15, "bigpond.com"),
    (15, "bluewin.ch"),
    (15, "gmx.at"),
    (15, "telenet.be"),
    (15, "live.se"),
    (15, "shaw.ca"),
    (15, "hotmail.fr"),
    (15, "outlook.de"),
];

/// Country calling codes of registered mobiles.
pub const COUNTRIES: Table<&str> = &[
    (200, "1"),
    (90, "44"),
    (90, "49"),
    (50, "33"),
    (40, "34"),
    (35, "31"),
    (35, "48"),
    (30, "61"),
    (30, "81"),
    (30, "55"),
    (30, "39"),
    (25, "41"),
    (25, "43"),
    (25, "32"),
    (25, "46"),
    (20, "45"),
    (20, "47"),
    (20, "358"),
    (20, "353"),
    (20, "351"),
    (20, "52"),
    (20, "91"),
    (20, "971"),
    (20, "966"),
    (20, "64"),
];

/// The first character of an address's local part: mostly a letter, sometimes a digit.
const INITIALS: &[u8] = b"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123";

/// Reads the digest as a stream of small random choices.
struct Draws<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Draws<'_> {
    fn next_u16(&mut self) -> u16 {
        let hi = self.bytes.get(self.at % self.bytes.len()).copied();
        let lo = self.bytes.get((self.at + 1) % self.bytes.len()).copied();
        self.at += 2;
        u16::from_be_bytes([hi.unwrap_or(0), lo.unwrap_or(0)])
    }

    fn pick<T: Copy>(&mut self, table: Table<T>) -> T {
        let total: u32 = table.iter().map(|(w, _)| u32::from(*w)).sum();
        let mut r = u32::from(self.next_u16()) % total.max(1);
        for (w, v) in table {
            if r < u32::from(*w) {
                return *v;
            }
            r -= u32::from(*w);
        }
        table[0].1
    }

    fn below(&mut self, n: usize) -> usize {
        usize::from(self.next_u16()) % n.max(1)
    }
}

/// The decoy methods for `account` (a normalised name).
pub fn methods(key: &CodeKey, account: &str) -> Vec<Method> {
    let digest = key.digest("rekey-decoy-v2", account);
    let mut draw = Draws {
        bytes: &digest,
        at: 0,
    };
    let (emails, mobiles) = draw.pick(LISTS);
    let mut out = Vec::new();
    for i in 0..emails {
        let initial = char::from(INITIALS[draw.below(INITIALS.len())]);
        let provider = draw.pick(PROVIDERS);
        out.push(Method {
            id: format!("email:{i}"),
            kind: MethodKind::Email,
            masked: mask::email(&format!("{initial}@{provider}")),
            target: None,
        });
    }
    for i in 0..mobiles {
        let country = draw.pick(COUNTRIES);
        let last = draw.below(100);
        out.push(Method {
            id: format!("sms:{i}"),
            kind: MethodKind::Sms,
            masked: mask::phone(&format!("+{country} 5550000{last:02}")),
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
        let distinct: std::collections::HashSet<Vec<String>> = (0..50)
            .map(|i| {
                methods(&k, &format!("n{i}@contoso.com"))
                    .into_iter()
                    .map(|m| m.masked)
                    .collect()
            })
            .collect();
        assert!(distinct.len() > 30);
        assert!(methods(&k, "x").iter().all(|m| m.target.is_none()));
    }

    #[test]
    fn every_list_shape_occurs() {
        let k = CodeKey::new(&[2u8; 32]).unwrap();
        let shapes: std::collections::HashSet<Vec<String>> = (0..500)
            .map(|i| {
                methods(&k, &format!("n{i}"))
                    .into_iter()
                    .map(|m| m.id)
                    .collect()
            })
            .collect();
        assert_eq!(shapes.len(), LISTS.len(), "{shapes:?}");
    }
}
