//! Expiry reminders against the simulated tenant: the right people, the right threshold,
//! exactly once, surviving crashes, concurrency and throttling.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{
    collections::BTreeSet,
    net::TcpListener,
    sync::{
        Arc, Mutex,
        atomic::{AtomicU32, Ordering},
    },
    time::Duration,
};

use async_trait::async_trait;
use rekey::{
    clock::ManualClock,
    directory::{
        GraphConfig, GraphDirectory,
        graph::{client::RetryPolicy, token::Credential},
    },
    notify::Catcher,
    ports::{Message, Notifier, NotifyError, Store},
    random::OsRandom,
    reminders::pass::{PassOptions, ReminderPass, ReportRow, Summary},
    simulator::{self as sim, FaultKind, FaultRule},
    web::{Templates, reminder_mail::TemplateComposer},
};

struct Rig {
    sim: sim::SimServer,
    graph: GraphDirectory,
    store: Arc<dyn Store>,
    now: chrono::DateTime<chrono::Utc>,
    composer: TemplateComposer,
    _dir: support::TempDir,
}

fn composer() -> TemplateComposer {
    TemplateComposer {
        templates: Arc::new(Templates::load().unwrap()),
        org_name: "Contoso".into(),
        portal_url: "https://password.contoso.com/".into(),
        time_zone: chrono_tz::UTC,
        default_language: "en".into(),
    }
}

/// The production Graph client against the simulator at `base`, with fast retries.
fn graph(base: &str, now: chrono::DateTime<chrono::Utc>) -> GraphDirectory {
    GraphDirectory::new(
        GraphConfig {
            tenant_id: "contoso.com".into(),
            client_id: support::CLIENT_ID.into(),
            credential: Credential::Secret(secrecy::SecretString::from(
                support::SECRET.to_string(),
            )),
            authority_host: url::Url::parse(base).unwrap(),
            graph_base: url::Url::parse(&format!("{base}/v1.0")).unwrap(),
            connect_timeout: Duration::from_secs(2),
            request_timeout: Duration::from_secs(5),
            retry: RetryPolicy {
                request_timeout: Duration::from_secs(5),
                max_attempts: 6,
                deadline: Duration::from_secs(20),
                base_backoff: Duration::from_millis(10),
                max_backoff: Duration::from_millis(50),
            },
            methods_cache: Duration::from_secs(0),
            profile_fallback: true,
        },
        Arc::new(ManualClock::new(now)),
        Arc::new(OsRandom),
    )
    .unwrap()
}

