//! Synced users reset through the portal: Graph (the simulator) knows them and their methods,
//! the password is written to a real Samba AD domain controller.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use rekey::directory::ad::{ActiveDirectory, Found};
use support::{TestApp, ad::Dc};

/// A configuration file for the `rekey` binary: the simulated tenant at `sim_base` and the
/// DC (the bind password comes from `REKEY_AD__BIND_PASSWORD`).
fn config_with_ad(dc: &Dc, sim_base: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let cfg = dir.join("rekey.toml");
    std::fs::write(
        &cfg,
        format!(
            "[server]\nsession_key = \"{}\"\n[security]\ncode_key = \"{}\"\n[tenant]\ntenant_id = \"contoso.com\"\nclient_id = \"{}\"\nclient_secret = \"{}\"\nauthority_host = \"{b}\"\ngraph_base = \"{b}/v1.0\"\n[database]\nurl = \"sqlite://{db}\"\n[email]\ntransport = \"graph\"\ngraph_sender = \"rekey@contoso.com\"\n[ad]\nurls = [\"{url}\"]\nbind_dn = \"{bind}\"\nbase_dn = \"{base}\"\nca_file = \"{ca}\"\n",
            "A".repeat(88),
            "B".repeat(44),
            support::CLIENT_ID,
            support::SECRET,
            b = sim_base,
            db = dir.join("r.db").display(),
            url = dc.url,
            bind = dc.admin_dn,
            base = dc.base_dn,
            ca = dc.ca.display(),
        ),
    )
    .unwrap();
    cfg
}

/// Posts `password` on the password step, expects a refusal, and returns the page that says why.
async fn refused(app: &TestApp, password: &str) -> String {
    let csrf = app.csrf("/reset").await;
    let r = app
        .post_form(
            "/reset/password",
            &[("csrf", csrf.as_str()), ("password", password)],
        )
        .await;
    assert_eq!(r.status(), 422, "refused");
    r.text().await.unwrap()
}

/// A new AD user with `password`, and a portal where the simulator's `EMAIL_USER` is
/// synced from it.
async fn synced_portal(dc: &Dc, password: &str) -> (TestApp, String) {
    let account = dc.new_user(password);
    (dc.synced_portal(&account, dc.settings()).await, account)
}

#[tokio::test]
async fn a_synced_user_resets_end_to_end_into_ad() {
    let Some(dc) = support::ad::dc() else { return };
    let old = "Before-Pa55word-Hybrid!";
    let (app, account) = synced_portal(&dc, old).await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let new = "Quixotic-Harbour-Lantern-58";
    let step = app.person.set_password(&app.base, new).await.unwrap();
    assert_eq!(step.status, 303);
    let done = app.get_text("/reset").await;
    assert!(done.contains("Your password has been changed"), "{done}");
    assert!(
        done.contains("once it has been synchronised"),
        "the page says the cloud takes it with the next sync"
    );
    assert!(dc.binds(&account, new).await, "AD has the new password");
    assert!(!dc.binds(&account, old).await, "and not the old one");
    // Graph was not asked to set it (it would refuse a synced user).
    let graph = app.sim.state.user(support::EMAIL_USER).unwrap();
    assert_ne!(graph.password.as_deref(), Some(new));
    let audit = app
        .store
        .audit_after(chrono::DateTime::UNIX_EPOCH, "", 1000)
        .await
        .unwrap();
    let set = audit
        .iter()
        .find(|e| e.action == "password.set" && e.outcome == "success")
        .expect("the change is audited");
    assert!(
        set.detail.as_deref().unwrap_or("").contains("\"ad\""),
        "{set:?}"
    );
    // Until the sync carries the password to Entra, failed cloud sign-ins are the person
    // trying the new password early: the sign-in watch counts from the end of that window.
    use rekey::clock::Clock;
    let now = app.clock.now();
    let watch = app
        .store
        .watch_active(now)
        .await
        .unwrap()
        .into_iter()
        .find(|w| w.upn == support::EMAIL_USER)
        .expect("the sign-in watch started");
    // (The store keeps whole seconds.)
    let offset = watch.changed_at - now - rekey::flow::service::AD_SYNC_WINDOW;
    assert!(offset.num_seconds().abs() <= 1, "{watch:?}");
}

