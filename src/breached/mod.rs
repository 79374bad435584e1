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

/// Whether a password appears in the breach corpus.
#[async_trait::async_trait]
pub trait BreachedCheck: Send + Sync {
    /// `Ok(true)` when seen at least `min_count` times. Errors never contain the password.
    async fn is_breached(&self, password: &str) -> Result<bool, BreachedError>;
}

/// A breached-password lookup failed.
#[derive(Debug, thiserror::Error)]
pub enum BreachedError {
    #[error("breached-password list {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("breached-password list {path}: {problem}")]
    Format { path: String, problem: String },
    #[error("breached-password check: {0}")]
    Config(String),
    #[error("breached-password range API timed out")]
    Timeout,
    #[error("breached-password range API answered HTTP {0}")]
    Status(u16),
    #[error("breached-password range API: {0}")]
    Network(String),
    #[error("breached-password range API sent an unreadable answer: {0}")]
    Response(String),
    #[error("breached-password lookup task failed")]
    Task,
}

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
