//! The configuration tree: defaults, then a TOML file, then `REKEY_SECTION__KEY`
//! environment variables, then `*_file` secrets. Every problem is reported, each naming
//! its key, not just the first.

mod sources;
pub mod validate;

use std::{net::SocketAddr, path::PathBuf};

use secrecy::SecretString;
use serde::Deserialize;

pub use sources::{ConfigProblem, LoadError, load, load_from_str};

/// Everything Rekey can be told. Each section maps to a `[section]` table in TOML.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub server: ServerSettings,
    pub tenant: TenantSettings,
    pub database: DatabaseSettings,
    pub security: SecuritySettings,
    pub email: EmailSettings,
    pub sms: SmsSettings,
    pub branding: BrandingSettings,
    pub policy: crate::policy::PolicySettings,
    pub reminders: ReminderSettings,
    pub admin: AdminSettings,
    pub signins: SigninSettings,
    pub ad: AdSettings,
    pub log: LogSettings,
}

/// On-premises Active Directory, for users synced by Entra Connect (their password lives in
/// AD). Off while `urls` is empty: synced users then go to the helpdesk.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdSettings {
    /// `ldaps://` URLs of domain controllers, tried in order.
    pub urls: Vec<String>,
    /// The delegated service account (not a Domain Admin; see docs/hybrid.md).
    pub bind_dn: String,
    pub bind_password: Option<SecretString>,
    pub bind_password_file: Option<PathBuf>,
    /// Where users are searched.
    pub base_dn: String,
    /// PEM file of the CA that issued the domain controllers' certificates.
    pub ca_file: Option<PathBuf>,
    /// Seconds for connecting, binding and each operation.
    pub timeout_secs: u64,
    /// Bound LDAPS sessions kept open for reuse (0: a new one for every operation).
    pub pool_size: usize,
    /// Refuse a password still in the user's AD history, as their own change would
    /// (`LDAP_SERVER_POLICY_HINTS_OID`); an administrative reset skips the history otherwise.
    pub enforce_history: bool,
    /// After a reset, the done page waits up to this long for Entra Connect to sync the new
    /// password (Graph's `lastPasswordChangeDateTime` moves), then says Microsoft 365 takes
    /// it. 0: it only says the sync takes a few minutes.
    pub sync_wait_secs: u64,
}

impl Default for AdSettings {
    fn default() -> Self {
        Self {
            urls: Vec::new(),
            bind_dn: String::new(),
            bind_password: None,
            bind_password_file: None,
            base_dn: String::new(),
            ca_file: None,
            timeout_secs: 10,
            pool_size: 4,
            enforce_history: true,
            sync_wait_secs: 0,
        }
    }
}

