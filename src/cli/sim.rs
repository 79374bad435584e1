//! `rekey sim`: the Microsoft Graph simulator on its own, for other tools' tests.

use std::{net::TcpListener, process::ExitCode, time::Duration};

use anyhow::Context;
use clap::Args;

use crate::{
    clock::{Clock, SystemClock},
    simulator as sim,
};

#[derive(Args, Debug)]
pub struct SimArgs {
    /// Where the simulator listens (login and Graph on one base URL).
    #[arg(long, default_value = "127.0.0.1:8090", value_name = "ADDR:PORT")]
    pub listen: std::net::SocketAddr,
    /// Synthetic users besides the demo tenant (100000 is fine).
    #[arg(long, default_value_t = 0)]
    pub users: usize,
    /// Tenant domain used in the token URL.
    #[arg(long, default_value = super::DEMO_TENANT)]
    pub tenant: String,
    #[arg(long, default_value = super::DEMO_CLIENT_ID)]
    pub client_id: String,
    /// The client secret the simulator accepts.
    #[arg(long, env = "REKEY_SIM_CLIENT_SECRET", default_value = "demo-secret")]
    pub client_secret: String,
    /// Simulate a tenant without Entra ID P1 (no sign-in logs).
    #[arg(long)]
    pub no_premium: bool,
    /// Synthetic sign-in events over the last week (1000000 is fine).
    #[arg(long, default_value_t = 0)]
    pub signins: usize,
    /// Latency added to every request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Marks synthetic users as synced from on-premises AD, the n-th user from the n-th
    /// line of FILE: `SID sAMAccountName domain` (e.g. listed from a test DC), so reminder
    /// passes join them with AD's expiries.
    #[arg(long, value_name = "FILE")]
    pub synced_from: Option<std::path::PathBuf>,
}

pub async fn run(args: SimArgs) -> anyhow::Result<ExitCode> {
    crate::telemetry::init(&Default::default());
    let listener = TcpListener::bind(args.listen)
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let server = sim::start(
        sim::SimOptions {
            tenant: args.tenant.clone(),
            client_id: args.client_id.clone(),
            client_secret: args.client_secret.clone(),
            seed_demo: true,
            extra_users: args.users,
            premium: !args.no_premium,
            signins: args.signins,
            reports_rate_per_10s: 0,
            now: SystemClock.now(),
            ..sim::SimOptions::default()
        },
        listener,
    )
    .await?;
    if let Some(file) = &args.synced_from {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let mut marked = 0usize;
        for (n, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [sid, account, domain] = fields[..] else {
                anyhow::bail!(
                    "{}:{}: expected `SID account domain`",
                    file.display(),
                    n + 1
                );
            };
            if n >= args.users {
                anyhow::bail!("{} lists more objects than --users", file.display());
            }
            server
                .state
                .set_on_premises(&sim::synthetic_upn(n), Some(sid), account, domain);
            marked += 1;
        }
        eprintln!("{marked} synthetic users marked as synced from AD");
    }
    if args.latency_ms > 0 {
        server
            .state
            .faults()
            .set_latency(Duration::from_millis(args.latency_ms));
    }
    println!("Graph simulator on {}", server.base_url);
    println!(
        "  token:  POST {}/{}/oauth2/v2.0/token",
        server.base_url, args.tenant
    );
    println!("  graph:  {}/v1.0", server.base_url);
    println!(
        "  client_id={} (secret from --client-secret)",
        args.client_id
    );
    tokio::signal::ctrl_c().await?;
    server.stop().await;
    Ok(ExitCode::SUCCESS)
}
