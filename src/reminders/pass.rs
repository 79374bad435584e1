//! One reminder pass: stream users page by page, decide who is due, record before sending,
//! send within a rate, mark after. Safe to rerun and to run on several instances.

use std::{
    collections::BTreeMap,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use futures_util::StreamExt;
use serde::Serialize;

use super::expiry::{self, Domains, Expiry, SkipReason};
use crate::{
    clock::Clock,
    ports::{
        Directory, DirectoryError, Message, Notifier, NotifyError, Store, StoreError,
        directory::DirectoryUser,
    },
};

/// What a reminder says; the composer turns it into a message.
#[derive(Debug, Clone, Serialize)]
pub struct ReminderFacts {
    pub upn: String,
    pub display_name: Option<String>,
    pub to: String,
    pub expires: DateTime<Utc>,
    pub days_left: i64,
    pub threshold: u32,
    pub language: Option<String>,
    pub expired: bool,
}

/// Renders reminders (templates live in the web layer).
pub trait ReminderComposer: Send + Sync {
    fn compose(&self, facts: &ReminderFacts) -> Result<Message, String>;
}

#[derive(Debug, Clone)]
pub struct PassOptions {
    pub now: DateTime<Utc>,
    pub thresholds: Vec<u32>,
    pub time_zone: Tz,
    /// In the last N days (and once expired) the reminder goes to the alternate email.
    pub alternate_within_days: i64,
    /// Messages per minute; 0 = no limit.
    pub rate_per_minute: u32,
    pub concurrency: usize,
    pub dry_run: bool,
    /// Identifies this pass's lease.
    pub holder: String,
    /// How long the lease lasts without renewal. Short (30 s), renewed by a heartbeat every
    /// third of it, so a pass that crashed blocks the next one only briefly.
    pub lease: chrono::Duration,
    /// How long to wait for a lease another holder has, before giving up.
    pub wait: Duration,
}

/// One row of the delivery report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRow {
    pub upn: String,
    pub to: String,
    pub expires: Option<DateTime<Utc>>,
    pub days_left: Option<i64>,
    pub threshold: Option<u32>,
    /// `sent`, `would_send`, `failed`, or a skip reason.
    pub outcome: String,
    /// Where the expiry came from: `entra` or `ad`.
    pub source: &'static str,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub scanned: u64,
    pub pages: u64,
    pub due: BTreeMap<u32, u64>,
    pub sent: u64,
    pub failed: u64,
    pub skipped: BTreeMap<String, u64>,
    /// Pages of AD's expiries read (with `[ad]`).
    pub ad_pages: u64,
    /// `true` when another instance held the lease and this pass did nothing.
    pub lease_busy: bool,
    /// Who held the lease, and until when, when `lease_busy`.
    pub lease_holder: Option<(String, DateTime<Utc>)>,
}

