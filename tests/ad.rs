//! The Active Directory client against a real Samba AD domain controller (started by
//! scripts/test.sh through scripts/samba.sh): finding users by SID, resetting passwords over
//! LDAPS, AD's own refusals, unlocking, failover and certificate checks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use rekey::directory::ad::{
    ActiveDirectory, AdError, Found,
    wire::{FileTime, WriteRefusal},
};
use secrecy::SecretString;
use support::ad::dc;

fn one(found: Found) -> rekey::directory::ad::AdUser {
    match found {
        Found::One(u) => u,
        other => panic!("expected one user, found {other:?}"),
    }
}

#[tokio::test]
async fn a_synced_user_is_found_by_sid_and_reset_over_ldaps() {
    let Some(dc) = dc() else { return };
    let ad = ActiveDirectory::new(dc.config()).unwrap();
    let old = "Old-Pa55word-For-AD!";
    let account = dc.new_user(old);
    let by_name = one(ad.find_by_account(&account).await.unwrap());
    assert!(by_name.sid.starts_with("S-1-5-21-"), "{by_name:?}");
    assert!(!by_name.protected);
    assert!(
        matches!(by_name.expiry, FileTime::At(_)),
        "AD computes the expiry: {:?}",
        by_name.expiry
    );
    let by_sid = one(ad.find_by_sid(&by_name.sid).await.unwrap());
    assert_eq!(by_sid.dn, by_name.dn);
    assert_eq!(
        ad.find_by_sid("S-1-5-21-1-2-3-999999").await.unwrap(),
        Found::None
    );

    let new = "Fresh-Harbour-Lantern-42!";
    ad.set_password(&by_sid.dn, &SecretString::from(new.to_string()), false)
        .await
        .unwrap();
    assert!(dc.binds(&account, new).await, "the new password works");
    assert!(!dc.binds(&account, old).await, "the old one does not");
}

#[tokio::test]
async fn ad_refuses_a_password_its_policy_forbids_and_says_so() {
    let Some(dc) = dc() else { return };
    let ad = ActiveDirectory::new(dc.config()).unwrap();
    let account = dc.new_user("Start-Pa55word-For-AD!");
    let user = one(ad.find_by_account(&account).await.unwrap());
    // Samba's default policy: at least 7 characters, complexity on.
    let refused = ad
        .set_password(&user.dn, &SecretString::from("short".to_string()), false)
        .await
        .unwrap_err();
    assert!(
        matches!(
            refused,
            AdError::Refused {
                refusal: WriteRefusal::Policy,
                ..
            }
        ),
        "{refused}"
    );
}

#[tokio::test]
async fn the_next_domain_controller_is_used_when_the_first_is_down() {
    let Some(dc) = dc() else { return };
    let mut cfg = dc.config();
    // Nothing listens on port 1.
    cfg.urls = vec!["ldaps://127.0.0.1:1".into(), dc.url.clone()];
    let ad = ActiveDirectory::new(cfg).unwrap();
    let account = dc.new_user("Failover-Pa55word-AD!");
    one(ad.find_by_account(&account).await.unwrap());

    let mut down = dc.config();
    down.urls = vec!["ldaps://127.0.0.1:1".into()];
    let ad = ActiveDirectory::new(down).unwrap();
    assert!(matches!(
        ad.find_by_account(&account).await,
        Err(AdError::Unreachable(_))
    ));
}

#[tokio::test]
async fn a_wrong_password_or_an_unknown_ca_is_refused() {
    let Some(dc) = dc() else { return };
    let mut wrong = dc.config();
    wrong.bind_password = SecretString::from("not-the-password".to_string());
    let ad = ActiveDirectory::new(wrong).unwrap();
    assert!(matches!(
        ad.find_by_account("Administrator").await,
        Err(AdError::Bind(_))
    ));

    // A CA that did not issue the DC's certificate: the TLS handshake fails.
    let other_ca = dc.dir.join("other-ca.pem");
    let out = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=Some other CA", "-keyout"])
        .arg(dc.dir.join("other-ca.key"))
        .arg("-out")
        .arg(&other_ca)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut untrusted = dc.config();
    untrusted.ca_file = other_ca;
    let ad = ActiveDirectory::new(untrusted).unwrap();
    assert!(matches!(
        ad.find_by_account("Administrator").await,
        Err(AdError::Unreachable(_))
    ));

    // Plain LDAP is not even tried.
    let mut plain = dc.config();
    plain.urls = vec!["ldap://127.0.0.1".into()];
    assert!(matches!(
        ActiveDirectory::new(plain),
        Err(AdError::Config(_))
    ));
}

