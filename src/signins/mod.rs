//! After a reset: which devices still use the old password, and the organisation's
//! AADSTS50126 picture (stale saved passwords vs spraying vs typos). Pure.

pub mod watch;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::ports::directory::SignIn;

/// Where the latest organisation report's counts are kept (the admin dashboard shows them).
pub const REPORT_KEY: &str = "signins.last_report";

/// Invalid username or password.
pub const INVALID_PASSWORD: i64 = 50126;
/// Account locked by too many failures.
pub const LOCKED: i64 = 50053;

/// Where sign-ins come from: the app and the device.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Source {
    pub app: String,
    pub client_app: String,
    pub os: String,
    pub browser: String,
    pub device: String,
}

impl Source {
    pub fn of(s: &SignIn) -> Self {
        let f = |o: &Option<String>| o.clone().unwrap_or_default();
        Self {
            app: f(&s.app),
            client_app: f(&s.client_app),
            os: f(&s.operating_system),
            browser: f(&s.browser),
            device: f(&s.device_name),
        }
    }

    /// A short description for a person: "Mail on iOS 17 (Alex's iPhone)".
    pub fn describe(&self) -> String {
        let what = if !self.client_app.is_empty() && self.client_app != "Browser" {
            format!("{} ({})", non_empty(&self.app, "An app"), self.client_app)
        } else if !self.browser.is_empty() {
            format!("{} in {}", non_empty(&self.app, "A website"), self.browser)
        } else {
            non_empty(&self.app, "An app").to_string()
        };
        let on = non_empty(&self.os, "an unknown device");
        if self.device.is_empty() {
            format!("{what} on {on}")
        } else {
            format!("{what} on {on} ({})", self.device)
        }
    }

    /// The same for any language: the parts Entra reports (which are names, not words),
    /// joined with " · ", and translated words for the parts it left out.
    pub fn describe_with(&self, unknown_app: &str, unknown_device: &str) -> String {
        let mut parts = vec![non_empty(&self.app, unknown_app).to_string()];
        if !self.client_app.is_empty() && self.client_app != "Browser" {
            parts[0] = format!("{} ({})", parts[0], self.client_app);
        } else if !self.browser.is_empty() {
            parts.push(self.browser.clone());
        }
        parts.push(non_empty(&self.os, unknown_device).to_string());
        if !self.device.is_empty() {
            parts.push(self.device.clone());
        }
        parts.join(" · ")
    }

    /// The saved-password guide step that fixes this source.
    pub fn guide_step(&self) -> &'static str {
        let os = self.os.to_ascii_lowercase();
        let client = self.client_app.to_ascii_lowercase();
        if os.contains("ios") {
            "ios-mail"
        } else if os.contains("android") {
            "android-mail"
        } else if client.contains("imap") || client.contains("pop") || client.contains("smtp") {
            "other-devices"
        } else if os.contains("mac") {
            "keychain"
        } else if os.contains("windows") && client.contains("mobile apps and desktop clients") {
            "outlook-desktop"
        } else if os.contains("windows") {
            "credential-manager"
        } else if client == "browser" {
            "browsers"
        } else {
            "other-devices"
        }
    }
}

fn non_empty<'a>(s: &'a str, or: &'a str) -> &'a str {
    if s.is_empty() { or } else { s }
}

/// A source still failing with the old password after a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleSource {
    pub source: Source,
    pub failures: u32,
    pub locked: bool,
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
}

/// Sources of one user failing with 50126 (or locked out, 50053) after `changed_at` and not
/// fixed since: a later success from the same source clears it.
pub fn stale_sources(events: &[SignIn], changed_at: DateTime<Utc>) -> Vec<StaleSource> {
    let mut by: BTreeMap<Source, StaleSource> = BTreeMap::new();
    let mut sorted: Vec<&SignIn> = events.iter().filter(|e| e.created > changed_at).collect();
    sorted.sort_by_key(|e| e.created);
    for e in sorted {
        let src = Source::of(e);
        match e.error_code {
            INVALID_PASSWORD | LOCKED => {
                let entry = by.entry(src.clone()).or_insert(StaleSource {
                    source: src,
                    failures: 0,
                    locked: false,
                    first: e.created,
                    last: e.created,
                });
                entry.failures += 1;
                entry.locked |= e.error_code == LOCKED;
                entry.last = e.created;
            }
            0 => {
                by.remove(&src);
            }
            _ => {}
        }
    }
    by.into_values().collect()
}

