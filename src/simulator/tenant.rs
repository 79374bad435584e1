//! The simulated tenant: users, domains and sign-in logs, seeded with the accounts of
//! `people`.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::{Map, Value, json};

use super::{
    SimOptions,
    people::{DEMO, DEMO_PASSWORD, synthetic},
};

#[derive(Debug, Clone)]
pub struct SimUser {
    pub id: String,
    pub upn: String,
    pub display_name: String,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub mail: Option<String>,
    pub other_mails: Vec<String>,
    pub mobile_phone: Option<String>,
    pub account_enabled: bool,
    pub password_policies: Option<String>,
    pub last_password_change: DateTime<Utc>,
    pub synced: bool,
    /// For synced users: the AD object they are synced from.
    pub on_premises: Option<SimOnPremises>,
    pub preferred_language: Option<String>,
    pub company_name: Option<String>,
    pub email_methods: Vec<String>,
    pub phone_methods: Vec<(String, &'static str)>,
    /// Directory role template ids held by the user.
    pub roles: Vec<&'static str>,
    pub password: String,
    pub force_change: bool,
    pub mailbox: bool,
    pub sessions_revoked_at: Option<DateTime<Utc>>,
    pub failed_logins: u32,
    pub locked_until: Option<DateTime<Utc>>,
}

/// What tests may read about a user.
#[derive(Debug, Clone)]
pub struct SimUserView {
    pub id: String,
    pub upn: String,
    pub password: Option<String>,
    pub last_password_change: DateTime<Utc>,
    pub sessions_revoked_at: Option<DateTime<Utc>>,
    pub account_enabled: bool,
}

impl SimUser {
    pub fn view(&self) -> SimUserView {
        SimUserView {
            id: self.id.clone(),
            upn: self.upn.clone(),
            password: Some(self.password.clone()),
            last_password_change: self.last_password_change,
            sessions_revoked_at: self.sessions_revoked_at,
            account_enabled: self.account_enabled,
        }
    }

    /// The user as JSON: the default property set, or exactly the `select`ed properties.
    pub fn to_json(&self, select: Option<&[String]>) -> Value {
        let all = |name: &str| -> Option<Value> {
            Some(match name {
                "id" => json!(self.id),
                "userPrincipalName" => json!(self.upn),
                "displayName" => json!(self.display_name),
                "givenName" => json!(self.given_name),
                "surname" => json!(self.surname),
                "mail" => json!(self.mail),
                "otherMails" => json!(self.other_mails),
                "mobilePhone" => json!(self.mobile_phone),
                "businessPhones" => json!([]),
                "jobTitle" => Value::Null,
                "officeLocation" => Value::Null,
                "accountEnabled" => json!(self.account_enabled),
                "passwordPolicies" => json!(self.password_policies),
                "lastPasswordChangeDateTime" => json!(
                    self.last_password_change
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                ),
                "onPremisesSyncEnabled" => {
                    if self.synced {
                        json!(true)
                    } else {
                        Value::Null
                    }
                }
                "onPremisesSecurityIdentifier" => {
                    json!(self.on_premises.as_ref().and_then(|o| o.sid.as_ref()))
                }
                "onPremisesSamAccountName" => {
                    json!(self.on_premises.as_ref().map(|o| &o.account))
                }
                "onPremisesDomainName" => json!(
                    self.on_premises
                        .as_ref()
                        .map(|o| &o.domain)
                        .filter(|d| !d.is_empty())
                ),
                "preferredLanguage" => json!(self.preferred_language),
                "companyName" => json!(self.company_name),
                "userType" => json!("Member"),
                _ => return None,
            })
        };
        let mut m = Map::new();
        match select {
            Some(props) => {
                for p in props {
                    if let Some(v) = all(p) {
                        m.insert(p.clone(), v);
                    }
                }
            }
            None => {
                for p in DEFAULT_PROPS {
                    if let Some(v) = all(p) {
                        m.insert((*p).to_string(), v);
                    }
                }
            }
        }
        Value::Object(m)
    }

