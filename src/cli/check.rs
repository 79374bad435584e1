//! `rekey check`: the configuration, then against the tenant the credential, each permission
//! and the directory role, with the fix for anything missing.

use std::{process::ExitCode, sync::Arc};

use clap::Args;

use crate::{
    clock::SystemClock,
    directory::{GraphConfig, GraphDirectory},
    permissions,
    ports::Directory,
    random::OsRandom,
    settings::{EmailTransport, Purpose},
};

/// The `[ad]` lines: each domain controller's certificate and bind, the domain policy, a
/// search in `base_dn`, and the delegated rights. True when nothing is ✗.
async fn check_ad(settings: &crate::settings::AdSettings) -> bool {
    use crate::directory::ad::{ActiveDirectory, AdConfig, AdError};
    let Some(config) = AdConfig::from_settings(settings) else {
        println!("✗ Active Directory — fix: set ad.bind_password and ad.ca_file");
        return false;
    };
    let ad = match ActiveDirectory::new(config) {
        Ok(ad) => ad,
        Err(e) => {
            println!("✗ Active Directory: {e}");
            return false;
        }
    };
    let probe = ad.probe().await;
    let mut ok = true;
    for (url, result) in &probe.connections {
        match result {
            Ok(()) => println!(
                "✓ {url}: certificate trusted, bound as {}",
                settings.bind_dn
            ),
            Err(AdError::Bind(e)) => {
                ok = false;
                println!(
                    "✗ {url}: the bind as {} was refused ({e}) — fix: check ad.bind_dn and \
                     ad.bind_password (the account may be locked or its password expired)",
                    settings.bind_dn
                );
            }
            Err(e) => {
                ok = false;
                println!(
                    "✗ {url}: {e} — fix: open TCP 636 from this host, and make ad.ca_file ({}) \
                     the CA that issued the DC's certificate, which must name this host in its \
                     subjectAltName",
                    settings
                        .ca_file
                        .as_deref()
                        .unwrap_or(std::path::Path::new(""))
                        .display()
                );
            }
        }
    }
    match &probe.policy {
        Some(Ok(p)) => println!(
            "✓ domain password policy: at least {} characters, complexity {}, history {}, \
             maximum age {}",
            p.min_length,
            if p.complexity { "on" } else { "off" },
            p.history,
            p.max_age.map_or("none".to_string(), |d| format!(
                "{} days",
                d.as_secs() / 86_400
            ))
        ),
        Some(Err(e)) => println!("! domain password policy unreadable: {e}"),
        None => {}
    }
    match &probe.fine_grained_readable {
        Some(Ok(true)) => println!(
            "✓ fine-grained password policies readable: people with one see its rules first"
        ),
        Some(Ok(false)) => println!(
            "! no fine-grained password policy is visible to the account: if the domain has \
             any, people with one see the domain's rules, and AD refuses what breaks the \
             stricter ones only when they submit — fix (optional): delegate Read on \
             CN=Password Settings Container,CN=System and its objects (docs/hybrid.md)"
        ),
        Some(Err(e)) => println!("! fine-grained password policies not checked: {e}"),
        None => {}
    }
    match &probe.search {
        Some(Ok(())) => println!("✓ search in {}", settings.base_dn),
        Some(Err(e)) => {
            ok = false;
            println!(
                "✗ search in {}: {e} — fix: ad.base_dn must exist and be readable by the account",
                settings.base_dn
            );
        }
        None => {}
    }
    match &probe.rights {
        Some(Ok(Some(true))) => println!(
            "✓ the account may write lockoutTime (unlock) under {}; the Reset password right \
             shows only when used (a refusal is audited as ad_refused)",
            settings.base_dn
        ),
        Some(Ok(Some(false))) => {
            ok = false;
            println!(
                "✗ the account may not write lockoutTime under {} — fix: delegate on that OU \
                 \"Reset password\" and write lockoutTime on user objects (docs/hybrid.md)",
                settings.base_dn
            );
        }
        Some(Ok(None)) => println!(
            "! no user under {} to check the rights on",
            settings.base_dn
        ),
        Some(Err(e)) => println!("! delegated rights unreadable: {e}"),
        None => {}
    }
    ok
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Only validate the configuration; do not contact the tenant.
    #[arg(long)]
    pub config_only: bool,
}

