//! `rekey bench`: measurements the issues name, run against a simulator on this machine.
//! Figures are printed, never asserted.

use std::{
    net::TcpListener,
    process::ExitCode,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use anyhow::Context;
use clap::{Args, Subcommand};
use secrecy::SecretString;

use crate::{
    clock::SystemClock,
    directory::{
        GraphConfig, GraphDirectory,
        graph::{client::RetryPolicy, token::Credential},
    },
    ports::Directory,
    random::OsRandom,
};

#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// User lookups per second through the Graph client (connection reuse, N in flight).
    Lookups(GraphTarget),
    /// List every user page by page; compare with pages × latency; report peak RSS.
    List(GraphTarget),
    /// Complete resets through the portal over HTTP against an in-process simulator.
    Resets(ResetArgs),
    /// Start-page latency while adversarial password checks arrive at a fixed rate.
    Flood(FloodArgs),
    /// The AD reset step (find + set) against the configured `[ad]` (a test DC only).
    Ad(super::bench_ad::AdArgs),
}

#[derive(Args, Debug, Clone)]
pub struct FloodArgs {
    /// Adversarial `/api/password/check` calls per second.
    #[arg(long, default_value_t = 100)]
    pub checks_per_sec: u64,
    /// Start-page requests per second, whose latency is reported.
    #[arg(long, default_value_t = 20)]
    pub pages_per_sec: u64,
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
}

#[derive(Args, Debug, Clone)]
pub struct GraphTarget {
    /// A running `rekey sim` (login and Graph on one base URL).
    #[arg(long, default_value = "http://127.0.0.1:8090")]
    pub sim: String,
    #[arg(long, default_value = super::DEMO_TENANT)]
    pub tenant: String,
    #[arg(long, default_value = super::DEMO_CLIENT_ID)]
    pub client_id: String,
    #[arg(long, default_value = "demo-secret")]
    pub secret: String,
    #[arg(long, default_value_t = 5)]
    pub seconds: u64,
    #[arg(long, default_value_t = 32)]
    pub concurrency: usize,
    /// Simulated page latency, in ms, for the floor computation of `list`.
    #[arg(long, default_value_t = 0)]
    pub page_latency_ms: u64,
}

#[derive(Args, Debug, Clone)]
pub struct ResetArgs {
    #[arg(long, default_value_t = 200)]
    pub flows: usize,
    #[arg(long, default_value_t = 50)]
    pub concurrency: usize,
    /// Pause between a flow's steps, as a person reading the page would (0: as fast as possible).
    #[arg(long, default_value_t = 0)]
    pub think_ms: u64,
    /// Database for the portals (default: a temporary SQLite file).
    #[arg(long)]
    pub database: Option<String>,
    /// Portal instances sharing the database; each flow alternates between them.
    #[arg(long, default_value_t = 1)]
    pub instances: usize,
}

fn graph(t: &GraphTarget) -> anyhow::Result<GraphDirectory> {
    let base = t.sim.trim_end_matches('/');
    GraphDirectory::new(
        GraphConfig {
            tenant_id: t.tenant.clone(),
            client_id: t.client_id.clone(),
            credential: Credential::Secret(SecretString::from(t.secret.clone())),
            authority_host: url::Url::parse(base)?,
            graph_base: url::Url::parse(&format!("{base}/v1.0"))?,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
            retry: RetryPolicy {
                request_timeout: Duration::from_secs(30),
                max_attempts: 4,
                deadline: Duration::from_secs(60),
                base_backoff: Duration::from_millis(100),
                max_backoff: Duration::from_secs(2),
            },
            methods_cache: Duration::from_secs(60),
            profile_fallback: true,
        },
        Arc::new(SystemClock),
        Arc::new(OsRandom),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}

/// Peak resident set size of this process (Linux), in MiB.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

pub async fn run(config: Option<&std::path::Path>, cmd: BenchCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        BenchCommand::Ad(a) => super::bench_ad::run(config, a).await,
        BenchCommand::Lookups(t) => lookups(t).await,
        BenchCommand::List(t) => list(t).await,
        BenchCommand::Resets(a) => resets(a).await,
        BenchCommand::Flood(a) => flood(a).await,
    }
}

