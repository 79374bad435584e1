//! Limits: per client address, per account (keyed on the directory user), the lockout
//! after too many wrong codes, and the password meter's budget.

use chrono::{DateTime, Utc};

use super::{
    Flow,
    service::{FlowError, Outgoing, RequestCtx, ResetService},
};
use crate::telemetry::names as m;

/// What per-address limits count: the address, or for IPv6 the /64 it is in (one subscriber
/// or host usually holds a whole /64, and could otherwise rotate through it). IPv4-mapped
/// addresses count as IPv4.
pub fn address_key(addr: &str) -> String {
    match addr.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        _ => addr.to_string(),
    }
}

pub(super) fn lock_key(flow: &Flow) -> String {
    format!("lock:{}", flow.limit_key())
}

pub(super) fn window(now: DateTime<Utc>, secs: i64) -> (i64, u64) {
    let t = now.timestamp();
    let start = t - t.rem_euclid(secs);
    (start, u64::try_from(start + secs - t).unwrap_or(1).max(1))
}

impl ResetService {
    /// Per client address, before anything else touches the directory.
    pub(super) async fn limit_address(&self, ctx: &RequestCtx) -> Result<(), FlowError> {
        let Some(addr) = ctx.client_addr.as_deref().map(address_key) else {
            return Ok(());
        };
        let (start, left) = window(self.now(), 60);
        let n = self
            .store
            .counter_hit(&format!("addr:{addr}"), start)
            .await?;
        if n > self.cfg.requests_per_address_per_minute {
            self.audit(ctx, None, "rate_limit.address", "refused", None)
                .await;
            return Err(FlowError::TooMany {
                retry_after_secs: left,
            });
        }
        Ok(())
    }

    pub(super) async fn check_lock(&self, flow: &Flow) -> Result<(), FlowError> {
        if let Some(until) = self.store.lock_get(&lock_key(flow)).await?
            && until > self.now()
        {
            return Err(FlowError::Locked {
                until,
                newly: false,
            });
        }
        Ok(())
    }

    pub(super) async fn wrong_code(
        &self,
        flow: &Flow,
        method: &str,
        ctx: &RequestCtx,
    ) -> FlowError {
        let attempts = match self.store.code_fail(&flow.id, method).await {
            Ok(n) => n,
            Err(e) => return e.into(),
        };
        if attempts >= self.cfg.code_max_attempts {
            // Burn the code: the next try needs a new one.
            let _ = self.store.code_consume(&flow.id, method).await;
        }
        let lock_key = lock_key(flow);
        // Failures count from the end of the last lock, so a lock that ran out starts a
        // fresh count instead of locking again at the next mistake.
        let epoch = match self.store.lock_get(&lock_key).await {
            Ok(t) => t.map_or(0, |t| t.timestamp()),
            Err(e) => return e.into(),
        };
        let lock_secs = self.cfg.lockout.num_seconds().max(60);
        let (start, _) = window(self.now(), lock_secs);
        let key = format!("fail:{}:{epoch}", flow.limit_key());
        // Two windows, this one and the one before, so mistakes either side of a window's
        // edge add up: never more than `lockout_failures` within any lockout-long span.
        let failures = match self.store.counter_hit(&key, start).await {
            Ok(n) => n,
            Err(e) => return e.into(),
        };
        let before = match self.store.counter_get(&key, start - lock_secs).await {
            Ok(n) => n,
            Err(e) => return e.into(),
        };
        if failures.saturating_add(before) >= self.cfg.lockout_failures {
            let now = self.now();
            let until = now + self.cfg.lockout;
            let newly = match self.store.lock_set(&lock_key, until, now).await {
                Ok(newly) => newly,
                Err(e) => return e.into(),
            };
            if newly {
                metrics::counter!(m::LOCKOUTS).increment(1);
                self.audit(ctx, Some(&flow.account), "account.locked", "locked", None)
                    .await;
            }
            // A lock set a moment ago by a concurrent request: report its end, not ours.
            let until = match newly {
                true => until,
                false => match self.store.lock_get(&lock_key).await {
                    Ok(t) => t.unwrap_or(until),
                    Err(e) => return e.into(),
                },
            };
            return FlowError::Locked { until, newly };
        }
        self.audit(ctx, Some(&flow.account), "code.verify", "wrong", None)
            .await;
        if attempts >= self.cfg.code_max_attempts {
            FlowError::CodeExpired
        } else {
            FlowError::WrongCode {
                remaining: self.cfg.code_max_attempts - attempts,
            }
        }
    }

    /// The message to send when an account was just locked (to its work mailbox).
    pub fn lock_notice(&self, flow: &Flow, until: DateTime<Utc>) -> Option<Outgoing> {
        let user = flow.user.as_ref()?;
        Some(Outgoing::Locked {
            to: user.mail.clone().unwrap_or(user.upn.clone()),
            account: user.upn.clone(),
            until,
        })
    }

    /// The live meter's own budget, per flow: typing a password must not use up the
    /// address's budget for pages, and one flow cannot run the CPU-heavy check unbounded.
    pub async fn meter_check(&self, flow: &Flow) -> Result<(), FlowError> {
        let (start, left) = window(self.now(), 60);
        let n = self
            .store
            .counter_hit(&format!("meter:{}", flow.id), start)
            .await?;
        if n > self.cfg.meter_per_minute {
            return Err(FlowError::TooMany {
                retry_after_secs: left,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::address_key;

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        let a = address_key("2001:db8:1:2:aaaa::1");
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(
            a,
            address_key("2001:db8:1:2:ffff:1:2:3"),
            "one /64, one budget"
        );
        assert_ne!(a, address_key("2001:db8:1:3::1"));
        assert_eq!(address_key("192.0.2.7"), "192.0.2.7");
        assert_eq!(address_key("::ffff:192.0.2.7"), "192.0.2.7");
    }
}
