//! When a password expires, and which reminder is due. Pure: directory facts and a time
//! zone in, a decision out.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::ports::{
    OnPremisesExpiries, OnPremisesExpiry,
    directory::{DirectoryUser, DomainPolicy},
};

/// Why a user gets no reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    NeverExpiresUser,
    NeverExpiresDomain,
    SyncedFromOnPremises,
    Disabled,
    NoPasswordDate,
    NotDue,
    AlreadySent,
    /// Expired, and no alternate email to reach the person at.
    NoAlternateEmail,
    /// Synced, and AD says the password never expires.
    NeverExpiresAd,
    /// Synced, and no AD object under `ad.base_dn` has the user's SID.
    NotInAd,
}

impl SkipReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::NeverExpiresUser => "never_expires_user",
            SkipReason::NeverExpiresDomain => "never_expires_domain",
            SkipReason::SyncedFromOnPremises => "synced_from_on_premises",
            SkipReason::Disabled => "disabled",
            SkipReason::NoPasswordDate => "no_password_date",
            SkipReason::NotDue => "not_due",
            SkipReason::AlreadySent => "already_sent",
            SkipReason::NoAlternateEmail => "no_alternate_email",
            SkipReason::NeverExpiresAd => "never_expires_ad",
            SkipReason::NotInAd => "not_in_ad",
        }
    }
}

/// Domain policies by lower-cased name; unknown domains use the tenant default.
#[derive(Debug, Clone, Default)]
pub struct Domains {
    by_name: HashMap<String, DomainPolicy>,
    /// Validity for a domain Graph did not list (Microsoft's documented default is 90).
    pub fallback_days: Option<u32>,
}

impl Domains {
    pub fn new(list: Vec<DomainPolicy>) -> Self {
        Self {
            by_name: list.into_iter().map(|d| (d.name.clone(), d)).collect(),
            fallback_days: Some(90),
        }
    }

    /// The policy for a UPN's domain: the domain itself, else its nearest listed parent.
    pub fn for_domain(&self, domain: &str) -> Option<&DomainPolicy> {
        let mut d = domain;
        loop {
            if let Some(p) = self.by_name.get(d) {
                return Some(p);
            }
            d = d.split_once('.')?.1;
        }
    }
}

/// A user's expiry, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    At(DateTime<Utc>),
    None(SkipReason),
}

pub fn expiry(user: &DirectoryUser, domains: &Domains) -> Expiry {
    if !user.account_enabled {
        return Expiry::None(SkipReason::Disabled);
    }
    if user.synced_from_on_premises {
        return Expiry::None(SkipReason::SyncedFromOnPremises);
    }
    if user.has_password_policy("DisablePasswordExpiration") {
        return Expiry::None(SkipReason::NeverExpiresUser);
    }
    let validity = match user.upn_domain().and_then(|d| domains.for_domain(&d)) {
        Some(p) => p.validity_days,
        None => domains.fallback_days,
    };
    let Some(days) = validity else {
        return Expiry::None(SkipReason::NeverExpiresDomain);
    };
    match user.last_password_change {
        Some(changed) => Expiry::At(changed + chrono::Duration::days(i64::from(days))),
        None => Expiry::None(SkipReason::NoPasswordDate),
    }
}

/// Where an expiry came from: Entra's policy, or on-premises AD's computed expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Entra,
    Ad,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Entra => "entra",
            Source::Ad => "ad",
        }
    }
}

/// A user's expiry and where it came from. A synced user's password expires by AD's policy
/// when AD's expiries are at hand (`[ad]` is set); without them synced users are skipped, as
/// Entra's policy does not apply to them.
pub fn expiry_from(
    user: &DirectoryUser,
    domains: &Domains,
    on_premises: Option<&OnPremisesExpiries>,
) -> (Expiry, Source) {
    match on_premises {
        Some(ad) if user.account_enabled && user.synced_from_on_premises => {
            let found = user
                .on_premises_sid
                .as_deref()
                .and_then(|sid| ad.by_sid.get(sid));
            let expiry = match found {
                Some(OnPremisesExpiry::At(t)) => Expiry::At(*t),
                Some(OnPremisesExpiry::Never) => Expiry::None(SkipReason::NeverExpiresAd),
                None => Expiry::None(SkipReason::NotInAd),
            };
            (expiry, Source::Ad)
        }
        _ => (expiry(user, domains), Source::Entra),
    }
}

/// Whole calendar days from `now` to `expires` in `tz` (0 = expires today, negative =
/// expired). Dates, not durations, so a DST change does not shift a reminder by a day.
pub fn days_left(now: DateTime<Utc>, expires: DateTime<Utc>, tz: Tz) -> i64 {
    let today: NaiveDate = now.with_timezone(&tz).date_naive();
    let day: NaiveDate = expires.with_timezone(&tz).date_naive();
    (day - today).num_days()
}

