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
    Ok(if ok {
        println!("Rekey can work with this tenant.");
        ExitCode::SUCCESS
    } else {
        println!("Fix the ✗ lines above, then run `rekey check` again.");
        ExitCode::from(1)
    })
}
