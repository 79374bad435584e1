//! The store port: flows, codes, counters and locks, the audit trail, the reminder ledger and
//! lease, sign-in watches, password history and small key-value state.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A reset flow as stored: its state is opaque JSON owned by the flow layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowRow {
    pub id: String,
    pub data: String,
    /// Bumped on every update; updates name the version they read (optimistic locking).
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A one-time code, stored only as a keyed hash.
#[derive(Clone, PartialEq, Eq)]
pub struct CodeRow {
    pub flow_id: String,
    /// Which method the code went to (e.g. `email:0`).
    pub method: String,
    pub hash: Vec<u8>,
    pub expires_at: DateTime<Utc>,
    pub attempts: u32,
    pub consumed: bool,
}

impl std::fmt::Debug for CodeRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeRow")
            .field("flow_id", &self.flow_id)
            .field("method", &self.method)
            .field("attempts", &self.attempts)
            .field("consumed", &self.consumed)
            .finish_non_exhaustive()
    }
}

/// Who did what, when, from where, and how it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub id: String,
    pub at: DateTime<Utc>,
    pub correlation_id: String,
    /// The account concerned (UPN as typed, lower-cased), if any.
    pub account: Option<String>,
    pub action: String,
    pub outcome: String,
    pub client_addr: Option<String>,
    pub user_agent: Option<String>,
    /// Extra facts as JSON; never a secret.
    pub detail: Option<String>,
}

/// A user whose sign-ins are watched after a reset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    pub user_id: String,
    pub upn: String,
    /// Addresses to tell, comma-separated.
    pub mail_to: String,
    pub changed_at: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

/// One day of the helpdesk-deflection dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DayCount {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    pub resets: u64,
    pub reminders: u64,
}

/// The error underneath a store failure (the database driver's, kept whole).
pub type Cause = std::sync::Arc<dyn std::error::Error + Send + Sync>;

/// Why the store could not do what was asked. The driver's error is the `source()`.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("the database is unavailable")]
    Unavailable(#[source] Cause),
    #[error("a database statement failed")]
    Query(#[source] Cause),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// The database cannot be reached (or set up) because of `cause`.
    pub fn unavailable(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Unavailable(std::sync::Arc::from(cause.into()))
    }

    /// A statement failed because of `cause`.
    pub fn query(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Query(std::sync::Arc::from(cause.into()))
    }
}

/// Everything that must survive a restart and be shared between instances.
#[async_trait]
pub trait Store: Send + Sync {
    /// Answers when the database is reachable.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Stores a new flow.
    async fn flow_insert(&self, flow: &FlowRow) -> Result<(), StoreError>;
    /// The flow with this id, expired or not.
    async fn flow_get(&self, id: &str) -> Result<Option<FlowRow>, StoreError>;
    /// Writes `flow` if the stored version is still `flow.version - 1`. False on a lost race.
    async fn flow_update(&self, flow: &FlowRow) -> Result<bool, StoreError>;
    /// Deletes the flow if its stored version is still `version`. False on a lost race.
    async fn flow_delete(&self, id: &str, version: i64) -> Result<bool, StoreError>;
    /// Deletes flows (and their codes) that expired before `now`.
    async fn flows_prune(&self, now: DateTime<Utc>) -> Result<u64, StoreError>;
    /// Deletes audit events, counters and expired locks older than `before`.
    async fn retention_prune(&self, before: DateTime<Utc>) -> Result<u64, StoreError>;

    /// Stores a code, replacing an earlier one for the same flow and method.
    async fn code_put(&self, code: &CodeRow) -> Result<(), StoreError>;
    /// The code stored for this flow and method, if any.
    async fn code_get(&self, flow_id: &str, method: &str) -> Result<Option<CodeRow>, StoreError>;
    /// Counts one more wrong try; returns the new count.
    async fn code_fail(&self, flow_id: &str, method: &str) -> Result<u32, StoreError>;
    /// Marks a code used. False if it was already used (a replay).
    async fn code_consume(&self, flow_id: &str, method: &str) -> Result<bool, StoreError>;

    /// Adds one to a fixed-window counter and returns the count in that window.
    async fn counter_hit(&self, key: &str, window_start: i64) -> Result<u32, StoreError>;
    /// The count of a fixed-window counter, without adding to it.
    async fn counter_get(&self, key: &str, window_start: i64) -> Result<u32, StoreError>;

    /// Locks `key` until `until` unless a lock is already running at `now`. True when this
    /// call set the lock (so its notice is sent once per lock).
    async fn lock_set(
        &self,
        key: &str,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Until when `key` is locked, if it ever was (expired locks stay until pruned).
    async fn lock_get(&self, key: &str) -> Result<Option<DateTime<Utc>>, StoreError>;

    /// Appends one audit event.
    async fn audit_append(&self, event: &AuditEvent) -> Result<(), StoreError>;
    /// Events ordered by (time, id) strictly after (`at`, `after_id`); an empty `after_id`
    /// includes every event at `at`. Keyset paging, so an export never skips or repeats.
    async fn audit_after(
        &self,
        at: DateTime<Utc>,
        after_id: &str,
        limit: u32,
    ) -> Result<Vec<AuditEvent>, StoreError>;

    /// Reminder ledger rows of one user's password cycle: (threshold, status).
    async fn ledger_get(&self, user_id: &str, cycle: i64)
    -> Result<Vec<(u32, String)>, StoreError>;
    /// Records a reminder as pending before it is sent. False if it was already recorded.
    async fn ledger_record(
        &self,
        user_id: &str,
        cycle: i64,
        threshold: u32,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Records how a recorded reminder ended (`sent` or `failed`).
    async fn ledger_mark(
        &self,
        user_id: &str,
        cycle: i64,
        threshold: u32,
        status: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Takes or renews the lease `name` for `holder` until `until`. False when another
    /// holder's lease is still running.
    async fn lease_acquire(
        &self,
        name: &str,
        holder: &str,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Gives the lease up if `holder` still has it.
    async fn lease_release(&self, name: &str, holder: &str) -> Result<(), StoreError>;
    /// Who holds the lease `name` and until when, expired or not.
    async fn lease_get(&self, name: &str) -> Result<Option<(String, DateTime<Utc>)>, StoreError>;

    /// Completed resets and sent reminders per UTC day (days since the epoch) from `since`.
    async fn daily_counts(&self, since: DateTime<Utc>) -> Result<Vec<DayCount>, StoreError>;

    /// Starts (or restarts) watching a user's sign-ins.
    async fn watch_add(&self, w: &Watch) -> Result<(), StoreError>;
    /// Watches still running at `now`.
    async fn watch_active(&self, now: DateTime<Utc>) -> Result<Vec<Watch>, StoreError>;
    /// Records that the user was told about `source`; false if they already were.
    async fn notified_insert(
        &self,
        user_id: &str,
        source: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// A small piece of shared state by name.
    async fn kv_get(&self, name: &str) -> Result<Option<String>, StoreError>;
    /// Sets a small piece of shared state, replacing any value.
    async fn kv_set(&self, name: &str, value: &str) -> Result<(), StoreError>;
    /// Sets `name` only if it has no value yet; false when one was there.
    async fn kv_set_new(&self, name: &str, value: &str) -> Result<bool, StoreError>;

    /// argon2id hashes of passwords set through Rekey, newest first.
    async fn history_get(&self, user_id: &str) -> Result<Vec<String>, StoreError>;
    /// Records a hash and keeps only the newest `keep`.
    async fn history_push(&self, user_id: &str, hash: &str, keep: u32) -> Result<(), StoreError>;
}
