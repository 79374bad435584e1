//! Logs through `tracing`: pretty for people, JSON for collectors, always on standard error
//! so that a command's standard output carries only its data (CSV, JSONL, reports).

use tracing_subscriber::{
    EnvFilter,
    filter::{LevelFilter, Targets},
    fmt,
    prelude::*,
};

use crate::settings::{LogFormat, LogSettings};

/// Crates that write message bodies, SQL or protocol frames at their debug and trace
/// levels (lettre logs every SMTP line, reset codes included; h2 and hyper log headers,
/// bearer tokens included; cookie jars log session cookies). They are held at these levels whatever `log.level` says.
pub const CAPPED_TARGETS: &[(&str, &str)] = &[
    ("lettre", "warn"),
    // ldap3 logs through `log`; its protocol traces could carry a bind's credentials.
    ("ldap3", "warn"),
    ("lber", "warn"),
    ("sqlx", "warn"),
    ("hyper", "info"),
    ("hyper_util", "info"),
    ("h2", "info"),
    ("reqwest", "info"),
    ("rustls", "info"),
    ("actix_http", "info"),
    ("actix_server", "info"),
    ("actix_web", "info"),
    // Session cookies are bearer credentials: cookie_store (reqwest's jar) logs every
    // Set-Cookie at debug, and actix-session may log session state.
    ("actix_session", "info"),
    ("cookie_store", "info"),
    ("tower", "info"),
];

/// The configured level, or `RUST_LOG` when it is set and valid.
pub fn filter(level: &str) -> EnvFilter {
    std::env::var("RUST_LOG")
        .ok()
        .and_then(|v| EnvFilter::try_new(v).ok())
        .or_else(|| EnvFilter::try_new(level).ok())
        .unwrap_or_else(|| EnvFilter::new("info"))
}

/// A second filter, after the configured one, that no configuration can open up.
pub fn caps() -> Targets {
    CAPPED_TARGETS.iter().fold(
        Targets::new().with_default(LevelFilter::TRACE),
        |t, (target, max)| t.with_target(*target, max.parse().unwrap_or(LevelFilter::WARN)),
    )
}

/// Installs the global subscriber once, writing to standard error; later calls are ignored
/// (tests build many apps).
pub fn init(log: &LogSettings) {
    use std::io::IsTerminal;
    init_with_writer(log, std::io::stderr, std::io::stderr().is_terminal());
}

/// [`init`] with another writer (tests capture the log this way).
pub fn init_with_writer<W>(log: &LogSettings, writer: W, ansi: bool)
where
    W: for<'w> fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    let registry = tracing_subscriber::registry().with(filter(&log.level));
    let _ = match log.format {
        LogFormat::Json => registry
            .with(
                fmt::layer()
                    .json()
                    .with_current_span(true)
                    .with_writer(writer)
                    .with_filter(caps()),
            )
            .try_init(),
        LogFormat::Pretty => registry
            .with(
                fmt::layer()
                    .with_target(false)
                    .with_ansi(ansi)
                    .with_writer(writer)
                    .with_filter(caps()),
            )
            .try_init(),
    };
}

/// An error with its causes, `outer: cause: root cause`, for log lines: errors keep their
/// causes as `source()` and say only their own part in `Display`.
pub struct Chain<'a>(pub &'a (dyn std::error::Error + 'static));

impl std::fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut cause = self.0.source();
        while let Some(c) = cause {
            write!(f, ": {c}")?;
            cause = c.source();
        }
        Ok(())
    }
}

/// Metric names, in one place.
pub mod names {
    pub const RESETS_STARTED: &str = "rekey_resets_started_total";
    pub const RESETS_COMPLETED: &str = "rekey_resets_completed_total";
    pub const RESETS_FAILED: &str = "rekey_resets_failed_total";
    pub const CODES_SENT: &str = "rekey_codes_sent_total";
    pub const MESSAGES_FAILED: &str = "rekey_messages_failed_total";
    pub const LOCKOUTS: &str = "rekey_lockouts_total";
    pub const GRAPH_REQUESTS: &str = "rekey_graph_requests_total";
    pub const GRAPH_SECONDS: &str = "rekey_graph_request_duration_seconds";
    pub const REMINDERS: &str = "rekey_reminders_total";
    pub const POLICY_REJECTIONS: &str = "rekey_policy_rejections_total";
}

static PROMETHEUS: std::sync::OnceLock<Option<metrics_exporter_prometheus::PrometheusHandle>> =
    std::sync::OnceLock::new();

/// The process's Prometheus recorder, installed on first use.
pub fn prometheus() -> Option<metrics_exporter_prometheus::PrometheusHandle> {
    PROMETHEUS
        .get_or_init(|| {
            metrics_exporter_prometheus::PrometheusBuilder::new()
                .set_buckets_for_metric(
                    metrics_exporter_prometheus::Matcher::Full(names::GRAPH_SECONDS.into()),
                    &[0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0],
                )
                .ok()?
                .install_recorder()
                .ok()
        })
        .clone()
}
