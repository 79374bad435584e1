//! `rekey policy check` (the verdict for a password read from standard input) and
//! `rekey breached build` (a compact offline breach list).

use std::{io::IsTerminal, path::PathBuf, process::ExitCode};

use clap::{Args, Subcommand};

use crate::{
    policy::{PasswordPolicy, Rule, UserContext},
    settings::Purpose,
};

#[derive(Subcommand, Debug)]
pub enum PolicyCommand {
    /// Read a password from standard input (not echoed) and show the verdict. Exit 0 when
    /// it would be accepted, 1 when not.
    Check(CheckArgs),
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[arg(long)]
    pub upn: Option<String>,
    #[arg(long)]
    pub given_name: Option<String>,
    #[arg(long)]
    pub surname: Option<String>,
    /// Organisation name (defaults to branding.org_name).
    #[arg(long)]
    pub org: Option<String>,
    /// Extra banned terms, added to the configured custom list.
    #[arg(long = "banned", value_name = "TERM")]
    pub banned: Vec<String>,
    /// Print the verdict as the API returns it.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum BreachedCommand {
    /// Turn a sorted Have I Been Pwned SHA-1 file ("HASH:COUNT" lines) into the compact
    /// binary form that `policy.breached.file` reads.
    Build {
        input: PathBuf,
        #[arg(long, short)]
        output: PathBuf,
    },
}

pub async fn run(config: Option<&std::path::Path>, cmd: PolicyCommand) -> anyhow::Result<ExitCode> {
    let PolicyCommand::Check(args) = cmd;
    let settings = match super::load_settings(config, Purpose::Validate) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    crate::telemetry::init(&settings.log);
    let mut policy_settings = settings.policy.clone();
    policy_settings
        .custom_banned
        .extend(args.banned.iter().cloned());
    let policy = PasswordPolicy::new(&policy_settings).map_err(|e| anyhow::anyhow!("{e}"))?;
    let password = if std::io::stdin().is_terminal() {
        zeroize::Zeroizing::new(rpassword::prompt_password("Password: ")?)
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        zeroize::Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_string())
    };
    let ctx = UserContext {
        given_name: args.given_name.clone(),
        surname: args.surname.clone(),
        display_name: None,
        upn: args.upn.clone(),
        mail: args.upn.clone(),
        org_name: Some(
            args.org
                .clone()
                .unwrap_or(settings.branding.org_name.clone()),
        ),
        extra_terms: Vec::new(),
    };
    let mut verdict = policy.evaluate(&password, &ctx);
    if verdict.accepted
        && let Some(check) = crate::breached::from_settings(&policy_settings.breached)
            .map_err(|e| anyhow::anyhow!("{e}"))?
        && check.is_breached(&password).await.unwrap_or(false)
    {
        verdict.reject(Rule::Breached, crate::policy::BREACHED_ID);
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&verdict)?);
    } else {
        println!(
            "{} (score {}/4{})",
            if verdict.accepted {
                "ACCEPTED"
            } else {
                "REJECTED"
            },
            verdict.score,
            if verdict.crack_time.is_empty() {
                String::new()
            } else {
                format!(", guessed in {}", verdict.crack_time)
            }
        );
        for f in &verdict.failed {
            let rule = serde_json::to_value(f.rule)?;
            println!("  ✗ {}: {}", rule.as_str().unwrap_or(""), f.message);
        }
        for h in &verdict.suggestions {
            println!("  · {}", h.message);
        }
    }
    Ok(if verdict.accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn breached(cmd: BreachedCommand) -> anyhow::Result<ExitCode> {
    let BreachedCommand::Build { input, output } = cmd;
    let n = crate::breached::build_compact(&input, &output).map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("wrote {n} hashes to {}", output.display());
    Ok(ExitCode::SUCCESS)
}
