//! The connection to on-premises Active Directory: LDAPS only, the domain controller's
//! certificate checked against a configured CA, a simple bind as the delegated service
//! account, and failover across `urls` in order. Finds a synced user, sets a password with
//! an administrative reset, and unlocks.

use std::{collections::HashSet, path::PathBuf, sync::Arc, time::Duration};

use ldap3::{Mod, Scope, SearchEntry, controls::RawControl};
use rustls_pki_types::{CertificateDer, pem::PemObject};
use secrecy::{ExposeSecret, SecretString};

use super::{
    pool::{Connector, Pool, Session},
    wire::{self, FileTime, WriteRefusal},
};

/// Where and how to reach AD, from `[ad]`.
#[derive(Clone)]
pub struct AdConfig {
    /// `ldaps://dc1.example.org` first, then the others in order when one is down.
    pub urls: Vec<String>,
    pub bind_dn: String,
    pub bind_password: SecretString,
    /// Where users are searched (and where the service account holds its rights).
    pub base_dn: String,
    /// The CA that issued the domain controllers' certificates (PEM).
    pub ca_file: PathBuf,
    /// For connecting, binding and each operation.
    pub timeout: Duration,
    /// Bound sessions kept for reuse (0: a new session for every operation).
    pub pool_size: usize,
    /// Ask AD to refuse a password still in the user's history, as a change of their own
    /// would (an administrative reset skips the history otherwise).
    pub enforce_history: bool,
}

impl AdConfig {
    /// The connection settings from `[ad]`; `None` without the bind password or the CA.
    pub fn from_settings(ad: &crate::settings::AdSettings) -> Option<Self> {
        Some(Self {
            urls: ad.urls.clone(),
            bind_dn: ad.bind_dn.clone(),
            bind_password: ad.bind_password.clone()?,
            base_dn: ad.base_dn.clone(),
            ca_file: ad.ca_file.clone()?,
            timeout: Duration::from_secs(ad.timeout_secs),
            pool_size: ad.pool_size,
            enforce_history: ad.enforce_history,
        })
    }
}

/// The password rules AD applies to one user: its fine-grained policy (PSO) when it has
/// one the service account may read, the domain's otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordRules {
    pub min_length: u32,
    pub complexity: bool,
    pub history: u32,
    /// The PSO's name, when the rules are a fine-grained policy's.
    pub fine_grained: Option<String>,
}

/// An AD user as Rekey needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdUser {
    pub dn: String,
    pub sid: String,
    pub account: String,
    pub display_name: Option<String>,
    /// `adminCount=1`: a protected (privileged) account, for the helpdesk.
    pub protected: bool,
    /// When the account was locked out (FILETIME); 0 when it is not.
    pub lockout_time: i64,
    /// `msDS-UserPasswordExpiryTimeComputed`: AD's own answer, policies and PSOs applied.
    pub expiry: FileTime,
    /// The rules its next password must meet; `None` when AD would not say.
    pub rules: Option<PasswordRules>,
}

/// How a search for one user ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    None,
    One(AdUser),
    /// More than one object matched: never guess which.
    Several(usize),
}

/// What `rekey check` learns from the domain controllers.
#[derive(Debug, Default)]
pub struct Probe {
    /// Each URL: TLS with a trusted certificate and the service account's bind.
    pub connections: Vec<(String, Result<(), AdError>)>,
    pub policy: Option<Result<DomainPolicy, AdError>>,
    pub search: Option<Result<(), AdError>>,
    /// `Some(true)`: the account may unlock; `Some(false)`: it may not; `None`: no user to ask about.
    pub rights: Option<Result<Option<bool>, AdError>>,
    /// Whether the account sees a fine-grained password policy (AD hides them by default).
    pub fine_grained_readable: Option<Result<bool, AdError>>,
}

/// The domain's default password policy (fine-grained policies may differ per user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainPolicy {
    pub min_length: i64,
    pub complexity: bool,
    pub history: i64,
    pub max_age: Option<Duration>,
}

