use std::{sync::Mutex, time::Duration};

use serde::Deserialize;

/// What an injected fault does to a matching request.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// 429 TooManyRequests with this `Retry-After` verbatim ("10", "2.128", or an HTTP date).
    Throttle { retry_after: String },
    /// A 5xx with Graph's envelope.
    Status(u16),
    /// Headers, then the connection breaks before the body is complete.
    Drop,
    /// 200 with a truncated JSON body.
    MalformedJson,
    /// Waits this long, then answers normally.
    Delay(#[serde(with = "millis")] Duration),
}

mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_millis(u64::deserialize(d)?))
    }
}

/// A fault for requests matching `method` and `path_contains`, `times` times (None: always).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FaultRule {
    pub method: Option<String>,
    pub path_contains: Option<String>,
    pub times: Option<u32>,
    #[serde(flatten)]
    pub kind: FaultKind,
}

#[derive(Debug, Default)]
pub struct Faults {
    rules: Mutex<Vec<FaultRule>>,
    latency: Mutex<Duration>,
}

impl Faults {
    pub fn add(&self, rule: FaultRule) {
        self.rules
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(rule);
    }

    pub fn clear(&self) {
        self.rules.lock().unwrap_or_else(|e| e.into_inner()).clear();
        *self.latency.lock().unwrap_or_else(|e| e.into_inner()) = Duration::ZERO;
    }

    /// Latency added to every request (e.g. 50 ms per page of a listing).
    pub fn set_latency(&self, d: Duration) {
        *self.latency.lock().unwrap_or_else(|e| e.into_inner()) = d;
    }

    pub fn latency(&self) -> Duration {
        *self.latency.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The first rule matching this request, consuming one of its `times`.
    pub fn take(&self, method: &str, path: &str) -> Option<FaultKind> {
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        let i = rules.iter().position(|r| {
            r.method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && r.path_contains.as_deref().is_none_or(|p| path.contains(p))
        })?;
        let kind = rules[i].kind.clone();
        match &mut rules[i].times {
            Some(1) => {
                rules.remove(i);
            }
            Some(n) => *n -= 1,
            None => {}
        }
        Some(kind)
    }
}
