//! One Graph call: bearer token, `client-request-id`, timeouts, and retries for
//! throttling and outages that honour `Retry-After` within a deadline.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use reqwest::{Method, StatusCode};
use secrecy::ExposeSecret;

use super::{
    errors::{self, Operation},
    token::TokenSource,
};
use crate::{
    clock::Clock,
    ports::directory::{DirectoryError, DirectoryErrorKind as K, RequestIds},
    random::Random,
};

/// Limits for one logical call.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// One attempt's limit; the deadline bounds all attempts together.
    pub request_timeout: Duration,
    pub max_attempts: u32,
    pub deadline: Duration,
    pub base_backoff: Duration,
    pub max_backoff: Duration,
}

/// Counters a test or `/metrics` can read.
#[derive(Debug, Default)]
pub struct CallStats {
    pub requests: AtomicU64,
    pub throttled: AtomicU64,
    pub retries: AtomicU64,
    pub token_refreshes_on_401: AtomicU64,
}

pub struct GraphHttp {
    pub http: reqwest::Client,
    pub tokens: TokenSource,
    pub policy: RetryPolicy,
    pub clock: Arc<dyn Clock>,
    pub rng: Arc<dyn Random>,
    pub stats: CallStats,
}

/// A successful response: status and body.
pub struct Reply {
    pub status: StatusCode,
    pub body: bytes::Bytes,
}

/// Parses `Retry-After`: decimal seconds (Graph may send `2.128`) or an HTTP date.
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0)
            .then(|| Duration::from_secs_f64(secs.min(3600.0)));
    }
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    Some(
        (when.with_timezone(&chrono::Utc) - now)
            .to_std()
            .unwrap_or(Duration::ZERO),
    )
}

impl GraphHttp {
    /// Sends one request, retrying what is safe to retry. `idempotent` allows a retry after
    /// a transport failure (the server may have acted); 429 and 503 are always retryable
    /// because Graph did not act on them.
    #[tracing::instrument(name = "graph.call", skip_all, fields(op = op_name, status, attempts, client_request_id))]
    pub async fn call(
        &self,
        op_name: &'static str,
        op: Operation,
        method: Method,
        url: url::Url,
        body: Option<&serde_json::Value>,
        idempotent: bool,
    ) -> Result<Reply, DirectoryError> {
        let started = Instant::now();
        let deadline = self.policy.deadline;
        let client_request_id = {
            let mut b = [0u8; 16];
            self.rng.fill(&mut b);
            uuid::Builder::from_random_bytes(b).into_uuid().to_string()
        };
        tracing::Span::current().record("client_request_id", client_request_id.as_str());
        let mut attempt = 0u32;
        let mut refreshed = false;
        loop {
            attempt += 1;
            tracing::Span::current().record("attempts", attempt);
            let remaining = deadline.saturating_sub(started.elapsed());
            if remaining.is_zero() {
                return Err(DirectoryError::new(
                    K::Unavailable,
                    "deadline passed before the call",
                ));
            }
            let token = self.tokens.get().await?;
            let mut req = self
                .http
                .request(method.clone(), url.clone())
                .bearer_auth(token.value.expose_secret())
                .header("client-request-id", &client_request_id)
                .header("return-client-request-id", "true")
                .timeout(remaining.min(self.policy.request_timeout));
            if let Some(b) = body {
                req = req.json(b);
            }
            self.stats.requests.fetch_add(1, Ordering::Relaxed);
            let sent_at = Instant::now();
            let outcome = self.attempt(req, op, idempotent, &client_request_id).await;
            let status = match &outcome {
                Attempt::Done(r) => r.status.as_u16().to_string(),
                Attempt::Fail(e) | Attempt::Unauthorized(e) | Attempt::Retry(e, _) => {
                    e.kind.as_str().to_string()
                }
            };
            metrics::counter!(crate::telemetry::names::GRAPH_REQUESTS, "op" => op_name, "status" => status)
                .increment(1);
            metrics::histogram!(crate::telemetry::names::GRAPH_SECONDS, "op" => op_name)
                .record(sent_at.elapsed().as_secs_f64());
            let (mut err, retry_after) = match outcome {
                Attempt::Done(reply) => return Ok(reply),
                Attempt::Fail(err) => return Err(err),
                Attempt::Unauthorized(err) => {
                    if refreshed {
                        return Err(err);
                    }
                    // Token revoked or rotated: one fresh token, then try again.
                    refreshed = true;
                    self.stats
                        .token_refreshes_on_401
                        .fetch_add(1, Ordering::Relaxed);
                    self.tokens.invalidate(&token).await;
                    attempt -= 1;
                    continue;
                }
                Attempt::Retry(err, wait) => (err, wait),
            };
            let wait = retry_after.unwrap_or_else(|| self.backoff(attempt));
            if attempt >= self.policy.max_attempts || started.elapsed() + wait >= deadline {
                err.retry_after = Some(wait.max(Duration::from_secs(1)));
                tracing::warn!(error = %err, "giving up on a Graph call");
                return Err(err);
            }
            self.stats.retries.fetch_add(1, Ordering::Relaxed);
            tracing::debug!(wait_ms = wait.as_millis() as u64, "retrying a Graph call");
            tokio::time::sleep(wait).await;
        }
    }

