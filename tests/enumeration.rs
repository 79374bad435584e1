//! A name that matches no account gets the same answers as one that does.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::TestApp;

/// Response headers that legitimately differ per response.
const VOLATILE: &[&str] = &["set-cookie", "x-request-id", "date", "content-length"];

fn header_names(r: &reqwest::Response) -> Vec<String> {
    let mut v: Vec<String> = r
        .headers()
        .iter()
        .filter(|(k, _)| !VOLATILE.contains(&k.as_str()))
        .map(|(k, v)| format!("{k}: {}", v.to_str().unwrap_or("")))
        .collect();
    v.sort();
    v
}

/// The page with what differs by design (masked values, names, tokens) blanked out.
fn shape(page: &str, name: &str) -> String {
    let mut out = page.replace(name, "NAME");
    for marker in ["value=\"", "to ", "<strong>"] {
        let mut s = String::new();
        let mut rest = out.as_str();
        while let Some(i) = rest.find(marker) {
            s.push_str(&rest[..i + marker.len()]);
            rest = &rest[i + marker.len()..];
            let end = rest.find(['"', '<']).unwrap_or(rest.len());
            s.push('X');
            rest = &rest[end..];
        }
        s.push_str(rest);
        out = s;
    }
    // One or two methods are both ordinary shapes; compare the page around them.
    match (out.find("<fieldset>"), out.find("</fieldset>")) {
        (Some(a), Some(b)) => format!("{}{}", &out[..a], &out[b..]),
        _ => out,
    }
}

#[tokio::test]
async fn known_and_unknown_names_look_the_same() {
    let app = TestApp::spawn_with(|_| {}, |s| s.security.start_floor_ms = 300).await;
    let known = support::EMAIL_USER;
    let unknown = "no.such.person@contoso.com";

    let mut answers = Vec::new();
    for name in [known, unknown] {
        let client = TestApp::new_client();
        let page = client
            .get(app.url("/"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = support::extract_value(&page, "name=\"csrf\" value=\"").unwrap();
        let started = std::time::Instant::now();
        let r = client
            .post(app.url("/reset/start"))
            .form(&[("csrf", csrf.as_str()), ("username", name)])
            .send()
            .await
            .unwrap();
        let elapsed = started.elapsed();
        let status = r.status();
        let headers = header_names(&r);
        let location = r.headers().get("location").cloned();
        let page = client.get(app.url("/reset")).send().await.unwrap();
        let page_status = page.status();
        let page_headers = header_names(&page);
        let body = page.text().await.unwrap();
        answers.push((
            status,
            headers,
            location,
            elapsed,
            page_status,
            page_headers,
            shape(&body, name),
            body,
        ));
    }
    let (k, u) = (&answers[0], &answers[1]);
    assert_eq!(k.0, u.0, "status");
    assert_eq!(k.1, u.1, "headers");
    assert_eq!(k.2, u.2, "redirect");
    assert_eq!(k.4, u.4, "page status");
    assert_eq!(k.5, u.5, "page headers");
    assert_eq!(k.6, u.6, "page shape");
    assert!(u.7.contains("•••"), "the unknown name shows masked decoys");
    for a in &answers {
        assert!(
            a.3 >= std::time::Duration::from_millis(300),
            "the time floor holds: {:?}",
            a.3
        );
    }
    let diff = k.3.abs_diff(u.3);
    assert!(
        diff < std::time::Duration::from_millis(200),
        "comparable time: {:?} vs {:?}",
        k.3,
        u.3
    );
}

#[tokio::test]
async fn decoys_are_stable_per_name() {
    let app = TestApp::spawn().await;
    let mut pages = Vec::new();
    for _ in 0..2 {
        let client = TestApp::new_client();
        let page = client
            .get(app.url("/"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = support::extract_value(&page, "name=\"csrf\" value=\"").unwrap();
        client
            .post(app.url("/reset/start"))
            .form(&[("csrf", csrf.as_str()), ("username", "ghost@contoso.com")])
            .send()
            .await
            .unwrap();
        let body = client
            .get(app.url("/reset"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let start = body.find("<fieldset>").unwrap();
        let end = body.find("</fieldset>").unwrap();
        pages.push(body[start..end].to_string());
    }
    assert_eq!(pages[0], pages[1]);
}

#[tokio::test]
async fn an_unknown_name_can_never_pass_verification() {
    let app = TestApp::spawn().await;
    assert_eq!(app.start("ghost@contoso.com").await.status(), 303);
    let page = app.get_text("/reset").await;
    let csrf = support::extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let r = app
        .post_form("/reset/send", &[("csrf", &csrf), ("method", "email:0")])
        .await;
    assert_eq!(r.status(), 303);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert!(app.messages().is_empty(), "decoys receive nothing");
    let r = app
        .post_form("/reset/code", &[("csrf", &csrf), ("code", "12345678")])
        .await;
    assert_eq!(r.status(), 422);
}
