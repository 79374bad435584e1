//! Two portal instances on one PostgreSQL database, behind no sticky load balancer: a flow
//! started on one finishes on the other, and limits count across both.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{net::TcpListener, sync::Arc};

use rekey::cli::drive::ResetDriver;
use rekey::{
    clock::ManualClock,
    notify::Catcher,
    random::{OsRandom, Random},
    simulator as sim,
};
use support::extract_value;

#[tokio::test]
async fn a_flow_moves_between_instances_and_limits_are_shared() {
    let Ok(pg) = std::env::var("REKEY_TEST_PG_URL") else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must provide REKEY_TEST_PG_URL"
        );
        eprintln!("REKEY_TEST_PG_URL not set: two-instance test skipped");
        return;
    };
    let now = support::start_time();
    let mut opts = support::sim_options(now);
    opts.extra_users = 4000;
    let simulator = sim::start(opts, TcpListener::bind("127.0.0.1:0").unwrap())
        .await
        .unwrap();
    // A fresh synthetic user each run, so counters left in the database do not interfere.
    let n = loop {
        let n = OsRandom.below(3800) as usize;
        if rekey::simulator::synthetic(n).can_reset() {
            break n;
        }
    };
    let upn = format!("user{n:06}@contoso.com");
    let alt = format!("user{n:06}@example.net");

    let mut settings = support::test_settings(&simulator.base_url, "unused");
    settings.database.set_url(pg);
    settings.security.lockout_failures = 3;
    let clock = ManualClock::new(now);
    let catcher = Catcher::new(Arc::new(clock.clone()), 1000);
    let mut bases = Vec::new();
    for _ in 0..2 {
        let services = rekey::app::assemble(
            settings.clone(),
            Arc::new(clock.clone()),
            Arc::new(OsRandom),
            Some(catcher.clone()),
        )
        .await
        .unwrap();
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        bases.push(format!("http://{}", l.local_addr().unwrap()));
        tokio::spawn(rekey::web::build(services, l).unwrap());
    }
    let (a, b) = (&bases[0], &bases[1]);
    let person = ResetDriver::new().unwrap();

    // Start on A, send the code on B, enter it on A, set the password on B.
    assert!(person.start(a, &upn).await.unwrap().moved_on());
    let step = person.send(b, None).await.unwrap();
    assert_eq!(step.status, 303, "the cookie from A works on B");
    let code = catcher
        .code_for(&alt, std::time::Duration::from_secs(10))
        .await
        .expect("a code");
    assert!(person.enter_code(a, &code).await.unwrap().moved_on());
    let pw = "Orchard-Lantern-Velvet-77";
    assert!(person.set_password(b, pw).await.unwrap().moved_on());
    assert_eq!(
        simulator.state.user(&upn).unwrap().password.as_deref(),
        Some(pw)
    );

    // Wrong codes on alternating instances add up to one lockout.
    let c2 = support::TestApp::new_client();
    let page = c2
        .get(format!("{a}/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    c2.post(format!("{a}/reset/start"))
        .form(&[("csrf", csrf.as_str()), ("username", upn.as_str())])
        .send()
        .await
        .unwrap();
    c2.post(format!("{b}/reset/send"))
        .form(&[("csrf", csrf.as_str()), ("method", "email:0")])
        .send()
        .await
        .unwrap();
    let mut last = 0;
    for (i, base) in [a, b, a].iter().enumerate() {
        let r = c2
            .post(format!("{base}/reset/code"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("code", format!("9999999{i}").as_str()),
            ])
            .send()
            .await
            .unwrap();
        last = r.status().as_u16();
    }
    assert_eq!(
        last, 429,
        "the third wrong code, counted across both instances, locks"
    );
    let r = c2
        .post(format!("{b}/reset/send"))
        .form(&[("csrf", csrf.as_str()), ("method", "email:0")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429, "and the lock holds on the other instance");
}
