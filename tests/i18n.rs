//! Every language is complete, every template renders in every language, and the portal
//! picks and keeps the right language: switcher, browser, and the user's Entra setting.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![recursion_limit = "256"]

mod support;

use rekey::{
    i18n::{Catalogs, LANGUAGES},
    web::Templates,
};
use serde_json::json;
use support::{TestApp, extract_value};

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    // Loading checks ids and variables of every catalog against English.
    let catalogs = Catalogs::load("en").expect("all catalogs load");
    let ids = Catalogs::reference_ids();
    assert!(ids.len() > 200, "{} ids", ids.len());
    for lang in LANGUAGES {
        for (id, vars) in &ids {
            let args: Vec<(&str, rekey::i18n::Arg)> =
                vars.iter().map(|v| (v.as_str(), "X".into())).collect();
            let text = catalogs.text(lang, id, &args);
            assert!(!text.trim().is_empty(), "{} {id} is empty", lang.code);
            assert!(
                !text.contains("{$") && !text.contains("{ $"),
                "{} {id}: {text}",
                lang.code
            );
        }
    }
}

#[test]
fn values_are_isolated_in_right_to_left_text_only() {
    let catalogs = Catalogs::load("en").unwrap();
    let find = |c| rekey::i18n::find(c).unwrap();
    let args = [("username", "ada@contoso.com".into())];
    let arabic = catalogs.text(find("ar"), "methods-intro", &args);
    assert!(
        arabic.contains("\u{2068}ada@contoso.com\u{2069}"),
        "{arabic:?}"
    );
    let german = catalogs.text(find("de"), "methods-intro", &args);
    assert!(german.contains("ada@contoso.com") && !german.contains('\u{2068}'));
}

#[test]
fn translations_are_not_english_copies() {
    let catalogs = Catalogs::load("en").unwrap();
    let en = &LANGUAGES[0];
    for lang in &LANGUAGES[1..] {
        let same = Catalogs::reference_ids()
            .iter()
            .filter(|(id, vars)| {
                vars.is_empty()
                    && id.starts_with("home-")
                    && catalogs.text(lang, id, &[]) == catalogs.text(en, id, &[])
            })
            .count();
        assert_eq!(same, 0, "{} has untranslated start-page text", lang.code);
    }
}

/// One context with every variable any template reads, so each renders on its own.
fn kitchen_sink(lang: &str, dir: &str) -> serde_json::Value {
    json!({
        "lang": lang, "dir": dir, "here": "/reset",
        "languages": LANGUAGES.iter().map(|l| json!({"code": l.code, "name": l.name, "dir": l.dir(), "current": l.code == lang})).collect::<Vec<_>>(),
        "org_name": "Contoso", "logo": true, "brand_css": true,
        "helpdesk_email": "help@contoso.com", "helpdesk_phone": "+1 555 0100",
        "helpdesk_url": "https://help.contoso.com/", "notice": "Maintenance tonight", "demo": true,
        "csrf": "t", "step": 2, "total": 4,
        "errors": [{"field": "code", "message": "wrong"}],
        "methods": [{"id": "e1", "kind": "email", "masked": "a***@x.org"}, {"id": "m1", "kind": "sms", "masked": "+44 ***23"}],
        "pending": {"id": "e1", "kind": "email", "masked": "a***@x.org"},
        "code_length": 8, "policy_rules": ["rule"], "min_length": 12,
        "verdict": {"failed": [{"message": "f"}], "suggestions": [{"message": "s"}]},
        "reason": "privileged", "reason_id": "reason-privileged",
        "places": [{"id": "ios-mail", "steps": 3}, {"id": "vpn", "steps": 1}],
        "username": "ada@contoso.com", "username_value": "", "retry_after": null, "until": "10:00 UTC",
        "status": "ok",
        "devices": [{"what": "Outlook · iOS", "failures": 2, "last": "09:00 UTC", "locked": true, "step": "ios-mail"}],
        "messages": [{"at": "09:00:00", "channel": "email", "to": "a@x.org", "subject": "S", "text": "T"}],
        "title_id": "error-expired-title", "text_id": "error-expired-text",
        "code": "12345678", "ttl_minutes": 10, "account": "ada@contoso.com", "client_addr": "203.0.113.7",
        "at": "2027-01-15 09:00 UTC", "display_name": "Ada", "helpdesk": "+1 555 0100",
        "guide_url": "https://password.contoso.com/reset/guide",
        "upn": "ada@contoso.com", "expires": "15.01.2027", "days_left": 3, "expired": false,
        "portal_url": "https://password.contoso.com/",
    })
}

