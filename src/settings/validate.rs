use base64::Engine;
use secrecy::{ExposeSecret, SecretString};

use super::{ConfigProblem, EmailTransport, Purpose, Settings, SmsProvider};

/// Minimum decoded lengths of the keys Rekey derives from.
pub const SESSION_KEY_BYTES: usize = 64;
pub const CODE_KEY_BYTES: usize = 32;

/// Decodes a base64 key (standard or URL-safe alphabet, padding optional).
pub fn decode_key(secret: &SecretString) -> Option<Vec<u8>> {
    let text = secret.expose_secret().trim();
    let engines = [
        base64::engine::general_purpose::STANDARD,
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ];
    engines.iter().find_map(|e| e.decode(text).ok())
}

pub fn validate(s: &Settings, purpose: Purpose) -> Vec<ConfigProblem> {
    let mut p = Vec::new();
    let mut need = |cond: bool, key: &str, msg: &str| {
        if !cond {
            p.push(ConfigProblem::new(key, msg));
        }
    };

    if !matches!(s.server.public_url.scheme(), "http" | "https") {
        need(
            false,
            "server.public_url",
            "must be an http:// or https:// URL",
        );
    }
    need(
        (1024..=1024 * 1024).contains(&s.server.max_body_bytes),
        "server.max_body_bytes",
        "must be between 1024 and 1048576",
    );
    need(
        s.database.url.starts_with("sqlite:")
            || s.database.url.starts_with("postgres://")
            || s.database.url.starts_with("postgresql://"),
        "database.url",
        "must start with sqlite: or postgres://",
    );
    need(
        s.database.max_connections >= 1,
        "database.max_connections",
        "must be at least 1",
    );
    need(
        matches!(s.tenant.required_methods, 1 | 2),
        "tenant.required_methods",
        "must be 1 or 2",
    );
    need(
        s.tenant.max_attempts >= 1 && s.tenant.max_attempts <= 10,
        "tenant.max_attempts",
        "must be between 1 and 10",
    );
    need(
        s.tenant.request_timeout_ms >= 100,
        "tenant.request_timeout_ms",
        "must be at least 100",
    );
    need(
        s.tenant.deadline_ms >= s.tenant.request_timeout_ms,
        "tenant.deadline_ms",
        "must be at least tenant.request_timeout_ms",
    );
    need(
        (6..=10).contains(&s.security.code_length),
        "security.code_length",
        "must be between 6 and 10 digits",
    );
    need(
        (60..=3600).contains(&s.security.code_ttl_secs),
        "security.code_ttl_secs",
        "must be between 60 and 3600 seconds",
    );
    need(
        (1..=20).contains(&s.security.code_max_attempts),
        "security.code_max_attempts",
        "must be between 1 and 20",
    );
    need(
        s.security.codes_per_account_per_hour >= 1,
        "security.codes_per_account_per_hour",
        "must be at least 1",
    );
    need(
        (60..=86_400).contains(&s.security.flow_idle_secs),
        "security.flow_idle_secs",
        "must be between 60 and 86400 seconds",
    );
    need(
        s.security.lockout_failures >= 1,
        "security.lockout_failures",
        "must be at least 1",
    );
    need(
        tracing_subscriber::EnvFilter::try_new(&s.log.level).is_ok(),
        "log.level",
        "is not a valid filter (try `info` or `rekey=debug,info`)",
    );

    match s.email.transport {
        EmailTransport::Smtp => need(
            !s.email.smtp_host.is_empty(),
            "email.smtp_host",
            "is required when email.transport = \"smtp\"",
        ),
        EmailTransport::Graph => need(
            s.email.graph_sender.is_some(),
            "email.graph_sender",
            "is required when email.transport = \"graph\" (the mailbox that sends)",
        ),
        EmailTransport::Catcher | EmailTransport::None => {}
    }
    need(
        s.email.from.contains('@'),
        "email.from",
        "must be an address such as `Rekey <rekey@contoso.com>`",
    );
    match s.sms.provider {
        SmsProvider::Twilio => {
            need(
                s.sms.account_sid.is_some(),
                "sms.account_sid",
                "is required when sms.provider = \"twilio\"",
            );
            need(
                s.sms.auth_token.is_some(),
                "sms.auth_token",
                "is required when sms.provider = \"twilio\" (or sms.auth_token_file)",
            );
            need(
                s.sms.from.is_some(),
                "sms.from",
                "is required when sms.provider = \"twilio\"",
            );
        }
        SmsProvider::Webhook => need(
            s.sms.webhook_url.is_some(),
            "sms.webhook_url",
            "is required when sms.provider = \"webhook\"",
        ),
        SmsProvider::None | SmsProvider::Catcher => {}
    }

    let r = &s.reminders;
    need(
        r.time_zone.parse::<chrono_tz::Tz>().is_ok(),
        "reminders.time_zone",
        "is not an IANA time zone such as `Europe/Berlin` or `UTC`",
    );
    need(
        r.schedule.parse::<croner::Cron>().is_ok(),
        "reminders.schedule",
        "is not a cron expression such as `0 8 * * MON-FRI`",
    );
    need(
        !r.thresholds.is_empty() && r.thresholds.iter().all(|t| (1..=90).contains(t)),
        "reminders.thresholds",
        "must list days between 1 and 90, e.g. [14, 7, 3, 1]",
    );
    need(
        (1..=64).contains(&r.concurrency),
        "reminders.concurrency",
        "must be between 1 and 64",
    );
    if let Some(h) = &s.admin.token_hash {
        need(
            argon2::password_hash::phc::PasswordHash::new(h).is_ok(),
            "admin.token_hash",
            "is not an argon2 PHC string (make one with `rekey admin hash-token`)",
        );
    }
    need(
        s.admin.cost_per_ticket >= 0.0 && s.admin.cost_per_ticket.is_finite(),
        "admin.cost_per_ticket",
        "must be a positive number",
    );
    for (key, problem) in s.policy.validate() {
        p.push(ConfigProblem::new(key, problem));
    }

    if purpose == Purpose::Serve {
        p.extend(serve_requirements(s));
    }
    p
}