#[tokio::test]
async fn a_domain_admin_is_marked_protected() {
    let Some(dc) = dc() else { return };
    let ad = ActiveDirectory::new(dc.config()).unwrap();
    let admin = one(ad.find_by_account("Administrator").await.unwrap());
    assert!(admin.protected, "{admin:?}");
}

#[tokio::test]
async fn a_locked_account_is_unlocked_with_or_without_a_reset() {
    let Some(dc) = dc() else { return };
    // Three wrong passwords lock an account for 30 minutes (domain-wide, the same for every
    // run; the other tests make at most one wrong bind per user).
    dc.samba_tool(&[
        "domain",
        "passwordsettings",
        "set",
        "--account-lockout-threshold=3",
        "--account-lockout-duration=30",
        "--reset-account-lockout-after=30",
    ]);
    let ad = ActiveDirectory::new(dc.config()).unwrap();
    let password = "Right-Pa55word-For-AD!";
    let lock = |account: String| {
        let dc = &dc;
        async move {
            for _ in 0..3 {
                assert!(!dc.binds(&account, "Wrong-Pa55word-1!").await);
            }
            assert!(
                !dc.binds(&account, password).await,
                "locked: even the right password fails"
            );
        }
    };

    // Unlock only: the password stays.
    let account = dc.new_user(password);
    lock(account.clone()).await;
    let user = one(ad.find_by_account(&account).await.unwrap());
    assert!(user.lockout_time > 0, "AD recorded the lockout: {user:?}");
    ad.unlock(&user.dn).await.unwrap();
    assert_eq!(
        one(ad.find_by_account(&account).await.unwrap()).lockout_time,
        0
    );
    assert!(dc.binds(&account, password).await, "unlocked");

    // A reset that unlocks in the same change.
    let account = dc.new_user(password);
    lock(account.clone()).await;
    let user = one(ad.find_by_account(&account).await.unwrap());
    let new = "After-Lockout-Pa55word!";
    ad.set_password(&user.dn, &SecretString::from(new.to_string()), true)
        .await
        .unwrap();
    assert!(dc.binds(&account, new).await, "reset and unlocked");
}

#[tokio::test]
async fn a_new_domain_admin_is_protected_before_ad_marks_it() {
    let Some(dc) = dc() else { return };
    let ad = ActiveDirectory::new(dc.config()).unwrap();
    let account = dc.new_user("Admin-To-Be-Pa55word!");
    assert!(!one(ad.find_by_account(&account).await.unwrap()).protected);
    dc.samba_tool(&["group", "addmembers", "Domain Admins", &account]);
    let user = one(ad.find_by_account(&account).await.unwrap());
    assert!(user.protected, "membership counts at once: {user:?}");
}

#[tokio::test]
async fn a_lookup_and_its_reset_share_one_pooled_session() {
    let Some(dc) = dc() else { return };
    let account = dc.new_user("Old-Pa55word-For-AD!");
    let pooled = ActiveDirectory::new(dc.config()).unwrap();
    let user = one(pooled.find_by_account(&account).await.unwrap());
    let new = SecretString::from("Pooled-Harbour-Lantern-58".to_string());
    pooled.set_password(&user.dn, &new, false).await.unwrap();
    one(pooled.find_by_account(&account).await.unwrap());
    assert_eq!(pooled.sessions_opened(), 1, "one TLS handshake and bind");
    assert!(dc.binds(&account, "Pooled-Harbour-Lantern-58").await);

    let mut cfg = dc.config();
    cfg.pool_size = 0;
    let unpooled = ActiveDirectory::new(cfg).unwrap();
    let user = one(unpooled.find_by_account(&account).await.unwrap());
    let newer = SecretString::from("Unpooled-Harbour-Lantern-59".to_string());
    unpooled
        .set_password(&user.dn, &newer, false)
        .await
        .unwrap();
    assert_eq!(unpooled.sessions_opened(), 2, "pool_size = 0 keeps none");
}

