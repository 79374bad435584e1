//! Synced users reset through the portal: Graph (the simulator) knows them and their methods,
//! the password is written to a real Samba AD domain controller.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use rekey::directory::ad::{ActiveDirectory, Found};
use support::{TestApp, ad::Dc};

/// An AD user, and a portal where the simulator's `upn` is synced from it.
async fn synced_portal(dc: &Dc, upn: &str, password: &str) -> (TestApp, String) {
    let account = dc.new_user(password);
    let ad = ActiveDirectory::new(dc.config()).unwrap();
    let Found::One(user) = ad.find_by_account(&account).await.unwrap() else {
        panic!("the new AD user is found");
    };
    let settings = dc.settings();
    let app = TestApp::spawn_with(|_| {}, move |s| s.ad = settings).await;
    app.sim.state.set_on_premises(upn, &user.sid, &account);
    (app, account)
}

#[tokio::test]
async fn a_synced_user_resets_end_to_end_into_ad() {
    let Some(dc) = support::ad::dc() else { return };
    let old = "Before-Pa55word-Hybrid!";
    let (app, account) = synced_portal(&dc, support::EMAIL_USER, old).await;
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
}

#[tokio::test]
async fn ad_policy_refusals_are_explained_and_the_flow_stays_open() {
    let Some(dc) = support::ad::dc() else { return };
    let (app, account) = synced_portal(&dc, support::EMAIL_USER, "Before-Pa55word-Hybrid!").await;
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
    ]);
    dc.samba_tool(&["domain", "passwordsettings", "pso", "apply", &pso, &account]);
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let step = app
        .person
        .set_password(&app.base, "Quixotic-Harbour-Lantern-58")
        .await
        .unwrap();
    assert_eq!(step.status, 422);
    let page = app.get_text("/reset").await;
    assert!(
        page.contains("name=\"password\""),
        "the person can try again"
    );
    let retry = app
        .person
        .set_password(
            &app.base,
            "Quixotic-Harbour-Lantern-Velvet-Orchard-Compass-58",
        )
        .await
        .unwrap();
    assert_eq!(retry.status, 303, "a password long enough for AD");
    assert!(
        dc.binds(
            &account,
            "Quixotic-Harbour-Lantern-Velvet-Orchard-Compass-58"
        )
        .await
    );
}

#[tokio::test]
async fn a_domain_admin_or_an_unmatched_user_goes_to_the_helpdesk() {
    let Some(dc) = support::ad::dc() else { return };
    let (app, account) = synced_portal(&dc, support::EMAIL_USER, "Before-Pa55word-Hybrid!").await;
    dc.samba_tool(&["group", "addmembers", "Domain Admins", &account]);
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let step = app
        .person
        .set_password(&app.base, "Quixotic-Harbour-Lantern-58")
        .await
        .unwrap();
    assert_eq!(step.status, 303);
    let page = app.get_text("/reset").await;
    assert!(page.contains("privileged"), "{page}");
    assert!(!dc.binds(&account, "Quixotic-Harbour-Lantern-58").await);

    // Graph names an AD object that does not exist.
    let settings = dc.settings();
    let app = TestApp::spawn_with(|_| {}, move |s| s.ad = settings).await;
    app.sim
        .state
        .set_on_premises(support::EMAIL_USER, "S-1-5-21-1-2-3-987654", "nobody-here");
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    app.person
        .set_password(&app.base, "Quixotic-Harbour-Lantern-58")
        .await
        .unwrap();
    let page = app.get_text("/reset").await;
    assert!(page.contains("ad_no_match"), "the reason code: {page}");
}

#[tokio::test]
async fn without_ad_configured_synced_users_still_go_to_the_helpdesk() {
    let app = TestApp::spawn().await;
    app.verify(support::SYNCED_USER, support::SYNCED_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    assert!(page.contains("synced_from_on_premises"), "{page}");
}