/// Why AD could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum AdError {
    #[error("the [ad] settings cannot work: {0}")]
    Config(String),
    #[error("no domain controller answered: {0}")]
    Unreachable(String),
    #[error("the service account's bind was refused: {0}")]
    Bind(String),
    #[error("AD refused the change ({refusal:?}): {diagnostic}")]
    Refused {
        refusal: WriteRefusal,
        diagnostic: String,
    },
    #[error("unexpected answer from AD: {0}")]
    Protocol(String),
}

/// Results per page of a paged search (AD's default `MaxPageSize`).
pub const PAGE_SIZE: i32 = 1000;

const USER_ATTRS: &[&str] = &[
    "objectSid",
    "sAMAccountName",
    "adminCount",
    "lockoutTime",
    "msDS-UserPasswordExpiryTimeComputed",
    "msDS-ResultantPSO",
    "displayName",
];

pub struct ActiveDirectory {
    base_dn: String,
    enforce_history: bool,
    pool: Pool,
}

impl ActiveDirectory {
    pub fn new(cfg: AdConfig) -> Result<Self, AdError> {
        if cfg.urls.is_empty() {
            return Err(AdError::Config("ad.urls is empty".into()));
        }
        if let Some(plain) = cfg.urls.iter().find(|u| !u.starts_with("ldaps://")) {
            return Err(AdError::Config(format!(
                "{plain}: only ldaps:// is allowed (passwords never cross an unencrypted link)"
            )));
        }
        let mut roots = rustls::RootCertStore::empty();
        let certs = CertificateDer::pem_file_iter(&cfg.ca_file)
            .map_err(|e| AdError::Config(format!("{}: {e}", cfg.ca_file.display())))?;
        for cert in certs {
            let cert =
                cert.map_err(|e| AdError::Config(format!("{}: {e}", cfg.ca_file.display())))?;
            roots
                .add(cert)
                .map_err(|e| AdError::Config(format!("{}: {e}", cfg.ca_file.display())))?;
        }
        if roots.is_empty() {
            return Err(AdError::Config(format!(
                "{} holds no certificate",
                cfg.ca_file.display()
            )));
        }
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::aws_lc_rs::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| AdError::Config(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
        let connector = Connector {
            urls: cfg.urls,
            bind_dn: cfg.bind_dn,
            bind_password: cfg.bind_password,
            timeout: cfg.timeout,
            tls: Arc::new(tls),
        };
        Ok(Self {
            base_dn: cfg.base_dn,
            enforce_history: cfg.enforce_history,
            pool: Pool::new(connector, cfg.pool_size),
        })
    }

    /// Each LDAP operation's limit. ldap3 applies `with_timeout` to the next operation only,
    /// so every call sets it: a pooled session whose peer vanished must not hang a request.
    fn timeout(&self) -> Duration {
        self.pool.connector.timeout
    }

    /// Bound sessions opened so far (each a TLS handshake and a bind).
    pub fn sessions_opened(&self) -> u64 {
        self.pool.opened()
    }

    /// The DNS name of the domain users are searched in (Graph's `onPremisesDomainName`).
    pub fn domain_name(&self) -> String {
        wire::dns_domain(&self.base_dn)
    }

    /// Runs a read on a pooled session; a reused session the DC had closed is replaced once.
    async fn find(&self, filter: &str) -> Result<Found, AdError> {
        let mut session = self.pool.get().await?;
        let mut found = self.lookup(&mut session.ldap, filter).await;
        if session.reused && matches!(found, Err(AdError::Unreachable(_))) {
            session = self.pool.fresh().await?;
            found = self.lookup(&mut session.ldap, filter).await;
        }
        if found.is_ok() {
            self.pool.put(session);
        }
        found
    }

    async fn lookup(&self, ldap: &mut ldap3::Ldap, filter: &str) -> Result<Found, AdError> {
        let result = ldap
            .with_timeout(self.timeout())
            .search(&self.base_dn, Scope::Subtree, filter, USER_ATTRS)
            .await
            .map_err(|e| AdError::Unreachable(e.to_string()))?;
        let (entries, _) = result
            .success()
            .map_err(|e| AdError::Protocol(e.to_string()))?;
        // Referrals to other partitions come back as entries without attributes.
        let mut users: Vec<(AdUser, Option<String>)> = entries
            .into_iter()
            .map(SearchEntry::construct)
            .filter_map(|e| user_from(&e))
            .collect();
        if let [(user, pso)] = users.as_mut_slice() {
            // `adminCount` is set by AD's hourly protection pass: membership of a protected
            // group counts at once.
            if !user.protected {
                user.protected = self.in_protected_group(ldap, &user.dn).await?;
            }
            user.rules = self.rules(ldap, pso.as_deref()).await;
        }
        let users: Vec<AdUser> = users.into_iter().map(|(u, _)| u).collect();
        Ok(match users.len() {
            0 => Found::None,
            1 => users.into_iter().next().map_or(Found::None, Found::One),
            n => Found::Several(n),
        })
    }

    /// Whether `dn` is a member, directly or through nested groups, of Domain Admins,
    /// Enterprise Admins, Schema Admins or the built-in Administrators.
    async fn in_protected_group(&self, ldap: &mut ldap3::Ldap, dn: &str) -> Result<bool, AdError> {
        let domain = domain_of(dn);
        let in_chain = |group: String| {
            format!(
                "(memberOf:1.2.840.113556.1.4.1941:={})",
                wire::escape_filter_value(&group)
            )
        };
        let filter = format!(
            "(|{}{}{}{})",
            in_chain(format!("CN=Domain Admins,CN=Users,{domain}")),
            in_chain(format!("CN=Enterprise Admins,CN=Users,{domain}")),
            in_chain(format!("CN=Schema Admins,CN=Users,{domain}")),
            in_chain(format!("CN=Administrators,CN=Builtin,{domain}")),
        );
        let result = ldap
            .with_timeout(self.timeout())
            .search(dn, Scope::Base, &filter, ["1.1"])
            .await
            .map_err(|e| AdError::Unreachable(e.to_string()))?;
        let (entries, _) = result
            .success()
            .map_err(|e| AdError::Protocol(e.to_string()))?;
        Ok(!entries.is_empty())
    }

    /// The user whose `objectSid` is `sid` (Graph's `onPremisesSecurityIdentifier`).
    pub async fn find_by_sid(&self, sid: &str) -> Result<Found, AdError> {
        let Some(filter) = wire::sid_filter(sid) else {
            return Ok(Found::None);
        };
        self.find(&format!(
            "(&(objectCategory=person)(objectClass=user){filter})"
        ))
        .await
    }

    /// The user whose `sAMAccountName` is `account` (the fallback when Graph has no SID).
    pub async fn find_by_account(&self, account: &str) -> Result<Found, AdError> {
        let value = wire::escape_filter_value(account);
        self.find(&format!(
            "(&(objectCategory=person)(objectClass=user)(sAMAccountName={value}))"
        ))
        .await
    }

    /// A write, never retried: a lost answer may hide a change that happened.
    async fn modify(
        &self,
        dn: &str,
        mods: Vec<Mod<Vec<u8>>>,
        controls: Vec<RawControl>,
    ) -> Result<(), AdError> {
        let Session { mut ldap, reused } = self.pool.get().await?;
        let result = ldap
            .with_timeout(self.timeout())
            .with_controls(controls)
            .modify(dn, mods)
            .await
            .map_err(|e| AdError::Unreachable(e.to_string()))?;
        self.pool.put(Session { ldap, reused });
        if result.rc == 0 {
            return Ok(());
        }
        Err(AdError::Refused {
            refusal: wire::classify_write(result.rc, &result.text),
            diagnostic: format!("result {}: {}", result.rc, result.text),
        })
    }

    /// An administrative reset of `dn`'s password, unlocking the account in the same change
    /// when asked.
    pub async fn set_password(
        &self,
        dn: &str,
        password: &SecretString,
        unlock: bool,
    ) -> Result<(), AdError> {
        let value = wire::unicode_pwd(password.expose_secret());
        let mut mods = vec![Mod::Replace(
            b"unicodePwd".to_vec(),
            HashSet::from([value.to_vec()]),
        )];
        if unlock {
            mods.push(unlock_mod());
        }
        let controls = if self.enforce_history {
            vec![RawControl {
                ctype: wire::POLICY_HINTS_OID.into(),
                crit: false,
                val: Some(wire::POLICY_HINTS_ENFORCE.to_vec()),
            }]
        } else {
            Vec::new()
        };
        let result = self.modify(dn, mods, controls).await;
        // The copy in `mods` is gone with them; `value` zeroizes itself.
        drop(value);
        result
    }

    /// Every user's SID and computed password expiry under `base_dn`, read with the paged
    /// results control (1,000 a page), and the number of entries read.
    pub async fn expiries(&self) -> Result<(Vec<(String, FileTime)>, u64), AdError> {
        use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};
        let Session { mut ldap, .. } = self.pool.fresh().await?;
        let adapters: Vec<Box<dyn Adapter<_, _>>> = vec![
            Box::new(EntriesOnly::new()),
            Box::new(PagedResults::new(PAGE_SIZE)),
        ];
        let mut search = ldap
            .with_timeout(self.timeout())
            .streaming_search_with(
                adapters,
                &self.base_dn,
                Scope::Subtree,
                "(&(objectCategory=person)(objectClass=user))",
                vec!["objectSid", "msDS-UserPasswordExpiryTimeComputed"],
            )
            .await
            .map_err(|e| AdError::Unreachable(e.to_string()))?;
        let mut out = Vec::new();
        let mut read = 0u64;
        while let Some(entry) = search
            .next()
            .await
            .map_err(|e| AdError::Unreachable(e.to_string()))?
        {
            read += 1;
            let e = SearchEntry::construct(entry);
            let sid = e
                .bin_attrs
                .get("objectSid")
                .and_then(|v| v.first())
                .and_then(|b| wire::sid_string(b));
            let expiry = e
                .attrs
                .get("msDS-UserPasswordExpiryTimeComputed")
                .and_then(|v| v.first())
                .and_then(|v| v.parse::<i64>().ok())
                .map(wire::filetime);
            if let (Some(sid), Some(expiry)) = (sid, expiry) {
                out.push((sid, expiry));
            }
        }
        let done = search.finish().await;
        let _ = ldap.unbind().await;
        if done.rc != 0 {
            return Err(AdError::Protocol(format!(
                "result {}: {}",
                done.rc, done.text
            )));
        }
        Ok((out, read))
    }