#[tokio::test]
async fn the_rules_come_from_the_users_fine_grained_policy_or_the_domain() {
    let Some(dc) = dc() else { return };
    let ad = ActiveDirectory::new(dc.config()).unwrap();
    let plain = dc.new_user("Old-Pa55word-For-AD!");
    let rules = one(ad.find_by_account(&plain).await.unwrap())
        .rules
        .unwrap();
    assert_eq!(
        (rules.min_length, rules.complexity, rules.history),
        (7, true, 24),
        "the domain's policy (scripts/samba.sh sets it)"
    );
    assert_eq!(rules.fine_grained, None);
    let mut cfg = dc.config();
    cfg.enforce_history = false;
    let without_hints = ActiveDirectory::new(cfg).unwrap();
    let rules = one(without_hints.find_by_account(&plain).await.unwrap())
        .rules
        .unwrap();
    assert_eq!(
        rules.history, 0,
        "a reset without the policy hints skips the history: not promised"
    );

    let special = dc.new_user("Old-Pa55word-For-AD!");
    let pso = format!("rules-{special}");
    dc.samba_tool(&[
        "domain",
        "passwordsettings",
        "pso",
        "create",
        &pso,
        "1",
        "--min-pwd-length=20",
        "--complexity=off",
        "--history-length=5",
    ]);
    dc.samba_tool(&["domain", "passwordsettings", "pso", "apply", &pso, &special]);
    let rules = one(ad.find_by_account(&special).await.unwrap())
        .rules
        .unwrap();
    assert_eq!(
        (rules.min_length, rules.complexity, rules.history),
        (20, false, 5)
    );
    assert_eq!(rules.fine_grained.as_deref(), Some(pso.as_str()));
}

#[tokio::test]
async fn rekeys_check_of_ads_rules_agrees_with_the_domain_controller() {
    let Some(dc) = dc() else { return };
    let ad = ActiveDirectory::new(dc.config()).unwrap();
    let account = dc.new_user("Start-Pa55word-For-AD!");
    let user = one(ad.find_by_account(&account).await.unwrap());
    let rules = user.rules.clone().expect("the domain's rules are read");
    let check = rekey::policy::DirectoryRules {
        min_length: rules.min_length as usize,
        complexity: rules.complexity,
        history: rules.history,
        account: Some(user.account.clone()),
        display_name: user.display_name.clone(),
    };
    let candidates = [
        "harbourlanternvelvet".to_string(),
        "harbourlantern58".to_string(),
        "Harbourlantern58".to_string(),
        "Harbour-Lantern".to_string(),
        "harbour-lantern-58".to_string(),
        "HARBOUR LANTERN 58".to_string(),
        "Ab1!".to_string(),
    ];
    // Windows refuses a password containing the account name (Microsoft's documented
    // complexity rule) and so does Rekey; Samba 4.17 accepts it on an administrative
    // reset, so these are checked against the documentation, not against Samba.
    for with_name in [
        format!("Harbour-{account}-58"),
        format!("Harbour-{}-58", account.to_uppercase()),
    ] {
        assert!(!check.allows(&with_name), "{with_name}");
    }
    for (n, candidate) in candidates.iter().enumerate() {
        let accepted = ad
            .set_password(&user.dn, &SecretString::from(candidate.clone()), false)
            .await;
        let ad_allows = match accepted {
            Ok(()) => true,
            Err(AdError::Refused {
                refusal: WriteRefusal::Policy,
                ..
            }) => false,
            Err(e) => panic!("{candidate}: {e}"),
        };
        assert_eq!(
            check.allows(candidate),
            ad_allows,
            "candidate {n} ({candidate:?}): Rekey and AD disagree"
        );
    }
}