#[tokio::test]
async fn ads_rules_for_the_user_are_shown_first_and_checked_before_writing() {
    let Some(dc) = support::ad::dc() else { return };
    let old = "Before-Pa55word-Hybrid!";
    let (app, account) = synced_portal(&dc, old).await;
    // A fine-grained policy for this user alone: 40 characters at least, which Rekey's own
    // policy does not ask for.
    let pso = format!("long-{account}");
    dc.samba_tool(&[
        "domain",
        "passwordsettings",
        "pso",
        "create",
        &pso,
        "1",
        "--min-pwd-length=40",
        "--complexity=on",
        "--history-length=24",
    ]);
    dc.samba_tool(&["domain", "passwordsettings", "pso", "apply", &pso, &account]);
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    assert!(
        page.contains("Between 40 and"),
        "the PSO's minimum is shown before typing: {page}"
    );
    assert!(page.contains("minlength=\"40\""), "and asked of the field");
    assert!(
        page.contains("no part of your full name"),
        "AD's complexity"
    );
    assert!(
        page.contains("Not one of your last 24 passwords on your"),
        "AD's history"
    );

    let page = refused(&app, "Quixotic-Harbour-Lantern-58").await;
    assert!(page.contains("Use at least 40 characters"), "{page}");
    let with_account = format!("Quixotic-Harbour-Lantern-Velvet-Orchard-{account}-58");
    let page = refused(&app, &with_account).await;
    assert!(
        page.contains("does not allow your user name"),
        "AD's name rule, said before AD is asked: {page}"
    );
    assert!(dc.binds(&account, old).await, "AD was not changed");
    let audit = app
        .store
        .audit_after(chrono::DateTime::UNIX_EPOCH, "", 1000)
        .await
        .unwrap();
    assert!(
        !audit.iter().any(|e| e.outcome == "rejected_by_ad"),
        "Rekey refused both itself, without a round trip to AD"
    );

    let long = "Quixotic-Harbour-Lantern-Velvet-Orchard-Compass-58";
    let retry = app.person.set_password(&app.base, long).await.unwrap();
    assert_eq!(retry.status, 303, "a password meeting AD's rules");
    assert!(dc.binds(&account, long).await);
}

#[tokio::test]
async fn a_delegated_service_account_resets_and_ads_own_refusal_is_explained() {
    let Some(dc) = support::ad::dc() else { return };
    let old = "Before-Pa55word-Hybrid!";
    let account = dc.new_user(old);
    // The documented delegation, on this user only: "Reset password" and write
    // `lockoutTime`. Such an account sees that the user has a fine-grained policy, not
    // what it says.
    let service = dc.delegated_service_account(&account);
    let pso = format!("hidden-{account}");
    dc.samba_tool(&[
        "domain",
        "passwordsettings",
        "pso",
        "create",
        &pso,
        "1",
        "--min-pwd-length=40",
    ]);
    dc.samba_tool(&["domain", "passwordsettings", "pso", "apply", &pso, &account]);
    let settings = service.settings;
    let app = dc.synced_portal(&account, settings).await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    assert!(page.contains("Between 12 and"), "Rekey's own rules: {page}");
    assert!(
        !page.contains("on your organisation"),
        "not the domain's, which the hidden PSO replaces: {page}"
    );
    // AD applies the policy Rekey could not read.
    let page = refused(&app, "Quixotic-Harbour-Lantern-58").await;
    assert!(
        page.contains("Active Directory did not accept this password"),
        "the page says AD refused it, and the likely reasons: {page}"
    );
    assert!(
        page.contains("name=\"password\""),
        "the person can try again"
    );
    assert!(dc.binds(&account, old).await, "AD unchanged");
    let long = "Quixotic-Harbour-Lantern-Velvet-Orchard-Compass-58";
    let retry = app.person.set_password(&app.base, long).await.unwrap();
    assert_eq!(retry.status, 303, "the delegated account may reset");
    assert!(dc.binds(&account, long).await);
}