/// What a run of failures looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// One user, one source, failing steadily: a device with an old saved password.
    StaleDevice,
    /// Many users failing from one address: password spraying.
    Spray,
    /// A few failures, then success from the same source: typing mistakes.
    Typo,
    /// Failures that fit none of the above (yet).
    Unclear,
}

/// One line of the organisation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub pattern: Pattern,
    pub upn: String,
    pub source: Source,
    pub ip_address: String,
    pub failures: u32,
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
}

/// Thresholds of the classifier.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// Distinct users failing from one address that make it a spray.
    pub spray_users: usize,
    /// At most this many failures before a success is a typo.
    pub typo_failures: u32,
    /// A stale device fails at least this often…
    pub stale_failures: u32,
    /// …over at least this long.
    pub stale_span: Duration,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            spray_users: 5,
            typo_failures: 3,
            stale_failures: 3,
            stale_span: Duration::minutes(30),
        }
    }
}

/// Per (user, source) counts, built one event at a time in any order, so a report over
/// millions of events holds only one small record per pair.
#[derive(Debug, Default)]
pub struct Aggregator {
    pairs: HashMap<(String, Source), Pair>,
    users_by_ip: HashMap<String, HashSet<String>>,
}

#[derive(Debug)]
struct Pair {
    failures: u32,
    first_fail: DateTime<Utc>,
    last_fail: DateTime<Utc>,
    last_success: Option<DateTime<Utc>>,
    ip: String,
    ips: HashSet<String>,
}

impl Aggregator {
    pub fn push(&mut self, e: &SignIn) {
        let failing = e.error_code == INVALID_PASSWORD || e.error_code == LOCKED;
        if !failing && e.error_code != 0 {
            return;
        }
        // Successes are kept per pair too: Graph lists newest first, so a success can
        // arrive before the failures it follows.
        let key = (e.upn.to_ascii_lowercase(), Source::of(e));
        let ip = e.ip_address.clone().unwrap_or_default();
        let p = self.pairs.entry(key.clone()).or_insert(Pair {
            failures: 0,
            first_fail: e.created,
            last_fail: e.created,
            last_success: None,
            ip: ip.clone(),
            ips: HashSet::new(),
        });
        if failing {
            if p.failures == 0 || e.created < p.first_fail {
                p.first_fail = e.created;
            }
            if p.failures == 0 || e.created >= p.last_fail {
                p.last_fail = e.created;
                p.ip = ip.clone();
            }
            p.failures += 1;
            if !ip.is_empty() {
                p.ips.insert(ip.clone());
                self.users_by_ip.entry(ip).or_default().insert(key.0);
            }
        } else {
            p.last_success = p.last_success.max(Some(e.created));
        }
    }

