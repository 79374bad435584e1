//! The production Graph client against the simulator, with faults: tokens, throttling,
//! outages, typed errors, quoting and paging. Nothing here depends on simulator internals
//! except to inject faults and read counters, as a test of a real service would.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{net::TcpListener, sync::Arc, time::Duration};

use rekey::{
    clock::ManualClock,
    directory::{
        GraphConfig, GraphDirectory,
        graph::{client::RetryPolicy, token::Credential},
    },
    ports::{Directory, DirectoryErrorKind as K},
    random::OsRandom,
    simulator::{self as sim, FaultKind, FaultRule},
};
use secrecy::SecretString;

struct Rig {
    sim: sim::SimServer,
    graph: GraphDirectory,
    clock: ManualClock,
}

fn config(sim: &sim::SimServer, secret: &str, attempts: u32, deadline: Duration) -> GraphConfig {
    GraphConfig {
        tenant_id: "contoso.com".into(),
        client_id: support::CLIENT_ID.into(),
        credential: Credential::Secret(SecretString::from(secret.to_string())),
        authority_host: url::Url::parse(&sim.base_url).unwrap(),
        graph_base: url::Url::parse(&format!("{}/v1.0", sim.base_url)).unwrap(),
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_millis(1500),
        retry: RetryPolicy {
            request_timeout: Duration::from_millis(1500),
            max_attempts: attempts,
            deadline,
            base_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(50),
        },
        methods_cache: Duration::from_secs(60),
        profile_fallback: true,
    }
}

async fn rig_with(extra_users: usize, secret: &str) -> Rig {
    let now = support::start_time();
    let mut opts = support::sim_options(now);
    opts.extra_users = extra_users;
    let sim = sim::start(opts, TcpListener::bind("127.0.0.1:0").unwrap())
        .await
        .unwrap();
    let clock = ManualClock::new(now);
    let graph = GraphDirectory::new(
        config(&sim, secret, 5, Duration::from_secs(10)),
        Arc::new(clock.clone()),
        Arc::new(OsRandom),
    )
    .unwrap();
    Rig { sim, graph, clock }
}

async fn rig() -> Rig {
    rig_with(0, support::SECRET).await
}

fn rule(path: &str, kind: FaultKind, times: u32) -> FaultRule {
    FaultRule {
        method: None,
        path_contains: Some(path.into()),
        times: Some(times),
        kind,
    }
}

#[tokio::test]
async fn the_token_is_cached_and_refreshed_before_expiry() {
    let r = rig().await;
    for _ in 0..5 {
        r.graph.find_user("adele.vance@contoso.com").await.unwrap();
    }
    assert_eq!(r.sim.state.token_requests(), 1);
    // 56 minutes later the token (3599 s) is within its refresh margin.
    r.clock.advance(chrono::Duration::minutes(56));
    r.graph.find_user("adele.vance@contoso.com").await.unwrap();
    assert_eq!(r.sim.state.token_requests(), 2);
}

#[tokio::test]
async fn concurrent_callers_share_one_token_request() {
    let r = Arc::new(rig().await);
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let r = r.clone();
        tasks.push(tokio::spawn(async move {
            r.graph
                .find_user("adele.vance@contoso.com")
                .await
                .map(|u| u.is_some())
        }));
    }
    for t in tasks {
        assert!(t.await.unwrap().unwrap());
    }
    assert_eq!(r.sim.state.token_requests(), 1);
}

#[tokio::test]
async fn a_revoked_token_is_refreshed_once_then_the_call_succeeds() {
    let r = rig().await;
    r.graph.find_user("adele.vance@contoso.com").await.unwrap();
    r.sim.state.revoke_all_tokens();
    let u = r.graph.find_user("adele.vance@contoso.com").await.unwrap();
    assert!(u.is_some());
    assert_eq!(r.sim.state.token_requests(), 2);
    assert_eq!(
        r.graph
            .stats()
            .token_refreshes_on_401
            .load(std::sync::atomic::Ordering::Relaxed),
        1
    );
}