async fn lookups(t: GraphTarget) -> anyhow::Result<ExitCode> {
    let g = Arc::new(graph(&t)?);
    g.grants().await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let names = [
        "adele.vance@contoso.com",
        "alex.wilber@contoso.com",
        "nobody@contoso.com",
        "diego.siciliani@contoso.com",
    ];
    let stop = Instant::now() + Duration::from_secs(t.seconds);
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for w in 0..t.concurrency {
        let (g, lat) = (g.clone(), latencies.clone());
        tasks.push(tokio::spawn(async move {
            let mut i = w;
            let mut mine = Vec::new();
            while Instant::now() < stop {
                let started = Instant::now();
                if g.find_user(names[i % names.len()]).await.is_err() {
                    return Err(());
                }
                mine.push(started.elapsed());
                i += 1;
            }
            lat.lock().unwrap_or_else(|e| e.into_inner()).extend(mine);
            Ok(())
        }));
    }
    for task in tasks {
        if !matches!(task.await, Ok(Ok(()))) {
            anyhow::bail!("a lookup failed");
        }
    }
    let mut l = latencies.lock().unwrap_or_else(|e| e.into_inner()).clone();
    l.sort();
    println!(
        "lookups: {} in {}s = {:.0}/s; p50 {:?}, p99 {:?} ({} in flight)",
        l.len(),
        t.seconds,
        l.len() as f64 / t.seconds as f64,
        percentile(&l, 0.5),
        percentile(&l, 0.99),
        t.concurrency
    );
    Ok(ExitCode::SUCCESS)
}

async fn list(t: GraphTarget) -> anyhow::Result<ExitCode> {
    let g = graph(&t)?;
    g.grants().await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let started = Instant::now();
    let (mut pages, mut users) = (0u64, 0u64);
    let mut cursor: Option<String> = None;
    loop {
        let page = g
            .list_users(cursor.as_deref())
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        pages += 1;
        users += page.users.len() as u64;
        match page.next {
            Some(n) => cursor = Some(n),
            None => break,
        }
    }
    let elapsed = started.elapsed();
    let floor = Duration::from_millis(t.page_latency_ms * pages);
    println!(
        "list: {users} users in {pages} pages in {:.2}s; floor {:.2}s; ratio {:.3}; peak RSS {:.1} MiB",
        elapsed.as_secs_f64(),
        floor.as_secs_f64(),
        if floor.is_zero() {
            0.0
        } else {
            elapsed.as_secs_f64() / floor.as_secs_f64()
        },
        peak_rss_mib().unwrap_or(0.0)
    );
    Ok(ExitCode::SUCCESS)
}