    /// For `rekey check`: each URL's TLS and bind on its own, then (on the first that
    /// works) the domain policy, a test search in `base_dn`, and whether the account may
    /// reset passwords and unlock there.
    pub async fn probe(&self) -> Probe {
        let mut out = Probe::default();
        let mut working = None;
        let connector = &self.pool.connector;
        for url in &connector.urls {
            let mut ldap = match connector.open(url).await {
                Ok(l) => l,
                Err(e) => {
                    out.connections.push((url.clone(), Err(e)));
                    continue;
                }
            };
            let bound = connector.bind(&mut ldap, url).await;
            let ok = bound.is_ok();
            out.connections.push((url.clone(), bound));
            if ok && working.is_none() {
                working = Some(ldap);
            }
        }
        let Some(mut ldap) = working else { return out };
        out.policy = Some(self.domain_policy(&mut ldap).await);
        out.search = Some(
            ldap.with_timeout(self.timeout())
                .search(&self.base_dn, Scope::Base, "(objectClass=*)", vec!["1.1"])
                .await
                .map_err(|e| AdError::Unreachable(e.to_string()))
                .and_then(|r| {
                    r.success()
                        .map(|_| ())
                        .map_err(|e| AdError::Protocol(e.to_string()))
                }),
        );
        out.rights = Some(self.effective_rights(&mut ldap).await);
        out.fine_grained_readable = Some(self.fine_grained_readable(&mut ldap).await);
        let _ = ldap.unbind().await;
        out
    }