#[test]
fn every_template_renders_in_every_language() {
    let templates = Templates::load().unwrap();
    let names = templates.names();
    assert!(names.len() >= 20, "{names:?}");
    for lang in LANGUAGES {
        let ctx = kitchen_sink(lang.code, lang.dir());
        for name in names.iter().filter(|n| *n != "components.html") {
            let out = templates
                .render(name, &ctx)
                .unwrap_or_else(|e| panic!("{name} in {}: {e}", lang.code));
            assert!(!out.trim().is_empty(), "{name} in {}", lang.code);
            if name.ends_with(".html") && !name.contains("/_") {
                assert!(
                    out.contains(&format!("lang=\"{}\"", lang.code)),
                    "{name} in {} has no lang attribute",
                    lang.code
                );
                if lang.rtl {
                    assert!(out.contains("dir=\"rtl\""), "{name} in {}", lang.code);
                }
            }
        }
    }
}

#[test]
fn a_mistyped_message_id_fails_the_render() {
    let templates = Templates::load().unwrap();
    let probe = Templates::with(
        std::sync::Arc::new(Catalogs::load("en").unwrap()),
        Some(&write_override("reset/locked.html", "{{ t(key=\"no-such-message\") }}").0),
    )
    .unwrap();
    let ctx = kitchen_sink("en", "ltr");
    assert!(templates.render("reset/locked.html", &ctx).is_ok());
    assert!(probe.render("reset/locked.html", &ctx).is_err());
}

fn write_override(name: &str, text: &str) -> support::TempDir {
    let dir = support::TempDir::new("override");
    let path = dir.0.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    dir
}

#[test]
fn an_override_folder_replaces_single_templates_and_refuses_unknown_names() {
    let catalogs = || std::sync::Arc::new(Catalogs::load("en").unwrap());
    let dir = write_override(
        "reset/helpdesk.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Call Contoso IT</h1>{% endblock content %}",
    );
    let t = Templates::with(catalogs(), Some(&dir.0)).unwrap();
    let ctx = kitchen_sink("en", "ltr");
    assert!(
        t.render("reset/helpdesk.html", &ctx)
            .unwrap()
            .contains("Call Contoso IT")
    );
    assert!(
        t.render("home.html", &ctx)
            .unwrap()
            .contains("Reset your password")
    );
    let typo = write_override("reset/helpdesc.html", "x");
    let e = Templates::with(catalogs(), Some(&typo.0)).err().unwrap();
    assert!(e.contains("does not replace any template"), "{e}");
}

