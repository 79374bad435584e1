//! The reset flow's use cases: each loads the flow, applies a transition, talks to the
//! ports, records an audit event, and saves the flow with an optimistic version check.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::{
    Flow, FlowUser, HelpdeskReason, Method, MethodKind, Step, StepError, codes::CodeKey, decoy,
    mask,
};
use crate::{
    clock::{Clock, Random},
    policy::{PasswordPolicy, Rule, UserContext, Verdict},
    ports::{
        Directory, DirectoryError, DirectoryErrorKind as DK, Store, StoreError,
        directory::ContactMethods,
        store::{AuditEvent, CodeRow, FlowRow},
    },
    telemetry::names as m,
};

/// Limits and lifetimes, from `[security]` and `[tenant]`.
#[derive(Debug, Clone)]
pub struct FlowConfig {
    pub code_length: u8,
    pub code_ttl: Duration,
    pub code_max_attempts: u32,
    pub codes_per_account_per_hour: u32,
    pub flow_idle: Duration,
    pub lockout_failures: u32,
    pub lockout: Duration,
    pub requests_per_address_per_minute: u32,
    pub required_methods: u8,
    pub org_name: String,
    pub history_depth: u32,
    /// Watch the user's sign-ins this long after a reset (zero: off).
    pub watch: Duration,
    /// The start step answers after this floor for every name; the directory lookup gets
    /// most of it and never more (zero: unbounded, for tests).
    pub start_floor: std::time::Duration,
    /// Live password-meter checks allowed per flow and minute.
    pub meter_per_minute: u32,
}

impl FlowConfig {
    /// How long the start step may wait for the directory: three quarters of the floor,
    /// leaving the rest for the store writes, so nobody's answer comes after the floor.
    pub fn lookup_budget(&self) -> Option<std::time::Duration> {
        (!self.start_floor.is_zero()).then(|| self.start_floor * 3 / 4)
    }
}

/// Who is asking: for limits and the audit trail.
#[derive(Debug, Clone, Default)]
pub struct RequestCtx {
    pub client_addr: Option<String>,
    pub user_agent: Option<String>,
    pub correlation_id: String,
}

/// A message the caller must render and queue.
pub enum Outgoing {
    Code {
        kind: MethodKind,
        to: String,
        code: Zeroizing<String>,
        account: String,
        ttl_minutes: i64,
    },
    Locked {
        to: String,
        account: String,
        until: DateTime<Utc>,
    },
    Changed {
        to: Vec<String>,
        account: String,
        display_name: Option<String>,
        at: DateTime<Utc>,
    },
}

/// What a password submission led to.
pub enum SetOutcome {
    Done {
        messages: Vec<Outgoing>,
    },
    /// Our policy or Entra refused it; the user picks another on the same page.
    Rejected(Verdict),
    /// Throttling or an outage; the verified flow is kept for a retry.
    TryAgain {
        retry_after_secs: u64,
    },
    Helpdesk(HelpdeskReason),
}

#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    #[error("no reset in progress, or it expired")]
    Expired,
    #[error(transparent)]
    Step(#[from] StepError),
    #[error("too many requests; retry in {retry_after_secs}s")]
    TooMany { retry_after_secs: u64 },
    /// `newly` is true for the request that set the lock, which sends the one notice.
    #[error("the account is locked for resets until {until}")]
    Locked { until: DateTime<Utc>, newly: bool },
    #[error("wrong code; {remaining} tries left")]
    WrongCode { remaining: u32 },
    #[error("the code expired or was used; ask for a new one")]
    CodeExpired,
    #[error("another request changed this reset at the same time")]
    Conflict,
    #[error("the directory is unavailable: {0}")]
    Directory(DirectoryError),
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
    #[error("internal: {0}")]
    Internal(String),
}

