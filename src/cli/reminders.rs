//! `rekey reminders run` and `rekey users expiring`: a reminder pass now, and who expires when.

use std::{
    io::{IsTerminal, Write},
    process::ExitCode,
    sync::{Arc, Mutex},
};

use anyhow::Context;
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand, ValueEnum};

use crate::{
    app::{self, Services},
    clock::SystemClock,
    random::OsRandom,
    reminders::{
        expiry::{self, Domains, Expiry},
        pass::{PassOptions, ReminderPass, ReportRow},
    },
    settings::Purpose,
    web::{Templates, reminder_mail::TemplateComposer},
};

#[derive(Subcommand, Debug)]
pub enum RemindersCommand {
    /// Run one reminder pass now.
    Run(RunArgs),
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Decide and report, but send nothing and record nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write who gets what, and why, as CSV.
    #[arg(long, value_name = "FILE.csv")]
    pub report: Option<std::path::PathBuf>,
    /// Pretend it is this time (RFC 3339), e.g. to preview next Monday's pass.
    #[arg(long, value_name = "TIMESTAMP")]
    pub now: Option<DateTime<Utc>>,
    /// When another instance holds the reminder lease, wait this long for it to finish (or,
    /// if it crashed, for its lease to run out) before giving up with exit code 1.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub wait: u64,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Table,
    Csv,
}

#[derive(Args, Debug)]
pub struct ExpiringArgs {
    /// Only users whose password expires within this many days (expired ones included).
    #[arg(long, default_value_t = 14)]
    pub within: i64,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

async fn services(config: Option<&std::path::Path>) -> anyhow::Result<Result<Services, ExitCode>> {
    let settings = match super::load_settings(config, Purpose::Serve) {
        Ok(s) => s,
        Err(code) => return Ok(Err(code)),
    };
    crate::telemetry::init(&settings.log);
    let s = app::assemble(settings, Arc::new(SystemClock), Arc::new(OsRandom), None)
        .await
        .context("start-up failed")?;
    Ok(Ok(s))
}

pub fn options(
    s: &Services,
    now: DateTime<Utc>,
    dry_run: bool,
    wait: std::time::Duration,
) -> PassOptions {
    let r = &s.settings.reminders;
    PassOptions {
        now,
        thresholds: r.thresholds.clone(),
        time_zone: r.time_zone.parse().unwrap_or(chrono_tz::UTC),
        alternate_within_days: r.alternate_within_days,
        rate_per_minute: r.rate_per_minute,
        concurrency: r.concurrency,
        dry_run,
        holder: format!("{}-{}", hostname(), std::process::id()),
        lease: chrono::Duration::seconds(i64::try_from(r.lease_secs).unwrap_or(30).max(3)),
        wait,
    }
}

fn hostname() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "rekey".into())
}