    /// Whether the account sees any fine-grained password policy: AD shows PSOs, and users'
    /// `msDS-ResultantPSO`, to administrators only unless read is delegated. A domain
    /// without PSOs looks the same, which the caller says.
    async fn fine_grained_readable(&self, ldap: &mut ldap3::Ldap) -> Result<bool, AdError> {
        let container = format!(
            "CN=Password Settings Container,CN=System,{}",
            domain_of(&self.base_dn)
        );
        let result = ldap
            .with_timeout(self.timeout())
            .with_search_options(ldap3::SearchOptions::new().sizelimit(1))
            .search(
                &container,
                Scope::OneLevel,
                "(objectClass=msDS-PasswordSettings)",
                vec!["1.1"],
            )
            .await
            .map_err(|e| AdError::Unreachable(e.to_string()))?;
        // A size limit reached (rc 4) still returned the entry.
        Ok(!result.0.is_empty())
    }

    /// AD's domain password policy, from the domain head object.
    async fn domain_policy(&self, ldap: &mut ldap3::Ldap) -> Result<DomainPolicy, AdError> {
        let domain = domain_of(&self.base_dn);
        let result = ldap
            .with_timeout(self.timeout())
            .search(
                &domain,
                Scope::Base,
                "(objectClass=*)",
                vec![
                    "minPwdLength",
                    "pwdProperties",
                    "pwdHistoryLength",
                    "maxPwdAge",
                ],
            )
            .await
            .map_err(|e| AdError::Unreachable(e.to_string()))?;
        let (entries, _) = result
            .success()
            .map_err(|e| AdError::Protocol(e.to_string()))?;
        let entry = entries
            .into_iter()
            .next()
            .map(SearchEntry::construct)
            .ok_or_else(|| AdError::Protocol(format!("{domain} not readable")))?;
        let number = |name: &str| {
            entry
                .attrs
                .get(name)
                .and_then(|v| v.first())
                .and_then(|v| v.parse::<i64>().ok())
        };
        Ok(DomainPolicy {
            min_length: number("minPwdLength").unwrap_or(0),
            complexity: number("pwdProperties").is_some_and(|p| p & 1 == 1),
            history: number("pwdHistoryLength").unwrap_or(0),
            max_age: number("maxPwdAge").and_then(wire::interval),
        })
    }

