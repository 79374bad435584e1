//! Faults the simulator injects on request: throttling, errors, dropped connections,
//! malformed JSON and delays.

use std::{sync::Mutex, time::Duration};

use serde::Deserialize;

/// What an injected fault does to a matching request.
#[derive(Debug, Clone, PartialEq)]
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
    Delay(Duration),
}

/// A fault for requests matching `method` and `path_contains`, `times` times (None: always).
#[derive(Debug, Clone, PartialEq)]
pub struct FaultRule {
    pub method: Option<String>,
    pub path_contains: Option<String>,
    pub times: Option<u32>,
    pub kind: FaultKind,
}

/// A fault as `POST /_sim/faults` takes it:
/// `{"kind":"throttle|status|drop|malformed_json|delay","retry_after":"2","status":503,"ms":100,
///   "method":"GET","path_contains":"/users","times":3}`.
#[derive(Debug, Deserialize)]
pub struct FaultSpec {
    pub kind: String,
    pub method: Option<String>,
    pub path_contains: Option<String>,
    pub times: Option<u32>,
    pub retry_after: Option<String>,
    pub status: Option<u16>,
    pub ms: Option<u64>,
}

impl TryFrom<FaultSpec> for FaultRule {
    type Error = String;

    fn try_from(s: FaultSpec) -> Result<Self, String> {
        let kind = match s.kind.as_str() {
            "throttle" => FaultKind::Throttle {
                retry_after: s.retry_after.unwrap_or_else(|| "1".into()),
            },
            "status" => FaultKind::Status(s.status.ok_or("status needs \"status\"")?),
            "drop" => FaultKind::Drop,
            "malformed_json" => FaultKind::MalformedJson,
            "delay" => FaultKind::Delay(Duration::from_millis(s.ms.ok_or("delay needs \"ms\"")?)),
            other => return Err(format!("unknown kind {other}")),
        };
        Ok(FaultRule {
            method: s.method,
            path_contains: s.path_contains,
            times: s.times,
            kind,
        })
    }
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
