//! `rekey bench ad`: the reset step against the configured Active Directory (a test DC such
//! as scripts/samba.sh's): find each user by account name, then set a new password, and
//! report the step's latency. Only for test directories: it changes passwords.

use std::{process::ExitCode, time::Duration, time::Instant};

use clap::Args;
use futures_util::StreamExt;
use secrecy::SecretString;

use crate::{
    directory::ad::{ActiveDirectory, AdConfig, Found},
    settings::Purpose,
};

#[derive(Args, Debug, Clone)]
pub struct AdArgs {
    /// Users `{prefix}00000` … to reset, which must exist in `ad.base_dn`.
    #[arg(long, default_value = "bench")]
    pub prefix: String,
    #[arg(long, default_value_t = 200)]
    pub users: usize,
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
}

pub async fn run(config: Option<&std::path::Path>, a: AdArgs) -> anyhow::Result<ExitCode> {
    let settings = match super::load_settings(config, Purpose::Serve) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let Some(config) = AdConfig::from_settings(&settings.ad) else {
        anyhow::bail!("bench ad needs [ad] with bind_password and ca_file");
    };
    let directory = ActiveDirectory::new(config)?;
    // A DC that honours the history for resets remembers each user's passwords: a new
    // value per run.
    let run = crate::random::Random::token_hex(&crate::random::OsRandom, 4);
    let started = Instant::now();
    let steps: Vec<Option<Duration>> = futures_util::stream::iter(0..a.users)
        .map(|n| {
            let (directory, prefix, run) = (&directory, &a.prefix, &run);
            async move {
                let account = format!("{prefix}{n:05}");
                let step = Instant::now();
                let Found::One(user) = directory.find_by_account(&account).await.ok()? else {
                    return None;
                };
                let password = SecretString::from(format!("Bench-Harbour-{run}-{n}!"));
                directory
                    .set_password(&user.dn, &password, false)
                    .await
                    .ok()?;
                Some(step.elapsed())
            }
        })
        .buffer_unordered(a.concurrency.max(1))
        .collect()
        .await;
    let elapsed = started.elapsed();
    let mut done: Vec<Duration> = steps.iter().flatten().copied().collect();
    done.sort();
    let pick = |p: f64| {
        done.get(((done.len().saturating_sub(1)) as f64 * p).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    println!(
        "ad resets: {}/{} in {:.2}s with {} in flight; step (find + set) p50 {:.2?}, p99 {:.2?}; \
         {} LDAPS sessions opened",
        done.len(),
        a.users,
        elapsed.as_secs_f64(),
        a.concurrency,
        pick(0.5),
        pick(0.99),
        directory.sessions_opened()
    );
    Ok(if done.len() == a.users {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