#[tokio::test]
async fn a_domain_admin_or_an_unmatched_user_goes_to_the_helpdesk() {
    let Some(dc) = support::ad::dc() else { return };
    let old = "Before-Pa55word-Hybrid!";
    let (app, account) = synced_portal(&dc, old).await;
    dc.samba_tool(&["group", "addmembers", "Domain Admins", &account]);
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    // Said as soon as they are verified, before they choose a password.
    let page = app.get_text("/reset").await;
    assert!(page.contains("privileged"), "{page}");
    assert!(!page.contains("name=\"password\""), "{page}");
    let step = app
        .person
        .set_password(&app.base, "Quixotic-Harbour-Lantern-58")
        .await;
    assert!(step.is_err() || step.is_ok_and(|s| s.status != 303));
    assert!(dc.binds(&account, old).await, "AD unchanged");

    // Graph names an AD object that does not exist.
    let settings = dc.settings();
    let app = TestApp::spawn_with(|_| {}, move |s| s.ad = settings).await;
    app.sim.state.set_on_premises(
        support::EMAIL_USER,
        Some("S-1-5-21-1-2-3-987654"),
        "nobody-here",
        &dc.domain(),
    );
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    assert!(page.contains("ad_no_match"), "the reason code: {page}");
}

#[tokio::test]
async fn two_ad_objects_with_the_name_go_to_the_helpdesk() {
    let Some(dc) = support::ad::dc() else { return };
    let account = dc.new_user("Before-Pa55word-Hybrid!");
    let other = dc.new_user("Other-Pa55word-Hybrid!");
    dc.duplicate_account_name(&account, &other);
    let ad = ActiveDirectory::new(dc.config()).unwrap();
    assert_eq!(
        ad.find_by_account(&account).await.unwrap(),
        Found::Several(2),
        "the directory now holds two"
    );
    let settings = dc.settings();
    let app = TestApp::spawn_with(|_| {}, move |s| s.ad = settings).await;
    // Graph has no SID for the user; the name matches twice: never guess.
    app.sim
        .state
        .set_on_premises(support::EMAIL_USER, None, &account, &dc.domain());
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    assert!(
        page.contains("ad_several_matches"),
        "the reason code: {page}"
    );
    assert!(!page.contains("name=\"password\""), "{page}");
    let audit = app
        .store
        .audit_after(chrono::DateTime::UNIX_EPOCH, "", 1000)
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "code.verify" && e.outcome == "ad_several_matches"),
        "the helpdesk reason is audited: {audit:?}"
    );
    assert!(!audit.iter().any(|e| e.action == "password.set"));
}

#[tokio::test]
async fn without_a_sid_the_account_name_counts_only_in_graphs_domain() {
    let Some(dc) = support::ad::dc() else { return };
    let old = "Before-Pa55word-Hybrid!";
    let account = dc.new_user(old);
    let settings = dc.settings();
    let portal = |settings: rekey::settings::AdSettings| {
        TestApp::spawn_with(|_| {}, move |s| s.ad = settings)
    };
    let new = "Quixotic-Harbour-Lantern-58";

    // Graph's SID names no object in AD: the same account name is not taken for it, as
    // it may be someone else's now.
    let app = portal(settings.clone()).await;
    app.sim.state.set_on_premises(
        support::EMAIL_USER,
        Some("S-1-5-21-1-2-3-987655"),
        &account,
        &dc.domain(),
    );
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    assert!(page.contains("ad_no_match"), "a stale SID: {page}");

    // No SID, and the name in another domain, or in none Graph names.
    for domain in ["fabrikam.test", ""] {
        let app = portal(settings.clone()).await;
        app.sim
            .state
            .set_on_premises(support::EMAIL_USER, None, &account, domain);
        app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
            .await;
        let page = app.get_text("/reset").await;
        assert!(page.contains("ad_no_match"), "domain {domain:?}: {page}");
    }
    assert!(dc.binds(&account, old).await, "AD unchanged");

    // No SID, the name in this domain: found.
    let app = portal(settings).await;
    app.sim
        .state
        .set_on_premises(support::EMAIL_USER, None, &account, &dc.domain());
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let step = app.person.set_password(&app.base, new).await.unwrap();
    assert_eq!(step.status, 303);
    assert!(dc.binds(&account, new).await, "found by name in its domain");
}

