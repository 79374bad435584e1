//! A Microsoft Graph and identity-platform simulator: the subset Rekey uses, with the URLs,
//! JSON shapes, status codes, headers and error envelopes of the real service (see
//! GRAPH.md), seeded tenants, and fault injection. The production client talks to it over
//! real HTTP. It keeps its own JSON types: a DTO shared with the client would hide drift.

// The simulator stands in for Microsoft's servers, which run on their own wall clock; the
// injected Clock is for Rekey's code. Handlers return prepared error responses as `Err`.
#![allow(clippy::disallowed_methods, clippy::result_large_err)]

mod faults;
mod filter;
mod people;
mod routes;
mod tenant;
mod wire;

use std::{
    net::{SocketAddr, TcpListener},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
};

use chrono::{DateTime, Utc};

pub use faults::{FaultKind, FaultRule, Faults};
pub use people::{Synthetic, synthetic};
pub use tenant::{SimUserView, synthetic_upn};

/// Role template ids (GRAPH.md §4.2) used in tokens' `wids` and on seeded users.
pub mod roles {
    pub const USER_ADMINISTRATOR: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    pub const HELPDESK_ADMINISTRATOR: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
    pub const PASSWORD_ADMINISTRATOR: &str = "966707d0-3269-4727-9be2-8c3a10f19b9d";
    pub const PRIVILEGED_AUTHENTICATION_ADMINISTRATOR: &str =
        "7be44c8a-adaf-4e2a-84d6-ab2649e08a13";
    pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
}

/// The application permissions Rekey needs, granted by default.
pub const DEFAULT_APP_ROLES: &[&str] = &[
    "User.Read.All",
    "User-PasswordProfile.ReadWrite.All",
    "UserAuthenticationMethod.Read.All",
    "User.RevokeSessions.All",
    "Domain.Read.All",
    "Mail.Send",
    "AuditLog.Read.All",
    "Directory.Read.All",
];

#[derive(Debug, Clone)]
pub struct SimOptions {
    /// Tenant domain used in the token URL; the tenant GUID works too.
    pub tenant: String,
    pub client_id: String,
    pub client_secret: String,
    /// The registered secret has expired (AADSTS7000222).
    pub secret_expired: bool,
    /// Application permissions in the token's `roles`.
    pub app_roles: Vec<String>,
    /// Directory roles of the app's service principal, in the token's `wids`.
    pub directory_roles: Vec<String>,
    /// Entra ID P1: sign-in logs available.
    pub premium: bool,
    pub seed_demo: bool,
    pub extra_users: usize,
    /// Reference time for seeded password ages.
    pub now: DateTime<Utc>,
    pub token_lifetime_secs: u64,
    /// The "identity and access reports" bucket (methods, sign-ins): requests per 10 s; 0 = off.
    pub reports_rate_per_10s: u32,
    /// Synthetic sign-in events over the last week.
    pub signins: usize,
}

impl Default for SimOptions {
    fn default() -> Self {
        Self {
            tenant: "contoso.com".into(),
            client_id: "00000000-0000-4000-8000-00000000c0de".into(),
            client_secret: "demo-secret".into(),
            secret_expired: false,
            app_roles: DEFAULT_APP_ROLES.iter().map(|s| s.to_string()).collect(),
            directory_roles: vec![roles::USER_ADMINISTRATOR.into()],
            premium: true,
            seed_demo: true,
            extra_users: 0,
            now: DateTime::<Utc>::UNIX_EPOCH,
            token_lifetime_secs: 3599,
            reports_rate_per_10s: 5,
            signins: 0,
        }
    }
}

/// A message captured from `sendMail`.
#[derive(Debug, Clone)]
pub struct SentMail {
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    pub content_type: String,
    pub body: String,
}

pub(crate) struct Inner {
    pub opts: Mutex<SimOptions>,
    pub tenant_guid: String,
    pub directory: Mutex<tenant::Directory>,
    pub faults: Faults,
    pub tokens: Mutex<std::collections::HashMap<String, (i64, u64)>>,
    pub token_generation: AtomicU64,
    pub token_requests: AtomicU64,
    pub mail: Mutex<Vec<SentMail>>,
    /// Signalled whenever a mail is sent, so tests wait for it instead of polling.
    pub mail_sent: tokio::sync::Notify,
    pub reports_bucket: Mutex<(i64, u32)>,
    pub premium: AtomicBool,
}

/// A handle on the simulator's state, for tests and `/_sim/` controls.
#[derive(Clone)]
pub struct SimState(pub(crate) Arc<Inner>);

impl SimState {
    pub fn faults(&self) -> &Faults {
        &self.0.faults
    }

