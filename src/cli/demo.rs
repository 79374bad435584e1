//! `rekey demo`: the portal, a simulated tenant, SQLite and the demo outbox on this machine.

use std::{
    net::{SocketAddr, TcpListener},
    process::ExitCode,
    sync::Arc,
};

use anyhow::Context;
use base64::Engine;
use clap::Args;
use secrecy::SecretString;

use crate::{
    app,
    clock::{Clock, SystemClock},
    notify::Catcher,
    random::{OsRandom, Random},
    settings::{self, Purpose, Settings},
    simulator as sim, telemetry, web,
};

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Where the portal listens.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub listen: SocketAddr,
    /// Synthetic users to add to the simulated tenant, besides the named demo accounts.
    #[arg(long, default_value_t = 0)]
    pub users: usize,
}

const DEMO_TOML: &str = include_str!("../../config/demo.toml");

/// The demo's settings: config/demo.toml and `REKEY_*` variables (to try branding, say),
/// pointed at a simulator at `sim_base`.
pub fn demo_settings(
    sim_base: &str,
    listen: SocketAddr,
    client_secret: &str,
    rng: &dyn Random,
) -> anyhow::Result<Settings> {
    let mut s = settings::load_from_str(DEMO_TOML, std::env::vars(), Purpose::Validate).map_err(
        |e| match e {
            settings::LoadError::Invalid(problems) => anyhow::anyhow!(
                "the demo's settings:\n{}",
                problems
                    .iter()
                    .map(|p| format!("  {p} (env: {})", p.env_var()))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            other => anyhow::anyhow!("the demo's settings: {other}"),
        },
    )?;
    let key = |n: usize| {
        let mut b = vec![0u8; n];
        rng.fill(&mut b);
        SecretString::from(base64::engine::general_purpose::STANDARD.encode(b))
    };
    s.server.listen = listen;
    s.server.public_url = url::Url::parse(&format!("http://{listen}/"))?;
    s.server.session_key = Some(key(64));
    s.server.demo_mode = true;
    s.security.code_key = Some(key(32));
    s.tenant.tenant_id = super::DEMO_TENANT.into();
    s.tenant.client_id = super::DEMO_CLIENT_ID.into();
    s.tenant.client_secret = Some(SecretString::from(client_secret.to_string()));
    s.tenant.authority_host = url::Url::parse(sim_base)?;
    s.tenant.graph_base = url::Url::parse(&format!("{sim_base}/v1.0"))?;
    Ok(s)
}

pub async fn run(args: DemoArgs) -> anyhow::Result<ExitCode> {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let rng: Arc<dyn Random> = Arc::new(OsRandom);
    let client_secret = rng.token_hex(24);
    let sim_listener = TcpListener::bind("127.0.0.1:0").context("simulator port")?;
    let simulator = sim::start(
        sim::SimOptions {
            tenant: super::DEMO_TENANT.into(),
            client_id: super::DEMO_CLIENT_ID.into(),
            client_secret: client_secret.clone(),
            seed_demo: true,
            extra_users: args.users,
            now: clock.now(),
            ..sim::SimOptions::default()
        },
        sim_listener,
    )
    .await
    .context("starting the Graph simulator")?;
    let settings = demo_settings(&simulator.base_url, args.listen, &client_secret, &*rng)?;
    telemetry::init(&settings.log);
    let catcher = Catcher::new(clock.clone(), 200);
    let services = app::assemble(settings, clock, rng, Some(catcher))
        .await
        .context("start-up failed")?;
    let watch = app::spawn_signin_watch(&services, tokio_util::sync::CancellationToken::new());
    let listener = TcpListener::bind(args.listen).with_context(|| {
        format!(
            "cannot listen on {} (try --listen 127.0.0.1:8081)",
            args.listen
        )
    })?;
    let server = web::build(services, listener)?;
    println!();
    println!("  Rekey demo is running.");
    println!("  Portal:         http://{}/", args.listen);
    println!(
        "  Demo outbox:    http://{}/demo/outbox  (codes and emails land here)",
        args.listen
    );
    println!("  Graph simulator: {}", simulator.base_url);
    println!();
    println!("  Try these accounts:");
    for (upn, what) in simulator.state.demo_accounts() {
        println!("    {upn:<34} {what}");
    }
    println!();
    println!("  Press Ctrl+C to stop.");
    server.await?;
    if let Some(w) = watch {
        w.abort();
    }
    simulator.stop().await;
    Ok(ExitCode::SUCCESS)
}
