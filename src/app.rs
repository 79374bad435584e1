//! The services every request and command shares, assembled once.

use std::sync::Arc;

use zeroize::Zeroizing;

use crate::{
    clock::Clock,
    flow::{ResetService, codes::CodeKey, service::FlowConfig},
    notify::{Catcher, Outbox},
    policy::PasswordPolicy,
    ports::{Directory, Store},
    random::Random,
    settings::Settings,
};

/// Keys derived from configuration; never logged.
pub struct Keys {
    /// HMAC key for codes, decoys and CSRF tokens.
    pub code_key: Zeroizing<Vec<u8>>,
    /// Session cookie encryption key (64 bytes).
    pub session_key: Zeroizing<Vec<u8>>,
    /// The session key being rotated out, if any.
    pub session_key_previous: Option<Zeroizing<Vec<u8>>>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

pub struct Services {
    pub settings: Arc<Settings>,
    pub directory: Arc<dyn Directory>,
    pub store: Arc<dyn Store>,
    pub outbox: Outbox,
    /// Direct delivery, for callers that need the result (the reminder pass).
    pub notifier: Arc<dyn crate::ports::Notifier>,
    pub clock: Arc<dyn Clock>,
    pub rng: Arc<dyn Random>,
    pub keys: Keys,
    /// Present in demo mode: messages shown at `/demo/outbox` instead of being sent.
    pub catcher: Option<Catcher>,
    pub reset: ResetService,
}

/// Why the services could not be assembled; each names what to fix.
#[derive(Debug, thiserror::Error)]
pub enum AssembleError {
    #[error("database")]
    Store(#[from] crate::ports::StoreError),
    #[error("Microsoft Graph")]
    Directory(#[from] crate::ports::DirectoryError),
    #[error("{0}")]
    Config(String),
}

/// Builds the services from settings. `catcher` replaces real delivery (demo, tests).
pub async fn assemble(
    settings: Settings,
    clock: Arc<dyn Clock>,
    rng: Arc<dyn Random>,
    catcher: Option<Catcher>,
) -> Result<Services, AssembleError> {
    use crate::{
        directory::{GraphConfig, GraphDirectory},
        ports::Notifier,
    };
    let graph = GraphDirectory::new(
        GraphConfig::from_settings(&settings.tenant)?,
        clock.clone(),
        rng.clone(),
    )?;
    let mail_via_graph = settings
        .email
        .graph_sender
        .clone()
        .map(|s| Arc::new(graph.mailer(s)) as Arc<dyn Notifier>);
    assemble_with(
        settings,
        Arc::new(graph),
        mail_via_graph,
        clock,
        rng,
        catcher,
    )
    .await
}

/// As [`assemble`], with a given directory (tests use an in-memory one).
pub async fn assemble_with(
    settings: Settings,
    directory: Arc<dyn Directory>,
    mail_via_graph: Option<Arc<dyn crate::ports::Notifier>>,
    clock: Arc<dyn Clock>,
    rng: Arc<dyn Random>,
    catcher: Option<Catcher>,
) -> Result<Services, AssembleError> {
    use crate::{
        notify::{ChannelRouter, SmsHttp, SmtpNotifier},
        ports::Notifier,
        settings::{EmailTransport, SmsProvider, validate::decode_key},
    };
    let store = crate::store::connect(
        secrecy::ExposeSecret::expose_secret(&settings.database.url()),
        settings.database.max_connections,
    )
    .await?;
    let catcher_n = || catcher.clone().map(|c| Arc::new(c) as Arc<dyn Notifier>);
    let email: Option<Arc<dyn Notifier>> = match settings.email.transport {
        EmailTransport::Smtp => Some(Arc::new(
            SmtpNotifier::new(&settings.email).map_err(AssembleError::Config)?,
        )),
        EmailTransport::Graph => mail_via_graph,
        EmailTransport::Catcher => catcher_n(),
        EmailTransport::None => None,
    };
    let sms: Option<Arc<dyn Notifier>> = match settings.sms.provider {
        SmsProvider::Catcher => catcher_n(),
        _ => SmsHttp::new(&settings.sms)
            .map_err(AssembleError::Config)?
            .map(|s| Arc::new(s) as Arc<dyn Notifier>),
    };
    let notifier: Arc<dyn Notifier> = Arc::new(ChannelRouter { email, sms });
    let outbox = Outbox::start(notifier.clone(), 10_000);
    let key = |secret: &Option<secrecy::SecretString>, name: &str| {
        secret
            .as_ref()
            .and_then(decode_key)
            .map(Zeroizing::new)
            .ok_or_else(|| AssembleError::Config(format!("{name} is missing or not base64")))
    };
    let keys = Keys {
        code_key: key(&settings.security.code_key, "security.code_key")?,
        session_key: key(&settings.server.session_key, "server.session_key")?,
        session_key_previous: settings
            .server
            .session_key_previous
            .as_ref()
            .and_then(decode_key)
            .map(Zeroizing::new),
    };
    let previous_code_key = settings
        .security
        .code_key_previous
        .as_ref()
        .and_then(decode_key)
        .and_then(|k| CodeKey::new(&k));
    let code_key = CodeKey::new(&keys.code_key).ok_or_else(|| {
        AssembleError::Config("security.code_key must be at least 32 bytes".into())
    })?;
    let decoy_key = decoy_key(&*store, &*rng).await?;
    let policy = Arc::new(
        PasswordPolicy::new(&settings.policy).map_err(|e| AssembleError::Config(e.to_string()))?,
    );
    let sec = &settings.security;
    let reset = ResetService {
        evaluations: Arc::new(tokio::sync::Semaphore::new(
            std::thread::available_parallelism().map_or(2, |n| n.get()) * 2,
        )),
        store: store.clone(),
        directory: directory.clone(),
        clock: clock.clone(),
        rng: rng.clone(),
        key: code_key,
        previous_key: previous_code_key,
        decoy_key,
        on_premises: on_premises(&settings.ad)?,
        policy,
        breached: crate::breached::from_settings(&settings.policy.breached)
            .map_err(|e| AssembleError::Config(e.to_string()))?,
        cfg: FlowConfig {
            code_length: sec.code_length,
            code_ttl: chrono::Duration::seconds(i64::try_from(sec.code_ttl_secs).unwrap_or(600)),
            code_max_attempts: sec.code_max_attempts,
            codes_per_account_per_hour: sec.codes_per_account_per_hour,
            flow_idle: chrono::Duration::seconds(i64::try_from(sec.flow_idle_secs).unwrap_or(900)),
            lockout_failures: sec.lockout_failures,
            lockout: chrono::Duration::seconds(i64::try_from(sec.lockout_secs).unwrap_or(1800)),
            requests_per_address_per_minute: sec.requests_per_address_per_minute,
            required_methods: settings.tenant.required_methods,
            org_name: settings.branding.org_name.clone(),
            history_depth: settings.policy.history_depth,
            watch: chrono::Duration::hours(i64::from(settings.signins.watch_hours)),
            start_floor: std::time::Duration::from_millis(sec.start_floor_ms),
            meter_per_minute: sec.meter_checks_per_minute,
            cloud_sync_wait: chrono::Duration::seconds(
                i64::try_from(settings.ad.sync_wait_secs).unwrap_or(0),
            ),
        },
    };
    Ok(Services {
        settings: Arc::new(settings),
        directory,
        reset,
        store,
        outbox,
        notifier,
        clock,
        rng,
        keys,
        catcher,
    })
}

/// The Active Directory adapter when `[ad]` is set.
fn on_premises(
    ad: &crate::settings::AdSettings,
) -> Result<Option<Arc<dyn crate::ports::OnPremises>>, AssembleError> {
    use crate::directory::ad::{ActiveDirectory, AdConfig};
    if !ad.enabled() {
        return Ok(None);
    }
    let Some(config) = AdConfig::from_settings(ad) else {
        return Err(AssembleError::Config(
            "ad.bind_password and ad.ca_file are required with ad.urls".into(),
        ));
    };
    let directory =
        ActiveDirectory::new(config).map_err(|e| AssembleError::Config(e.to_string()))?;
    Ok(Some(Arc::new(directory)))
}

/// Where the decoy key lives in the store.
const DECOY_KEY: &str = "decoy-key";

/// The decoy key: made once, at random, by whichever instance starts first, and kept in the
/// store, so decoys stay the same across restarts, instances and `code_key` rotations.
async fn decoy_key(
    store: &dyn crate::ports::Store,
    rng: &dyn Random,
) -> Result<CodeKey, AssembleError> {
    if store.kv_get(DECOY_KEY).await?.is_none() {
        // Losing this race to another instance is fine: theirs is read back below.
        store.kv_set_new(DECOY_KEY, &rng.token_hex(32)).await?;
    }
    let hex = store.kv_get(DECOY_KEY).await?.unwrap_or_default();
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect();
    bytes
        .and_then(|b| CodeKey::new(&b))
        .ok_or_else(|| AssembleError::Config("the stored decoy key is unreadable".into()))
}

/// Starts the after-reset sign-in watch when configured; it stops with `cancel`.
pub fn spawn_signin_watch(
    s: &Services,
    cancel: tokio_util::sync::CancellationToken,
) -> Option<tokio::task::JoinHandle<()>> {
    if s.settings.signins.watch_hours == 0 {
        return None;
    }
    let words = match crate::i18n::Catalogs::load(&s.settings.branding.default_language) {
        Ok(w) => w,
        Err(e) => {
            tracing::error!(error = %crate::telemetry::Chain(&e), "sign-in watch not started");
            return None;
        }
    };
    let guide = s
        .settings
        .server
        .public_url
        .join("reset/guide")
        .map(|u| u.to_string())
        .unwrap_or_default();
    Some(tokio::spawn(crate::signins::watch::run_forever(
        s.directory.clone(),
        s.store.clone(),
        s.notifier.clone(),
        s.clock.clone(),
        s.settings.branding.org_name.clone(),
        guide,
        words,
        std::time::Duration::from_secs(s.settings.signins.poll_secs.max(10)),
        cancel,
    )))
}
