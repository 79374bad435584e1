//! `rekey signins report`: stale devices, spraying and typos in the tenant's sign-in log.

use std::{io::Write, process::ExitCode, sync::Arc, time::Instant};

use anyhow::Context;
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand, ValueEnum};

use crate::{
    clock::{Clock, SystemClock},
    directory::{GraphConfig, GraphDirectory},
    ports::{Directory, DirectoryErrorKind},
    random::OsRandom,
    settings::Purpose,
    signins::{Aggregator, Pattern, Thresholds},
};

#[derive(Subcommand, Debug)]
pub enum SigninsCommand {
    /// Who keeps failing with "invalid username or password" (AADSTS50126), and why:
    /// a stale saved password, password spraying, or typos. Needs Entra ID P1.
    Report(ReportArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Table,
    Csv,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Start of the window (RFC 3339); default: 7 days ago.
    #[arg(long)]
    pub since: Option<DateTime<Utc>>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Also email each user with a stale device a "having trouble signing in?" note with the
    /// saved-password guide and the portal link (once per user and device).
    #[arg(long)]
    pub notify_stale: bool,
}

pub async fn run(
    config: Option<&std::path::Path>,
    cmd: SigninsCommand,
) -> anyhow::Result<ExitCode> {
    let SigninsCommand::Report(args) = cmd;
    let settings = match super::load_settings(config, Purpose::Serve) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    crate::telemetry::init(&settings.log);
    let graph = GraphDirectory::new(
        GraphConfig::from_settings(&settings.tenant).map_err(|e| anyhow::anyhow!("{e}"))?,
        Arc::new(SystemClock),
        Arc::new(OsRandom),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let since = args
        .since
        .unwrap_or_else(|| SystemClock.now() - chrono::Duration::days(7));
    let started = Instant::now();
    let mut agg = Aggregator::default();
    let (mut events, mut pages) = (0u64, 0u64);
    let unavailable =
        |e: &crate::ports::DirectoryError| e.kind == DirectoryErrorKind::FeatureUnavailable;
    let mut page = match graph.sign_in_page(since, None).await {
        Ok(p) => p,
        Err(e) if unavailable(&e) => {
            eprintln!("Sign-in logs need Microsoft Entra ID P1 or P2; this tenant has neither.");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(anyhow::anyhow!("{e}")).context("reading sign-in logs"),
    };
    loop {
        pages += 1;
        events += page.events.len() as u64;
        let next_link = page.next.take();
        // Fetch the next page while this one is aggregated.
        let fetch = async {
            match &next_link {
                Some(link) => Some(graph.sign_in_page(since, Some(link)).await),
                None => None,
            }
        };
        let aggregate = async {
            for e in &page.events {
                agg.push(e);
            }
        };
        let (next, ()) = tokio::join!(fetch, aggregate);
        match next {
            Some(Ok(p)) => page = p,
            Some(Err(e)) => return Err(anyhow::anyhow!("{e}")).context("reading sign-in logs"),
            None => break,
        }
    }
    let findings = agg.findings(Thresholds::default());
    // The dashboard shows the latest report's counts.
    let store = crate::store::connect(
        secrecy::ExposeSecret::expose_secret(&settings.database.url()),
        2,
    )
    .await
    .context("database")?;
    let count = |p: Pattern| findings.iter().filter(|f| f.pattern == p).count();
    let summary = serde_json::json!({
        "at": SystemClock.now().to_rfc3339(),
        "since": since.to_rfc3339(),
        "events": events,
        "stale_device": count(Pattern::StaleDevice),
        "spray": count(Pattern::Spray),
        "typo": count(Pattern::Typo),
        "unclear": count(Pattern::Unclear),
    });
    store
        .kv_set(crate::signins::REPORT_KEY, &summary.to_string())
        .await?;
    if args.notify_stale {
        let notifier = crate::app::assemble(
            settings.clone(),
            Arc::new(SystemClock),
            Arc::new(OsRandom),
            None,
        )
        .await
        .context("start-up failed")?
        .notifier;
        let portal = settings.server.public_url.to_string();
        let words = crate::i18n::Catalogs::load(&settings.branding.default_language)?;
        let lang = words.default_language();
        let t = |id: &str, args: &[(&str, crate::i18n::Arg)]| words.text(lang, id, args);
        let mut sent = 0;
        for f in findings
            .iter()
            .filter(|f| f.pattern == Pattern::StaleDevice)
        {
            let key = format!("org:{:?}", f.source);
            if !store
                .notified_insert(&f.upn, &key, SystemClock.now())
                .await?
            {
                continue;
            }
            let device = f.source.describe_with(
                &t("devices-unknown-app", &[]),
                &t("devices-unknown-device", &[]),
            );
            let m = crate::ports::Message::Email {
                to: f.upn.clone(),
                subject: t("mail-trouble-subject", &[]),
                text: format!(
                    "{}\n\n{}\n{}\n",
                    t(
                        "mail-trouble-body",
                        &[
                            ("device", device.into()),
                            ("account", f.upn.as_str().into()),
                            ("count", f.failures.into()),
                            (
                                "since",
                                f.first.format("%Y-%m-%d %H:%M UTC").to_string().into()
                            ),
                        ]
                    ),
                    t(
                        "mail-trouble-update",
                        &[(
                            "url",
                            format!("{portal}reset/guide#{}", f.source.guide_step()).into()
                        )]
                    ),
                    t("mail-trouble-forgot", &[("url", portal.as_str().into())]),
                ),
                html: None,
            };
            match notifier.send(&m).await {
                Ok(()) => sent += 1,
                Err(e) => eprintln!("not sent to {}: {e}", f.upn),
            }
        }
        eprintln!("{sent} \"having trouble signing in?\" notes sent");
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Csv => {
            writeln!(
                out,
                "pattern,upn,app,client_app,os,device,ip_address,failures,first,last"
            )?;
            for f in &findings {
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},{}",
                    serde_json::to_value(f.pattern)?.as_str().unwrap_or(""),
                    csv(&f.upn),
                    csv(&f.source.app),
                    csv(&f.source.client_app),
                    csv(&f.source.os),
                    csv(&f.source.device),
                    csv(&f.ip_address),
                    f.failures,
                    f.first.to_rfc3339(),
                    f.last.to_rfc3339()
                )?;
            }
        }
        Format::Table => {
            for p in [
                Pattern::StaleDevice,
                Pattern::Spray,
                Pattern::Typo,
                Pattern::Unclear,
            ] {
                let of: Vec<_> = findings.iter().filter(|f| f.pattern == p).collect();
                writeln!(out, "{p:?}: {}", of.len())?;
                for f in of.iter().take(50) {
                    writeln!(
                        out,
                        "  {:<36} {:>4} failures  {}  from {}",
                        f.upn,
                        f.failures,
                        f.source.describe(),
                        f.ip_address
                    )?;
                }
            }
        }
    }
    out.flush()?;
    eprintln!(
        "{events} sign-ins in {pages} pages since {} read in {:.2}s",
        since.to_rfc3339(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
