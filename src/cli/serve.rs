//! `rekey serve`: the portal, the admin listener, the reminder schedule, the sign-in watch and
//! the store's pruning, until a shutdown signal.

use std::{net::TcpListener, process::ExitCode, sync::Arc};

use anyhow::Context;
use tokio_util::sync::CancellationToken;

use crate::{
    app, clock::SystemClock, random::OsRandom, reminders::schedule::Scheduler, settings::Purpose,
    telemetry, web,
};

pub async fn run(config: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let settings = match super::load_settings(config, Purpose::Serve) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    telemetry::init(&settings.log);
    let _ = telemetry::prometheus();
    let listen = settings.server.listen;
    let services = app::assemble(settings, Arc::new(SystemClock), Arc::new(OsRandom), None)
        .await
        .context("start-up failed")?;
    let cancel = CancellationToken::new();
    let scheduler = if services.settings.reminders.enabled {
        let r = &services.settings.reminders;
        let cron = Scheduler::parse(&r.schedule).context("reminders.schedule")?;
        let s = Scheduler {
            cron,
            time_zone: r.time_zone.parse().unwrap_or(chrono_tz::UTC),
            directory: services.directory.clone(),
            store: services.store.clone(),
            notifier: services.notifier.clone(),
            composer: Arc::new(super::reminders::composer(&services)?),
            clock: services.clock.clone(),
            on_premises: services.reset.on_premises.clone(),
            options: super::reminders::options(
                &services,
                services.clock.now(),
                false,
                std::time::Duration::ZERO,
            ),
            retry_every: chrono::Duration::minutes(1),
        };
        tracing::info!(schedule = %r.schedule, time_zone = %r.time_zone, "reminders scheduled");
        Some(tokio::spawn(s.run(cancel.clone())))
    } else {
        None
    };
    let admin = match services.settings.admin.listen {
        Some(addr) => {
            let l = TcpListener::bind(addr)
                .with_context(|| format!("admin.listen: cannot listen on {addr}"))?;
            tracing::info!(%addr, "admin listener (metrics, dashboard)");
            let server = crate::admin::build(
                crate::admin::AdminState {
                    store: services.store.clone(),
                    settings: services.settings.admin.clone(),
                    clock: services.clock.clone(),
                    metrics: crate::telemetry::prometheus(),
                    verifications: crate::admin::AdminState::verification_slots(),
                },
                l,
            )?;
            Some(server)
        }
        None => None,
    };
    let admin_handle = admin.as_ref().map(actix_web::dev::Server::handle);
    if let Some(a) = admin {
        tokio::spawn(a);
    }
    let pruner = {
        let (store, clock, cancel) = (
            services.store.clone(),
            services.clock.clone(),
            cancel.clone(),
        );
        let days = i64::from(services.settings.database.retention_days);
        tokio::spawn(async move {
            loop {
                let now = clock.now();
                match store.flows_prune(now).await {
                    Ok(n) if n > 0 => tracing::info!(flows = n, "expired flows pruned"),
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(error = %crate::telemetry::Chain(&e), "pruning flows failed")
                    }
                }
                if days > 0 {
                    match store
                        .retention_prune(now - chrono::Duration::days(days))
                        .await
                    {
                        Ok(n) if n > 0 => tracing::info!(rows = n, "records past retention pruned"),
                        Ok(_) => {}
                        Err(e) => {
                            tracing::warn!(error = %crate::telemetry::Chain(&e), "retention pruning failed")
                        }
                    }
                }
                tokio::select! {
                    () = cancel.cancelled() => return,
                    () = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
                }
            }
        })
    };
    let watch = app::spawn_signin_watch(&services, cancel.clone());
    let listener =
        TcpListener::bind(listen).with_context(|| format!("cannot listen on {listen}"))?;
    tracing::info!(%listen, "Rekey is serving");
    // actix stops on SIGINT/SIGTERM and lets in-flight requests finish.
    web::build(services, listener)?.await?;
    cancel.cancel();
    let _ = pruner.await;
    if let Some(w) = watch {
        let _ = w.await;
    }
    if let Some(h) = admin_handle {
        h.stop(true).await;
    }
    if let Some(task) = scheduler {
        let _ = task.await;
    }
    Ok(ExitCode::SUCCESS)
}
