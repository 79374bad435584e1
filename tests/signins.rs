//! After a reset, "check my devices" lists what still uses the old password.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::{TestApp, extract_value};

async fn reset(app: &TestApp) {
    app.verify(support::EMAIL_USER, support::EMAIL_USER_ALT)
        .await;
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let pw = "Juniper-Compass-Meadow-64";
    let r = app
        .post_form(
            "/reset/password",
            &[("csrf", &csrf), ("password", pw), ("confirm", pw)],
        )
        .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn the_done_page_lists_devices_still_failing() {
    let app = TestApp::spawn().await;
    // Before the reset finishes the page is not available.
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    assert_eq!(app.get("/reset/devices").await.status(), 409);
    let app = TestApp::spawn().await;
    reset(&app).await;
    let done = app.get_text("/reset").await;
    assert!(done.contains("href=\"/reset/devices\""));
    let page = app.get_text("/reset/devices").await;
    assert!(
        page.contains("Alex&#39;s iPhone") || page.contains("Alex's iPhone"),
        "{page}"
    );
    assert!(page.contains("ALEX-LAPTOP"), "{page}");
    assert!(page.contains("4 failed sign-ins"), "{page}");
    assert!(page.contains("/reset/guide#ios-mail"), "{page}");
}

#[tokio::test]
async fn without_p1_the_feature_steps_aside() {
    let app = TestApp::spawn_with(|o| o.premium = false, |_| {}).await;
    reset(&app).await;
    let page = app.get_text("/reset/devices").await;
    assert!(page.contains("does not include sign-in logs"), "{page}");
}
