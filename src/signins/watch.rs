//! The after-reset watch: one poller reads the tenant's new sign-in failures page by page
//! (never re-reading what it has seen), and tells each watched user once per new source
//! that still uses the old password.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::{INVALID_PASSWORD, LOCKED, Source, stale_sources};
use crate::{
    clock::Clock,
    i18n::{Arg, Catalogs},
    ports::{
        Directory, DirectoryError, DirectoryErrorKind, Message, Notifier, Store, StoreError,
        directory::SignIn, store::Watch,
    },
};

const CURSOR: &str = "signins.cursor";

#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("directory")]
    Directory(#[from] DirectoryError),
    #[error("store")]
    Store(#[from] StoreError),
}

/// What one poll did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PollReport {
    pub watched: usize,
    pub events: usize,
    pub notified: usize,
    /// The tenant has no Entra ID P1: the feature steps aside.
    pub unavailable: bool,
}

pub struct Watcher<'a> {
    pub directory: &'a dyn Directory,
    pub store: &'a dyn Store,
    pub notifier: &'a dyn Notifier,
    pub clock: &'a dyn Clock,
    pub org_name: &'a str,
    pub guide_url: &'a str,
    pub words: &'a Catalogs,
}

/// The message telling a user about one stale source, in the portal's default language
/// (the watch does not keep the user's `preferredLanguage`).
pub fn message(
    words: &Catalogs,
    to: &str,
    upn: &str,
    source: &Source,
    failures: u32,
    org: &str,
    guide: &str,
) -> Message {
    let lang = words.default_language();
    let t = |id: &str, args: &[(&str, Arg)]| words.text(lang, id, args);
    let device = source.describe_with(
        &t("devices-unknown-app", &[]),
        &t("devices-unknown-device", &[]),
    );
    let url = format!("{guide}#{}", source.guide_step());
    Message::Email {
        to: to.to_string(),
        subject: t("mail-watch-subject", &[("device", device.as_str().into())]),
        text: format!(
            "{}\n\n{}\n\n{}\n",
            t(
                "mail-watch-body",
                &[
                    ("org", org.into()),
                    ("account", upn.into()),
                    ("device", device.as_str().into()),
                    ("count", failures.into()),
                ]
            ),
            t("mail-watch-how", &[("url", url.into())]),
            t("mail-watch-unknown", &[]),
        ),
        html: None,
    }
}

impl Watcher<'_> {
    /// One poll. Safe to run on several instances at once: each user hears about a source
    /// once (the store decides), and the cursor only moves forward.
    pub async fn poll(&self) -> Result<PollReport, WatchError> {
        let now = self.clock.now();
        let watches = self.store.watch_active(now).await?;
        let mut report = PollReport {
            watched: watches.len(),
            ..Default::default()
        };
        if watches.is_empty() {
            return Ok(report);
        }
        let earliest = watches.iter().map(|w| w.changed_at).min().unwrap_or(now);
        let since = match self.store.kv_get(CURSOR).await? {
            Some(c) => DateTime::parse_from_rfc3339(&c)
                .map(|t| t.with_timezone(&Utc).max(earliest - Duration::seconds(1)))
                .unwrap_or(earliest),
            None => earliest,
        };
        let by_user: HashMap<&str, &Watch> =
            watches.iter().map(|w| (w.user_id.as_str(), w)).collect();
        let mut mine: HashMap<&str, Vec<SignIn>> = HashMap::new();
        let mut newest = since;
        let mut cursor: Option<String> = None;
        loop {
            let page = match self.directory.sign_in_page(since, cursor.as_deref()).await {
                Ok(p) => p,
                Err(e) if e.kind == DirectoryErrorKind::FeatureUnavailable => {
                    report.unavailable = true;
                    return Ok(report);
                }
                Err(e) => return Err(e.into()),
            };
            report.events += page.events.len();
            for e in page.events {
                newest = newest.max(e.created);
                if let Some((id, _)) = by_user.get_key_value(e.user_id.as_str())
                    && (e.error_code == INVALID_PASSWORD
                        || e.error_code == LOCKED
                        || e.error_code == 0)
                {
                    mine.entry(id).or_default().push(e);
                }
            }
            match page.next {
                Some(n) => cursor = Some(n),
                None => break,
            }
        }
        for (user_id, events) in mine {
            let Some(w) = by_user.get(user_id) else {
                continue;
            };
            for stale in stale_sources(&events, w.changed_at) {
                let key = format!("{:?}", stale.source);
                if self.store.notified_insert(user_id, &key, now).await? {
                    report.notified += 1;
                    for to in w.mail_to.split(',').filter(|t| !t.trim().is_empty()) {
                        let m = message(
                            self.words,
                            to.trim(),
                            &w.upn,
                            &stale.source,
                            stale.failures,
                            self.org_name,
                            self.guide_url,
                        );
                        if let Err(e) = self.notifier.send(&m).await {
                            tracing::warn!(error = %crate::telemetry::Chain(&e), "stale-device notice not sent");
                        }
                    }
                }
            }
        }
        // Sign-ins of the last second may still be arriving: the next poll starts there, and
        // the notified table keeps a re-read second from repeating anything.
        self.store
            .kv_set(
                CURSOR,
                &newest.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            )
            .await?;
        Ok(report)
    }
}

/// Polls every `every` until cancelled (`rekey serve` and `rekey demo`).
#[allow(clippy::too_many_arguments)]
pub async fn run_forever(
    directory: std::sync::Arc<dyn Directory>,
    store: std::sync::Arc<dyn Store>,
    notifier: std::sync::Arc<dyn Notifier>,
    clock: std::sync::Arc<dyn Clock>,
    org_name: String,
    guide_url: String,
    words: Catalogs,
    every: std::time::Duration,
    cancel: tokio_util::sync::CancellationToken,
) {
    let mut told_unavailable = false;
    loop {
        let w = Watcher {
            directory: &*directory,
            store: &*store,
            notifier: &*notifier,
            clock: &*clock,
            org_name: &org_name,
            guide_url: &guide_url,
            words: &words,
        };
        match w.poll().await {
            Ok(r) if r.unavailable && !told_unavailable => {
                told_unavailable = true;
                tracing::warn!(
                    "sign-in logs need Entra ID P1; the after-reset device watch is off"
                );
            }
            Ok(r) if r.notified > 0 => {
                tracing::info!(notified = r.notified, "stale-device notices sent")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %crate::telemetry::Chain(&e), "sign-in poll failed"),
        }
        tokio::select! {
            () = cancel.cancelled() => return,
            () = tokio::time::sleep(every) => {}
        }
    }
}