#[tokio::test]
async fn the_done_page_waits_for_the_sync_when_asked_to() {
    let Some(dc) = support::ad::dc() else { return };
    let account = dc.new_user("Before-Pa55word-Hybrid!");
    let mut settings = dc.settings();
    settings.sync_wait_secs = 180;
    let app = dc.synced_portal(&account, settings).await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let step = app
        .person
        .set_password(&app.base, "Quixotic-Harbour-Lantern-58")
        .await
        .unwrap();
    assert_eq!(step.status, 303);
    let done = app.get_text("/reset").await;
    assert!(
        done.contains("Microsoft 365 is taking your new password"),
        "{done}"
    );
    assert!(
        done.contains("data-poll=\"/reset/sync\""),
        "the script asks"
    );
    assert!(done.contains("Check again"), "and without it, a button");
    let state = |v: serde_json::Value| v["state"].as_str().unwrap_or_default().to_string();
    let asked: serde_json::Value = app.get_json("/reset/sync").await;
    assert_eq!(state(asked), "waiting");

    // Entra Connect syncs the hash: Graph's lastPasswordChangeDateTime moves.
    app.sim
        .state
        .password_hash_synced(support::EMAIL_USER, rekey::clock::Clock::now(&app.clock));
    let asked: serde_json::Value = app.get_json("/reset/sync").await;
    assert_eq!(state(asked.clone()), "synced", "{asked}");
    assert!(
        asked["message"]
            .as_str()
            .unwrap_or_default()
            .contains("you can sign in there now"),
        "{asked}"
    );
    let done = app.get_text("/reset").await;
    assert!(done.contains("you can sign in there now"), "{done}");
}

#[tokio::test]
async fn graph_is_asked_about_the_sync_at_most_twelve_times_a_minute() {
    let Some(dc) = support::ad::dc() else { return };
    let mut settings = dc.settings();
    settings.sync_wait_secs = 600;
    let account = dc.new_user("Before-Pa55word-Hybrid!");
    let app = dc.synced_portal(&account, settings).await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let step = app
        .person
        .set_password(&app.base, "Quixotic-Harbour-Lantern-58")
        .await
        .unwrap();
    assert_eq!(step.status, 303);
    let state = |v: serde_json::Value| v["state"].as_str().unwrap_or_default().to_string();
    // The done page itself asked once; eleven more this minute.
    app.get_text("/reset").await;
    for _ in 0..11 {
        assert_eq!(state(app.get_json("/reset/sync").await), "waiting");
    }
    app.sim
        .state
        .password_hash_synced(support::EMAIL_USER, rekey::clock::Clock::now(&app.clock));
    assert_eq!(
        state(app.get_json("/reset/sync").await),
        "waiting",
        "the minute's budget is spent: Graph was not asked"
    );
    app.clock.advance(chrono::Duration::seconds(60));
    assert_eq!(state(app.get_json("/reset/sync").await), "synced");
    // Remembered: past the wait, without asking Graph again.
    app.clock.advance(chrono::Duration::seconds(600));
    assert_eq!(state(app.get_json("/reset/sync").await), "synced");
}

#[tokio::test]
async fn the_done_page_stops_waiting_after_sync_wait_secs() {
    let Some(dc) = support::ad::dc() else { return };
    let account = dc.new_user("Before-Pa55word-Hybrid!");
    let mut settings = dc.settings();
    settings.sync_wait_secs = 120;
    let app = dc.synced_portal(&account, settings).await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    app.person
        .set_password(&app.base, "Quixotic-Harbour-Lantern-58")
        .await
        .unwrap();
    app.clock.advance(chrono::Duration::seconds(121));
    let asked: serde_json::Value = app.get_json("/reset/sync").await;
    assert_eq!(asked["state"], "gave_up");
    assert!(
        asked["message"]
            .as_str()
            .unwrap_or_default()
            .contains("within a few minutes"),
        "{asked}"
    );
    let done = app.get_text("/reset").await;
    assert!(
        !done.contains("data-poll"),
        "the page no longer asks: {done}"
    );
}