    pub fn findings(self, t: Thresholds) -> Vec<Finding> {
        let spray: HashSet<&String> = self
            .users_by_ip
            .iter()
            .filter(|(_, users)| users.len() >= t.spray_users)
            .map(|(ip, _)| ip)
            .collect();
        let mut out: Vec<Finding> = self
            .pairs
            .iter()
            .filter(|(_, p)| p.failures > 0)
            .map(|((upn, source), p)| {
                let succeeded_after = p.last_success.is_some_and(|s| s > p.first_fail);
                let pattern = if p.ips.iter().any(|i| spray.contains(i)) {
                    Pattern::Spray
                } else if succeeded_after && p.failures <= t.typo_failures {
                    Pattern::Typo
                } else if !succeeded_after
                    && p.failures >= t.stale_failures
                    && p.last_fail - p.first_fail >= t.stale_span
                {
                    Pattern::StaleDevice
                } else {
                    Pattern::Unclear
                };
                Finding {
                    pattern,
                    upn: upn.clone(),
                    source: source.clone(),
                    ip_address: p.ip.clone(),
                    failures: p.failures,
                    first: p.first_fail,
                    last: p.last_fail,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            a.pattern
                .cmp(&b.pattern)
                .then(b.failures.cmp(&a.failures))
                .then(a.upn.cmp(&b.upn))
        });
        out
    }
}

/// Classifies a window of sign-in events (all users). Successes are used to recognise
/// typos and fixed devices; only failing (user, source) pairs are reported.
pub fn classify(events: &[SignIn], t: Thresholds) -> Vec<Finding> {
    let mut a = Aggregator::default();
    for e in events {
        a.push(e);
    }
    a.findings(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(upn: &str, mins: i64, code: i64, os: &str, app: &str, ip: &str) -> SignIn {
        SignIn {
            id: format!("{upn}{mins}{code}{ip}"),
            created: DateTime::from_timestamp(1_800_000_000 + mins * 60, 0).unwrap(),
            user_id: upn.into(),
            upn: upn.into(),
            app: Some(app.into()),
            client_app: Some("Exchange ActiveSync".into()),
            ip_address: Some(ip.into()),
            error_code: code,
            operating_system: Some(os.into()),
            browser: None,
            device_name: None,
            city: None,
            country: None,
        }
    }

    #[test]
    fn a_stale_device_keeps_failing_after_the_change() {
        let changed = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut e: Vec<SignIn> = (1..=6)
            .map(|i| {
                ev(
                    "alex@contoso.com",
                    i * 10,
                    INVALID_PASSWORD,
                    "iOS 17",
                    "Mail",
                    "198.51.100.7",
                )
            })
            .collect();
        e.push(ev(
            "alex@contoso.com",
            -5,
            INVALID_PASSWORD,
            "Windows 11",
            "Outlook",
            "198.51.100.8",
        ));
        let stale = stale_sources(&e, changed);
        assert_eq!(stale.len(), 1, "failures before the change do not count");
        assert_eq!(stale[0].failures, 6);
        assert_eq!(stale[0].source.guide_step(), "ios-mail");
        assert!(stale[0].source.describe().contains("iOS 17"));
        let f = classify(&e, Thresholds::default());
        assert!(
            f.iter()
                .any(|f| f.pattern == Pattern::StaleDevice && f.failures == 6)
        );
    }

    #[test]
    fn a_fixed_device_is_no_longer_stale() {
        let changed = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut e: Vec<SignIn> = (1..=3)
            .map(|i| {
                ev(
                    "alex@contoso.com",
                    i,
                    INVALID_PASSWORD,
                    "iOS 17",
                    "Mail",
                    "198.51.100.7",
                )
            })
            .collect();
        e.push(ev(
            "alex@contoso.com",
            20,
            0,
            "iOS 17",
            "Mail",
            "198.51.100.7",
        ));
        assert!(stale_sources(&e, changed).is_empty());
    }

    #[test]
    fn many_users_from_one_address_is_a_spray() {
        let e: Vec<SignIn> = (0..8)
            .map(|i| {
                ev(
                    &format!("u{i}@contoso.com"),
                    i,
                    INVALID_PASSWORD,
                    "Linux",
                    "Azure Portal",
                    "203.0.113.66",
                )
            })
            .collect();
        let f = classify(&e, Thresholds::default());
        assert_eq!(f.len(), 8);
        assert!(f.iter().all(|f| f.pattern == Pattern::Spray));
    }

    #[test]
    fn a_few_failures_then_success_is_a_typo() {
        let e = vec![
            ev(
                "lee@contoso.com",
                0,
                INVALID_PASSWORD,
                "Windows 11",
                "Teams",
                "192.0.2.1",
            ),
            ev(
                "lee@contoso.com",
                1,
                INVALID_PASSWORD,
                "Windows 11",
                "Teams",
                "192.0.2.1",
            ),
            ev("lee@contoso.com", 2, 0, "Windows 11", "Teams", "192.0.2.1"),
        ];
        let f = classify(&e, Thresholds::default());
        assert_eq!(f[0].pattern, Pattern::Typo);
    }

    #[test]
    fn order_does_not_matter() {
        let mut e = vec![
            ev(
                "lee@contoso.com",
                0,
                INVALID_PASSWORD,
                "Windows 11",
                "Teams",
                "192.0.2.1",
            ),
            ev(
                "lee@contoso.com",
                1,
                INVALID_PASSWORD,
                "Windows 11",
                "Teams",
                "192.0.2.1",
            ),
            ev("lee@contoso.com", 2, 0, "Windows 11", "Teams", "192.0.2.1"),
        ];
        e.reverse(); // newest first, as Graph lists them
        assert_eq!(
            classify(&e, Thresholds::default())[0].pattern,
            Pattern::Typo
        );
    }

    #[test]
    fn a_burst_without_span_is_unclear_not_stale() {
        let e: Vec<SignIn> = (0..4)
            .map(|i| {
                ev(
                    "x@contoso.com",
                    i,
                    INVALID_PASSWORD,
                    "Android",
                    "Mail",
                    "192.0.2.9",
                )
            })
            .collect();
        assert_eq!(
            classify(&e, Thresholds::default())[0].pattern,
            Pattern::Unclear
        );
    }
}
