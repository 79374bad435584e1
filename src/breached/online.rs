//! Have I Been Pwned's k-anonymity range API: `GET {api_url}{first 5 hex of SHA-1}` with
//! `Add-Padding: true`; the answer lists `SUFFIX:COUNT` lines for the whole range, padded
//! with `:0` rows that are ignored.
//!
//! **Failure policy.** A timeout, network error, non-200 answer or unreadable body is a
//! failure. With `fail_open = true` the password is treated as not breached (`Ok(false)`)
//! and a warning is logged (without the password or its hash); with `fail_open = false`
//! the error is returned and the caller should refuse to set the password for now.
//!
//! **Cache.** Parsed ranges are kept per prefix for [`CACHE_TTL`], at most
//! [`CACHE_PREFIXES`] prefixes (~20 KB each; the oldest is dropped first). Prefixes are
//! public data: no password or full hash is cached.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{BreachedCheck, BreachedError, hex_upper, hex_val, sha1_bytes};

/// How long a fetched range is reused.
pub const CACHE_TTL: Duration = Duration::from_secs(600);
/// How many ranges are kept.
pub const CACHE_PREFIXES: usize = 1024;
/// Larger answers are refused (a padded range is ~40 KB).
const MAX_BODY: usize = 4 << 20;

/// One range: packed 35-hex-digit suffixes (18 bytes, last nibble 0), sorted, with counts.
type Range = Arc<Vec<([u8; 18], u32)>>;

/// The range-API check.
pub struct OnlineRange {
    client: reqwest::Client,
    api_url: String,
    timeout: Duration,
    fail_open: bool,
    min_count: u64,
    cache: Mutex<HashMap<String, (Instant, Range)>>,
    capacity: usize,
}

impl std::fmt::Debug for OnlineRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OnlineRange")
            .field("api_url", &self.api_url)
            .field("timeout", &self.timeout)
            .field("fail_open", &self.fail_open)
            .field("min_count", &self.min_count)
            .finish_non_exhaustive()
    }
}

impl OnlineRange {
    /// A client for `api_url` (the prefix is appended), with a per-request `timeout`.
    pub fn new(
        api_url: &str,
        timeout: Duration,
        fail_open: bool,
        min_count: u64,
    ) -> Result<Self, BreachedError> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .user_agent(concat!(
                "rekey/",
                env!("CARGO_PKG_VERSION"),
                " (password check)"
            ))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| BreachedError::Config(format!("HTTP client: {e}")))?;
        Ok(Self {
            client,
            api_url: api_url.to_owned(),
            timeout,
            fail_open,
            min_count: min_count.max(1),
            cache: Mutex::new(HashMap::new()),
            capacity: CACHE_PREFIXES,
        })
    }

    /// The count for `password`'s hash, fetching (or reusing) its range. Never fails open.
    pub async fn count(&self, password: &str) -> Result<u64, BreachedError> {
        let hash = hex_upper(&sha1_bytes(password));
        let (prefix, suffix) = hash.split_at(5);
        let range = match self.cached(prefix) {
            Some(r) => r,
            None => {
                let r = self.fetch(prefix).await?;
                self.remember(prefix, r.clone());
                r
            }
        };
        let key = pack_suffix(suffix.as_bytes()).ok_or(BreachedError::Task)?;
        Ok(range
            .binary_search_by(|(s, _)| s.cmp(&key))
            .ok()
            .and_then(|i| range.get(i))
            .map_or(0, |&(_, c)| u64::from(c)))
    }

    fn cached(&self, prefix: &str) -> Option<Range> {
        let cache = self.cache.lock().ok()?;
        let (at, r) = cache.get(prefix)?;
        (at.elapsed() < CACHE_TTL).then(|| r.clone())
    }

    fn remember(&self, prefix: &str, range: Range) {
        if self.capacity == 0 {
            return;
        }
        let Ok(mut cache) = self.cache.lock() else {
            return;
        };
        cache.retain(|_, (at, _)| at.elapsed() < CACHE_TTL);
        while cache.len() >= self.capacity {
            let oldest = cache
                .iter()
                .min_by_key(|(_, (at, _))| *at)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => cache.remove(&k),
                None => break,
            };
        }
        cache.insert(prefix.to_owned(), (Instant::now(), range));
    }

    async fn fetch(&self, prefix: &str) -> Result<Range, BreachedError> {
        let url = format!("{}{prefix}", self.api_url);
        let request = async {
            let resp = self
                .client
                .get(&url)
                .header("Add-Padding", "true")
                .send()
                .await
                .map_err(net_err)?;
            let status = resp.status().as_u16();
            if status != 200 {
                return Err(BreachedError::Status(status));
            }
            if resp.content_length().is_some_and(|n| n > MAX_BODY as u64) {
                return Err(BreachedError::Response("answer too large".into()));
            }
            let body = resp.bytes().await.map_err(net_err)?;
            if body.len() > MAX_BODY {
                return Err(BreachedError::Response("answer too large".into()));
            }
            parse_range(&body)
        };
        match tokio::time::timeout(self.timeout, request).await {
            Ok(r) => r,
            Err(_) => Err(BreachedError::Timeout),
        }
    }
}

fn net_err(e: reqwest::Error) -> BreachedError {
    if e.is_timeout() {
        BreachedError::Timeout
    } else {
        // The URL holds only the public 5-hex prefix.
        BreachedError::Network(e.without_url().to_string())
    }
}

/// Packs 35 hex digits into 18 bytes.
fn pack_suffix(hex: &[u8]) -> Option<[u8; 18]> {
    if hex.len() != 35 {
        return None;
    }
    let mut out = [0u8; 18];
    for (i, &c) in hex.iter().enumerate() {
        let v = hex_val(c)?;
        let byte = out.get_mut(i / 2)?;
        *byte |= if i % 2 == 0 { v << 4 } else { v };
    }
    Some(out)
}

/// Parses a range body; `:0` padding rows are dropped.
fn parse_range(body: &[u8]) -> Result<Range, BreachedError> {
    let text =
        std::str::from_utf8(body).map_err(|_| BreachedError::Response("not UTF-8".into()))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let bad = || BreachedError::Response(format!("line {} is not SUFFIX:COUNT", i + 1));
        let (suffix, count) = line.split_once(':').ok_or_else(bad)?;
        let count: u64 = count.trim().parse().map_err(|_| bad())?;
        let key = pack_suffix(suffix.as_bytes()).ok_or_else(bad)?;
        if count > 0 {
            rows.push((key, u32::try_from(count).unwrap_or(u32::MAX)));
        }
    }
    rows.sort_unstable();
    Ok(Arc::new(rows))
}

#[async_trait::async_trait]
impl BreachedCheck for OnlineRange {
    async fn is_breached(&self, password: &str) -> Result<bool, BreachedError> {
        match self.count(password).await {
            Ok(c) => Ok(c >= self.min_count),
            Err(e) if self.fail_open => {
                tracing::warn!(error = %crate::telemetry::Chain(&e), "breached-password check unavailable; accepting (fail_open)");
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}
