//! The `rekey` command line.

mod audit;
mod bench;
mod bench_ad;
mod check;
pub mod demo;
pub mod drive;
mod policy;
pub mod reminders;
mod serve;
mod signins;
mod sim;

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};

use crate::settings::{self, LoadError, Purpose, Settings};

#[derive(Parser, Debug)]
#[command(
    name = "rekey",
    version,
    about = "Self-service password reset for Microsoft Entra ID",
    long_about = "Rekey lets people whose password expired, or who forgot it, prove who they are \
with a one-time code and set a new, strong password in Microsoft Entra ID through Microsoft Graph.\n\n\
Configuration comes from a TOML file (--config), then REKEY_SECTION__KEY environment variables \
(e.g. REKEY_TENANT__CLIENT_SECRET). See docs/configuration.md."
)]
pub struct Cli {
    /// The TOML configuration file.
    #[arg(long, short, global = true, env = "REKEY_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the portal.
    Serve,
    /// Run the whole product on this machine: portal, simulated Entra tenant, SQLite, and
    /// a page that shows the mail and SMS that would have been sent. No account needed.
    Demo(demo::DemoArgs),
    /// Run the Microsoft Graph simulator alone (for integration tests of other tools).
    Sim(sim::SimArgs),
    /// Check the configuration and, against the tenant, the credentials, permissions and
    /// directory role Rekey needs. Exits 0 only when the enabled features can work.
    Check(check::CheckArgs),
    /// Password expiry reminders.
    #[command(subcommand)]
    Reminders(reminders::RemindersCommand),
    /// Try the password policy with a password and a user's names.
    #[command(subcommand)]
    Policy(policy::PolicyCommand),
    /// Offline breached-password data.
    #[command(subcommand)]
    Breached(policy::BreachedCommand),
    /// Admin helpers.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Measurements against a simulator on this machine (figures for the issue notes).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Organisation-wide sign-in failures: stale devices, spraying, typos.
    #[command(subcommand)]
    Signins(signins::SigninsCommand),
    /// The audit trail.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Directory reports.
    #[command(subcommand)]
    Users(UsersCommand),
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Read a token from standard input and print the argon2 hash for admin.token_hash.
    HashToken,
}

#[derive(Subcommand, Debug)]
pub enum UsersCommand {
    /// Whose password expires when.
    Expiring(reminders::ExpiringArgs),
}

/// Exit codes: 0 success, 1 a run-time failure, 2 a configuration problem.
pub fn run(cli: Cli) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("rekey: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve => serve::run(cli.config.as_deref()).await,
            Command::Demo(args) => demo::run(args).await,
            Command::Sim(args) => sim::run(args).await,
            Command::Check(args) => check::run(cli.config.as_deref(), args).await,
            Command::Reminders(cmd) => reminders::run(cli.config.as_deref(), cmd).await,
            Command::Admin(AdminCommand::HashToken) => {
                let mut token = String::new();
                std::io::stdin().read_line(&mut token)?;
                let hash = crate::admin::hash_token(token.trim()).map_err(anyhow::Error::msg)?;
                println!("{hash}");
                Ok(ExitCode::SUCCESS)
            }
            Command::Bench(cmd) => bench::run(cli.config.as_deref(), cmd).await,
            Command::Policy(cmd) => policy::run(cli.config.as_deref(), cmd).await,
            Command::Breached(cmd) => policy::breached(cmd),
            Command::Signins(cmd) => signins::run(cli.config.as_deref(), cmd).await,
            Command::Audit(cmd) => audit::run(cli.config.as_deref(), cmd).await,
            Command::Users(UsersCommand::Expiring(args)) => {
                reminders::expiring(cli.config.as_deref(), args).await
            }
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rekey: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Loads settings for a command, printing every problem (one line each) on failure.
pub fn load_settings(
    path: Option<&std::path::Path>,
    purpose: Purpose,
) -> Result<Settings, ExitCode> {
    match settings::load(path, std::env::vars(), purpose) {
        Ok(s) => Ok(s),
        Err(LoadError::Invalid(problems)) => {
            for p in &problems {
                eprintln!("config error: {p} (env: {})", p.env_var());
            }
            Err(ExitCode::from(2))
        }
        Err(e) => {
            eprintln!("config error: {e}");
            Err(ExitCode::from(2))
        }
    }
}

/// The simulated tenant of `rekey demo` and `rekey sim`.
pub const DEMO_TENANT: &str = "contoso.com";
pub const DEMO_CLIENT_ID: &str = "00000000-0000-4000-8000-00000000c0de";