    pub fn is_privileged(&self) -> bool {
        !self.roles.is_empty()
    }
}

/// Returned without `$select` (GRAPH.md §3.1).
pub const DEFAULT_PROPS: &[&str] = &[
    "businessPhones",
    "displayName",
    "givenName",
    "id",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
];

/// Every property a `$select` may name.
pub const KNOWN_PROPS: &[&str] = &[
    "id",
    "userPrincipalName",
    "displayName",
    "givenName",
    "surname",
    "mail",
    "otherMails",
    "mobilePhone",
    "businessPhones",
    "jobTitle",
    "officeLocation",
    "accountEnabled",
    "passwordPolicies",
    "lastPasswordChangeDateTime",
    "onPremisesSyncEnabled",
    "onPremisesSecurityIdentifier",
    "onPremisesSamAccountName",
    "onPremisesDomainName",
    "preferredLanguage",
    "companyName",
    "userType",
    "passwordProfile",
];

/// The AD object a synced user comes from, as Graph describes it.
#[derive(Debug, Clone)]
pub struct SimOnPremises {
    /// `onPremisesSecurityIdentifier` (absent for some objects, e.g. synced before it was).
    pub sid: Option<String>,
    /// `onPremisesSamAccountName`.
    pub account: String,
    /// `onPremisesDomainName`.
    pub domain: String,
}

#[derive(Debug, Clone)]
pub struct SimDomain {
    pub id: &'static str,
    pub validity_days: i64,
    pub federated: bool,
    pub is_default: bool,
}

pub const NEVER: i64 = 2_147_483_647;

pub const DOMAINS: &[SimDomain] = &[
    SimDomain {
        id: "contoso.com",
        validity_days: 90,
        federated: false,
        is_default: true,
    },
    SimDomain {
        id: "contoso.onmicrosoft.com",
        validity_days: 90,
        federated: false,
        is_default: false,
    },
    SimDomain {
        id: "partners.contoso.com",
        validity_days: NEVER,
        federated: false,
        is_default: false,
    },
    SimDomain {
        id: "fabrikam.com",
        validity_days: 90,
        federated: true,
        is_default: false,
    },
];

pub struct Directory {
    pub users: Vec<SimUser>,
    by_key: HashMap<String, usize>,
    by_mail: HashMap<String, usize>,
    pub signins: Vec<Value>,
}

impl Directory {
    pub fn seed(opts: &SimOptions) -> Self {
        let mut d = Directory {
            users: Vec::new(),
            by_key: HashMap::new(),
            by_mail: HashMap::new(),
            signins: Vec::new(),
        };
        let now = opts.now;
        if opts.seed_demo {
            for (i, s) in DEMO.iter().enumerate() {
                let validity = 90;
                let (given, surname) = s.name.split_once(' ').unwrap_or((s.name, ""));
                d.push(SimUser {
                    id: format!(
                        "{:08x}-0000-4000-8000-{:012x}",
                        0xdead_0000u32 + i as u32,
                        i
                    ),
                    upn: s.upn.into(),
                    display_name: s.name.into(),
                    given_name: Some(given.into()),
                    surname: Some(surname.into()),
                    mail: s.mailbox.then(|| s.upn.to_string()),
                    other_mails: s.alt_email.iter().map(|e| e.to_string()).collect(),
                    mobile_phone: s.mobile.map(str::to_string),
                    account_enabled: s.enabled,
                    password_policies: s.policies.map(str::to_string),
                    last_password_change: now - Duration::days(validity - s.expires_in),
                    synced: s.synced,
                    on_premises: None,
                    preferred_language: s.lang.map(str::to_string),
                    company_name: Some("Contoso".into()),
                    email_methods: s.alt_email.iter().map(|e| e.to_string()).collect(),
                    phone_methods: s.mobile.iter().map(|m| (m.to_string(), "mobile")).collect(),
                    roles: s.roles.to_vec(),
                    password: DEMO_PASSWORD.into(),
                    force_change: false,
                    mailbox: s.mailbox,
                    sessions_revoked_at: None,
                    failed_logins: 0,
                    locked_until: None,
                });
            }
        }
        for n in 0..opts.extra_users {
            // A spread of ages and policies, cheap to make: 100,000 in well under a second.
            let age_hours = (n as i64 * 7919) % (120 * 24);
            let upn = synthetic_upn(n);
            let kind = synthetic(n);
            d.push(SimUser {
                id: format!("5e000000-0000-4000-8000-{n:012}"),
                display_name: format!("User {n:06}"),
                given_name: None,
                surname: None,
                mail: Some(upn.clone()),
                other_mails: if kind.alternate_email {
                    vec![format!("user{n:06}@example.net")]
                } else {
                    Vec::new()
                },
                mobile_phone: None,
                account_enabled: kind.enabled,
                password_policies: kind
                    .never_expires
                    .then(|| "DisablePasswordExpiration".to_string()),
                last_password_change: now - Duration::hours(age_hours),
                synced: kind.synced,
                on_premises: None,
                preferred_language: None,
                company_name: None,
                email_methods: Vec::new(),
                phone_methods: Vec::new(),
                roles: Vec::new(),
                password: String::new(),
                force_change: false,
                mailbox: true,
                sessions_revoked_at: None,
                failed_logins: 0,
                locked_until: None,
                upn,
            });
        }
        d
    }