/// The reminder due now: the most urgent threshold already reached. A late pass sends
/// that one only, not every threshold it missed. `sent` are thresholds already sent in this
/// password cycle; anything at or below a sent threshold counts as done.
pub fn due_threshold(days_left: i64, thresholds: &[u32], sent: &[u32]) -> Option<u32> {
    let reached = thresholds
        .iter()
        .copied()
        .filter(|t| days_left <= i64::from(*t))
        .min()?;
    if sent.iter().any(|s| *s <= reached) {
        return None;
    }
    Some(reached)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn user(changed: Option<DateTime<Utc>>) -> DirectoryUser {
        DirectoryUser {
            id: "u".into(),
            upn: "a@contoso.com".into(),
            account_enabled: true,
            last_password_change: changed,
            ..Default::default()
        }
    }

    fn domains() -> Domains {
        Domains::new(vec![
            DomainPolicy {
                name: "contoso.com".into(),
                validity_days: Some(90),
                notification_days: 14,
                federated: false,
            },
            DomainPolicy {
                name: "forever.contoso.org".into(),
                validity_days: None,
                notification_days: 14,
                federated: false,
            },
        ])
    }

    fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn expiry_adds_the_domain_validity() {
        let u = user(Some(utc(2026, 1, 1, 12)));
        assert_eq!(expiry(&u, &domains()), Expiry::At(utc(2026, 4, 1, 12)));
    }

    #[test]
    fn never_expiring_disabled_and_synced_users_are_skipped() {
        let d = domains();
        let mut u = user(Some(utc(2026, 1, 1, 0)));
        u.password_policies = Some("DisableStrongPassword, DisablePasswordExpiration".into());
        assert_eq!(expiry(&u, &d), Expiry::None(SkipReason::NeverExpiresUser));
        let mut u = user(Some(utc(2026, 1, 1, 0)));
        u.upn = "x@forever.contoso.org".into();
        assert_eq!(expiry(&u, &d), Expiry::None(SkipReason::NeverExpiresDomain));
        let mut u = user(Some(utc(2026, 1, 1, 0)));
        u.synced_from_on_premises = true;
        assert_eq!(
            expiry(&u, &d),
            Expiry::None(SkipReason::SyncedFromOnPremises)
        );
        let mut u = user(Some(utc(2026, 1, 1, 0)));
        u.account_enabled = false;
        assert_eq!(expiry(&u, &d), Expiry::None(SkipReason::Disabled));
        assert_eq!(
            expiry(&user(None), &d),
            Expiry::None(SkipReason::NoPasswordDate)
        );
    }

    #[test]
    fn subdomains_use_the_parent_policy() {
        let mut u = user(Some(utc(2026, 1, 1, 0)));
        u.upn = "x@eu.contoso.com".into();
        assert_eq!(expiry(&u, &domains()), Expiry::At(utc(2026, 4, 1, 0)));
    }

    #[test]
    fn exactly_on_a_threshold_is_due() {
        let th = [14, 7, 3, 1];
        assert_eq!(due_threshold(7, &th, &[]), Some(7));
        assert_eq!(due_threshold(8, &th, &[]), Some(14));
        assert_eq!(due_threshold(15, &th, &[]), None);
        assert_eq!(due_threshold(0, &th, &[]), Some(1));
        assert_eq!(due_threshold(-3, &th, &[]), Some(1));
    }

    #[test]
    fn a_late_pass_sends_only_the_most_urgent_missed_reminder() {
        let th = [14, 7, 3, 1];
        // Down from 15 days to 6: the 7-day message, not 14 and 7.
        assert_eq!(due_threshold(6, &th, &[]), Some(7));
        assert_eq!(due_threshold(6, &th, &[14]), Some(7));
        assert_eq!(due_threshold(6, &th, &[7]), None);
        assert_eq!(due_threshold(12, &th, &[14]), None);
        assert_eq!(due_threshold(2, &th, &[14, 7]), Some(3));
    }

    #[test]
    fn days_are_counted_in_the_configured_zone_across_dst() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        // 2026-03-29 is the spring change in Berlin. 23:30 UTC on the 28th is already the 29th.
        let now = Utc.with_ymd_and_hms(2026, 3, 28, 23, 30, 0).unwrap();
        let expires = Utc.with_ymd_and_hms(2026, 4, 5, 22, 30, 0).unwrap(); // 00:30 on the 6th
        assert_eq!(days_left(now, expires, tz), 8);
        assert_eq!(days_left(now, expires, chrono_tz::UTC), 8);
        let now = Utc.with_ymd_and_hms(2026, 3, 28, 12, 0, 0).unwrap();
        assert_eq!(days_left(now, expires, tz), 9);
    }

    #[test]
    fn leap_days_count() {
        let u = user(Some(utc(2028, 1, 1, 9)));
        assert_eq!(expiry(&u, &domains()), Expiry::At(utc(2028, 3, 31, 9)));
        assert_eq!(
            days_left(utc(2028, 2, 28, 9), utc(2028, 3, 1, 9), chrono_tz::UTC),
            2
        );
    }

    #[test]
    fn a_new_password_starts_a_new_cycle() {
        let d = domains();
        let old = user(Some(utc(2026, 1, 1, 0)));
        let new = user(Some(utc(2026, 3, 25, 0)));
        let now = utc(2026, 3, 26, 0);
        let Expiry::At(e_old) = expiry(&old, &d) else {
            panic!()
        };
        let Expiry::At(e_new) = expiry(&new, &d) else {
            panic!()
        };
        assert!(days_left(now, e_old, chrono_tz::UTC) <= 7);
        assert_eq!(days_left(now, e_new, chrono_tz::UTC), 89);
    }
}