pub struct ResetService {
    /// Bounds concurrent password evaluations: zxcvbn is CPU-heavy, and a flood of checks
    /// must not starve everything else.
    pub evaluations: Arc<tokio::sync::Semaphore>,
    pub store: Arc<dyn Store>,
    pub directory: Arc<dyn Directory>,
    pub clock: Arc<dyn Clock>,
    pub rng: Arc<dyn Random>,
    pub key: CodeKey,
    /// The code key being rotated out: codes hashed with it still verify.
    pub previous_key: Option<CodeKey>,
    /// Decoys come from a key of their own that never rotates (kept in the store), so a
    /// name's decoys do not change when `code_key` does.
    pub decoy_key: CodeKey,
    pub policy: Arc<PasswordPolicy>,
    pub breached: Option<Arc<dyn crate::ports::BreachedCheck>>,
    pub cfg: FlowConfig,
}

/// Normalises a typed username: trimmed, lower-cased, bounded.
pub fn normalise_account(typed: &str) -> String {
    typed
        .trim()
        .chars()
        .take(256)
        .collect::<String>()
        .to_lowercase()
}

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

fn lock_key(flow: &Flow) -> String {
    format!("lock:{}", flow.limit_key())
}

fn window(now: DateTime<Utc>, secs: i64) -> (i64, u64) {
    let t = now.timestamp();
    let start = t - t.rem_euclid(secs);
    (start, u64::try_from(start + secs - t).unwrap_or(1).max(1))
}

impl ResetService {
    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    async fn audit(
        &self,
        ctx: &RequestCtx,
        account: Option<&str>,
        action: &str,
        outcome: &str,
        detail: Option<serde_json::Value>,
    ) {
        let mut b = [0u8; 10];
        self.rng.fill(&mut b);
        let event = AuditEvent {
            id: uuid::Builder::from_unix_timestamp_millis(
                u64::try_from(self.now().timestamp_millis()).unwrap_or(0),
                &b,
            )
            .into_uuid()
            .to_string(),
            at: self.now(),
            correlation_id: ctx.correlation_id.clone(),
            account: account.map(str::to_string),
            action: action.into(),
            outcome: outcome.into(),
            client_addr: ctx.client_addr.clone(),
            user_agent: ctx
                .user_agent
                .as_deref()
                .map(|u| u.chars().take(256).collect()),
            detail: detail.map(|d| d.to_string()),
        };
        tracing::info!(
            target: "audit", action, outcome, account = account.unwrap_or("-"),
            client_addr = ctx.client_addr.as_deref().unwrap_or("-"), correlation_id = %ctx.correlation_id
        );
        if let Err(e) = self.store.audit_append(&event).await {
            tracing::error!(error = %e, "audit event not stored");
        }
    }