    async fn attempt(
        &self,
        req: reqwest::RequestBuilder,
        op: Operation,
        idempotent: bool,
        client_request_id: &str,
    ) -> Attempt {
        let transport = |e: &reqwest::Error, ids: RequestIds| {
            DirectoryError::new(K::Unavailable, crate::outbound::describe(e)).with_ids(ids)
        };
        let resp = match req.send().await {
            Ok(r) => r,
            Err(e) => {
                let ids = RequestIds {
                    request_id: None,
                    client_request_id: Some(client_request_id.to_string()),
                };
                // A refused connection never reached Graph; anything later might have.
                return if idempotent || e.is_connect() {
                    Attempt::Retry(transport(&e, ids), None)
                } else {
                    Attempt::Fail(transport(&e, ids))
                };
            }
        };
        let status = resp.status();
        tracing::Span::current().record("status", status.as_u16());
        let ids = RequestIds {
            request_id: header(&resp, "request-id"),
            client_request_id: header(&resp, "client-request-id")
                .or_else(|| Some(client_request_id.to_string())),
        };
        let retry_after =
            header(&resp, "retry-after").and_then(|v| parse_retry_after(&v, self.clock.now()));
        let body = match resp.bytes().await {
            Ok(b) => b,
            Err(e) if idempotent => return Attempt::Retry(transport(&e, ids), None),
            Err(e) => return Attempt::Fail(transport(&e, ids)),
        };
        if status.is_success() {
            return Attempt::Done(Reply { status, body });
        }
        let mut err = errors::from_graph(status.as_u16(), &body, op, ids);
        err.retry_after = retry_after;
        match status.as_u16() {
            401 => Attempt::Unauthorized(err),
            429 => {
                self.stats.throttled.fetch_add(1, Ordering::Relaxed);
                Attempt::Retry(err, retry_after)
            }
            503 | 504 => Attempt::Retry(err, retry_after),
            _ => Attempt::Fail(err),
        }
    }

    /// Exponential backoff with full jitter.
    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .policy
            .base_backoff
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(10))
            .min(self.policy.max_backoff);
        let ms = u64::try_from(exp.as_millis()).unwrap_or(u64::MAX).max(1);
        Duration::from_millis(ms / 2 + self.rng.below(ms / 2 + 1))
    }
}

enum Attempt {
    Done(Reply),
    Fail(DirectoryError),
    Unauthorized(DirectoryError),
    Retry(DirectoryError, Option<Duration>),
}

fn header(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_fractional_seconds_and_dates() {
        let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        assert_eq!(
            parse_retry_after("2.128", now),
            Some(Duration::from_millis(2128))
        );
        assert_eq!(parse_retry_after("10", now), Some(Duration::from_secs(10)));
        let date = (now + chrono::Duration::seconds(30)).to_rfc2822();
        assert_eq!(parse_retry_after(&date, now), Some(Duration::from_secs(30)));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
    }
}
