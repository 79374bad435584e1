//! A synced user's reset into a real Samba AD domain controller, logged at trace level with
//! Rekey's own log set-up, leaves neither the service account's password nor the user's
//! old or new password in the logs, in any encoding the LDAP layer uses.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use rekey::directory::ad::{ActiveDirectory, wire};
use secrecy::SecretString;
use support::logs::LogBuffer;

#[tokio::test]
async fn no_ad_secret_reaches_the_logs() {
    let buf = LogBuffer::install_at_trace();
    let Some(dc) = support::ad::dc() else { return };
    let old = "Before-Pa55word-Hybrid!";
    let new = "Quixotic-Harbour-Lantern-58";
    let account = dc.new_user(old);
    let settings = dc.settings();
    let app = dc.synced_portal(&account, settings).await;
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let step = app.person.set_password(&app.base, new).await.unwrap();
    assert_eq!(step.status, 303);
    assert!(dc.binds(&account, new).await);
    // A refused bind and `rekey check`'s probe log too.
    let wrong = "Not-The-Service-Pa55word";
    let mut cfg = dc.config();
    cfg.bind_password = SecretString::from(wrong.to_string());
    let _ = ActiveDirectory::new(cfg)
        .unwrap()
        .find_by_sid(&dc.sid_of(&account).await)
        .await;
    let probe = ActiveDirectory::new(dc.config()).unwrap().probe().await;
    assert!(probe.connections.iter().all(|(_, r)| r.is_ok()));

    let logs = buf.text();
    assert!(logs.contains("TRACE"), "logging ran at trace");
    assert!(logs.contains("password.set"), "the audit line is there");
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let as_sent = hex(&wire::unicode_pwd(new));
    buf.assert_none_of(&[
        &dc.admin_password,
        wrong,
        old,
        new,
        &as_sent,
        &hex(dc.admin_password.as_bytes()),
    ]);
}