    fn push(&mut self, u: SimUser) {
        let i = self.users.len();
        self.by_key.insert(u.id.to_ascii_lowercase(), i);
        self.by_key.insert(u.upn.to_ascii_lowercase(), i);
        if let Some(m) = &u.mail {
            self.by_mail.insert(m.to_ascii_lowercase(), i);
        }
        self.users.push(u);
    }

    /// Gives a user another primary mail address (an alias that differs from the UPN).
    pub fn set_mail(&mut self, key: &str, mail: &str) {
        let Some(i) = self.index(key) else { return };
        if let Some(old) = self.users[i].mail.take() {
            self.by_mail.remove(&old.to_ascii_lowercase());
        }
        self.users[i].mail = Some(mail.to_string());
        self.by_mail.insert(mail.to_ascii_lowercase(), i);
    }

    /// Adds sign-in events, keeping the log newest first (RFC 3339 UTC strings sort as text).
    pub fn add_signins(&mut self, events: impl IntoIterator<Item = Value>) {
        self.signins.extend(events);
        self.signins.sort_by(|a, b| {
            b["createdDateTime"]
                .as_str()
                .unwrap_or("")
                .cmp(a["createdDateTime"].as_str().unwrap_or(""))
        });
    }

    /// `n` synthetic sign-ins over the week before `now`: mostly successes, steady failures
    /// from stale devices, a spraying address, and typos.
    pub fn seed_signins(&mut self, n: usize, now: DateTime<Utc>) {
        let users = self.users.len().max(1);
        let mut events = Vec::with_capacity(n);
        for i in 0..n {
            let u = &self.users[(i * 7919) % users];
            let at = now - Duration::seconds(((i as i64) * 604_800) / (n.max(1) as i64));
            let (code, ip, os, app) = match i % 20 {
                0..=14 => (0, "192.0.2.10", "Windows 11", "Microsoft Teams"),
                15 | 16 => (
                    50126,
                    "198.51.100.23",
                    "iOS 17.5",
                    "Office 365 Exchange Online",
                ),
                17 => (50126, "203.0.113.66", "Linux", "Azure Portal"),
                18 => (50126, "192.0.2.10", "Windows 11", "Microsoft Teams"),
                _ => (50053, "198.51.100.23", "Android 14", "Outlook Mobile"),
            };
            events.push(json!({
                "id": format!("s{i:08}"),
                "createdDateTime": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "userPrincipalName": u.upn, "userId": u.id, "appDisplayName": app,
                "clientAppUsed": "Mobile Apps and Desktop clients", "ipAddress": ip,
                "status": {"errorCode": code},
                "deviceDetail": {"operatingSystem": os, "displayName": "", "browser": ""},
                "location": {"city": "Redmond", "countryOrRegion": "US"},
            }));
        }
        self.add_signins(events);
    }

    pub fn index(&self, key: &str) -> Option<usize> {
        self.by_key.get(&key.to_ascii_lowercase()).copied()
    }

    /// Users that can match an equality on an indexed property; `None` if one isn't indexed.
    pub fn candidates(&self, keys: &[(String, String)]) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        for (prop, value) in keys {
            let v = value.to_ascii_lowercase();
            let hit = match prop.as_str() {
                "userPrincipalName" | "id" => self.by_key.get(&v),
                "mail" => self.by_mail.get(&v),
                _ => return None,
            };
            out.extend(hit.copied());
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }

    pub fn find(&self, key: &str) -> Option<&SimUser> {
        self.index(key).map(|i| &self.users[i])
    }

    pub fn find_mut(&mut self, key: &str) -> Option<&mut SimUser> {
        self.index(key).map(|i| &mut self.users[i])
    }
}

/// The UPN of the n-th synthetic user.
pub fn synthetic_upn(n: usize) -> String {
    format!("user{n:06}@contoso.com")
}

/// The domain of a UPN, if the tenant has it.
pub fn domain_of(upn: &str) -> Option<&'static SimDomain> {
    let d = upn.rsplit_once('@')?.1.to_ascii_lowercase();
    DOMAINS.iter().find(|x| x.id == d)
}