#[tokio::test]
async fn a_429_storm_is_waited_out_and_counted() {
    let r = rig().await;
    r.sim.state.faults().add(rule(
        "/users",
        FaultKind::Throttle {
            retry_after: "0.05".into(),
        },
        3,
    ));
    let started = std::time::Instant::now();
    let u = r.graph.find_user("adele.vance@contoso.com").await.unwrap();
    assert!(u.is_some());
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "Retry-After honoured"
    );
    assert_eq!(
        r.graph
            .stats()
            .throttled
            .load(std::sync::atomic::Ordering::Relaxed),
        3
    );
}

#[tokio::test]
async fn persistent_503s_surface_as_unavailable_with_request_ids() {
    let r = rig().await;
    r.sim
        .state
        .faults()
        .add(rule("/users", FaultKind::Status(503), 100));
    let e = r
        .graph
        .find_user("adele.vance@contoso.com")
        .await
        .unwrap_err();
    assert_eq!(e.kind, K::Unavailable);
    assert!(e.ids.request_id.is_some(), "{e:?}");
    assert!(e.ids.client_request_id.is_some(), "{e:?}");
    assert!(e.retry_after.is_some());
}

#[tokio::test]
async fn the_deadline_bounds_the_wait() {
    let now = support::start_time();
    let sim = sim::start(
        support::sim_options(now),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    let graph = GraphDirectory::new(
        config(&sim, support::SECRET, 10, Duration::from_millis(400)),
        Arc::new(ManualClock::new(now)),
        Arc::new(OsRandom),
    )
    .unwrap();
    graph.grants().await.unwrap();
    sim.state.faults().add(rule(
        "/users",
        FaultKind::Throttle {
            retry_after: "5".into(),
        },
        100,
    ));
    let started = std::time::Instant::now();
    let e = graph
        .find_user("adele.vance@contoso.com")
        .await
        .unwrap_err();
    assert_eq!(e.kind, K::Throttled);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(e.retry_after, Some(Duration::from_secs(5)));
}

#[tokio::test]
async fn malformed_json_and_slow_responses_are_typed_errors() {
    let r = rig().await;
    r.sim
        .state
        .faults()
        .add(rule("/users", FaultKind::MalformedJson, 1));
    let e = r
        .graph
        .find_user("adele.vance@contoso.com")
        .await
        .unwrap_err();
    assert_eq!(e.kind, K::Protocol);

    r.sim.state.faults().add(rule(
        "/users",
        FaultKind::Delay(Duration::from_secs(3)),
        100,
    ));
    let e = r
        .graph
        .find_user("adele.vance@contoso.com")
        .await
        .unwrap_err();
    assert_eq!(e.kind, K::Unavailable, "{e:?}");
}

#[tokio::test]
async fn dropped_connections_are_retried_for_reads() {
    let r = rig().await;
    r.graph.grants().await.unwrap();
    r.sim.state.faults().add(rule("/users", FaultKind::Drop, 2));
    let u = r.graph.find_user("adele.vance@contoso.com").await.unwrap();
    assert!(u.is_some());
}

#[tokio::test]
async fn a_wrong_secret_names_aadsts7000215_and_the_fix() {
    let r = rig_with(0, "not-the-secret").await;
    let e = r.graph.grants().await.unwrap_err();
    assert_eq!(e.kind, K::BadCredentials);
    assert!(e.aadsts.contains(&7000215), "{e:?}");
    assert!(e.detail.contains("AADSTS7000215"), "{}", e.detail);
    assert!(e.detail.contains("not its ID"), "{}", e.detail);
}

#[tokio::test]
async fn password_changes_map_every_outcome() {
    let r = rig().await;
    let pw = |s: &str| SecretString::from(s.to_string());
    let strong = "Correct-Horse-Battery-9";
    let find = |upn: &'static str| {
        let g = &r.graph;
        async move { g.find_user(upn).await.unwrap().unwrap() }
    };

    let ordinary = find("adele.vance@contoso.com").await;
    r.graph
        .set_password(&ordinary.id, &pw(strong))
        .await
        .unwrap();
    assert_eq!(
        r.sim.state.user(&ordinary.id).unwrap().password.as_deref(),
        Some(strong)
    );

    let weak = r
        .graph
        .set_password(&ordinary.id, &pw("short"))
        .await
        .unwrap_err();
    assert_eq!(weak.kind, K::PasswordRejected);

    let admin = find("megan.admin@contoso.com").await;
    let e = r
        .graph
        .set_password(&admin.id, &pw(strong))
        .await
        .unwrap_err();
    assert_eq!(e.kind, K::Privileged);

    let synced = find("sam.synced@contoso.com").await;
    let e = r
        .graph
        .set_password(&synced.id, &pw(strong))
        .await
        .unwrap_err();
    assert_eq!(e.kind, K::OnPremisesSynced);

    let disabled = find("dave.disabled@contoso.com").await;
    assert!(!disabled.account_enabled);

    let e = r
        .graph
        .set_password("00000000-0000-0000-0000-000000000000", &pw(strong))
        .await
        .unwrap_err();
    assert_eq!(e.kind, K::NotFound);
}