    pub fn sent_mail(&self) -> Vec<SentMail> {
        self.0
            .mail
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits (at most `within`) for a sent mail `find` picks something from.
    pub async fn wait_for_mail<T>(
        &self,
        within: std::time::Duration,
        mut find: impl FnMut(&SentMail) -> Option<T>,
    ) -> Option<T> {
        let give_up = tokio::time::Instant::now() + within;
        loop {
            // Registered before looking, so a mail sent in between still wakes us.
            let sent = self.0.mail_sent.notified();
            if let Some(found) = self.sent_mail().iter().find_map(&mut find) {
                return Some(found);
            }
            tokio::time::timeout_at(give_up, sent).await.ok()?;
        }
    }

    /// Client-credentials token requests answered so far.
    pub fn token_requests(&self) -> u64 {
        self.0.token_requests.load(Ordering::Relaxed)
    }

    /// Every token issued so far stops working (401 InvalidAuthenticationToken).
    pub fn revoke_all_tokens(&self) {
        self.0.token_generation.fetch_add(1, Ordering::Relaxed);
    }

    pub fn user(&self, upn_or_id: &str) -> Option<SimUserView> {
        self.0
            .directory
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .find(upn_or_id)
            .map(|u| u.view())
    }

    /// Gives a user a primary mail address other than the UPN.
    pub fn set_mail(&self, upn_or_id: &str, mail: &str) {
        self.0
            .directory
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .set_mail(upn_or_id, mail);
    }

    /// Marks a user as synced from on-premises AD, mastered by the AD object with this SID
    /// and `sAMAccountName` in the domain with this DNS name.
    pub fn set_on_premises(&self, upn_or_id: &str, sid: Option<&str>, account: &str, domain: &str) {
        if let Some(u) = self
            .0
            .directory
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .find_mut(upn_or_id)
        {
            u.synced = true;
            u.on_premises = Some(tenant::SimOnPremises {
                sid: sid.map(str::to_string),
                account: account.to_string(),
                domain: domain.to_string(),
            });
        }
    }

    /// Entra Connect's password hash sync brought a synced user's new password at `at`:
    /// their `lastPasswordChangeDateTime` moves, as in Entra.
    pub fn password_hash_synced(&self, upn_or_id: &str, at: chrono::DateTime<chrono::Utc>) {
        if let Some(u) = self
            .0
            .directory
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .find_mut(upn_or_id)
        {
            u.last_password_change = at;
        }
    }

    /// Replaces a user's `otherMails` (their registered authentication methods stay).
    pub fn set_other_mails(&self, upn_or_id: &str, mails: Vec<String>) {
        if let Some(u) = self
            .0
            .directory
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .find_mut(upn_or_id)
        {
            u.other_mails = mails;
        }
    }

    pub fn set_premium(&self, on: bool) {
        self.0.premium.store(on, Ordering::Relaxed);
    }

    pub fn set_app_roles(&self, roles: Vec<String>) {
        self.0
            .opts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .app_roles = roles;
    }

    pub fn set_directory_roles(&self, ids: Vec<String>) {
        self.0
            .opts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .directory_roles = ids;
    }

    /// Adds raw signIn objects to the logs.
    pub fn add_signins(&self, events: Vec<serde_json::Value>) {
        self.0
            .directory
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .add_signins(events);
    }

    /// The seeded demo accounts and what each demonstrates.
    pub fn demo_accounts(&self) -> Vec<(String, String)> {
        people::DEMO
            .iter()
            .filter(|d| !d.what.is_empty())
            .map(|d| (d.upn.to_string(), d.what.to_string()))
            .collect()
    }
}

pub struct SimServer {
    pub addr: SocketAddr,
    pub base_url: String,
    pub state: SimState,
    handle: actix_web::dev::ServerHandle,
}

impl SimServer {
    pub async fn stop(self) {
        self.handle.stop(true).await;
    }
}

/// Starts the simulator on `listener`, on the current tokio runtime.
pub async fn start(opts: SimOptions, listener: TcpListener) -> std::io::Result<SimServer> {
    let addr = listener.local_addr()?;
    let base_url = format!("http://{addr}");
    let mut directory = tenant::Directory::seed(&opts);
    if opts.signins > 0 {
        directory.seed_signins(opts.signins, opts.now);
    }
    let inner = Arc::new(Inner {
        premium: AtomicBool::new(opts.premium),
        tenant_guid: "9188040d-6c67-4c5b-b112-36a304b66dad".into(),
        opts: Mutex::new(opts),
        directory: Mutex::new(directory),
        faults: Faults::default(),
        tokens: Mutex::new(Default::default()),
        token_generation: AtomicU64::new(0),
        token_requests: AtomicU64::new(0),
        mail: Mutex::new(Vec::new()),
        mail_sent: tokio::sync::Notify::new(),
        reports_bucket: Mutex::new((0, 0)),
    });
    let state = SimState(inner);
    let data = actix_web::web::Data::new(routes::Ctx {
        state: state.clone(),
        base_url: base_url.clone(),
    });
    let server = actix_web::HttpServer::new(move || {
        actix_web::App::new()
            .app_data(data.clone())
            .app_data(actix_web::web::PayloadConfig::new(1 << 20))
            .default_service(actix_web::web::to(routes::dispatch))
    })
    .workers(2)
    .disable_signals()
    .listen(listener)?
    .run();
    let handle = server.handle();
    tokio::spawn(server);
    Ok(SimServer {
        addr,
        base_url,
        state,
        handle,
    })
}