async fn rig() -> Rig {
    let now = support::start_time();
    let sim = sim::start(
        support::sim_options(now),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    let graph = graph(&sim.base_url, now);
    let dir = support::TempDir::new("reminders");
    let url = match support::fresh_postgres().await {
        Some(pg) => pg,
        None => format!("sqlite://{}/r.db", dir.0.display()),
    };
    let store = rekey::store::connect(&url, 4).await.unwrap();
    let composer = composer();
    Rig {
        sim,
        graph,
        store,
        now,
        composer,
        _dir: dir,
    }
}

fn opts(now: chrono::DateTime<chrono::Utc>, holder: &str) -> PassOptions {
    PassOptions {
        now,
        thresholds: vec![14, 7, 3, 1],
        time_zone: chrono_tz::UTC,
        alternate_within_days: 0,
        rate_per_minute: 0,
        concurrency: 4,
        dry_run: false,
        holder: holder.into(),
        lease: chrono::Duration::minutes(5),
        wait: Duration::ZERO,
    }
}

async fn run(r: &Rig, notifier: &dyn Notifier, o: PassOptions) -> (Summary, Vec<ReportRow>) {
    let rows = Mutex::new(Vec::new());
    let on_row = |row: &ReportRow| rows.lock().unwrap().push(row.clone());
    let clock = ManualClock::new(o.now);
    let pass = ReminderPass {
        directory: &r.graph,
        store: &*r.store,
        notifier,
        composer: &r.composer,
        clock: &clock,
        on_premises: None,
        opts: o,
        on_row: &on_row,
        cancel: tokio_util::sync::CancellationToken::new(),
    };
    let s = pass.run().await.unwrap();
    (s, rows.into_inner().unwrap())
}

fn sent(c: &Catcher) -> BTreeSet<(String, String)> {
    c.messages()
        .into_iter()
        .filter_map(|m| match m.message {
            Message::Email { to, subject, .. } => Some((to, subject)),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn the_demo_tenant_gets_exactly_the_expected_reminders_once() {
    let r = rig().await;
    let catcher = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let (summary, rows) = run(&r, &catcher, opts(r.now, "a")).await;
    let want: BTreeSet<(String, String)> = [
        (
            "adele.vance@contoso.com",
            "Your password expires in 14 days",
        ),
        ("alex.wilber@contoso.com", "Your password expires in 7 days"),
        (
            "diego.siciliani@contoso.com",
            "Your password expires in 3 days",
        ),
        ("lee.gu@contoso.com", "Your password expires tomorrow"),
        // Expired: to the alternate address, since the work mailbox is out of reach.
        ("grady.archie@yahoo.com", "Your password has expired"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(sent(&catcher), want);
    assert_eq!(summary.sent, 5);
    assert_eq!(summary.due.get(&14), Some(&1));
    assert_eq!(summary.due.get(&1), Some(&2));
    let outcome = |upn: &str| {
        rows.iter()
            .find(|r| r.upn == upn)
            .map(|r| r.outcome.clone())
    };
    assert_eq!(
        outcome("johanna.lorenz@contoso.com").as_deref(),
        Some("never_expires_user")
    );
    assert_eq!(
        outcome("lidia.holloway@partners.contoso.com").as_deref(),
        Some("never_expires_domain")
    );
    assert_eq!(
        outcome("sam.synced@contoso.com").as_deref(),
        Some("synced_from_on_premises")
    );
    assert_eq!(
        outcome("dave.disabled@contoso.com").as_deref(),
        Some("disabled")
    );
    assert_eq!(summary.skipped.get("synced_from_on_premises"), Some(&1));
    let audit = r
        .store
        .audit_after(r.now - chrono::Duration::hours(1), "", 100)
        .await
        .unwrap();
    let pass = audit
        .iter()
        .find(|e| e.action == "reminders.pass")
        .expect("an audit event per pass");
    assert_eq!(pass.outcome, "completed");
    assert!(pass.detail.as_deref().unwrap_or("").contains("\"sent\":5"));

    // A rerun sends nothing.
    let again = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let (s2, _) = run(&r, &again, opts(r.now, "a")).await;
    assert_eq!(s2.sent, 0);
    assert!(again.messages().is_empty());

    // Four days later only the crossings since are new: 14 → 7 for Adele... (10 days left).
    let later = r.now + chrono::Duration::days(4);
    let c3 = Catcher::new(Arc::new(ManualClock::new(later)), 1000);
    run(&r, &c3, opts(later, "a")).await;
    let subjects: BTreeSet<String> = sent(&c3)
        .into_iter()
        .map(|(to, s)| format!("{to}: {s}"))
        .collect();
    assert!(
        subjects.contains("alex.wilber@contoso.com: Your password expires in 3 days"),
        "{subjects:?}"
    );
    assert!(
        !subjects.iter().any(|s| s.starts_with("adele.vance")),
        "10 days left: nothing new"
    );
}

#[tokio::test]
async fn a_new_password_starts_a_new_cycle() {
    let r = rig().await;
    let c = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    run(&r, &c, opts(r.now, "a")).await;
    // Alex changes the password; 83 days later the new cycle reaches 7 days again.
    let alex = r.sim.state.user("alex.wilber@contoso.com").unwrap();
    rekey::ports::Directory::set_password(
        &r.graph,
        &alex.id,
        &secrecy::SecretString::from("Brand-New-Passw0rd-42".to_string()),
    )
    .await
    .unwrap();
    let changed = r.sim.state.user(&alex.id).unwrap().last_password_change;
    let later = changed + chrono::Duration::days(83);
    let c2 = Catcher::new(Arc::new(ManualClock::new(later)), 1000);
    run(&r, &c2, opts(later, "a")).await;
    assert!(
        sent(&c2)
            .iter()
            .any(|(to, s)| to == "alex.wilber@contoso.com" && s.contains("7 days"))
    );
}

/// Fails (as a crash would: nothing marked) after `limit` successful sends.
struct CrashAfter {
    inner: Catcher,
    left: AtomicU32,
}

#[async_trait]
impl Notifier for CrashAfter {
    async fn send(&self, m: &Message) -> Result<(), NotifyError> {
        if self.left.load(Ordering::SeqCst) == 0 {
            std::future::pending::<()>().await;
        }
        self.left.fetch_sub(1, Ordering::SeqCst);
        self.inner.send(m).await
    }
}

#[tokio::test]
async fn a_crash_mid_pass_then_a_rerun_delivers_each_due_message_once() {
    let r = rig().await;
    let delivered = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let crashing = CrashAfter {
        inner: delivered.clone(),
        left: AtomicU32::new(2),
    };
    let mut o = opts(r.now, "crashy");
    o.concurrency = 1;
    o.lease = chrono::Duration::seconds(1);
    // The pass hangs on its third send; dropping it is the kill -9.
    let _ = tokio::time::timeout(Duration::from_millis(1500), run(&r, &crashing, o)).await;
    assert_eq!(delivered.messages().len(), 2);
    // The dead pass's lease expires; the rerun sends the rest, each once.
    let mut o2 = opts(r.now + chrono::Duration::seconds(2), "rerun");
    o2.now = r.now;
    let clock_later = r.now + chrono::Duration::seconds(2);
    let rows = Mutex::new(Vec::new());
    let on_row = |row: &ReportRow| rows.lock().unwrap().push(row.clone());
    let pass = ReminderPass {
        directory: &r.graph,
        store: &*r.store,
        notifier: &delivered,
        composer: &r.composer,
        clock: &ManualClock::new(clock_later),
        on_premises: None,
        opts: o2,
        on_row: &on_row,
        cancel: tokio_util::sync::CancellationToken::new(),
    };
    let s = pass.run().await.unwrap();
    assert!(!s.lease_busy);
    let all: Vec<(String, String)> = delivered
        .messages()
        .into_iter()
        .filter_map(|m| match m.message {
            Message::Email { to, subject, .. } => Some((to, subject)),
            _ => None,
        })
        .collect();
    let unique: BTreeSet<_> = all.iter().cloned().collect();
    assert_eq!(unique.len(), 5, "every due reminder delivered: {all:?}");
    // At most one duplicate: the message in flight when the pass died.
    assert!(all.len() <= 6, "{all:?}");
}

#[tokio::test]
async fn two_passes_at_once_run_one() {
    let r = rig().await;
    let c1 = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let c2 = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let (a, b) = tokio::join!(
        run(&r, &c1, opts(r.now, "one")),
        run(&r, &c2, opts(r.now, "two"))
    );
    assert!(a.0.lease_busy != b.0.lease_busy, "exactly one ran");
    assert_eq!(c1.messages().len() + c2.messages().len(), 5);
}

#[tokio::test]
async fn a_429_storm_while_listing_is_waited_out() {
    let r = rig().await;
    r.sim.state.faults().add(FaultRule {
        method: Some("GET".into()),
        path_contains: Some("/v1.0/users".into()),
        times: Some(3),
        kind: FaultKind::Throttle {
            retry_after: "0.1".into(),
        },
    });
    let c = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let (s, _) = run(&r, &c, opts(r.now, "a")).await;
    assert_eq!(s.sent, 5);
    assert_eq!(r.graph.stats().throttled.load(Ordering::Relaxed), 3);
}

/// Fails transiently `n` times per message, then delivers.
struct Flaky {
    inner: Catcher,
    failures: AtomicU32,
}

#[async_trait]
impl Notifier for Flaky {
    async fn send(&self, m: &Message) -> Result<(), NotifyError> {
        if self.failures.load(Ordering::SeqCst) > 0 {
            self.failures.fetch_sub(1, Ordering::SeqCst);
            return Err(NotifyError::Transient("421 try again".into()));
        }
        self.inner.send(m).await
    }
}

#[tokio::test]
async fn send_failures_are_retried_and_permanent_ones_reported() {
    let r = rig().await;
    let ok = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let mut o = opts(r.now, "a");
    o.concurrency = 1;
    let flaky = Flaky {
        inner: ok.clone(),
        failures: AtomicU32::new(2),
    };
    let (s, _) = run(&r, &flaky, o.clone()).await;
    assert_eq!(s.sent, 5, "transient failures retried");
    assert_eq!(s.failed, 0);

    struct Refuse;
    #[async_trait]
    impl Notifier for Refuse {
        async fn send(&self, _: &Message) -> Result<(), NotifyError> {
            Err(NotifyError::Permanent("550 mailbox unavailable".into()))
        }
    }
    let r2 = rig().await;
    let (s, rows) = run(&r2, &Refuse, o).await;
    assert_eq!(s.failed, 5);
    assert_eq!(rows.iter().filter(|r| r.outcome == "failed").count(), 5);
    // Failed reminders are not marked sent: the next pass tries again.
    let c = Catcher::new(Arc::new(ManualClock::new(r2.now)), 1000);
    let (again, _) = run(&r2, &c, opts(r2.now, "b")).await;
    assert_eq!(again.sent, 5);
}

#[tokio::test]
async fn a_dry_run_sends_and_records_nothing() {
    let r = rig().await;
    let c = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let mut o = opts(r.now, "a");
    o.dry_run = true;
    let (s, rows) = run(&r, &c, o).await;
    assert!(c.messages().is_empty());
    assert_eq!(rows.iter().filter(|r| r.outcome == "would_send").count(), 5);
    assert_eq!(s.due.values().sum::<u64>(), 5);
    let (real, _) = run(&r, &c, opts(r.now, "a")).await;
    assert_eq!(real.sent, 5, "nothing was recorded by the dry run");
}

#[test]
fn messages_in_two_languages() {
    use rekey::reminders::pass::{ReminderComposer, ReminderFacts};
    let composer = TemplateComposer {
        templates: Arc::new(Templates::load().unwrap()),
        org_name: "Contoso".into(),
        portal_url: "https://password.contoso.com/".into(),
        time_zone: chrono_tz::Europe::Berlin,
        default_language: "en".into(),
    };
    let facts = |lang: Option<&str>| ReminderFacts {
        upn: "johanna.lorenz@contoso.com".into(),
        display_name: Some("Johanna Lorenz".into()),
        to: "johanna.lorenz@contoso.com".into(),
        expires: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        days_left: 7,
        threshold: 7,
        language: lang.map(str::to_string),
        expired: false,
    };
    let text = |m: Message| match m {
        Message::Email {
            subject,
            text,
            html,
            ..
        } => (subject, text, html.unwrap_or_default()),
        _ => panic!(),
    };
    let (subject, body, html) = text(composer.compose(&facts(Some("de-DE"))).unwrap());
    assert_eq!(subject, "Ihr Passwort läuft in 7 Tagen ab");
    let expected_de = "Guten Tag Johanna Lorenz,\n\nDas Passwort von johanna.lorenz@contoso.com läuft am 15.01.2027 ab, also in 7 Tagen.\n\nÄndern Sie es jetzt unter https://password.contoso.com/\n";
    assert!(body.starts_with(expected_de), "{body}");
    assert!(html.contains("<a href=\"https://password.contoso.com/\">"));
    let (subject, body, _) = text(composer.compose(&facts(Some("sv-SE"))).unwrap());
    assert_eq!(subject, "Your password expires in 7 days");
    let expected_en = "Hello Johanna Lorenz,\n\nThe password of johanna.lorenz@contoso.com expires on 15 January 2027, in 7 days.\n\nChange it now at https://password.contoso.com/\n";
    assert!(body.starts_with(expected_en), "{body}");
    // Right-to-left mail says so, and a language without plural forms still gets its number.
    let (_, body, html) = text(composer.compose(&facts(Some("ar-EG"))).unwrap());
    assert!(html.contains("dir=\"rtl\""), "{html}");
    assert!(body.contains("15/01/2027"), "{body}");
    let (subject, _, _) = text(composer.compose(&facts(Some("ja-JP"))).unwrap());
    assert!(subject.contains('7'), "{subject}");
    assert!(!body.contains("token"), "no token in the link");
}

#[tokio::test]
async fn an_expired_user_is_reminded_at_the_registered_authentication_email() {
    let r = rig().await;
    // Grady's alternate address is registered only as an authentication method now.
    r.sim
        .state
        .set_other_mails("grady.archie@contoso.com", Vec::new());
    let catcher = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let (_, rows) = run(&r, &catcher, opts(r.now, "a")).await;
    let grady = rows
        .iter()
        .find(|row| row.upn == "grady.archie@contoso.com")
        .unwrap();
    assert_eq!(grady.outcome, "sent", "{grady:?}");
    assert_eq!(grady.to, "grady.archie@yahoo.com");
    assert!(sent(&catcher).contains(&(
        "grady.archie@yahoo.com".to_string(),
        "Your password has expired".to_string()
    )));
}

/// A pass on the wall clock, so leases expire as they would in production.
async fn run_live(r: &Rig, notifier: &dyn Notifier, o: PassOptions) -> Summary {
    let pass = ReminderPass {
        directory: &r.graph,
        store: &*r.store,
        notifier,
        composer: &r.composer,
        clock: &rekey::clock::SystemClock,
        on_premises: None,
        opts: o,
        on_row: &|_| {},
        cancel: tokio_util::sync::CancellationToken::new(),
    };
    pass.run().await.unwrap()
}

fn wall_now() -> chrono::DateTime<chrono::Utc> {
    use rekey::clock::Clock;
    rekey::clock::SystemClock.now()
}

#[tokio::test]
async fn a_crashed_pass_blocks_the_next_only_until_its_short_lease_runs_out() {
    use rekey::reminders::pass::LEASE;
    let r = rig().await;
    // A pass that died a moment ago: its 30-second lease has two seconds left.
    let until = wall_now() + chrono::Duration::seconds(2);
    assert!(
        r.store
            .lease_acquire(LEASE, "crashed-host-4242", until, wall_now())
            .await
            .unwrap()
    );
    let catcher = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    // Without waiting: busy, and who holds it until when is reported.
    let busy = run_live(&r, &catcher, opts(r.now, "impatient")).await;
    assert!(busy.lease_busy);
    let (holder, held_until) = busy.lease_holder.unwrap();
    assert_eq!(holder, "crashed-host-4242");
    assert_eq!(held_until.timestamp(), until.timestamp());
    assert!(catcher.messages().is_empty());
    // Waiting (the CLI waits up to --wait): the pass runs once the dead lease expires.
    let mut o = opts(r.now, "patient");
    o.wait = Duration::from_secs(10);
    let started = std::time::Instant::now();
    let done = run_live(&r, &catcher, o).await;
    assert!(!done.lease_busy);
    assert_eq!(done.sent, 5);
    assert!(started.elapsed() >= Duration::from_millis(1000));
}

#[tokio::test]
async fn the_heartbeat_keeps_a_slow_pass_lease() {
    let r = rig().await;
    // Every Graph call takes 400 ms: listing alone outlasts the 600 ms lease.
    r.sim.state.faults().set_latency(Duration::from_millis(400));
    let slow = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
    let mut o = opts(r.now, "slow");
    o.lease = chrono::Duration::milliseconds(600);
    let a = run_live(&r, &slow, o);
    let b = async {
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let other = Catcher::new(Arc::new(ManualClock::new(r.now)), 1000);
        let s = run_live(&r, &other, opts(r.now, "intruder")).await;
        (s, other.messages().len())
    };
    let (a, (b, b_sent)) = tokio::join!(a, b);
    assert!(b.lease_busy, "the slow pass still held its lease");
    assert_eq!(b_sent, 0);
    assert!(!a.lease_busy);
    assert_eq!(a.sent, 5);
}

#[tokio::test]
async fn the_schedule_retries_a_pass_that_did_not_complete() {
    use rekey::reminders::{
        pass::{LEASE, ReminderPass as Pass},
        schedule::Scheduler,
    };
    let r = rig().await;
    let until = wall_now() + chrono::Duration::seconds(1);
    r.store
        .lease_acquire(LEASE, "crashed-host", until, wall_now())
        .await
        .unwrap();
    let catcher = Arc::new(Catcher::new(Arc::new(ManualClock::new(r.now)), 1000));
    let graph = Arc::new(graph(&r.sim.base_url, r.now));
    let scheduler = Scheduler {
        cron: Scheduler::parse("0 8 * * *").unwrap(),
        time_zone: chrono_tz::UTC,
        directory: graph,
        store: r.store.clone(),
        notifier: catcher.clone(),
        composer: Arc::new(composer()),
        clock: Arc::new(rekey::clock::SystemClock),
        on_premises: None,
        options: opts(r.now, "scheduled"),
        retry_every: chrono::Duration::milliseconds(300),
    };
    let due = wall_now();
    tokio::time::timeout(
        Duration::from_secs(20),
        scheduler.run_due(due, &tokio_util::sync::CancellationToken::new()),
    )
    .await
    .expect("the retries end once a pass completed");
    assert_eq!(catcher.messages().len(), 5, "the retried pass sent");
    assert!(Pass::completed_at(&*r.store).await.unwrap().unwrap() >= due);
}
