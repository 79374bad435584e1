//! The reset flow's use cases and what they share: the service, its configuration and
//! errors, the audit trail, and loading and saving a flow with an optimistic version check.
//! The steps themselves live in `start`, `verify` and `password`; limits in `limits`.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use zeroize::Zeroizing;

use super::{Flow, HelpdeskReason, MethodKind, StepError, codes::CodeKey};
use crate::{
    clock::Clock,
    policy::{PasswordPolicy, Verdict},
    ports::{
        Directory, DirectoryError, Store, StoreError,
        store::{AuditEvent, FlowRow},
    },
    random::Random,
};

/// How long after a password written to on-premises AD Entra may still hold the old one:
/// Entra Connect's password hash sync runs about every two minutes. Sign-in failures in this
/// window are the person trying the new password too early, not a stale device.
pub const AD_SYNC_WINDOW: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

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
    /// After a password written to AD, how long the done page waits for Entra Connect to
    /// sync it (zero: it does not wait).
    pub cloud_sync_wait: Duration,
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

/// Why a step could not be done; the web layer turns each into a page.
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
    #[error("the directory failed")]
    Directory(#[source] DirectoryError),
    #[error("storage failed")]
    Store(#[from] StoreError),
    #[error("a stored flow is unreadable")]
    Unreadable(#[from] serde_json::Error),
    #[error("internal: {0}")]
    Internal(String),
}

/// The reset flow's use cases, with the ports they need and their limits.
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
    /// Where synced users' passwords are written; `None` sends them to the helpdesk.
    pub on_premises: Option<Arc<dyn crate::ports::OnPremises>>,
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

impl ResetService {
    pub(super) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub(super) async fn audit(
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
            tracing::error!(error = %crate::telemetry::Chain(&e), "audit event not stored");
        }
    }

    /// Audits a step tried when the flow is not there (or already finished) and gives the
    /// error for it.
    pub(super) async fn out_of_order(
        &self,
        ctx: &RequestCtx,
        flow: &Flow,
        action: &str,
    ) -> FlowError {
        self.audit(ctx, Some(&flow.account), action, "out_of_order", None)
            .await;
        FlowError::Step(if flow.is_closed() {
            StepError::Closed
        } else {
            StepError::OutOfOrder
        })
    }

    /// The flow with this id, unless it is missing or idle for too long.
    pub async fn load(&self, id: &str) -> Result<Flow, FlowError> {
        let row = self.store.flow_get(id).await?.ok_or(FlowError::Expired)?;
        if row.expires_at <= self.now() {
            return Err(FlowError::Expired);
        }
        let mut flow: Flow = serde_json::from_str(&row.data)?;
        flow.version = row.version;
        Ok(flow)
    }

    pub(super) async fn save(&self, flow: &mut Flow) -> Result<(), FlowError> {
        let now = self.now();
        flow.version += 1;
        let row = FlowRow {
            id: flow.id.clone(),
            data: serde_json::to_string(flow)?,
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

    /// Moves the flow to a new id (a privilege step: a code was accepted). The old id stops
    /// working, so a copy of the session cookie taken before verification is worth nothing.
    pub(super) async fn renew_id(&self, flow: &mut Flow) -> Result<(), FlowError> {
        let (old_id, old_version) = (flow.id.clone(), flow.version);
        if !self.store.flow_delete(&old_id, old_version).await? {
            return Err(FlowError::Conflict);
        }
        flow.id = self.rng.token_hex(24);
        flow.version = 0;
        self.save(flow).await
    }
}