    /// Per client address, before anything else touches the directory.
    async fn limit_address(&self, ctx: &RequestCtx) -> Result<(), FlowError> {
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

    async fn check_lock(&self, flow: &Flow) -> Result<(), FlowError> {
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

    pub async fn load(&self, id: &str) -> Result<Flow, FlowError> {
        let row = self.store.flow_get(id).await?.ok_or(FlowError::Expired)?;
        if row.expires_at <= self.now() {
            return Err(FlowError::Expired);
        }
        let mut flow: Flow = serde_json::from_str(&row.data)
            .map_err(|e| FlowError::Internal(format!("flow state unreadable: {e}")))?;
        flow.version = row.version;
        Ok(flow)
    }

    async fn save(&self, flow: &mut Flow) -> Result<(), FlowError> {
        let now = self.now();
        flow.version += 1;
        let row = FlowRow {
            id: flow.id.clone(),
            data: serde_json::to_string(flow).map_err(|e| FlowError::Internal(e.to_string()))?,
            version: flow.version,
            updated_at: now,
            expires_at: now + self.cfg.flow_idle,
        };
        if flow.version == 1 {
            self.store.flow_insert(&row).await?;
        } else if !self.store.flow_update(&row).await? {
            return Err(FlowError::Conflict);
        }
        Ok(())
    }

    /// The account and where its codes can go, within the start step's budget. The lookup
    /// runs as its own task: when the budget runs out (Graph throttling the method reads,
    /// retries and all) the step goes on with what is known — a name not found in time is
    /// treated as unknown, methods not read in time as the directory's fallback (profile
    /// addresses where allowed, else none: decoys) — and the task finishes in the background,
    /// warming the methods cache for the person's next try. A failed method read is treated
    /// the same way: answering differently would tell a stranger that the name exists.
    async fn lookup(
        &self,
        account: &str,
    ) -> Result<Option<(crate::ports::directory::DirectoryUser, ContactMethods)>, FlowError> {
        let directory = self.directory.clone();
        let name = account.to_string();
        let (found_tx, found_rx) = tokio::sync::oneshot::channel();
        let task = tokio::spawn(async move {
            let found = directory.find_user(&name).await;
            let user = found.as_ref().ok().cloned().flatten();
            let _ = found_tx.send(found);
            match user {
                Some(u) => Some(directory.contact_methods(&u).await),
                None => None,
            }
        });
        let deadline = self
            .cfg
            .lookup_budget()
            .map(|b| tokio::time::Instant::now() + b);
        let within = |deadline: Option<tokio::time::Instant>| async move {
            match deadline {
                Some(d) => tokio::time::sleep_until(d).await,
                None => std::future::pending().await,
            }
        };
        let found = tokio::select! {
            r = found_rx => match r {
                Ok(r) => r.map_err(FlowError::Directory)?,
                Err(_) => return Err(FlowError::Internal("the account lookup stopped".into())),
            },
            () = within(deadline) => {
                tracing::warn!("account lookup slower than the start floor; going on without it");
                return Ok(None);
            }
        };
        let Some(user) = found else {
            return Ok(None);
        };
        // Not in time or not readable: the user's own record where allowed (profile
        // fallback), else nothing (decoys).
        let contact = tokio::select! {
            r = task => match r {
                Ok(Some(Ok(c))) => c,
                Ok(Some(Err(e))) => {
                    tracing::warn!(error = %e, "contact methods unavailable; using the fallback");
                    self.directory.fallback_methods(&user)
                }
                Ok(None) | Err(_) => self.directory.fallback_methods(&user),
            },
            () = within(deadline) => {
                tracing::warn!("contact methods slower than the start floor; using the fallback");
                self.directory.fallback_methods(&user)
            }
        };
        Ok(Some((user, contact)))
    }

    /// Moves the flow to a new id (a privilege step: a code was accepted). The old id stops
    /// working, so a copy of the session cookie taken before verification is worth nothing.
    async fn renew_id(&self, flow: &mut Flow) -> Result<(), FlowError> {
        let (old_id, old_version) = (flow.id.clone(), flow.version);
        if !self.store.flow_delete(&old_id, old_version).await? {
            return Err(FlowError::Conflict);
        }
        flow.id = self.rng.token_hex(24);
        flow.version = 0;
        self.save(flow).await
    }

    /// Starts a flow for whatever was typed. Known and unknown names produce flows of the
    /// same shape, in the same time; only the audit trail knows which is which.
    pub async fn start(&self, typed: &str, ctx: &RequestCtx) -> Result<Flow, FlowError> {
        self.limit_address(ctx).await?;
        let account = normalise_account(typed);
        let (user, methods) = match self.lookup(&account).await? {
            Some((u, contact)) => {
                let mut methods: Vec<Method> = Vec::new();
                for (i, e) in contact.emails.iter().enumerate() {
                    methods.push(Method {
                        id: format!("email:{i}"),
                        kind: MethodKind::Email,
                        masked: mask::email(e),
                        target: Some(e.clone()),
                    });
                }
                for (i, p) in contact.mobiles.iter().enumerate() {
                    methods.push(Method {
                        id: format!("sms:{i}"),
                        kind: MethodKind::Sms,
                        masked: mask::phone(p),
                        target: Some(p.clone()),
                    });
                }
                if methods.is_empty() {
                    // Nothing registered (or not known in time): decoys, so the page looks
                    // like any other.
                    methods = decoy::methods(&self.decoy_key, &account);
                }
                let flow_user = FlowUser {
                    id: u.id.clone(),
                    upn: u.upn.clone(),
                    display_name: u.display_name.clone(),
                    given_name: u.given_name.clone(),
                    surname: u.surname.clone(),
                    mail: u.mail.clone(),
                    enabled: u.account_enabled,
                    synced: u.synced_from_on_premises,
                    preferred_language: u.preferred_language.clone(),
                    company_name: u.company_name.clone(),
                };
                (Some(flow_user), methods)
            }
            None => (None, decoy::methods(&self.decoy_key, &account)),
        };
        let known = user.is_some();
        let mut flow = Flow {
            id: self.rng.token_hex(24),
            account: account.clone(),
            user,
            methods,
            verified: Vec::new(),
            required: self.cfg.required_methods,
            step: Step::ChooseMethod,
            created_at: self.now(),
            version: 0,
        };
        self.save(&mut flow).await?;
        metrics::counter!(m::RESETS_STARTED).increment(1);
        self.audit(
            ctx,
            Some(&account),
            "reset.start",
            if known { "known" } else { "unknown" },
            None,
        )
        .await;
        Ok(flow)
    }

    /// Sends a code to one of the flow's methods (a decoy "sends" nothing).
    pub async fn send_code(
        &self,
        flow_id: &str,
        method_id: &str,
        ctx: &RequestCtx,
    ) -> Result<(Flow, Option<Outgoing>), FlowError> {
        self.limit_address(ctx).await?;
        let mut flow = self.load(flow_id).await?;
        self.check_lock(&flow).await?;
        let method = match flow.choose(method_id) {
            Ok(m) => m,
            Err(e) => {
                self.audit(ctx, Some(&flow.account), "code.send", "out_of_order", None)
                    .await;
                return Err(e.into());
            }
        };
        let (start, left) = window(self.now(), 3600);
        let sent = self
            .store
            .counter_hit(&format!("send:{}", flow.limit_key()), start)
            .await?;
        if sent > self.cfg.codes_per_account_per_hour {
            self.audit(ctx, Some(&flow.account), "code.send", "rate_limited", None)
                .await;
            return Err(FlowError::TooMany {
                retry_after_secs: left,
            });
        }
        let code = super::codes::generate(&*self.rng, self.cfg.code_length);
        let user_id = flow.user.as_ref().map_or("", |u| u.id.as_str());
        self.store
            .code_put(&CodeRow {
                flow_id: flow.id.clone(),
                method: method.id.clone(),
                hash: self.key.hash(&flow.id, user_id, &method.id, &code),
                expires_at: self.now() + self.cfg.code_ttl,
                attempts: 0,
                consumed: false,
            })
            .await?;
        self.save(&mut flow).await?;
        let outgoing = method.target.clone().map(|to| Outgoing::Code {
            kind: method.kind,
            to,
            code,
            account: flow
                .user
                .as_ref()
                .map_or(flow.account.clone(), |u| u.upn.clone()),
            ttl_minutes: self.cfg.code_ttl.num_minutes(),
        });
        metrics::counter!(m::CODES_SENT, "channel" => match method.kind {
            MethodKind::Email => "email",
            MethodKind::Sms => "sms",
        })
        .increment(1);
        self.audit(
            ctx,
            Some(&flow.account),
            "code.send",
            "queued",
            Some(serde_json::json!({"method": method.id, "channel": method.kind})),
        )
        .await;
        Ok((flow, outgoing))
    }

    /// Checks a typed code against the pending method.
    pub async fn submit_code(
        &self,
        flow_id: &str,
        typed: &str,
        ctx: &RequestCtx,
    ) -> Result<(Flow, Vec<Outgoing>), FlowError> {
        self.limit_address(ctx).await?;
        let mut flow = self.load(flow_id).await?;
        self.check_lock(&flow).await?;
        let Some(method) = flow.pending_method().map(str::to_string) else {
            self.audit(
                ctx,
                Some(&flow.account),
                "code.verify",
                "out_of_order",
                None,
            )
            .await;
            return Err(if flow.is_closed() {
                StepError::Closed
            } else {
                StepError::OutOfOrder
            }
            .into());
        };
        let code = super::codes::normalise_input(typed);
        let row = self.store.code_get(&flow.id, &method).await?;
        let Some(row) = row.filter(|r| !r.consumed && r.expires_at > self.now()) else {
            self.audit(ctx, Some(&flow.account), "code.verify", "expired", None)
                .await;
            return Err(FlowError::CodeExpired);
        };
        let user_id = flow.user.as_ref().map_or("", |u| u.id.as_str());
        // A decoy (no target) never received a code, so no guess may pass for it.
        let real_method = flow.method(&method).is_some_and(|m| m.target.is_some());
        let correct = flow.user.is_some()
            && real_method
            && std::iter::once(&self.key)
                .chain(self.previous_key.as_ref())
                .any(|k| k.matches(&row.hash, &flow.id, user_id, &method, &code));
        if !correct {
            return Err(self.wrong_code(&flow, &method, ctx).await);
        }
        if !self.store.code_consume(&flow.id, &method).await? {
            self.audit(ctx, Some(&flow.account), "code.verify", "replayed", None)
                .await;
            return Err(FlowError::CodeExpired);
        }
        flow.code_accepted()?;
        self.renew_id(&mut flow).await?;
        let outcome = match &flow.step {
            Step::Helpdesk { reason } => reason.as_str(),
            _ => "verified",
        };
        self.audit(
            ctx,
            Some(&flow.account),
            "code.verify",
            outcome,
            Some(serde_json::json!({"method": method})),
        )
        .await;
        Ok((flow, Vec::new()))
    }

    async fn wrong_code(&self, flow: &Flow, method: &str, ctx: &RequestCtx) -> FlowError {
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

    /// The policy's context for this flow's user.
    pub fn user_context(&self, flow: &Flow) -> UserContext {
        let u = flow.user.as_ref();
        UserContext {
            given_name: u.and_then(|u| u.given_name.clone()),
            surname: u.and_then(|u| u.surname.clone()),
            display_name: u.and_then(|u| u.display_name.clone()),
            upn: u.map(|u| u.upn.clone()),
            mail: u.and_then(|u| u.mail.clone()),
            org_name: u
                .and_then(|u| u.company_name.clone())
                .or_else(|| Some(self.cfg.org_name.clone()))
                .filter(|name| !name.trim().is_empty()),
            extra_terms: Vec::new(),
        }
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

    /// The policy alone, off the async threads and within the concurrency bound.
    async fn policy_verdict(&self, flow: &Flow, candidate: &Zeroizing<String>) -> Verdict {
        let unavailable = || {
            let mut v = self.policy.evaluate("", &UserContext::default());
            v.failed.clear();
            v.reject(Rule::Strength, "policy-unavailable");
            v
        };
        let permit = match tokio::time::timeout(
            std::time::Duration::from_secs(2),
            self.evaluations.clone().acquire_owned(),
        )
        .await
        {
            Ok(Ok(p)) => p,
            _ => return unavailable(),
        };
        let policy = self.policy.clone();
        let ctx = self.user_context(flow);
        let pw = candidate.clone();
        let result = tokio::task::spawn_blocking(move || {
            let v = policy.evaluate(&pw, &ctx);
            drop(permit);
            v
        })
        .await;
        result.unwrap_or_else(|_| unavailable())
    }

    /// The live meter's verdict: the policy without the (slow) history check.
    pub async fn evaluate_live(&self, flow: &Flow, candidate: Zeroizing<String>) -> Verdict {
        self.policy_verdict(flow, &candidate).await
    }

    /// The policy verdict for a candidate, including password history.
    pub async fn evaluate(&self, flow: &Flow, candidate: &Zeroizing<String>) -> Verdict {
        let mut verdict = self.policy_verdict(flow, candidate).await;
        if !verdict.accepted {
            return verdict;
        }
        if let Some(check) = &self.breached {
            match check.is_breached(candidate).await {
                Ok(false) => {}
                Ok(true) => verdict.reject(Rule::Breached, crate::policy::BREACHED_ID),
                // Fail-closed by configuration: say so rather than accept unchecked.
                Err(e) => {
                    tracing::warn!(error = %e, "breached-password check unavailable");
                    verdict.reject(Rule::Breached, "policy-breached-unavailable");
                }
            }
            if !verdict.accepted {
                return verdict;
            }
        }
        if let Some(u) = &flow.user
            && self.cfg.history_depth > 0
            && self.reused(&u.id, candidate).await
        {
            verdict.reject(Rule::History, "policy-history");
        }
        verdict
    }

    async fn reused(&self, user_id: &str, candidate: &Zeroizing<String>) -> bool {
        let hashes = match self.store.history_get(user_id).await {
            Ok(h) => h,
            Err(e) => {
                tracing::warn!(error = %e, "password history unavailable");
                return false;
            }
        };
        if hashes.is_empty() {
            return false;
        }
        let pw = candidate.clone();
        tokio::task::spawn_blocking(move || {
            use argon2::password_hash::{PasswordVerifier, phc::PasswordHash};
            let argon = argon2::Argon2::default();
            hashes.iter().any(|h| {
                PasswordHash::new(h)
                    .is_ok_and(|parsed| argon.verify_password(pw.as_bytes(), &parsed).is_ok())
            })
        })
        .await
        .unwrap_or(false)
    }

    async fn remember(&self, user_id: &str, password: &Zeroizing<String>) {
        if self.cfg.history_depth == 0 {
            return;
        }
        let pw = password.clone();
        let hashed = tokio::task::spawn_blocking(move || {
            use argon2::password_hash::PasswordHasher;
            argon2::Argon2::default()
                .hash_password(pw.as_bytes())
                .map(|h| h.to_string())
        })
        .await;
        match hashed {
            Ok(Ok(h)) => {
                if let Err(e) = self
                    .store
                    .history_push(user_id, &h, self.cfg.history_depth)
                    .await
                {
                    tracing::warn!(error = %e, "password history not recorded");
                }
            }
            _ => tracing::warn!("password history hash failed"),
        }
    }

    /// Sets the new password in the directory, once.
    pub async fn set_password(
        &self,
        flow_id: &str,
        password: Zeroizing<String>,
        revoke_sessions: bool,
        ctx: &RequestCtx,
    ) -> Result<SetOutcome, FlowError> {
        self.limit_address(ctx).await?;
        let mut flow = self.load(flow_id).await?;
        if !matches!(flow.step, Step::NewPassword | Step::Setting { .. }) {
            self.audit(
                ctx,
                Some(&flow.account),
                "password.set",
                "out_of_order",
                None,
            )
            .await;
            return Err(if flow.is_closed() {
                StepError::Closed
            } else {
                StepError::OutOfOrder
            }
            .into());
        }
        let verdict = self.evaluate(&flow, &password).await;
        if !verdict.accepted {
            let rules: Vec<Rule> = verdict.failed.iter().map(|f| f.rule).collect();
            for f in &verdict.failed {
                let rule = serde_json::to_value(f.rule)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                metrics::counter!(m::POLICY_REJECTIONS, "rule" => rule).increment(1);
            }
            self.audit(
                ctx,
                Some(&flow.account),
                "password.set",
                "rejected_by_policy",
                Some(serde_json::json!({"rules": rules})),
            )
            .await;
            return Ok(SetOutcome::Rejected(verdict));
        }
        let Some(user) = flow.user.clone() else {
            return Err(StepError::OutOfOrder.into());
        };
        flow.begin_setting(self.now(), Duration::seconds(120))?;
        self.save(&mut flow).await?;
        let secret = SecretString::from(password.as_str().to_string());
        let result = self.directory.set_password(&user.id, &secret).await;
        drop(secret);
        match result {
            Ok(()) => {
                flow.setting_done(self.now());
                self.save(&mut flow).await?;
                self.remember(&user.id, &password).await;
                if revoke_sessions && let Err(e) = self.directory.revoke_sessions(&user.id).await {
                    tracing::warn!(error = %e, "sessions not revoked");
                }
                metrics::counter!(m::RESETS_COMPLETED).increment(1);
                self.audit(ctx, Some(&flow.account), "password.set", "success", None)
                    .await;
                let mut to: Vec<String> = user.mail.iter().cloned().collect();
                to.extend(
                    flow.methods
                        .iter()
                        .filter(|m| m.kind == MethodKind::Email)
                        .filter_map(|m| m.target.clone()),
                );
                to.dedup();
                if self.cfg.watch > Duration::zero() {
                    let now = self.now();
                    let watch = crate::ports::store::Watch {
                        user_id: user.id.clone(),
                        upn: user.upn.clone(),
                        mail_to: to.join(","),
                        changed_at: now,
                        until: now + self.cfg.watch,
                    };
                    if let Err(e) = self.store.watch_add(&watch).await {
                        tracing::warn!(error = %e, "sign-in watch not started");
                    }
                }
                Ok(SetOutcome::Done {
                    messages: vec![Outgoing::Changed {
                        to,
                        account: user.upn.clone(),
                        display_name: user.display_name.clone(),
                        at: self.now(),
                    }],
                })
            }
            Err(e) => self.set_failed(&mut flow, e, ctx).await,
        }
    }

    async fn set_failed(
        &self,
        flow: &mut Flow,
        e: DirectoryError,
        ctx: &RequestCtx,
    ) -> Result<SetOutcome, FlowError> {
        let refused = |reason| Some(reason);
        let reason = match e.kind {
            DK::Privileged => refused(HelpdeskReason::Privileged),
            DK::OnPremisesSynced => refused(HelpdeskReason::SyncedFromOnPremises),
            DK::Federated => refused(HelpdeskReason::Federated),
            DK::Disabled => refused(HelpdeskReason::Disabled),
            _ => None,
        };
        let detail = serde_json::json!({
            "kind": e.kind, "request_id": e.ids.request_id, "client_request_id": e.ids.client_request_id
        });
        let failure = reason.map_or(
            if e.kind == DK::PasswordRejected {
                "rejected_by_entra"
            } else {
                "directory_unavailable"
            },
            HelpdeskReason::as_str,
        );
        metrics::counter!(m::RESETS_FAILED, "reason" => failure).increment(1);
        if let Some(reason) = reason {
            flow.setting_refused(reason);
            self.save(flow).await?;
            self.audit(
                ctx,
                Some(&flow.account),
                "password.set",
                reason.as_str(),
                Some(detail),
            )
            .await;
            return Ok(SetOutcome::Helpdesk(reason));
        }
        flow.setting_failed();
        self.save(flow).await?;
        if e.kind == DK::PasswordRejected {
            self.audit(
                ctx,
                Some(&flow.account),
                "password.set",
                "rejected_by_entra",
                Some(detail),
            )
            .await;
            let mut v = self.policy.evaluate("", &UserContext::default());
            v.failed.clear();
            v.reject(Rule::Strength, "policy-entra-rejected");
            return Ok(SetOutcome::Rejected(v));
        }
        self.audit(
            ctx,
            Some(&flow.account),
            "password.set",
            "directory_unavailable",
            Some(detail),
        )
        .await;
        tracing::warn!(error = %e, "password not set");
        Ok(SetOutcome::TryAgain {
            retry_after_secs: e.retry_after.map_or(30, |d| d.as_secs().max(1)),
        })
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