    /// Whether the account may write `lockoutTime` on a user under `base_dn`, read from
    /// that user's `allowedAttributesEffective`. `None` when `base_dn` holds no user.
    async fn effective_rights(&self, ldap: &mut ldap3::Ldap) -> Result<Option<bool>, AdError> {
        let result = ldap
            .with_timeout(self.timeout())
            .with_search_options(ldap3::SearchOptions::new().sizelimit(1))
            .search(
                &self.base_dn,
                Scope::Subtree,
                "(&(objectCategory=person)(objectClass=user)(!(adminCount=1)))",
                vec!["allowedAttributesEffective"],
            )
            .await
            .map_err(|e| AdError::Unreachable(e.to_string()))?;
        // A size limit reached is an answer too (rc 4); entries came back either way.
        let entries = result.0;
        let Some(entry) = entries.into_iter().map(SearchEntry::construct).next() else {
            return Ok(None);
        };
        Ok(Some(
            entry
                .attrs
                .get("allowedAttributesEffective")
                .is_some_and(|v| v.iter().any(|a| a.eq_ignore_ascii_case("lockoutTime"))),
        ))
    }

    /// Unlocks `dn` without touching its password.
    pub async fn unlock(&self, dn: &str) -> Result<(), AdError> {
        self.modify(dn, vec![unlock_mod()], Vec::new()).await
    }

    /// The rules for a user whose resultant PSO is `pso`: the PSO's, or without one the
    /// domain's. `None` when they cannot be read, a PSO the account may not read included
    /// (a PSO replaces the domain's rules entirely, laxer or stricter): AD's own refusal
    /// still stands behind whatever is shown.
    async fn rules(&self, ldap: &mut ldap3::Ldap, pso: Option<&str>) -> Option<PasswordRules> {
        let rules = match pso {
            Some(pso) => match fine_grained(ldap, pso, self.timeout()).await {
                Ok(Some(rules)) => Some(rules),
                Ok(None) => {
                    tracing::warn!(
                        pso,
                        "the service account cannot read this fine-grained password policy; \
                         showing Rekey's rules only (docs/hybrid.md: delegate read on the \
                         Password Settings Container)"
                    );
                    None
                }
                Err(e) => {
                    tracing::warn!(pso, error = %e, "fine-grained password policy not read");
                    None
                }
            },
            None => match self.domain_policy(ldap).await {
                Ok(d) => Some(PasswordRules {
                    min_length: u32::try_from(d.min_length).unwrap_or(0),
                    complexity: d.complexity,
                    history: u32::try_from(d.history).unwrap_or(0),
                    fine_grained: None,
                }),
                Err(e) => {
                    tracing::warn!(error = %e, "domain password policy not read");
                    None
                }
            },
        };
        // Without the policy hints a reset skips the history: do not promise it.
        rules.map(|r| PasswordRules {
            history: if self.enforce_history { r.history } else { 0 },
            ..r
        })
    }
}