#[tokio::test]
async fn without_ad_configured_synced_users_still_go_to_the_helpdesk() {
    let app = TestApp::spawn().await;
    app.verify(support::SYNCED_USER, support::SYNCED_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    assert!(page.contains("synced_from_on_premises"), "{page}");
}

#[tokio::test]
async fn reminders_use_ads_expiry_for_synced_users() {
    use std::net::TcpListener;
    let Some(dc) = support::ad::dc() else { return };
    let account = dc.new_user("Reminded-Pa55word-AD!");
    // A fine-grained policy: this user's password lasts 10 days (the domain's lasts 42).
    let pso = format!("short-{account}");
    dc.samba_tool(&[
        "domain",
        "passwordsettings",
        "pso",
        "create",
        &pso,
        "1",
        "--max-pwd-age=10",
    ]);
    dc.samba_tool(&["domain", "passwordsettings", "pso", "apply", &pso, &account]);
    let sid = dc.sid_of(&account).await;
    let now = support::start_time();
    let sim = rekey::simulator::start(
        support::sim_options(now),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    // Entra would say 7 days; for a synced user AD's answer is the one that counts.
    sim.state
        .set_on_premises(support::EMAIL_USER, Some(&sid), &account, &dc.domain());
    let dir = support::TempDir::new("hybrid-reminders");
    let cfg = config_with_ad(&dc, &sim.base_url, &dir.0);
    let run = |args: Vec<String>| {
        let (cfg, password) = (cfg.clone(), dc.admin_password.clone());
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
                .arg("--config")
                .arg(&cfg)
                .args(&args)
                .env("REKEY_AD__BIND_PASSWORD", password)
                .output()
                .unwrap()
        })
    };
    let report = dir.0.join("report.csv");
    let out = run(vec![
        "reminders".into(),
        "run".into(),
        "--dry-run".into(),
        "--report".into(),
        report.display().to_string(),
    ])
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(&report).unwrap();
    let row = csv
        .lines()
        .find(|l| l.starts_with(support::EMAIL_USER))
        .unwrap_or_else(|| panic!("{csv}"));
    assert!(
        row.ends_with(",14,would_send,ad"),
        "due at the 14-day threshold by AD's expiry: {row}"
    );
    // Another synced user AD does not know is skipped as such.
    assert!(
        csv.lines()
            .any(|l| l.starts_with("sam.synced@contoso.com") && l.ends_with("not_in_ad,ad")),
        "{csv}"
    );

    let out = run(vec![
        "users".into(),
        "expiring".into(),
        "--within".into(),
        "30".into(),
        "--format".into(),
        "csv".into(),
    ])
    .await
    .unwrap();
    let listing = String::from_utf8_lossy(&out.stdout).to_string();
    let line = listing
        .lines()
        .find(|l| l.starts_with(support::EMAIL_USER))
        .unwrap_or_else(|| panic!("{listing}"));
    assert!(line.ends_with(",ad"), "{line}");
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("adele.vance@contoso.com") && l.ends_with(",entra")),
        "{listing}"
    );
}

#[tokio::test]
async fn a_locked_out_synced_user_unlocks_without_a_new_password() {
    let Some(dc) = support::ad::dc() else { return };
    dc.samba_tool(&[
        "domain",
        "passwordsettings",
        "set",
        "--account-lockout-threshold=3",
        "--account-lockout-duration=30",
        "--reset-account-lockout-after=30",
    ]);
    let password = "Known-Pa55word-Hybrid!";
    let (app, account) = synced_portal(&dc, password).await;
    for _ in 0..3 {
        assert!(!dc.binds(&account, "Wrong-Pa55word-1!").await);
    }
    assert!(!dc.binds(&account, password).await, "locked out");
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    assert!(page.contains("action=\"/reset/unlock\""), "offered: {page}");
    let csrf = support::extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let r = app.post_form("/reset/unlock", &[("csrf", &csrf)]).await;
    assert_eq!(r.status(), 303);
    let page = app.get_text("/reset").await;
    assert!(page.contains("Your account is unlocked"), "{page}");
    assert!(
        dc.binds(&account, password).await,
        "the same password works again"
    );
    // The flow is over: a password posted now changes nothing.
    app.post_form(
        "/reset/password",
        &[("csrf", &csrf), ("password", "Quixotic-Harbour-Lantern-58")],
    )
    .await;
    assert!(dc.binds(&account, password).await);
    assert!(!dc.binds(&account, "Quixotic-Harbour-Lantern-58").await);
    let audit = app
        .store
        .audit_after(chrono::DateTime::UNIX_EPOCH, "", 1000)
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "account.unlock" && e.outcome == "success")
    );
}