/// What `serve` needs beyond a well-formed file: the tenant, a credential, and keys.
fn serve_requirements(s: &Settings) -> Vec<ConfigProblem> {
    let mut p = Vec::new();
    let t = &s.tenant;
    if t.tenant_id.trim().is_empty() {
        p.push(ConfigProblem::new(
            "tenant.tenant_id",
            "missing: the directory (tenant) ID or a verified domain",
        ));
    }
    if t.client_id.trim().is_empty() {
        p.push(ConfigProblem::new(
            "tenant.client_id",
            "missing: the application (client) ID of the Rekey app registration",
        ));
    }
    let has_cert = t.certificate_file.is_some() || t.private_key_file.is_some();
    if has_cert {
        if t.certificate_file.is_none() {
            p.push(ConfigProblem::new(
                "tenant.certificate_file",
                "missing: set it together with tenant.private_key_file",
            ));
        }
        if t.private_key_file.is_none() {
            p.push(ConfigProblem::new(
                "tenant.private_key_file",
                "missing: set it together with tenant.certificate_file",
            ));
        }
    } else if t.client_secret.is_none() {
        p.push(ConfigProblem::new(
            "tenant.client_secret",
            "missing: set REKEY_TENANT__CLIENT_SECRET, tenant.client_secret_file, or use a certificate (tenant.certificate_file)",
        ));
    }
    match &s.server.session_key {
        None => p.push(ConfigProblem::new(
            "server.session_key",
            format!(
                "missing: {SESSION_KEY_BYTES}+ random bytes, base64 (`head -c 64 /dev/urandom | base64 -w0`)"
            ),
        )),
        Some(k) if decode_key(k).is_none_or(|b| b.len() < SESSION_KEY_BYTES) => {
            p.push(ConfigProblem::new(
                "server.session_key",
                format!("must be base64 of at least {SESSION_KEY_BYTES} random bytes"),
            ))
        }
        Some(_) => {}
    }
    if let Some(k) = &s.server.session_key_previous
        && decode_key(k).is_none_or(|b| b.len() < SESSION_KEY_BYTES)
    {
        p.push(ConfigProblem::new(
            "server.session_key_previous",
            format!("must be base64 of at least {SESSION_KEY_BYTES} random bytes"),
        ));
    }
    if let Some(k) = &s.security.code_key_previous
        && decode_key(k).is_none_or(|b| b.len() < CODE_KEY_BYTES)
    {
        p.push(ConfigProblem::new(
            "security.code_key_previous",
            format!("must be base64 of at least {CODE_KEY_BYTES} random bytes"),
        ));
    }
    match &s.security.code_key {
        None => p.push(ConfigProblem::new(
            "security.code_key",
            format!(
                "missing: {CODE_KEY_BYTES}+ random bytes, base64 (`head -c 32 /dev/urandom | base64 -w0`)"
            ),
        )),
        Some(k) if decode_key(k).is_none_or(|b| b.len() < CODE_KEY_BYTES) => {
            p.push(ConfigProblem::new(
                "security.code_key",
                format!("must be base64 of at least {CODE_KEY_BYTES} random bytes"),
            ))
        }
        Some(_) => {}
    }
    p
}
