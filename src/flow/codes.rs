//! One-time codes: drawn uniformly, stored only as a keyed hash bound to the flow, the
//! user and the method, and compared in constant time.

use hmac::{KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::random::Random;

type HmacSha256 = hmac::Hmac<Sha256>;

/// A fresh code of `digits` digits (leading zeros kept).
pub fn generate(rng: &dyn Random, digits: u8) -> Zeroizing<String> {
    let digits = u32::from(digits.clamp(4, 10));
    let bound = 10u64.pow(digits);
    Zeroizing::new(format!(
        "{:0width$}",
        rng.below(bound),
        width = digits as usize
    ))
}

/// The server's HMAC key for codes, decoys and CSRF tokens, prepared once at start-up.
#[derive(Clone)]
pub struct CodeKey(HmacSha256);

impl std::fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeKey(..)")
    }
}

impl CodeKey {
    /// `None` for keys shorter than 32 bytes.
    pub fn new(bytes: &[u8]) -> Option<Self> {
        if bytes.len() < 32 {
            return None;
        }
        HmacSha256::new_from_slice(bytes).ok().map(CodeKey)
    }

    fn mac(&self, parts: &[&[u8]]) -> HmacSha256 {
        let mut m = self.0.clone();
        for p in parts {
            // Length-prefixed, so ("ab","c") and ("a","bc") hash differently.
            m.update(&(p.len() as u64).to_be_bytes());
            m.update(p);
        }
        m
    }

    fn code_mac(&self, flow_id: &str, user_id: &str, method: &str, code: &str) -> HmacSha256 {
        self.mac(&[
            b"rekey-code-v1",
            flow_id.as_bytes(),
            user_id.as_bytes(),
            method.as_bytes(),
            code.as_bytes(),
        ])
    }

    /// The stored form of a code.
    pub fn hash(&self, flow_id: &str, user_id: &str, method: &str, code: &str) -> Vec<u8> {
        self.code_mac(flow_id, user_id, method, code)
            .finalize()
            .into_bytes()
            .to_vec()
    }

    /// Whether `code` matches `stored`, in constant time.
    pub fn matches(
        &self,
        stored: &[u8],
        flow_id: &str,
        user_id: &str,
        method: &str,
        code: &str,
    ) -> bool {
        self.code_mac(flow_id, user_id, method, code)
            .verify_slice(stored)
            .is_ok()
    }

    /// A keyed digest for other purposes (decoys, CSRF), domain-separated by `label`.
    pub fn digest(&self, label: &str, input: &str) -> [u8; 32] {
        let out = self
            .mac(&[label.as_bytes(), input.as_bytes()])
            .finalize()
            .into_bytes();
        let mut a = [0u8; 32];
        a.copy_from_slice(&out);
        a
    }
}

/// Keeps only digits, so "1234 5678" and "1234-5678" are accepted as typed on a phone.
pub fn normalise_input(raw: &str) -> Zeroizing<String> {
    Zeroizing::new(
        raw.chars()
            .filter_map(|c| match c {
                '0'..='9' => Some(c),
                // Full-width digits, as Japanese and Chinese input methods type them, and
                // Arabic-Indic digits from Arabic and Persian keyboards.
                '\u{ff10}'..='\u{ff19}' => digit(c, 0xff10),
                '\u{0660}'..='\u{0669}' => digit(c, 0x0660),
                '\u{06f0}'..='\u{06f9}' => digit(c, 0x06f0),
                _ => None,
            })
            .collect(),
    )
}

fn digit(c: char, zero: u32) -> Option<char> {
    char::from_digit(u32::from(c) - zero, 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::SeededRandom;

    #[test]
    fn typed_codes_keep_only_their_digits_full_width_ones_too() {
        assert_eq!(normalise_input(" 1234-5678 ").as_str(), "12345678");
        assert_eq!(normalise_input("１２３４ ５６７８").as_str(), "12345678");
        assert_eq!(normalise_input("١٢٣٤").as_str(), "1234");
        assert_eq!(normalise_input("۱۲۳").as_str(), "123");
        assert_eq!(normalise_input("a²³").as_str(), "");
    }

    #[test]
    fn codes_have_the_requested_length_and_vary() {
        let rng = SeededRandom::new(1);
        let a = generate(&rng, 8);
        let b = generate(&rng, 8);
        assert_eq!(a.len(), 8);
        assert!(a.chars().all(|c| c.is_ascii_digit()));
        assert_ne!(*a, *b);
    }

    #[test]
    fn a_code_is_bound_to_its_flow_user_and_method() {
        let key = CodeKey::new(&[7u8; 32]).unwrap();
        let h = key.hash("flow1", "user1", "email:0", "12345678");
        assert!(key.matches(&h, "flow1", "user1", "email:0", "12345678"));
        assert!(!key.matches(&h, "flow2", "user1", "email:0", "12345678"));
        assert!(!key.matches(&h, "flow1", "user2", "email:0", "12345678"));
        assert!(!key.matches(&h, "flow1", "user1", "sms:0", "12345678"));
        assert!(!key.matches(&h, "flow1", "user1", "email:0", "12345679"));
        let other = CodeKey::new(&[8u8; 32]).unwrap();
        assert!(!other.matches(&h, "flow1", "user1", "email:0", "12345678"));
        assert!(CodeKey::new(&[1u8; 16]).is_none());
    }

    #[test]
    fn typed_separators_are_ignored() {
        assert_eq!(*normalise_input(" 1234-5678 "), "12345678");
    }
}
