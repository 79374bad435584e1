//! The directory port: finding a user, their contact methods, setting a password, listings
//! for reminders and sign-in logs, and the errors a directory can give.

use std::fmt;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

/// A user as the portal needs to see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DirectoryUser {
    pub id: String,
    pub upn: String,
    pub display_name: Option<String>,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub mail: Option<String>,
    pub other_mails: Vec<String>,
    pub mobile_phone: Option<String>,
    pub account_enabled: bool,
    /// Raw `passwordPolicies`, e.g. `DisablePasswordExpiration, DisableStrongPassword`.
    pub password_policies: Option<String>,
    pub last_password_change: Option<DateTime<Utc>>,
    /// `onPremisesSyncEnabled == true`: the password lives in on-premises AD.
    pub synced_from_on_premises: bool,
    pub preferred_language: Option<String>,
    pub company_name: Option<String>,
    /// For synced users: the AD object's SID (`onPremisesSecurityIdentifier`).
    pub on_premises_sid: Option<String>,
    /// For synced users: the AD `sAMAccountName` (`onPremisesSamAccountName`).
    pub on_premises_account: Option<String>,
    /// For synced users: the DNS name of the AD domain (`onPremisesDomainName`).
    pub on_premises_domain: Option<String>,
}

impl DirectoryUser {
    /// Whether `passwordPolicies` lists `name` (case-insensitive).
    pub fn has_password_policy(&self, name: &str) -> bool {
        self.password_policies
            .as_deref()
            .is_some_and(|p| p.split(',').any(|x| x.trim().eq_ignore_ascii_case(name)))
    }

    /// The domain part of the UPN, lower-cased.
    pub fn upn_domain(&self) -> Option<String> {
        self.upn
            .rsplit_once('@')
            .map(|(_, d)| d.to_ascii_lowercase())
    }
}

/// Where a one-time code can go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ContactMethods {
    /// Alternate (non-work) email addresses.
    pub emails: Vec<String>,
    /// Phones that can receive SMS, `+CC number`.
    pub mobiles: Vec<String>,
}

/// A domain's password expiry policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainPolicy {
    pub name: String,
    /// `None` when passwords in this domain never expire.
    pub validity_days: Option<u32>,
    pub notification_days: u32,
    pub federated: bool,
}

/// One page of users from a listing, and where the next one starts.
#[derive(Debug, Clone, Default)]
pub struct UserPage {
    pub users: Vec<DirectoryUser>,
    pub next: Option<String>,
}

/// One sign-in attempt from the directory's logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignIn {
    pub id: String,
    pub created: DateTime<Utc>,
    pub user_id: String,
    pub upn: String,
    pub app: Option<String>,
    pub client_app: Option<String>,
    pub ip_address: Option<String>,
    pub error_code: i64,
    pub operating_system: Option<String>,
    pub browser: Option<String>,
    pub device_name: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
}

/// One page of the tenant's sign-in log.
#[derive(Debug, Clone, Default)]
pub struct SignInPage {
    pub events: Vec<SignIn>,
    pub next: Option<String>,
}

/// What the application itself may do, read from its access token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grants {
    pub app_roles: Vec<String>,
    /// Directory role template ids (`wids`).
    pub directory_roles: Vec<String>,
}

/// Identifiers Microsoft support asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RequestIds {
    pub request_id: Option<String>,
    pub client_request_id: Option<String>,
}

impl fmt::Display for RequestIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "request-id={} client-request-id={}",
            self.request_id.as_deref().unwrap_or("-"),
            self.client_request_id.as_deref().unwrap_or("-")
        )
    }
}

/// What kind of failure a directory call met, so callers can decide without parsing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectoryErrorKind {
    NotFound,
    Disabled,
    /// The target holds a role the app's own role may not reset (403 on PATCH).
    Privileged,
    /// Mastered in on-premises AD; the cloud cannot set its password.
    OnPremisesSynced,
    Federated,
    /// Entra refused the password itself (complexity or banned).
    PasswordRejected,
    Throttled,
    Unavailable,
    /// AADSTS7000215 / 7000222: the client secret is wrong or expired.
    BadCredentials,
    /// AADSTS90002 / 700016: wrong tenant, or the app is not registered there.
    UnknownTenantOrApp,
    /// 403 Authorization_RequestDenied on a read, or a missing role.
    MissingPermission,
    /// A feature the tenant's licence lacks (sign-in logs without P1).
    FeatureUnavailable,
    /// Anything else Graph said that we do not understand.
    Protocol,
}

