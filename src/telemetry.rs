//! Logs through `tracing`: pretty for people, JSON for collectors.

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::settings::{LogFormat, LogSettings};

/// Installs the global subscriber once; later calls are ignored (tests build many apps).
pub fn init(log: &LogSettings) {
    let filter = EnvFilter::try_from_env("RUST_LOG")
        .or_else(|_| EnvFilter::try_new(&log.level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let registry = tracing_subscriber::registry().with(filter);
    let _ = match log.format {
        LogFormat::Json => registry
            .with(fmt::layer().json().with_current_span(true))
            .try_init(),
        LogFormat::Pretty => registry.with(fmt::layer().with_target(false)).try_init(),
    };
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