#[derive(Debug, thiserror::Error)]
pub enum PassError {
    #[error("directory")]
    Directory(#[from] DirectoryError),
    #[error("store")]
    Store(#[from] StoreError),
    #[error("on-premises directory")]
    OnPremises(#[from] crate::ports::OnPremisesError),
    #[error("the lease was lost to another instance; stopped at a safe point")]
    LeaseLost,
}

pub const LEASE: &str = "reminders";

/// When the last non-dry-run pass ran to the end (RFC 3339), in the store's key-value table:
/// the schedule retries until a pass has completed after its due time.
pub const COMPLETED_KEY: &str = "reminders.completed_at";

struct Due {
    user: DirectoryUser,
    facts: ReminderFacts,
    cycle: i64,
    source: expiry::Source,
}

/// What a pass knows before it looks at anyone: the domains' policies and, with `[ad]`,
/// every synced user's expiry as AD computes it.
struct Known {
    domains: Domains,
    on_premises: Option<crate::ports::OnPremisesExpiries>,
}

pub struct ReminderPass<'a> {
    pub directory: &'a dyn Directory,
    pub store: &'a dyn Store,
    pub notifier: &'a dyn Notifier,
    pub composer: &'a dyn ReminderComposer,
    pub clock: &'a dyn Clock,
    /// Where synced users' expiries come from (`[ad]`); `None` skips synced users.
    pub on_premises: Option<&'a dyn crate::ports::OnPremises>,
    pub opts: PassOptions,
    /// Called once per user with the report row (CSV writers, progress bars).
    pub on_row: &'a (dyn Fn(&ReportRow) + Send + Sync),
    pub cancel: tokio_util::sync::CancellationToken,
}

impl ReminderPass<'_> {
    async fn hold_lease(&self) -> Result<bool, StoreError> {
        let now = self.clock.now();
        self.store
            .lease_acquire(LEASE, &self.opts.holder, now + self.opts.lease, now)
            .await
    }

    /// Takes the lease, waiting up to `opts.wait` for another holder's to end or expire.
    async fn take_lease(&self) -> Result<bool, StoreError> {
        let give_up = tokio::time::Instant::now() + self.opts.wait;
        loop {
            if self.hold_lease().await? {
                return Ok(true);
            }
            let now = tokio::time::Instant::now();
            if now >= give_up || self.cancel.is_cancelled() {
                return Ok(false);
            }
            let step = (give_up - now).min(Duration::from_millis(500));
            tokio::select! {
                () = self.cancel.cancelled() => return Ok(false),
                () = tokio::time::sleep(step) => {}
            }
        }
    }

    /// Renews the lease every third of its length while the pass runs.
    async fn heartbeat(&self) {
        let every = (self.opts.lease / 3)
            .to_std()
            .unwrap_or(Duration::from_secs(10))
            .max(Duration::from_millis(100));
        loop {
            tokio::time::sleep(every).await;
            match self.hold_lease().await {
                Ok(true) => {}
                // The next send notices and stops at a safe point.
                Ok(false) => tracing::warn!("the reminder lease was taken over"),
                Err(e) => {
                    tracing::warn!(error = %crate::telemetry::Chain(&e), "the reminder lease was not renewed")
                }
            }
        }
    }

    pub async fn run(&self) -> Result<Summary, PassError> {
        let mut summary = Summary::default();
        if self.opts.dry_run {
            self.scan(&mut summary).await?;
            return Ok(summary);
        }
        if !self.take_lease().await? {
            summary.lease_busy = true;
            summary.lease_holder = self.store.lease_get(LEASE).await?;
            return Ok(summary);
        }
        let result = tokio::select! {
            r = self.scan(&mut summary) => r,
            () = self.heartbeat() => Ok(()),
        };
        if result.is_ok() && !self.cancel.is_cancelled() {
            let at = self.clock.now().to_rfc3339();
            if let Err(e) = self.store.kv_set(COMPLETED_KEY, &at).await {
                tracing::warn!(error = %crate::telemetry::Chain(&e), "reminder pass completion not recorded");
            }
        }
        let _ = self.store.lease_release(LEASE, &self.opts.holder).await;
        self.audit(&summary, result.as_ref().err()).await;
        result.map(|()| summary)
    }

    /// When a pass last ran to the end, if ever.
    pub async fn completed_at(store: &dyn Store) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(store
            .kv_get(COMPLETED_KEY)
            .await?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc)))
    }

    /// One audit event per pass, with its counts.
    async fn audit(&self, summary: &Summary, error: Option<&PassError>) {
        let now = self.clock.now();
        let event = crate::ports::store::AuditEvent {
            id: uuid::Uuid::now_v7().to_string(),
            at: now,
            correlation_id: self.opts.holder.clone(),
            account: None,
            action: "reminders.pass".into(),
            outcome: match error {
                None => "completed".into(),
                Some(PassError::LeaseLost) => "lease_lost".into(),
                Some(_) => "failed".into(),
            },
            client_addr: None,
            user_agent: None,
            detail: serde_json::to_string(summary).ok(),
        };
        if let Err(e) = self.store.audit_append(&event).await {
            tracing::error!(error = %crate::telemetry::Chain(&e), "reminder pass audit event not stored");
        }
    }

    async fn scan(&self, summary: &mut Summary) -> Result<(), PassError> {
        // AD's expiries, the domains and the first page of users are read at once.
        let on_premises = async {
            match self.on_premises {
                Some(ad) => ad.expiries().await.map(Some),
                None => Ok(None),
            }
        };
        let (on_premises, domains, first) = tokio::join!(
            on_premises,
            self.directory.domains(),
            self.directory.list_users(None)
        );
        let on_premises = on_premises?;
        summary.ad_pages = on_premises.as_ref().map_or(0, |e| e.pages);
        let known = Known {
            domains: Domains::new(domains?),
            on_premises,
        };
        let limiter = RateLimiter::new(self.opts.rate_per_minute);
        let mut page = first?;
        loop {
            summary.pages += 1;
            let (users, next_link) = (std::mem::take(&mut page.users), page.next.take());
            // Fetch the next page while this one is processed: the pass then costs about
            // what paging alone costs.
            let fetch_next = async {
                match &next_link {
                    Some(link) if !self.cancel.is_cancelled() => {
                        Some(self.directory.list_users(Some(link)).await)
                    }
                    _ => None,
                }
            };
            let (next, processed) =
                tokio::join!(fetch_next, self.process(users, &known, summary, &limiter));
            processed?;
            match next {
                Some(p) => page = p?,
                None => return Ok(()),
            }
        }
    }

    async fn process(
        &self,
        users: Vec<DirectoryUser>,
        known: &Known,
        summary: &mut Summary,
        limiter: &RateLimiter,
    ) -> Result<(), PassError> {
        let mut due = Vec::new();
        for user in users {
            summary.scanned += 1;
            match self.decide(user, known).await? {
                Ok(d) => due.push(d),
                Err((row, reason)) => {
                    *summary.skipped.entry(reason.as_str().into()).or_default() += 1;
                    (self.on_row)(&row);
                }
            }
        }
        for d in &due {
            *summary.due.entry(d.facts.threshold).or_default() += 1;
        }
        self.send_page(due, summary, limiter).await
    }

    /// A due reminder, or the report row and reason for skipping the user.
    async fn decide(
        &self,
        user: DirectoryUser,
        known: &Known,
    ) -> Result<Result<Due, (Box<ReportRow>, SkipReason)>, PassError> {
        let (expiry, source) =
            expiry::expiry_from(&user, &known.domains, known.on_premises.as_ref());
        let skip = |user: &DirectoryUser, reason: SkipReason, expires, days_left| {
            Err((
                Box::new(ReportRow {
                    upn: user.upn.clone(),
                    to: String::new(),
                    expires,
                    days_left,
                    threshold: None,
                    outcome: reason.as_str().into(),
                    source: source.as_str(),
                }),
                reason,
            ))
        };
        let expires = match expiry {
            Expiry::At(t) => t,
            Expiry::None(reason) => return Ok(skip(&user, reason, None, None)),
        };
        let days_left = expiry::days_left(self.opts.now, expires, self.opts.time_zone);
        // Cheap check first: most users are nowhere near a threshold.
        if expiry::due_threshold(days_left, &self.opts.thresholds, &[]).is_none() {
            return Ok(skip(
                &user,
                SkipReason::NotDue,
                Some(expires),
                Some(days_left),
            ));
        }
        let cycle = user.last_password_change.map_or(0, |t| t.timestamp());
        let sent: Vec<u32> = self
            .store
            .ledger_get(&user.id, cycle)
            .await?
            .into_iter()
            .filter(|(_, status)| status == "sent")
            .map(|(t, _)| t)
            .collect();
        let Some(threshold) = expiry::due_threshold(days_left, &self.opts.thresholds, &sent) else {
            return Ok(skip(
                &user,
                SkipReason::AlreadySent,
                Some(expires),
                Some(days_left),
            ));
        };
        let expired = days_left < 0;
        let to_alternate = expired || days_left <= self.opts.alternate_within_days;
        let to = if to_alternate {
            self.alternate_address(&user).await
        } else {
            user.mail.clone().or_else(|| Some(user.upn.clone()))
        };
        let Some(to) = to else {
            return Ok(skip(
                &user,
                SkipReason::NoAlternateEmail,
                Some(expires),
                Some(days_left),
            ));
        };
        Ok(Ok(Due {
            facts: ReminderFacts {
                upn: user.upn.clone(),
                display_name: user.display_name.clone(),
                to,
                expires,
                days_left,
                threshold,
                language: user.preferred_language.clone(),
                expired,
            },
            user,
            cycle,
            source,
        }))
    }

    /// Where a reminder goes when the work mailbox is out of reach: the registered
    /// authentication email first (the address the reset flow sends codes to, read through
    /// the same cache and throttling fallback), then `otherMails`.
    async fn alternate_address(&self, user: &DirectoryUser) -> Option<String> {
        let registered = match self.directory.contact_methods(user).await {
            Ok(methods) => methods.emails,
            Err(e) => {
                tracing::warn!(upn = %user.upn, error = %crate::telemetry::Chain(&e), "registered methods unavailable; using otherMails");
                Vec::new()
            }
        };
        registered
            .into_iter()
            .chain(user.other_mails.iter().cloned())
            .find(|address| !address.trim().is_empty())
    }

    async fn send_page(
        &self,
        due: Vec<Due>,
        summary: &mut Summary,
        limiter: &RateLimiter,
    ) -> Result<(), PassError> {
        let sent = AtomicU64::new(0);
        let failed = AtomicU64::new(0);
        let lease_lost = std::sync::atomic::AtomicBool::new(false);
        let results = futures_util::stream::iter(due)
            .map(|d| {
                let (sent, failed, lease_lost) = (&sent, &failed, &lease_lost);
                async move {
                    let outcome = if self.opts.dry_run {
                        "would_send".to_string()
                    } else if lease_lost.load(Ordering::Relaxed) || self.cancel.is_cancelled() {
                        return Ok(());
                    } else {
                        limiter.wait().await;
                        // Renewing before each send means a pass that lost its lease
                        // (another instance took over) stops instead of sending twice.
                        if !self.hold_lease().await? {
                            lease_lost.store(true, Ordering::Relaxed);
                            return Err(PassError::LeaseLost);
                        }
                        match self.deliver(&d).await? {
                            true => {
                                sent.fetch_add(1, Ordering::Relaxed);
                                "sent".to_string()
                            }
                            false => {
                                failed.fetch_add(1, Ordering::Relaxed);
                                "failed".to_string()
                            }
                        }
                    };
                    if !self.opts.dry_run {
                        metrics::counter!(
                            crate::telemetry::names::REMINDERS,
                            "threshold" => d.facts.threshold.to_string(),
                            "outcome" => outcome.clone()
                        )
                        .increment(1);
                    }
                    (self.on_row)(&ReportRow {
                        upn: d.user.upn.clone(),
                        to: d.facts.to.clone(),
                        expires: Some(d.facts.expires),
                        days_left: Some(d.facts.days_left),
                        threshold: Some(d.facts.threshold),
                        outcome,
                        source: d.source.as_str(),
                    });
                    Ok::<(), PassError>(())
                }
            })
            .buffer_unordered(self.opts.concurrency.max(1))
            .collect::<Vec<_>>()
            .await;
        summary.sent += sent.load(Ordering::Relaxed);
        summary.failed += failed.load(Ordering::Relaxed);
        results
            .into_iter()
            .collect::<Result<Vec<()>, _>>()
            .map(|_| ())
    }

    /// Record, send (with retries), mark. True when sent.
    async fn deliver(&self, d: &Due) -> Result<bool, PassError> {
        let now = self.clock.now();
        let t = d.facts.threshold;
        // A row already there and not 'sent' was in flight when an earlier pass stopped:
        // send it again (at most one duplicate per in-flight message).
        self.store
            .ledger_record(&d.user.id, d.cycle, t, now)
            .await?;
        let message = match self.composer.compose(&d.facts) {
            Ok(m) => m,
            Err(e) => {
                tracing::error!(upn = %d.user.upn, error = %e, "reminder not rendered");
                self.store
                    .ledger_mark(&d.user.id, d.cycle, t, "failed", now)
                    .await?;
                return Ok(false);
            }
        };
        let mut wait = Duration::from_millis(200);
        for attempt in 1..=3 {
            match self.notifier.send(&message).await {
                Ok(()) => {
                    self.store
                        .ledger_mark(&d.user.id, d.cycle, t, "sent", self.clock.now())
                        .await?;
                    return Ok(true);
                }
                Err(NotifyError::Transient(e)) if attempt < 3 => {
                    tracing::warn!(upn = %d.user.upn, attempt, error = %e, "reminder send failed; retrying");
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                }
                Err(e) => {
                    tracing::error!(upn = %d.user.upn, error = %crate::telemetry::Chain(&e), "reminder not delivered");
                    break;
                }
            }
        }
        self.store
            .ledger_mark(&d.user.id, d.cycle, t, "failed", self.clock.now())
            .await?;
        Ok(false)
    }
}

/// Spaces sends evenly to stay under a per-minute rate (Exchange allows about 30 a minute
/// per mailbox).
struct RateLimiter {
    interval: Option<Duration>,
    next: tokio::sync::Mutex<tokio::time::Instant>,
}

impl RateLimiter {
    fn new(per_minute: u32) -> Self {
        Self {
            interval: (per_minute > 0).then(|| Duration::from_secs(60) / per_minute),
            next: tokio::sync::Mutex::new(tokio::time::Instant::now()),
        }
    }

    async fn wait(&self) {
        let Some(interval) = self.interval else {
            return;
        };
        let slot = {
            let mut next = self.next.lock().await;
            let now = tokio::time::Instant::now();
            let slot = (*next).max(now);
            *next = slot + interval;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

/// A shared counter of messages sent, for tests that simulate a crash mid-pass.
pub type SendCounter = Arc<AtomicU64>;
