//! `rekey audit export`: the audit trail as JSON lines or CSV on standard output.

use std::{io::Write, process::ExitCode};

use anyhow::Context;
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand, ValueEnum};

use crate::settings::Purpose;

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Stream the audit log, oldest first.
    Export(ExportArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Only events at or after this time (RFC 3339).
    #[arg(long)]
    pub since: Option<DateTime<Utc>>,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
}

fn csv(s: Option<&str>) -> String {
    let s = s.unwrap_or("");
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub async fn run(config: Option<&std::path::Path>, cmd: AuditCommand) -> anyhow::Result<ExitCode> {
    let AuditCommand::Export(args) = cmd;
    let settings = match super::load_settings(config, Purpose::Validate) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    crate::telemetry::init(&settings.log);
    let store = crate::store::connect(
        secrecy::ExposeSecret::expose_secret(&settings.database.url()),
        2,
    )
    .await
    .context("database")?;
    let mut cursor = (
        args.since.unwrap_or(DateTime::<Utc>::UNIX_EPOCH),
        String::new(),
    );
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Format::Csv = args.format {
        writeln!(
            out,
            "id,at,correlation_id,account,action,outcome,client_addr,user_agent,detail"
        )?;
    }
    loop {
        let batch = store.audit_after(cursor.0, &cursor.1, 5_000).await?;
        let Some(last) = batch.last() else { break };
        cursor = (last.at, last.id.clone());
        for e in &batch {
            match args.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, e)?;
                    out.write_all(b"\n")?;
                }
                Format::Csv => writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{}",
                    csv(Some(&e.id)),
                    e.at.to_rfc3339(),
                    csv(Some(&e.correlation_id)),
                    csv(e.account.as_deref()),
                    csv(Some(&e.action)),
                    csv(Some(&e.outcome)),
                    csv(e.client_addr.as_deref()),
                    csv(e.user_agent.as_deref()),
                    csv(e.detail.as_deref()),
                )?,
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