async fn send(request: reqwest::RequestBuilder) -> (u16, String) {
    let r = request.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn get_with_language(app: &TestApp, path: &str, accept: &str) -> (u16, String) {
    send(
        app.client
            .get(app.url(path))
            .header("Accept-Language", accept),
    )
    .await
}

#[tokio::test]
async fn the_browser_language_is_used_and_the_switcher_keeps_the_flow() {
    let app = TestApp::spawn().await;
    let (_, home) = get_with_language(&app, "/", "fr-CA, en;q=0.5").await;
    assert!(home.contains("<html lang=\"fr\" dir=\"ltr\">"), "{home}");
    let (_, home) = get_with_language(&app, "/", "ar").await;
    assert!(home.contains("<html lang=\"ar\" dir=\"rtl\">"));
    // Shared components get the page's language too.
    let catalogs = Catalogs::load("en").unwrap();
    let continue_ar = catalogs.text(rekey::i18n::find("ar").unwrap(), "home-continue", &[]);
    assert!(
        home.contains(&format!("class=\"button primary\">{continue_ar}</button>")),
        "{home}"
    );
    // The switcher lists every language by its own name, marked with its language.
    for l in LANGUAGES {
        assert!(
            home.contains(&format!(
                "?lang={}\" lang=\"{}\" hreflang=\"{}\"",
                l.code, l.code, l.code
            )),
            "{}",
            l.code
        );
        assert!(home.contains(l.name));
    }

    // Mid-flow, switching re-renders the same step in the new language, and it sticks.
    assert_eq!(app.start("adele.vance@contoso.com").await.status(), 303);
    let english = app.get_text("/reset").await;
    assert!(english.contains("Where should we send a code?"));
    let german = app.get_text("/reset?lang=de").await;
    assert!(german.contains("<html lang=\"de\""), "{german}");
    assert!(german.contains("name=\"method\""), "still the methods step");
    let again = app.get_text("/reset").await;
    assert!(again.contains("<html lang=\"de\""), "the choice is kept");
    // The code email follows the page's language.
    let csrf = extract_value(&again, "name=\"csrf\" value=\"").unwrap();
    let method = extract_value(&again, "name=\"method\" value=\"").unwrap();
    app.post_form("/reset/send", &[("csrf", &csrf), ("method", &method)])
        .await;
    let code_mail = app.messages().into_iter().next().unwrap();
    let rekey::ports::Message::Email { subject, .. } = code_mail else {
        panic!("{code_mail:?}")
    };
    assert!(!subject.starts_with("Your"), "German subject: {subject}");
}

#[tokio::test]
async fn the_users_entra_language_applies_after_verification_when_the_browser_names_none_we_speak()
{
    let app = TestApp::spawn().await;
    let mut swedish = reqwest::header::HeaderMap::new();
    swedish.insert("Accept-Language", "sv".parse().unwrap());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(swedish)
        .build()
        .unwrap();
    let (_, page) = send(client.get(app.url("/"))).await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let form = [
        ("csrf", csrf.as_str()),
        ("username", "johanna.lorenz@contoso.com"),
    ];
    let (status, _) = send(client.post(app.url("/reset/start")).form(&form)).await;
    assert_eq!(status, 303);
    let (_, methods) = send(client.get(app.url("/reset"))).await;
    // Before a code is accepted the page may not reflect the account: the default language.
    assert!(methods.contains("<html lang=\"en\""), "{methods}");
    let form = [("csrf", csrf.as_str()), ("method", "email:0")];
    let (status, _) = send(client.post(app.url("/reset/send")).form(&form)).await;
    assert_eq!(status, 303);
    let code = app.code_sent_to("johanna@gmx.de").await;
    let form = [("csrf", csrf.as_str()), ("code", code.as_str())];
    let (status, _) = send(client.post(app.url("/reset/code")).form(&form)).await;
    assert_eq!(status, 303);
    let (_, password) = send(client.get(app.url("/reset"))).await;
    assert!(password.contains("<html lang=\"de\""), "{password}");
}

#[tokio::test]
async fn failure_pages_speak_the_language_and_name_the_helpdesk() {
    let app = TestApp::spawn_with(
        |_| {},
        |s| {
            s.branding.helpdesk_phone = Some("+49 30 1234567".into());
            s.branding.helpdesk_email = Some("it@contoso.com".into());
        },
    )
    .await;
    let (status, page) = get_with_language(&app, "/no/such/page", "de").await;
    assert_eq!(status, 404);
    assert!(page.contains("<html lang=\"de\""), "{page}");
    assert!(page.contains("tel:+49 30 1234567") && page.contains("mailto:it@contoso.com"));
    let (status, page) = get_with_language(&app, "/reset", "ja").await;
    assert_eq!(status, 410, "no reset in progress");
    assert!(page.contains("<html lang=\"ja\""), "{page}");
    assert!(page.contains("tel:+49 30 1234567"));
    // The JSON API keeps its envelope.
    let r = app
        .client
        .post(app.url("/api/password/check"))
        .json(&json!({"password": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let body: serde_json::Value = r.json().await.unwrap();
    assert!(body["error"]["code"].is_string(), "{body}");
}

#[tokio::test]
async fn a_brand_colour_and_logo_are_served_without_inline_style() {
    let dir = support::TempDir::new("brand");
    let logo = dir.0.join("logo.svg");
    std::fs::write(
        &logo,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
    )
    .unwrap();
    let app = TestApp::spawn_with(
        |_| {},
        |s| {
            s.branding.primary_color = Some("#7a1f5c".into());
            s.branding.logo = Some(logo.clone());
        },
    )
    .await;
    let home = app.get_text("/").await;
    assert!(home.contains("<link rel=\"stylesheet\" href=\"/brand/style.css\">"));
    assert!(
        home.contains("<img class=\"logo\" src=\"/brand/logo\" alt=\"Contoso"),
        "{home}"
    );
    assert!(!home.contains("style="), "the CSP forbids inline style");
    let css = app.get_text("/brand/style.css").await;
    assert!(css.contains("--brand: #7a1f5c"), "{css}");
    let r = app.get("/brand/logo").await;
    assert_eq!(r.headers()["content-type"], "image/svg+xml");
}

/// Files below `dir` (recursively) whose name ends with one of `exts`.
fn files(dir: &std::path::Path, exts: &[&str], out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, exts, out);
        } else if exts.iter().any(|e| path.to_string_lossy().ends_with(e)) {
            out.push(path);
        }
    }
}

/// String literals in `text` that look like message ids with one of `prefixes`.
fn literal_ids<'a>(text: &'a str, prefixes: &[&str]) -> Vec<&'a str> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.split_once('-').is_some_and(|(head, rest)| {
                prefixes.contains(&head)
                    && !rest.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            })
        })
        .collect()
}