#[tokio::test]
async fn a_name_with_a_quote_is_quoted_not_interpreted() {
    let r = rig().await;
    let u = r.graph.find_user("liam.o'brien@contoso.com").await.unwrap();
    assert_eq!(
        u.map(|u| u.upn),
        Some("liam.o'brien@contoso.com".to_string())
    );
    // An injection attempt finds nobody instead of widening the filter.
    let none = r
        .graph
        .find_user("x' or startswith(userPrincipalName,'a")
        .await
        .unwrap();
    assert!(none.is_none());
    assert!(
        r.graph
            .find_user("nobody@contoso.com")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn methods_and_domains_are_read() {
    let r = rig().await;
    let both = r
        .graph
        .find_user("adele.vance@contoso.com")
        .await
        .unwrap()
        .unwrap();
    let m = r.graph.contact_methods(&both).await.unwrap();
    assert!(!m.emails.is_empty() || !m.mobiles.is_empty(), "{m:?}");
    let domains = r.graph.domains().await.unwrap();
    assert!(domains.iter().any(|d| d.validity_days.is_some()));
    assert!(
        domains.iter().any(|d| d.validity_days.is_none()),
        "a never-expiring domain"
    );
}

#[tokio::test]
async fn listing_100k_users_streams_page_by_page() {
    let r = rig_with(100_000, support::SECRET).await;
    let mut cursor: Option<String> = None;
    let mut seen = std::collections::HashSet::new();
    let mut pages = 0;
    loop {
        let page = r.graph.list_users(cursor.as_deref()).await.unwrap();
        assert!(page.users.len() <= 999);
        pages += 1;
        for u in page.users {
            assert!(seen.insert(u.id), "a user came twice");
        }
        match page.next {
            Some(n) => cursor = Some(n),
            None => break,
        }
    }
    assert!(seen.len() >= 100_000);
    assert_eq!(pages, seen.len().div_ceil(999));
}

#[tokio::test]
async fn a_foreign_next_link_is_refused() {
    let r = rig().await;
    let e = r
        .graph
        .list_users(Some("https://evil.example/v1.0/users?$skiptoken=x"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, K::Protocol);
}

#[tokio::test]
async fn sign_in_logs_need_premium() {
    let now = support::start_time();
    let mut opts = support::sim_options(now);
    opts.premium = false;
    let sim = sim::start(opts, TcpListener::bind("127.0.0.1:0").unwrap())
        .await
        .unwrap();
    let graph = GraphDirectory::new(
        config(&sim, support::SECRET, 3, Duration::from_secs(5)),
        Arc::new(ManualClock::new(now)),
        Arc::new(OsRandom),
    )
    .unwrap();
    let u = graph
        .find_user("adele.vance@contoso.com")
        .await
        .unwrap()
        .unwrap();
    let e = graph
        .sign_ins(&u.id, now - chrono::Duration::days(1))
        .await
        .unwrap_err();
    assert_eq!(e.kind, K::FeatureUnavailable);
}