/// The domain part of a DN: its trailing `DC=` components.
fn domain_of(dn: &str) -> String {
    let parts: Vec<&str> = dn.split(',').map(str::trim).collect();
    let first_dc = parts
        .iter()
        .position(|p| p.get(..3).is_some_and(|k| k.eq_ignore_ascii_case("DC=")))
        .unwrap_or(parts.len());
    parts[first_dc..].join(",")
}

fn unlock_mod() -> Mod<Vec<u8>> {
    Mod::Replace(b"lockoutTime".to_vec(), HashSet::from([b"0".to_vec()]))
}

/// A PSO's rules, or `None` when the object cannot be read (AD hides PSOs from all but
/// administrators unless read is delegated).
async fn fine_grained(
    ldap: &mut ldap3::Ldap,
    dn: &str,
    timeout: Duration,
) -> Result<Option<PasswordRules>, AdError> {
    let result = ldap
        .with_timeout(timeout)
        .search(
            dn,
            Scope::Base,
            "(objectClass=msDS-PasswordSettings)",
            vec![
                "cn",
                "msDS-MinimumPasswordLength",
                "msDS-PasswordComplexityEnabled",
                "msDS-PasswordHistoryLength",
            ],
        )
        .await
        .map_err(|e| AdError::Unreachable(e.to_string()))?;
    // No such object and insufficient access both mean "not readable here".
    let Some(entry) = result.0.into_iter().map(SearchEntry::construct).next() else {
        return Ok(None);
    };
    let text = |name: &str| entry.attrs.get(name).and_then(|v| v.first());
    let number = |name: &str| text(name).and_then(|v| v.parse::<u32>().ok());
    let (Some(min_length), Some(complexity)) = (
        number("msDS-MinimumPasswordLength"),
        text("msDS-PasswordComplexityEnabled"),
    ) else {
        return Ok(None);
    };
    Ok(Some(PasswordRules {
        min_length,
        complexity: complexity.eq_ignore_ascii_case("TRUE"),
        history: number("msDS-PasswordHistoryLength").unwrap_or(0),
        fine_grained: text("cn").cloned(),
    }))
}

/// The user, and the DN of its resultant fine-grained policy if it has one.
fn user_from(e: &SearchEntry) -> Option<(AdUser, Option<String>)> {
    let text = |name: &str| e.attrs.get(name).and_then(|v| v.first()).cloned();
    let number = |name: &str| text(name).and_then(|v| v.parse::<i64>().ok());
    let sid = e
        .bin_attrs
        .get("objectSid")
        .and_then(|v| v.first())
        .and_then(|b| wire::sid_string(b))?;
    let user = AdUser {
        dn: e.dn.clone(),
        sid,
        account: text("sAMAccountName").unwrap_or_default(),
        display_name: text("displayName"),
        protected: number("adminCount") == Some(1),
        lockout_time: number("lockoutTime").unwrap_or(0),
        expiry: number("msDS-UserPasswordExpiryTimeComputed")
            .map_or(FileTime::Unset, wire::filetime),
        rules: None,
    };
    Some((user, text("msDS-ResultantPSO")))
}

#[cfg(test)]
mod tests {
    use super::domain_of;

    #[test]
    fn the_domain_of_a_dn_is_its_dc_components() {
        assert_eq!(
            domain_of("CN=alice,OU=Staff,DC=corp,DC=contoso,DC=test"),
            "DC=corp,DC=contoso,DC=test"
        );
        assert_eq!(domain_of("CN=Ä€,OU=x"), "");
    }
}
