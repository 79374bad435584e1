//! Breached-password check against Have I Been Pwned's Pwned Passwords (POLICY.md §4):
//! an offline sorted copy ([`OfflineSorted`]) or the k-anonymity range API ([`OnlineRange`]).
//!
//! Only the SHA-1 of the password is computed here; the password is never logged, stored or
//! put in an error. The online check sends the first 5 hex digits of the hash, nothing more.

mod offline;
mod online;

use std::sync::Arc;

use sha1::{Digest, Sha1};

use crate::policy::{BreachedMode, BreachedSettings};

pub use offline::{OfflineSorted, build_compact};
pub use online::OnlineRange;

pub use crate::ports::breached::{BreachedCheck, BreachedError};

/// The check configured by `[policy.breached]`, or `None` when `mode = "off"`.
pub fn from_settings(
    s: &BreachedSettings,
) -> Result<Option<Arc<dyn BreachedCheck>>, BreachedError> {
    match s.mode {
        BreachedMode::Off => Ok(None),
        BreachedMode::Offline => {
            let path = s.file.as_ref().ok_or_else(|| {
                BreachedError::Config(
                    "policy.breached.file is required for mode \"offline\"".into(),
                )
            })?;
            let check = OfflineSorted::open(path, s.min_count)?;
            Ok(Some(Arc::new(check)))
        }
        BreachedMode::Online => {
            let check = OnlineRange::new(
                &s.api_url,
                std::time::Duration::from_millis(s.timeout_ms),
                s.fail_open,
                s.min_count,
            )?;
            Ok(Some(Arc::new(check)))
        }
    }
}

/// SHA-1 of the password's UTF-8 bytes, as HIBP computes it.
pub(crate) fn sha1_bytes(password: &str) -> [u8; 20] {
    let digest = Sha1::digest(password.as_bytes());
    let mut out = [0u8; 20];
    for (o, d) in out.iter_mut().zip(digest.iter()) {
        *o = *d;
    }
    out
}

/// Upper-case hex, HIBP's spelling.
pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    s
}

/// Value of one hex digit, either case.
pub(crate) fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// The SHA-1 of `password` in HIBP's upper-case hex. For tests and tools that build lists.
pub fn sha1_hex(password: &str) -> String {
    hex_upper(&sha1_bytes(password))
}
