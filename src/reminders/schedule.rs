//! Runs reminder passes on a cron schedule in a time zone, inside `rekey serve`. The
//! store lease makes sure only one instance sends.

use std::{str::FromStr, sync::Arc, time::Duration};

use chrono_tz::Tz;
use tokio_util::sync::CancellationToken;

use super::pass::{PassOptions, ReminderComposer, ReminderPass};
use crate::{
    clock::Clock,
    ports::{Directory, Notifier, Store},
};

pub struct Scheduler {
    pub cron: croner::Cron,
    pub time_zone: Tz,
    pub directory: Arc<dyn Directory>,
    pub store: Arc<dyn Store>,
    pub notifier: Arc<dyn Notifier>,
    pub composer: Arc<dyn ReminderComposer>,
    pub clock: Arc<dyn Clock>,
    /// Where synced users' expiries come from (`[ad]`).
    pub on_premises: Option<Arc<dyn crate::ports::OnPremises>>,
    /// Options for each pass; `now` is filled in when it runs.
    pub options: PassOptions,
    /// How soon a pass that did not complete is tried again.
    pub retry_every: chrono::Duration,
}

impl Scheduler {
    pub fn parse(expr: &str) -> Option<croner::Cron> {
        croner::Cron::from_str(expr).ok()
    }

    /// Runs until `cancel`; a pass in progress stops at a safe point and releases its lease.
    pub async fn run(self, cancel: CancellationToken) {
        loop {
            let now = self.clock.now().with_timezone(&self.time_zone);
            let Ok(next) = self.cron.find_next_occurrence(&now, false) else {
                tracing::error!("the reminder schedule has no next occurrence; scheduler stopped");
                return;
            };
            let wait = (next.with_timezone(&chrono::Utc) - self.clock.now())
                .to_std()
                .unwrap_or(Duration::ZERO);
            tracing::info!(next = %next, "next reminder pass");
            tokio::select! {
                () = cancel.cancelled() => return,
                () = tokio::time::sleep(wait) => {}
            }
            self.run_due(next.with_timezone(&chrono::Utc), &cancel)
                .await;
        }
    }

    /// Runs the pass due at `due`, retrying every `retry_every` until a pass (this
    /// instance's or another's) has completed after `due`: a pass that crashed, failed or
    /// found another instance's lease (which may die too) is not the end of the day's
    /// reminders. Gives up at the next occurrence, which starts its own.
    pub async fn run_due(&self, due: chrono::DateTime<chrono::Utc>, cancel: &CancellationToken) {
        let next = self
            .cron
            .find_next_occurrence(&due.with_timezone(&self.time_zone), false)
            .map(|t| t.with_timezone(&chrono::Utc))
            .ok();
        loop {
            match ReminderPass::completed_at(&*self.store).await {
                Ok(Some(done)) if done >= due => return,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %crate::telemetry::Chain(&e), "reminder pass state unreadable")
                }
            }
            let mut opts = self.options.clone();
            opts.now = self.clock.now();
            let pass = ReminderPass {
                directory: &*self.directory,
                store: &*self.store,
                notifier: &*self.notifier,
                composer: &*self.composer,
                clock: &*self.clock,
                on_premises: self.on_premises.as_deref(),
                opts,
                on_row: &|_| {},
                cancel: cancel.clone(),
            };
            match pass.run().await {
                Ok(s) if s.lease_busy => {
                    tracing::info!("another instance runs this pass; checking back later");
                }
                Ok(s) => {
                    tracing::info!(
                        scanned = s.scanned,
                        sent = s.sent,
                        failed = s.failed,
                        "reminder pass finished"
                    );
                    return;
                }
                Err(e) => {
                    tracing::error!(error = %crate::telemetry::Chain(&e), "reminder pass failed; it will be retried")
                }
            }
            if next.is_some_and(|n| self.clock.now() + self.retry_every >= n) {
                return;
            }
            let wait = self.retry_every.to_std().unwrap_or(Duration::from_secs(60));
            tokio::select! {
                () = cancel.cancelled() => return,
                () = tokio::time::sleep(wait) => {}
            }
        }
    }
}