impl AdSettings {
    pub fn enabled(&self) -> bool {
        !self.urls.is_empty()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SigninSettings {
    /// Hours to watch a user's sign-ins after a reset for devices still using the old
    /// password (needs Entra ID P1); 0 turns the watch off.
    pub watch_hours: u32,
    /// Seconds between polls of the sign-in log (the reports API allows 5 requests / 10 s).
    pub poll_secs: u64,
}

impl Default for SigninSettings {
    fn default() -> Self {
        Self {
            watch_hours: 24,
            poll_secs: 300,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdminSettings {
    /// The admin listener (metrics, dashboard); loopback by default. Empty: off.
    pub listen: Option<SocketAddr>,
    /// argon2id hash (PHC string) of the bearer token the admin listener requires.
    /// Make one with `rekey admin hash-token`. Unset: no token (keep it on loopback).
    pub token_hash: Option<String>,
    /// What one helpdesk password ticket costs, for the dashboard.
    pub cost_per_ticket: f64,
    pub currency: String,
}

impl Default for AdminSettings {
    fn default() -> Self {
        Self {
            listen: Some(SocketAddr::from(([127, 0, 0, 1], 9090))),
            token_hash: None,
            cost_per_ticket: 25.0,
            currency: "EUR".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReminderSettings {
    /// Run passes on `schedule` inside `rekey serve`.
    pub enabled: bool,
    /// Cron expression (5 fields), e.g. `0 8 * * MON-FRI`.
    pub schedule: String,
    /// IANA time zone for the schedule and for counting days, e.g. `Europe/Berlin`.
    pub time_zone: String,
    /// Days before expiry at which a reminder is sent.
    pub thresholds: Vec<u32>,
    /// In the last N days (and once expired) remind the alternate email instead.
    pub alternate_within_days: i64,
    /// Messages per minute (Exchange allows about 30 per mailbox); 0 = no limit.
    pub rate_per_minute: u32,
    pub concurrency: usize,
    /// The reminder lease's length in seconds: a crashed pass blocks the next for at most
    /// this long. Renewed every third of it while a pass runs.
    pub lease_secs: u64,
    /// Language when the user's preferredLanguage has no template.
    pub default_language: String,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            schedule: "0 8 * * MON-FRI".into(),
            time_zone: "UTC".into(),
            thresholds: vec![14, 7, 3, 1],
            alternate_within_days: 0,
            rate_per_minute: 30,
            concurrency: 4,
            lease_secs: 30,
            default_language: "en".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerSettings {
    /// Address the portal listens on.
    pub listen: SocketAddr,
    /// The URL people use to reach the portal; links in emails point here.
    pub public_url: url::Url,
    /// Proxies whose `X-Forwarded-For` is believed (CIDR ranges).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Key for the encrypted session cookie: at least 64 bytes, base64.
    pub session_key: Option<SecretString>,
    pub session_key_file: Option<PathBuf>,
    /// The key being rotated out: cookies made with it are still read (and re-encrypted).
    pub session_key_previous: Option<SecretString>,
    pub session_key_previous_file: Option<PathBuf>,
    /// Largest accepted request body in bytes.
    pub max_body_bytes: usize,
    /// A request body must arrive within this many seconds, or the request is refused and
    /// the connection closed (a stalled upload must not hold a connection open).
    pub body_timeout_secs: u64,
    /// Serve the demo mail/SMS catcher at `/demo/outbox`. Only `rekey demo` sets this.
    #[serde(skip)]
    pub demo_mode: bool,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: literal_url("http://localhost:8080/"),
            trusted_proxies: Vec::new(),
            session_key: None,
            session_key_file: None,
            session_key_previous: None,
            session_key_previous_file: None,
            max_body_bytes: 16 * 1024,
            body_timeout_secs: 10,
            demo_mode: false,
        }
    }
}

impl ServerSettings {
    /// Cookies may drop `Secure` only for a plain-HTTP localhost portal (the demo).
    pub fn secure_cookies(&self) -> bool {
        let local = matches!(
            self.public_url.host_str(),
            Some("localhost" | "127.0.0.1" | "[::1]")
        );
        !(self.public_url.scheme() == "http" && local)
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "UPPERCASE")]
pub enum AssertionAlg {
    #[default]
    Ps256,
    Rs256,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TenantSettings {
    /// Tenant GUID or verified domain, e.g. `contoso.onmicrosoft.com`.
    pub tenant_id: String,
    /// Application (client) ID of the Rekey app registration.
    pub client_id: String,
    pub client_secret: Option<SecretString>,
    pub client_secret_file: Option<PathBuf>,
    /// PEM certificate and private key for certificate credentials (instead of a secret).
    pub certificate_file: Option<PathBuf>,
    pub private_key_file: Option<PathBuf>,
    pub assertion_alg: AssertionAlg,
    /// Login host: `https://login.microsoftonline.com`, `.us`, or the China cloud.
    pub authority_host: url::Url,
    /// Graph base including the version: `https://graph.microsoft.com/v1.0`.
    pub graph_base: url::Url,
    /// Distinct verification channels a user must pass: 1 or 2.
    pub required_methods: u8,
    /// Also use the profile's `otherMails` and `mobilePhone` when no method is registered.
    pub profile_fallback: bool,
    pub connect_timeout_ms: u64,
    pub request_timeout_ms: u64,
    /// Attempts per Graph call, including the first.
    pub max_attempts: u32,
    /// A Graph call, retries included, gives up after this long.
    pub deadline_ms: u64,
    /// Seconds to keep a user's registered methods (those reads are heavily throttled).
    pub methods_cache_secs: u64,
}

/// Parses a URL literal written in this file; the settings tests load every default.
#[allow(clippy::expect_used)]
fn literal_url(s: &str) -> url::Url {
    url::Url::parse(s).expect("default URL literals parse")
}

impl Default for TenantSettings {
    fn default() -> Self {
        Self {
            tenant_id: String::new(),
            client_id: String::new(),
            client_secret: None,
            client_secret_file: None,
            certificate_file: None,
            private_key_file: None,
            assertion_alg: AssertionAlg::Ps256,
            authority_host: literal_url("https://login.microsoftonline.com"),
            graph_base: literal_url("https://graph.microsoft.com/v1.0"),
            required_methods: 1,
            profile_fallback: true,
            connect_timeout_ms: 5_000,
            request_timeout_ms: 15_000,
            max_attempts: 4,
            deadline_ms: 20_000,
            methods_cache_secs: 300,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `sqlite://var/rekey.db` (created on first start) or `postgres://…`. A secret: a
    /// PostgreSQL URL carries a password. Unset means [`DEFAULT_DATABASE_URL`].
    pub url: Option<SecretString>,
    pub url_file: Option<PathBuf>,
    pub max_connections: u32,
    /// Audit events, counters and old locks are deleted after this many days (0 = keep).
    pub retention_days: u32,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://var/rekey.db";

impl DatabaseSettings {
    /// The configured URL, or the default SQLite file.
    pub fn url(&self) -> SecretString {
        self.url
            .clone()
            .unwrap_or_else(|| SecretString::from(DEFAULT_DATABASE_URL))
    }

    /// Sets the URL (tests and `rekey demo`).
    pub fn set_url(&mut self, url: impl Into<String>) {
        self.url = Some(SecretString::from(url.into()));
    }
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: None,
            url_file: None,
            max_connections: 8,
            retention_days: 365,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SecuritySettings {
    /// Key for keyed hashes of codes, decoy methods and CSRF tokens: at least 32 bytes.
    pub code_key: Option<SecretString>,
    pub code_key_file: Option<PathBuf>,
    /// The key being rotated out: codes hashed with it still verify until they expire.
    pub code_key_previous: Option<SecretString>,
    pub code_key_previous_file: Option<PathBuf>,
    pub code_length: u8,
    pub code_ttl_secs: u64,
    pub code_max_attempts: u32,
    pub codes_per_account_per_hour: u32,
    pub flow_idle_secs: u64,
    /// Failed verifications before the portal locks an account out.
    pub lockout_failures: u32,
    pub lockout_secs: u64,
    pub requests_per_address_per_minute: u32,
    /// Sign the user out of every session after a reset (revokeSignInSessions).
    pub revoke_sessions: bool,
    /// The start page answers no sooner than this, so lookup time says nothing about
    /// whether an account exists.
    pub start_floor_ms: u64,
    /// Live password-meter checks per reset and minute (the meter has its own budget, apart
    /// from `requests_per_address_per_minute`).
    pub meter_checks_per_minute: u32,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        Self {
            code_key: None,
            code_key_file: None,
            code_key_previous: None,
            code_key_previous_file: None,
            code_length: 8,
            code_ttl_secs: 600,
            code_max_attempts: 5,
            codes_per_account_per_hour: 5,
            flow_idle_secs: 900,
            lockout_failures: 10,
            lockout_secs: 1800,
            requests_per_address_per_minute: 60,
            revoke_sessions: true,
            start_floor_ms: 600,
            meter_checks_per_minute: 60,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum EmailTransport {
    #[default]
    Smtp,
    Graph,
    /// Keep messages in memory and show them at `/demo/outbox` (demo only).
    Catcher,
    None,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    #[default]
    Starttls,
    Tls,
    /// Plain text: only for a relay on loopback.
    None,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmailSettings {
    pub transport: EmailTransport,
    pub from: String,
    pub reply_to: Option<String>,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_tls: SmtpTls,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<SecretString>,
    pub smtp_password_file: Option<PathBuf>,
    pub timeout_secs: u64,
    /// Mailbox that sends through Graph `sendMail` (needs Mail.Send).
    pub graph_sender: Option<String>,
    /// Also tell this address about every completed reset.
    pub helpdesk_copy_to: Option<String>,
}

impl Default for EmailSettings {
    fn default() -> Self {
        Self {
            transport: EmailTransport::Smtp,
            from: "Rekey <rekey@localhost>".into(),
            reply_to: None,
            smtp_host: "localhost".into(),
            smtp_port: 587,
            smtp_tls: SmtpTls::Starttls,
            smtp_username: None,
            smtp_password: None,
            smtp_password_file: None,
            timeout_secs: 10,
            graph_sender: None,
            helpdesk_copy_to: None,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum SmsProvider {
    #[default]
    None,
    Twilio,
    Webhook,
    Catcher,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SmsSettings {
    pub provider: SmsProvider,
    pub api_base: url::Url,
    pub account_sid: Option<String>,
    pub auth_token: Option<SecretString>,
    pub auth_token_file: Option<PathBuf>,
    pub from: Option<String>,
    pub webhook_url: Option<url::Url>,
    pub timeout_secs: u64,
}

impl Default for SmsSettings {
    fn default() -> Self {
        Self {
            provider: SmsProvider::None,
            api_base: literal_url("https://api.twilio.com"),
            account_sid: None,
            auth_token: None,
            auth_token_file: None,
            from: None,
            webhook_url: None,
            timeout_secs: 10,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BrandingSettings {
    /// The organisation's name in pages and messages; empty means unnamed ("your
    /// organisation", in each language).
    pub org_name: String,
    pub helpdesk_email: Option<String>,
    pub helpdesk_phone: Option<String>,
    pub helpdesk_url: Option<url::Url>,
    pub notice: Option<String>,
    /// PNG, SVG, JPEG or WebP file shown in the page header (at most 512 KiB).
    pub logo: Option<PathBuf>,
    /// `#rrggbb` for buttons, links and the header stripe; it must reach a 4.5:1 contrast
    /// with white text and with the page background (WCAG 2.1 AA).
    pub primary_color: Option<String>,
    /// Files here replace the embedded templates of the same name (`reset/done.html`).
    pub templates_dir: Option<PathBuf>,
    /// Language for people and recipients whose own language Rekey does not speak.
    pub default_language: String,
}

impl Default for BrandingSettings {
    fn default() -> Self {
        Self {
            // Empty: messages say "your organisation" in the reader's language.
            org_name: String::new(),
            helpdesk_email: None,
            helpdesk_phone: None,
            helpdesk_url: None,
            notice: None,
            logo: None,
            primary_color: None,
            templates_dir: None,
            default_language: "en".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Pretty,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogSettings {
    pub format: LogFormat,
    /// A tracing filter, e.g. `info` or `rekey=debug,actix_web=info`.
    pub level: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            format: LogFormat::Pretty,
            level: "info".into(),
        }
    }
}

/// What a command needs from the configuration beyond parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `serve` and `check`: credentials for Graph must be present.
    Serve,
    /// Commands that only read the file (validation).
    Validate,
}
