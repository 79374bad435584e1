//! The on-premises directory port: where synced users' passwords live (Active Directory).
//! Graph cannot set those passwords; an adapter of this port can.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use secrecy::SecretString;

/// When a synced user's password expires, as the on-premises directory computes it (its
/// domain policy and fine-grained policies applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnPremisesExpiry {
    /// Expires then.
    At(DateTime<Utc>),
    /// Never expires.
    Never,
}

/// Every user's expiry under the searched base, keyed by SID (Graph's
/// `onPremisesSecurityIdentifier`), and how many result pages that took.
#[derive(Debug, Clone, Default)]
pub struct OnPremisesExpiries {
    /// SID to expiry.
    pub by_sid: HashMap<String, OnPremisesExpiry>,
    /// Pages of (at most 1,000) results read.
    pub pages: u64,
}

/// The password rules the on-premises directory applies to one user (its fine-grained
/// policy, or the domain's), so they can be shown before the person types and checked
/// before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OnPremisesRules {
    pub min_length: u32,
    /// AD's complexity: three of five kinds of character, and not the account name or a
    /// part of the display name.
    pub complexity: bool,
    /// How many earlier passwords AD remembers.
    pub history: u32,
    /// The fine-grained policy's name, when the rules are one's.
    pub fine_grained: Option<String>,
    /// The names the complexity rule keeps out of a password, as AD holds them
    /// (`sAMAccountName`, `displayName`).
    pub account: String,
    pub display_name: Option<String>,
}

/// A user's object in the on-premises directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnPremisesUser {
    /// Its distinguished name.
    pub dn: String,
    /// A protected account (administrators): only the helpdesk resets it.
    pub protected: bool,
    /// Locked out after too many wrong passwords.
    pub locked: bool,
    /// Its password rules; `None` when the directory would not say.
    pub rules: Option<OnPremisesRules>,
}

/// What Graph knows of a synced user's on-premises object, to find it by.
#[derive(Debug, Clone, Copy, Default)]
pub struct OnPremisesName<'a> {
    /// `onPremisesSecurityIdentifier`: the object's SID, the match whenever Graph has one.
    pub sid: Option<&'a str>,
    /// `onPremisesSamAccountName`, the match when Graph has no SID…
    pub account: Option<&'a str>,
    /// …and only within `onPremisesDomainName`, so a same-named account of another domain
    /// never matches.
    pub domain: Option<&'a str>,
}

/// How looking a synced user up ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnPremisesMatch {
    /// No object matched.
    None,
    /// Exactly one did.
    One(OnPremisesUser),
    /// Several did (never guess which).
    Several(usize),
}

/// What kind of failure an on-premises write met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnPremisesErrorKind {
    /// The directory's own password policy refused it (length, complexity, history, age).
    Policy,
    /// The service account lacks the right to do this on this object.
    NotDelegated,
    /// The directory would not do it (a protected object, an unencrypted link).
    Unwilling,
    /// No domain controller answered, or one failed mid-way.
    Unavailable,
    /// The configuration cannot work (bind refused, certificate not trusted).
    Misconfigured,
}

/// A failure from the on-premises directory; `detail` is for logs, never for pages.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{kind:?}: {detail}")]
pub struct OnPremisesError {
    /// What went wrong, for the flow to decide on.
    pub kind: OnPremisesErrorKind,
    /// The directory's own words, for the log.
    pub detail: String,
}

/// Synced users' passwords, in the directory that masters them.
#[async_trait]
pub trait OnPremises: Send + Sync {
    /// The object with this SID; without a SID, the one with this account name in this
    /// domain.
    async fn find(&self, name: OnPremisesName<'_>) -> Result<OnPremisesMatch, OnPremisesError>;

    /// Sets a new password (an administrative reset), unlocking a locked account with it.
    async fn set_password(
        &self,
        user: &OnPremisesUser,
        password: &SecretString,
    ) -> Result<(), OnPremisesError>;

    /// Unlocks the account without changing its password.
    async fn unlock(&self, user: &OnPremisesUser) -> Result<(), OnPremisesError>;

    /// Every user's password expiry, read in pages.
    async fn expiries(&self) -> Result<OnPremisesExpiries, OnPremisesError>;
}