pub async fn run(config: Option<&std::path::Path>, args: CheckArgs) -> anyhow::Result<ExitCode> {
    let settings = match super::load_settings(config, Purpose::Serve) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    println!("✓ configuration is valid");
    if args.config_only {
        return Ok(ExitCode::SUCCESS);
    }
    let t = &settings.tenant;
    println!(
        "  tenant {} · app {} · {}",
        t.tenant_id, t.client_id, t.graph_base
    );
    let graph = match GraphConfig::from_settings(t)
        .and_then(|c| GraphDirectory::new(c, Arc::new(SystemClock), Arc::new(OsRandom)))
    {
        Ok(g) => g,
        Err(e) => {
            println!("✗ credentials: {}", e.detail);
            return Ok(ExitCode::from(1));
        }
    };
    let grants = match graph.grants().await {
        Ok(g) => {
            println!("✓ obtained an app token from {}", t.authority_host);
            g
        }
        Err(e) => {
            println!("✗ token: {}", e.detail);
            if !e.aadsts.is_empty() {
                println!("  AADSTS codes: {:?} · {}", e.aadsts, e.ids);
            }
            return Ok(ExitCode::from(1));
        }
    };
    let mut ok = true;
    let mail_via_graph = settings.email.transport == EmailTransport::Graph;
    for req in permissions::requirements(mail_via_graph, settings.security.revoke_sessions) {
        if permissions::satisfied(&req, &grants) {
            println!("✓ {}", req.feature);
        } else if req.required {
            ok = false;
            println!("✗ {} — fix: {}", req.feature, req.fix);
        } else {
            println!("! {} (optional) — to enable: {}", req.feature, req.fix);
        }
    }
    if permissions::has_reset_role(&grants) {
        println!("✓ directory role that can reset passwords");
    } else {
        ok = false;
        println!(
            "✗ directory role — fix: Entra admin center › Roles & admins › User Administrator › \
             Add assignments › select the Rekey app (its service principal)"
        );
    }
    match graph.find_user("rekey-check-probe@invalid.example").await {
        Ok(_) => println!("✓ test read of users"),
        Err(e) => {
            ok = false;
            println!("✗ test read of users: {} ({})", e.detail, e.ids);
        }
    }
    match graph.domains().await {
        Ok(d) => println!("✓ read {} domain password policies", d.len()),
        Err(e) => println!(
            "! domain policies unreadable (reminders need them): {}",
            e.detail
        ),
    }
    if grants.app_roles.iter().any(|r| r == "AuditLog.Read.All") {
        let since = crate::clock::Clock::now(&SystemClock) - chrono::Duration::hours(1);
        match graph.sign_in_page(since, None).await {
            Ok(_) => println!("✓ sign-in logs readable (after-reset device watch on)"),
            Err(e) if e.kind == crate::ports::DirectoryErrorKind::FeatureUnavailable => println!(
                "! sign-in logs: this tenant has no Microsoft Entra ID P1, so the after-reset device watch and `rekey signins report` are off (everything else works)"
            ),
            Err(e) => println!("! sign-in logs unreadable: {}", e.detail),
        }
    }
    if settings.ad.enabled() && !check_ad(&settings.ad).await {
        ok = false;
    }
    Ok(if ok {
        println!("Rekey can work with this tenant.");
        ExitCode::SUCCESS
    } else {
        println!("Fix the ✗ lines above, then run `rekey check` again.");
        ExitCode::from(1)
    })
}