impl DirectoryErrorKind {
    /// The kind as audit events and metrics name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::Disabled => "disabled",
            Self::Privileged => "privileged",
            Self::OnPremisesSynced => "on_premises_synced",
            Self::Federated => "federated",
            Self::PasswordRejected => "password_rejected",
            Self::Throttled => "throttled",
            Self::Unavailable => "unavailable",
            Self::BadCredentials => "bad_credentials",
            Self::UnknownTenantOrApp => "unknown_tenant_or_app",
            Self::MissingPermission => "missing_permission",
            Self::FeatureUnavailable => "feature_unavailable",
            Self::Protocol => "protocol",
        }
    }
}

/// A failure from the directory, with what support needs to trace it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{kind:?}: {detail} ({ids})")]
pub struct DirectoryError {
    pub kind: DirectoryErrorKind,
    /// Safe for logs; never shown to end users. Contains no secret.
    pub detail: String,
    pub ids: RequestIds,
    /// For `Throttled`/`Unavailable`: when a retry may succeed.
    pub retry_after: Option<std::time::Duration>,
    /// AADSTS numbers from the token endpoint, if any.
    pub aadsts: Vec<i64>,
}

impl DirectoryError {
    /// An error of `kind`; `detail` goes to logs, never to a page.
    pub fn new(kind: DirectoryErrorKind, detail: impl Into<String>) -> Self {
        Self {
            kind,
            detail: detail.into(),
            ids: RequestIds::default(),
            retry_after: None,
            aadsts: Vec::new(),
        }
    }

    /// The same error with the request ids support needs.
    pub fn with_ids(mut self, ids: RequestIds) -> Self {
        self.ids = ids;
        self
    }

    /// Worth trying again later (the flow keeps its state and offers a retry).
    pub fn is_transient(&self) -> bool {
        matches!(
            self.kind,
            DirectoryErrorKind::Throttled | DirectoryErrorKind::Unavailable
        )
    }
}

/// The directory of users: Microsoft Graph in production and in the demo.
#[async_trait]
pub trait Directory: Send + Sync {
    /// Looks a person up by UPN or primary mail. `Ok(None)` when nobody matches.
    async fn find_user(&self, name: &str) -> Result<Option<DirectoryUser>, DirectoryError>;

    /// Registered authentication methods (falling back to profile data if configured).
    async fn contact_methods(&self, user: &DirectoryUser)
    -> Result<ContactMethods, DirectoryError>;

    /// What the user's own record offers when the registered methods cannot be read in time
    /// (profile `otherMails` and `mobilePhone`, where the configuration allows them).
    fn fallback_methods(&self, _user: &DirectoryUser) -> ContactMethods {
        ContactMethods::default()
    }

    /// Sets a new password without forcing a change at next sign-in.
    async fn set_password(
        &self,
        user_id: &str,
        password: &SecretString,
    ) -> Result<(), DirectoryError>;

    /// Signs the user out of every session.
    async fn revoke_sessions(&self, user_id: &str) -> Result<(), DirectoryError>;

    /// One page of all users; pass the previous page's `next` to continue.
    async fn list_users(&self, cursor: Option<&str>) -> Result<UserPage, DirectoryError>;

    /// Password policies of every domain.
    async fn domains(&self) -> Result<Vec<DomainPolicy>, DirectoryError>;

    /// Sign-ins of one user since a time, newest first (needs Entra ID P1).
    async fn sign_ins(
        &self,
        user_id: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<SignIn>, DirectoryError>;

    /// One page of everyone's sign-ins since a time (1,000 a page; needs Entra ID P1).
    async fn sign_in_page(
        &self,
        since: DateTime<Utc>,
        cursor: Option<&str>,
    ) -> Result<SignInPage, DirectoryError>;

    /// Obtains a token and returns what the app is granted (for readiness and `check`).
    async fn grants(&self) -> Result<Grants, DirectoryError>;
}