#[tokio::test]
async fn cloud_users_are_not_offered_an_unlock() {
    let Some(dc) = support::ad::dc() else { return };
    let settings = dc.settings();
    let app = TestApp::spawn_with(|_| {}, move |s| s.ad = settings).await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    assert!(!page.contains("/reset/unlock"), "{page}");
    let csrf = support::extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let r = app.post_form("/reset/unlock", &[("csrf", &csrf)]).await;
    assert_eq!(r.status(), 409, "not a step this flow has");
}

#[tokio::test]
async fn rekey_check_reports_each_ad_line_with_its_fix() {
    use std::net::TcpListener;
    let Some(dc) = support::ad::dc() else { return };
    let sim = rekey::simulator::start(
        support::sim_options(support::start_time()),
        TcpListener::bind("127.0.0.1:0").unwrap(),
    )
    .await
    .unwrap();
    let dir = support::TempDir::new("hybrid-check");
    let cfg = config_with_ad(&dc, &sim.base_url, &dir.0);
    let check = |env: Vec<(&'static str, String)>| {
        let cfg = cfg.clone();
        tokio::task::spawn_blocking(move || {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
                .arg("--config")
                .arg(&cfg)
                .arg("check")
                .envs(env)
                .output()
                .unwrap();
            (
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stdout).to_string(),
            )
        })
    };
    let admin = || ("REKEY_AD__BIND_PASSWORD", dc.admin_password.clone());
    // One fine-grained policy exists, which only the administrator may see.
    dc.samba_tool(&[
        "domain",
        "passwordsettings",
        "pso",
        "create",
        &format!("check-{}", dc.new_user("Check-Pa55word-Hybrid!")),
        "9",
        "--min-pwd-length=9",
    ]);

    let (code, out) = check(vec![admin()]).await.unwrap();
    assert_eq!(code, 0, "{out}");
    for line in [
        "certificate trusted, bound as",
        "✓ domain password policy: at least 7 characters, complexity on",
        "✓ search in DC=corp,DC=contoso,DC=test",
        "✓ the account may write lockoutTime",
        "✓ fine-grained password policies readable",
    ] {
        assert!(out.contains(line), "{line} in {out}");
    }

    let (code, out) = check(vec![("REKEY_AD__BIND_PASSWORD", "wrong".into())])
        .await
        .unwrap();
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("was refused") && out.contains("fix: check ad.bind_dn"),
        "{out}"
    );

    let other_ca = dir.0.join("other-ca.pem");
    let made = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=Some other CA", "-keyout"])
        .arg(dir.0.join("other-ca.key"))
        .arg("-out")
        .arg(&other_ca)
        .output()
        .unwrap();
    assert!(made.status.success());
    let (code, out) = check(vec![
        admin(),
        ("REKEY_AD__CA_FILE", other_ca.display().to_string()),
    ])
    .await
    .unwrap();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("make ad.ca_file"), "{out}");

    // An ordinary account, delegated nothing.
    let plain = dc.new_user("Plain-Account-Pa55word!");
    let (code, out) = check(vec![
        ("REKEY_AD__BIND_DN", format!("{plain}@corp.contoso.test")),
        ("REKEY_AD__BIND_PASSWORD", "Plain-Account-Pa55word!".into()),
    ])
    .await
    .unwrap();
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("✗ the account may not write lockoutTime") && out.contains("delegate"),
        "{out}"
    );
    assert!(
        out.contains("! no fine-grained password policy is visible to the account"),
        "{out}"
    );
}

#[tokio::test]
async fn a_domain_controller_down_gives_try_again_and_changes_nothing() {
    let Some(dc) = support::ad::dc() else { return };
    let password = "Before-Pa55word-Hybrid!";
    let account = dc.new_user(password);
    // The only configured DC does not answer (nothing listens on port 1).
    let mut settings = dc.settings();
    settings.urls = vec!["ldaps://127.0.0.1:1".into()];
    let app = dc.synced_portal(&account, settings).await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let new = "Quixotic-Harbour-Lantern-58";
    let step = app.person.set_password(&app.base, new).await.unwrap();
    assert_eq!(step.status, 503, "try again");
    let page = app.get_text("/reset").await;
    assert!(
        page.contains("name=\"password\""),
        "the verified flow is kept"
    );
    assert!(dc.binds(&account, password).await, "AD unchanged");
    assert!(!dc.binds(&account, new).await);
}
