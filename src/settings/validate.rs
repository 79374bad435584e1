//! Checks on a loaded configuration: values in range, keys long enough, combinations that
//! cannot work.

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
    let db_url = s.database.url();
    let db_url = secrecy::ExposeSecret::expose_secret(&db_url);
    need(
        db_url.starts_with("sqlite:")
            || db_url.starts_with("postgres://")
            || db_url.starts_with("postgresql://"),
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
    if s.ad.enabled() {
        for url in &s.ad.urls {
            need(
                url.starts_with("ldaps://"),
                "ad.urls",
                "must be ldaps:// URLs: passwords never cross an unencrypted link",
            );
        }
        need(
            !s.ad.bind_dn.is_empty(),
            "ad.bind_dn",
            "is required with ad.urls",
        );
        need(
            s.ad.bind_password.is_some(),
            "ad.bind_password",
            "is required with ad.urls (or ad.bind_password_file)",
        );
        need(
            !s.ad.base_dn.is_empty(),
            "ad.base_dn",
            "is required with ad.urls",
        );
        need(
            s.ad.ca_file.is_some(),
            "ad.ca_file",
            "is required with ad.urls: the CA that issued the domain controllers' certificates",
        );
        need(
            (1..=120).contains(&s.ad.timeout_secs),
            "ad.timeout_secs",
            "must be between 1 and 120",
        );
        need(
            s.ad.pool_size <= 64,
            "ad.pool_size",
            "must be between 0 and 64",
        );
        need(
            s.ad.sync_wait_secs <= 3600,
            "ad.sync_wait_secs",
            "must be between 0 and 3600 (password hash sync runs about every 2 minutes)",
        );
    }
    if let Some(addr) = s.admin.listen {
        need(
            addr.ip().is_loopback() || s.admin.token_hash.is_some(),
            "admin.listen",
            "is reachable from other machines: set admin.token_hash (make one with `rekey admin \
             hash-token`) or listen on 127.0.0.1",
        );
    }
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
    need(
        crate::i18n::find(&r.default_language).is_some(),
        "reminders.default_language",
        "is not a language Rekey speaks (en, de, fr, es, pt-BR, ja, pl, ar)",
    );
    for (key, problem) in branding(&s.branding) {
        p.push(ConfigProblem::new(key, &problem));
    }
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

/// The page background and text colour a brand colour must stand out from.
const PAGE_BACKGROUND: [u8; 3] = [0xf6, 0xf7, 0xf9];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
/// WCAG 2.1 AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;
/// Larger logos slow the first page on a phone for no gain.
pub const MAX_LOGO_BYTES: u64 = 512 * 1024;

fn branding(b: &super::BrandingSettings) -> Vec<(&'static str, String)> {
    let mut p = Vec::new();
    if crate::i18n::find(&b.default_language).is_none() {
        p.push((
            "branding.default_language",
            "is not a language Rekey speaks (en, de, fr, es, pt-BR, ja, pl, ar)".to_string(),
        ));
    }
    if let Some(c) = &b.primary_color {
        match parse_hex_color(c) {
            None => p.push((
                "branding.primary_color",
                format!("{c:?} is not a colour like \"#0b5cad\""),
            )),
            Some(rgb) => {
                let worst = contrast(rgb, WHITE).min(contrast(rgb, PAGE_BACKGROUND));
                if worst < MIN_CONTRAST {
                    p.push((
                        "branding.primary_color",
                        format!(
                            "{c} has a contrast of only {worst:.2}:1 with white text and the page \
                             background; WCAG 2.1 AA needs {MIN_CONTRAST}:1. Use a darker shade."
                        ),
                    ));
                }
            }
        }
    }
    if let Some(logo) = &b.logo {
        let ext = logo
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if !matches!(
            ext.as_deref(),
            Some("png" | "svg" | "jpg" | "jpeg" | "webp")
        ) {
            p.push((
                "branding.logo",
                "must be a .png, .svg, .jpg or .webp file".to_string(),
            ));
        }
        match std::fs::metadata(logo) {
            Err(e) => p.push(("branding.logo", format!("{}: {e}", logo.display()))),
            Ok(m) if m.len() > MAX_LOGO_BYTES => p.push((
                "branding.logo",
                format!("{} is larger than 512 KiB", logo.display()),
            )),
            Ok(_) => {}
        }
    }
    if let Some(dir) = &b.templates_dir
        && !dir.is_dir()
    {
        p.push((
            "branding.templates_dir",
            format!("{} is not a folder", dir.display()),
        ));
    }
    p
}

/// `#rrggbb` (or `rrggbb`) as red, green and blue.
pub fn parse_hex_color(s: &str) -> Option<[u8; 3]> {
    let hex = s.trim().strip_prefix('#').unwrap_or(s.trim());
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2.1 contrast ratio of two sRGB colours, from 1 to 21.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    fn luminance(c: [u8; 3]) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod brand_tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast([0, 0, 0], WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 grey.
        let grey = contrast([0x76, 0x76, 0x76], WHITE);
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
    }

    #[test]
    fn pale_brand_colours_are_refused_with_the_measured_ratio() {
        let mut b = crate::settings::BrandingSettings {
            primary_color: Some("#ffb900".into()),
            ..Default::default()
        };
        let problems = branding(&b);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].1.contains(":1"), "{problems:?}");
        b.primary_color = Some("#0b5cad".into());
        assert!(branding(&b).is_empty());
        b.primary_color = Some("blue".into());
        assert!(branding(&b)[0].1.contains("not a colour"));
    }
}
