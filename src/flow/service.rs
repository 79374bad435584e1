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
    #[error("the account is locked for resets until {until}")]
    Locked { until: DateTime<Utc> },
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
        let Some(addr) = &ctx.client_addr else {
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

    async fn check_lock(&self, account: &str) -> Result<(), FlowError> {
        if let Some(until) = self.store.lock_get(&format!("lock:{account}")).await?
            && until > self.now()
        {
            return Err(FlowError::Locked { until });
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

    /// Starts a flow for whatever was typed. Known and unknown names produce flows of the
    /// same shape; only the audit trail knows which is which.
    pub async fn start(&self, typed: &str, ctx: &RequestCtx) -> Result<Flow, FlowError> {
        self.limit_address(ctx).await?;
        let account = normalise_account(typed);
        let found = self
            .directory
            .find_user(&account)
            .await
            .map_err(FlowError::Directory)?;
        let (user, methods) = match found {
            Some(u) => {
                let contact = self
                    .directory
                    .contact_methods(&u)
                    .await
                    .map_err(FlowError::Directory)?;
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
                    // Nothing registered: show decoys so the page looks like any other.
                    methods = decoy::methods(&self.key, &account);
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
            None => (None, decoy::methods(&self.key, &account)),
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
        self.check_lock(&flow.account).await?;
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
            .counter_hit(&format!("send:{}", flow.account), start)
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
        self.check_lock(&flow.account).await?;
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
        let correct = flow.user.is_some()
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
        self.save(&mut flow).await?;
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
        let lock_secs = self.cfg.lockout.num_seconds().max(60);
        let (start, _) = window(self.now(), lock_secs);
        let failures = match self
            .store
            .counter_hit(&format!("fail:{}", flow.account), start)
            .await
        {
            Ok(n) => n,
            Err(e) => return e.into(),
        };
        if failures >= self.cfg.lockout_failures {
            let until = self.now() + self.cfg.lockout;
            if let Err(e) = self
                .store
                .lock_set(&format!("lock:{}", flow.account), until)
                .await
            {
                return e.into();
            }
            metrics::counter!(m::LOCKOUTS).increment(1);
            self.audit(ctx, Some(&flow.account), "account.locked", "locked", None)
                .await;
            return FlowError::Locked { until };
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
    pub async fn lock_notice(&self, flow_id: &str, until: DateTime<Utc>) -> Option<Outgoing> {
        let flow = self.load(flow_id).await.ok()?;
        let user = flow.user?;
        Some(Outgoing::Locked {
            to: user.mail.unwrap_or(user.upn.clone()),
            account: user.upn,
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
            org_name: Some(
                u.and_then(|u| u.company_name.clone())
                    .unwrap_or_else(|| self.cfg.org_name.clone()),
            ),
            extra_terms: Vec::new(),
        }
    }

    /// Rate limit for API calls that have no flow step of their own.
    pub async fn limit_check(&self, ctx: &RequestCtx) -> Result<(), FlowError> {
        self.limit_address(ctx).await
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