async fn resets(a: ResetArgs) -> anyhow::Result<ExitCode> {
    let (bases, catcher, dir) =
        bench_portal(a.flows * 3, a.database.as_deref(), a.instances).await?;
    let steps = ["start", "send", "code", "password"];
    let timings: Arc<Mutex<Vec<Vec<Duration>>>> =
        Arc::new(Mutex::new(vec![Vec::new(); steps.len()]));
    let errors = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let server_errors = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let sem = Arc::new(tokio::sync::Semaphore::new(a.concurrency));
    // Synthetic users with an alternate email, enabled and cloud-only (see the simulator).
    let eligible: Vec<usize> = (0..a.flows * 3)
        .filter(|n| crate::simulator::synthetic(*n).can_reset())
        .take(a.flows)
        .collect();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for n in eligible.iter().copied() {
        let (bases, timings, errors, sem, catcher) = (
            bases.clone(),
            timings.clone(),
            errors.clone(),
            sem.clone(),
            catcher.clone(),
        );
        let server_errors = server_errors.clone();
        let think_ms = a.think_ms;
        tasks.push(tokio::spawn(async move {
            let Ok(_permit) = sem.acquire_owned().await else {
                return;
            };
            let upn = format!("user{n:06}@contoso.com");
            let alt = format!("user{n:06}@example.net");
            let Ok(person) = super::drive::ResetDriver::new() else {
                return;
            };
            // Each step may land on another instance, as behind a load balancer.
            let at = |k: usize| bases[(n + k) % bases.len()].as_str();
            let mut t = Vec::new();
            let think = || tokio::time::sleep(Duration::from_millis(think_ms));
            let mut took = |step: Result<super::drive::Stepped, _>| {
                let step = step.ok()?;
                t.push(step.took);
                if step.status >= 500 {
                    server_errors.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                step.moved_on().then_some(())
            };
            let ok = async {
                // Spread the first wave so flows arrive like people, not all at once.
                if think_ms > 0 {
                    let slot = (n as u64 * 7919) % 1000;
                    tokio::time::sleep(Duration::from_millis(think_ms * slot / 1000)).await;
                }
                took(person.start(at(0), &upn).await)?;
                think().await;
                took(person.send(at(1), None).await)?;
                let code = catcher.code_for(&alt, Duration::from_secs(10)).await?;
                think().await;
                took(person.enter_code(at(2), &code).await)?;
                let pw = format!("Bench-Harbour-Lantern-{n}");
                think().await;
                took(person.set_password(at(3), &pw).await)
            }
            .await;
            if ok.is_none() {
                errors.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                return;
            }
            let mut all = timings.lock().unwrap_or_else(|e| e.into_inner());
            for (i, d) in t.into_iter().enumerate() {
                all[i].push(d);
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = started.elapsed();
    let done = a.flows as u64 - errors.load(std::sync::atomic::Ordering::Relaxed);
    println!(
        "resets: {done}/{} complete in {:.2}s = {:.1}/s with {} concurrent flows on {} instance(s); {} responses were 5xx",
        a.flows,
        elapsed.as_secs_f64(),
        done as f64 / elapsed.as_secs_f64(),
        a.concurrency,
        a.instances.max(1),
        server_errors.load(std::sync::atomic::Ordering::Relaxed)
    );
    let mut all = timings.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for (i, step) in steps.iter().enumerate() {
        all[i].sort();
        println!(
            "  {step:<9} p50 {:>8.2?}  p99 {:>8.2?}",
            percentile(&all[i], 0.5),
            percentile(&all[i], 0.99)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ExitCode::SUCCESS)
}

/// A portal with an in-process simulator, as the benchmarks use it.
async fn bench_portal(
    extra_users: usize,
    database: Option<&str>,
    instances: usize,
) -> anyhow::Result<(Vec<String>, crate::notify::Catcher, std::path::PathBuf)> {
    let now = crate::clock::Clock::now(&SystemClock);
    let sim = crate::simulator::start(
        crate::simulator::SimOptions {
            seed_demo: true,
            now,
            extra_users,
            client_secret: "bench".into(),
            reports_rate_per_10s: 0,
            ..Default::default()
        },
        TcpListener::bind("127.0.0.1:0")?,
    )
    .await?;
    let dir = std::env::temp_dir().join(format!("rekey-bench-{}", std::process::id()));
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let mut settings = super::demo::demo_settings(&sim.base_url, addr, "bench", &OsRandom)?;
    settings
        .database
        .set_url(format!("sqlite://{}/bench.db", dir.display()));
    settings.security.requests_per_address_per_minute = 1_000_000;
    // The flood measures the checks' CPU cost, not the per-reset meter budget.
    settings.security.meter_checks_per_minute = 1_000_000;
    settings.security.codes_per_account_per_hour = 1_000;
    settings.security.start_floor_ms = 0;
    settings.security.revoke_sessions = false;
    settings.policy.history_depth = 0;
    if let Some(db) = database {
        settings.database.set_url(db.to_string());
    }
    let catcher = crate::notify::Catcher::new(Arc::new(SystemClock), 100_000);
    let mut bases = Vec::new();
    let mut listener = Some(listener);
    for _ in 0..instances.max(1) {
        let l = match listener.take() {
            Some(l) => l,
            None => TcpListener::bind("127.0.0.1:0")?,
        };
        bases.push(format!("http://{}", l.local_addr()?));
        let services = crate::app::assemble(
            settings.clone(),
            Arc::new(SystemClock),
            Arc::new(OsRandom),
            Some(catcher.clone()),
        )
        .await
        .context("assemble")?;
        tokio::spawn(crate::web::build(services, l)?);
    }
    std::mem::forget(sim);
    Ok((bases, catcher, dir))
}

async fn flood(a: FloodArgs) -> anyhow::Result<ExitCode> {
    let (bases, catcher, dir) = bench_portal(0, None, 1).await?;
    let base = bases[0].clone();
    // One verified session at the password step, as an attacker would have.
    let person = super::drive::ResetDriver::new()?;
    let alt = "alex.wilber@outlook.com";
    person.start(&base, "alex.wilber@contoso.com").await?;
    person.send(&base, None).await?;
    let code = catcher
        .code_for(alt, Duration::from_secs(10))
        .await
        .context("code")?;
    person.enter_code(&base, &code).await?;
    // Verification issued a new CSRF token; the meter needs it.
    let csrf = person.csrf(&format!("{base}/reset")).await?;
    let c = person.client().clone();
    // Crafted inputs: the l33t-dense strings that make naive zxcvbn take hundreds of ms.
    let crafted: Vec<String> = (0..50)
        .map(|i| {
            let unit = ["4@4@!1$", "P@$$w0rd", "3!1|0$5", "@@$$11!!00"][i % 4];
            let mut s = unit.repeat(256 / unit.len() + 1);
            s.truncate(40 + (i * 37) % 216);
            s
        })
        .collect();
    let stop = Instant::now() + Duration::from_secs(a.seconds);
    let flood = {
        let (c, base, csrf) = (c.clone(), base.clone(), csrf.clone());
        tokio::spawn(async move {
            let mut tick =
                tokio::time::interval(Duration::from_micros(1_000_000 / a.checks_per_sec.max(1)));
            let (mut sent, mut i) = (0u64, 0usize);
            while Instant::now() < stop {
                tick.tick().await;
                let body = serde_json::json!({"password": crafted[i % crafted.len()]});
                i += 1;
                let req = c
                    .post(format!("{base}/api/password/check"))
                    .header("X-CSRF-Token", &csrf)
                    .json(&body);
                tokio::spawn(async move {
                    let _ = req.send().await;
                });
                sent += 1;
            }
            sent
        })
    };
    let plain = reqwest::Client::new();
    let mut tick = tokio::time::interval(Duration::from_micros(1_000_000 / a.pages_per_sec.max(1)));
    let mut lat = Vec::new();
    let mut bad = 0;
    while Instant::now() < stop {
        tick.tick().await;
        let s = Instant::now();
        match plain.get(format!("{base}/")).send().await {
            Ok(r) if r.status().is_success() => {
                let _ = r.bytes().await;
                lat.push(s.elapsed());
            }
            _ => bad += 1,
        }
    }
    let sent = flood.await.unwrap_or(0);
    lat.sort();
    println!(
        "flood: {sent} adversarial checks in {}s ({}/s); start page p50 {:?}, p99 {:?}, max {:?}, {bad} failed",
        a.seconds,
        a.checks_per_sec,
        percentile(&lat, 0.5),
        percentile(&lat, 0.99),
        lat.last().copied().unwrap_or_default()
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ExitCode::SUCCESS)
}