pub fn composer(s: &Services) -> anyhow::Result<TemplateComposer> {
    let r = &s.settings.reminders;
    Ok(TemplateComposer {
        templates: Arc::new(Templates::load().map_err(anyhow::Error::msg)?),
        org_name: s.settings.branding.org_name.clone(),
        portal_url: s.settings.server.public_url.to_string(),
        time_zone: r.time_zone.parse().unwrap_or(chrono_tz::UTC),
        default_language: r.default_language.clone(),
    })
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn csv_row(r: &ReportRow) -> String {
    format!(
        "{},{},{},{},{},{},{}\n",
        csv_field(&r.upn),
        csv_field(&r.to),
        r.expires.map(|e| e.to_rfc3339()).unwrap_or_default(),
        r.days_left.map(|d| d.to_string()).unwrap_or_default(),
        r.threshold.map(|t| t.to_string()).unwrap_or_default(),
        r.outcome,
        r.source
    )
}

pub const CSV_HEADER: &str = "upn,to,expires,days_left,threshold,outcome,source\n";

pub async fn run(
    config: Option<&std::path::Path>,
    cmd: RemindersCommand,
) -> anyhow::Result<ExitCode> {
    let RemindersCommand::Run(args) = cmd;
    let s = match services(config).await? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let now = args.now.unwrap_or_else(|| s.clock.now());
    let report = match &args.report {
        Some(p) => {
            let mut f = std::fs::File::create(p)
                .with_context(|| format!("cannot write {}", p.display()))?;
            f.write_all(CSV_HEADER.as_bytes())?;
            Some(Mutex::new(std::io::BufWriter::new(f)))
        }
        None => None,
    };
    let tty = std::io::stderr().is_terminal();
    let seen = std::sync::atomic::AtomicU64::new(0);
    let on_row = |r: &ReportRow| {
        if let Some(w) = &report {
            let _ = w
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .write_all(csv_row(r).as_bytes());
        }
        let n = seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if tty && n.is_multiple_of(500) {
            eprint!("\r  scanned {n} users…");
        } else if !tty && n.is_multiple_of(10_000) {
            eprintln!("scanned {n} users");
        }
    };
    let composer = composer(&s)?;
    let pass = ReminderPass {
        directory: &*s.directory,
        store: &*s.store,
        notifier: &*s.notifier,
        composer: &composer,
        clock: &*s.clock,
        on_premises: s.reset.on_premises.as_deref(),
        opts: options(
            &s,
            now,
            args.dry_run,
            std::time::Duration::from_secs(args.wait),
        ),
        on_row: &on_row,
        cancel: tokio_util::sync::CancellationToken::new(),
    };
    let started = std::time::Instant::now();
    let summary = pass.run().await?;
    if tty {
        eprintln!();
    }
    if let Some(w) = report {
        w.into_inner().unwrap_or_else(|e| e.into_inner()).flush()?;
    }
    if summary.lease_busy {
        match &summary.lease_holder {
            Some((holder, until)) => eprintln!(
                "rekey: another instance ({holder}) holds the reminder lease until {}; nothing \
                 done. Run again after that, or with a longer --wait.",
                until.to_rfc3339()
            ),
            None => eprintln!("rekey: another instance holds the reminder lease; nothing done."),
        }
        return Ok(ExitCode::from(1));
    }
    println!(
        "{} pass at {} in {:.1}s",
        if args.dry_run { "Dry-run" } else { "Reminder" },
        now.to_rfc3339(),
        started.elapsed().as_secs_f64()
    );
    println!(
        "  scanned   {} users in {} pages",
        summary.scanned, summary.pages
    );
    if summary.ad_pages > 0 {
        println!(
            "  read      synced users' expiries from AD in {} pages",
            summary.ad_pages
        );
    }
    for (t, n) in summary.due.iter().rev() {
        println!("  due       {n} at the {t}-day threshold");
    }
    println!(
        "  {}      {}",
        if args.dry_run { "would send" } else { "sent" },
        if args.dry_run {
            summary.due.values().sum::<u64>()
        } else {
            summary.sent
        }
    );
    for (reason, n) in &summary.skipped {
        println!("  skipped   {n} ({reason})");
    }
    if summary.failed > 0 {
        println!(
            "  FAILED    {} (see the log; they are retried on the next pass)",
            summary.failed
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn expiring(
    config: Option<&std::path::Path>,
    args: ExpiringArgs,
) -> anyhow::Result<ExitCode> {
    let s = match services(config).await? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let now = s.clock.now();
    let tz = s
        .settings
        .reminders
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::UTC);
    let domains = Domains::new(s.directory.domains().await?);
    let on_premises = match &s.reset.on_premises {
        Some(ad) => Some(ad.expiries().await?),
        None => None,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Csv => out.write_all(b"upn,expires,days_left,source\n")?,
        Format::Table => writeln!(
            out,
            "{:<40} {:<12} {:>9}  FROM",
            "USER", "EXPIRES", "DAYS LEFT"
        )?,
    }
    let mut cursor: Option<String> = None;
    loop {
        let page = s.directory.list_users(cursor.as_deref()).await?;
        for u in &page.users {
            let (expiry, source) = expiry::expiry_from(u, &domains, on_premises.as_ref());
            if let Expiry::At(t) = expiry {
                let days = expiry::days_left(now, t, tz);
                if days <= args.within {
                    let date = t.with_timezone(&tz).format("%Y-%m-%d");
                    let from = source.as_str();
                    match args.format {
                        Format::Csv => {
                            writeln!(out, "{},{},{},{from}", csv_field(&u.upn), date, days)?
                        }
                        Format::Table => {
                            writeln!(out, "{:<40} {:<12} {:>9}  {from}", u.upn, date, days)?
                        }
                    }
                }
            }
        }
        match page.next {
            Some(n) => cursor = Some(n),
            None => break,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
