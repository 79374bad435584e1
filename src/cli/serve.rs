use std::{net::TcpListener, process::ExitCode, sync::Arc};

use anyhow::Context;

use crate::{
    app,
    clock::{OsRandom, SystemClock},
    settings::Purpose,
    telemetry, web,
};

pub async fn run(config: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let settings = match super::load_settings(config, Purpose::Serve) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    telemetry::init(&settings.log);
    let listen = settings.server.listen;
    let services = app::assemble(settings, Arc::new(SystemClock), Arc::new(OsRandom), None)
        .await
        .context("start-up failed")?;
    let listener =
        TcpListener::bind(listen).with_context(|| format!("cannot listen on {listen}"))?;
    tracing::info!(%listen, "Rekey is serving");
    web::build(services, listener)?.await?;
    Ok(ExitCode::SUCCESS)
}