#[test]
fn every_message_id_named_in_code_or_templates_exists() {
    let catalogs = Catalogs::load("en").unwrap();
    let mut sources = Vec::new();
    files(std::path::Path::new("src"), &[".rs"], &mut sources);
    files(
        std::path::Path::new("templates"),
        &[".html", ".txt"],
        &mut sources,
    );
    let prefixes = [
        "policy", "rule", "class", "char", "reason", "error", "mail", "sms", "code", "methods",
        "password", "devices", "home", "outbox", "meter", "strength", "help", "locked", "helpdesk",
        "done", "progress", "guide", "list", "page", "skip", "start", "language",
    ];
    let mut checked = 0;
    let mut missing = Vec::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        // Ids that are not messages: CSS classes, element ids and audit names.
        let not_messages = [
            "error-summary",
            "progress-bar",
            "code-form",
            "code-hint",
            "password-form",
            "toggle-password",
            "policy-rules",
        ];
        for id in literal_ids(&text, &prefixes) {
            if not_messages.contains(&id) {
                continue;
            }
            checked += 1;
            if !catalogs.has(id) {
                missing.push(format!("{}: {id}", path.display()));
            }
        }
    }
    assert!(
        checked > 150,
        "only {checked} ids found: is the scan still working?"
    );
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn an_unnamed_organisation_reads_well_in_every_language() {
    let catalogs = Catalogs::load("en").unwrap();
    let en = rekey::i18n::find("en").unwrap();
    let org = |v: &str| vec![("org", rekey::i18n::Arg::from(v))];
    assert_eq!(
        catalogs.text(en, "mail-code-subject", &org("")),
        "Your password reset code for your organisation"
    );
    assert_eq!(
        catalogs.text(en, "mail-code-subject", &org("Contoso")),
        "Your password reset code for Contoso"
    );
    assert_eq!(
        catalogs.text(en, "mail-signature", &org("")),
        "Your IT team"
    );
    for lang in LANGUAGES {
        let unnamed = catalogs.text(lang, "org-unnamed", &[]);
        for id in [
            "mail-code-subject",
            "mail-changed-subject",
            "mail-signature",
        ] {
            let text = catalogs.text(lang, id, &org(""));
            assert!(!text.trim().is_empty(), "{} {id}", lang.code);
            assert!(
                !text.to_lowercase().contains("your your"),
                "{} {id}: {text}",
                lang.code
            );
            if id != "mail-signature" {
                assert!(text.contains(&unnamed), "{} {id}: {text}", lang.code);
            }
        }
    }
}
