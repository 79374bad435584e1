//! A name that matches no account gets the same answers as one that does.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use rekey::cli::drive::ResetDriver;
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
        let person = ResetDriver::new().unwrap();
        let step = person.start(&app.base, "ghost@contoso.com").await.unwrap();
        assert!(step.moved_on());
        let body = person.page(&app.url("/reset")).await.unwrap();
        pages.push(support::methods_fieldset(&body));
    }
    assert_eq!(pages[0], pages[1]);
}

#[tokio::test]
async fn an_unknown_name_can_never_pass_verification() {
    let app = TestApp::spawn().await;
    let person = &app.person;
    assert!(
        person
            .start(&app.base, "ghost@contoso.com")
            .await
            .unwrap()
            .moved_on()
    );
    // Decoys come in every shape real lists have; the driver takes the first one shown.
    assert!(person.send(&app.base, None).await.unwrap().moved_on());
    app.flush().await;
    assert!(app.messages().is_empty(), "decoys receive nothing");
    let step = person.enter_code(&app.base, "12345678").await.unwrap();
    assert_eq!(step.status, 422);
}

/// Method lists as real accounts have them (an authentication email, a mobile, sometimes a
/// second address from `otherMails`), with the providers and countries people register.
const REAL_ACCOUNTS: &[&[&str]] = &[
    &["maria.garcia@gmail.com", "+34 612345678"],
    &["j.smith@outlook.com"],
    &["+1 4255550123"],
    &["kevin.b@hotmail.com", "+1 2065550199"],
    &["sally99@yahoo.com"],
    &["t.nguyen@icloud.com", "+61 412345678"],
    &["privacy.first@proton.me"],
    &["hans.mueller@gmx.de", "+49 15112345678"],
    &["petra.k@web.de"],
    &["oma.schmidt@t-online.de", "+49 1701234567"],
    &["claire.dupont@orange.fr", "+33 612345678"],
    &["luc@free.fr"],
    &["a.martin@laposte.net", "+33 712345678"],
    &["oliver.jones@yahoo.co.uk", "+44 7700900456"],
    &["1985.fan@btinternet.com"],
    &["giulia.rossi@libero.it", "+39 3123456789"],
    &["anna.nowak@wp.pl", "+48 501234567"],
    &["piotr.k@onet.pl"],
    &["tanaka.h@yahoo.co.jp", "+81 9012345678"],
    &["sato@docomo.ne.jp"],
    &["joao.silva@uol.com.br", "+55 11912345678"],
    &["ana.souza@bol.com.br"],
    &["pablo.r@telefonica.es"],
    &["daan.devries@ziggo.nl", "+31 612345678"],
    &["mate@bigpond.com"],
    &["urs.meier@bluewin.ch", "+41 791234567"],
    &["franz@gmx.at", "+43 6641234567"],
    &["lotte@telenet.be", "+32 470123456"],
    &["erik.l@live.se", "+46 701234567"],
    &["maple.leaf@shaw.ca"],
    &["camille@hotmail.fr"],
    &["juergen@outlook.de"],
    &["mads@gmail.com", "+45 20123456"],
    &["ingrid@gmail.com", "+47 41234567"],
    &["+358 401234567"],
    &["aoife@gmail.com", "+353 871234567"],
    &["+351 912345678"],
    &["lupita@hotmail.com", "+52 5512345678"],
    &["+91 9812345678"],
    &["omar@outlook.com", "+971 501234567"],
    &["faisal@gmail.com", "+966 501234567"],
    &["+64 211234567"],
    &["+44 7700900789"],
    &["a.b@gmail.com", "c.d@outlook.com"],
    &["e.f@gmail.com", "g.h@yahoo.com", "+49 15212345678"],
];

/// What a stranger can compare: the list's layout, and each mask with the part that is
/// different for everyone (the initial, the last two digits) reduced to its kind.
fn shapes(methods: &[(String, String)]) -> Vec<String> {
    let ids: Vec<&str> = methods.iter().map(|(id, _)| id.as_str()).collect();
    let mut out = vec![format!("list {}", ids.join(","))];
    for (id, masked) in methods {
        let mut chars: Vec<char> = masked.chars().collect();
        if id.starts_with("email") {
            // The initial and the provider are independent: compare each on its own.
            let kind = if chars[0].is_ascii_digit() {
                "digit"
            } else {
                "letter"
            };
            out.push(format!("initial {kind}"));
            chars[0] = 'a';
        } else {
            let n = chars.len();
            chars[n - 2] = '9';
            chars[n - 1] = '9';
        }
        out.push(format!("mask {}", chars.into_iter().collect::<String>()));
    }
    out
}

fn real_methods(addresses: &[&str]) -> Vec<(String, String)> {
    let emails = addresses.iter().filter(|a| a.contains('@'));
    let phones = addresses.iter().filter(|a| !a.contains('@'));
    emails
        .enumerate()
        .map(|(i, e)| (format!("email:{i}"), rekey::flow::mask::email(e)))
        .chain(
            phones
                .enumerate()
                .map(|(i, p)| (format!("sms:{i}"), rekey::flow::mask::phone(p))),
        )
        .collect()
}

#[test]
fn decoys_show_the_shapes_real_accounts_show_and_no_others() {
    use std::collections::BTreeSet;
    let key = rekey::flow::codes::CodeKey::new(&[7u8; 32]).unwrap();
    let decoy: BTreeSet<String> = (0..2000)
        .flat_map(|i| {
            let methods: Vec<(String, String)> =
                rekey::flow::decoy::methods(&key, &format!("person{i}@contoso.com"))
                    .into_iter()
                    .map(|m| (m.id, m.masked))
                    .collect();
            shapes(&methods)
        })
        .collect();
    let real: BTreeSet<String> = REAL_ACCOUNTS
        .iter()
        .flat_map(|a| shapes(&real_methods(a)))
        .collect();
    let only_decoy: Vec<&String> = decoy.difference(&real).collect();
    let only_real: Vec<&String> = real.difference(&decoy).collect();
    assert!(
        only_decoy.is_empty(),
        "shapes only decoys show: {only_decoy:?}"
    );
    assert!(
        only_real.is_empty(),
        "shapes decoys never show: {only_real:?}"
    );
    assert!(decoy.iter().any(|s| s == "list sms:0"), "SMS-only lists");
    assert!(
        decoy.iter().any(|s| s == "list email:0,email:1,sms:0"),
        "several entries"
    );
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

use std::time::Duration;

#[tokio::test]
async fn graph_throttling_does_not_show_in_the_start_step() {
    let floor = 600;
    let app = TestApp::spawn_with(|_| {}, |s| s.security.start_floor_ms = floor).await;
    // Every method read is throttled; Graph's client would retry for seconds.
    app.sim.state.faults().add(rekey::simulator::FaultRule {
        method: None,
        path_contains: Some("/authentication/".into()),
        times: None,
        kind: rekey::simulator::FaultKind::Throttle {
            retry_after: "1".into(),
        },
    });
    // Warm up the token and the connections.
    app.start("warm.up@contoso.com").await;
    let time_start = |name: String| {
        let base = app.base.clone();
        async move {
            let person = ResetDriver::new().unwrap();
            let step = person.start(&base, &name).await.unwrap();
            assert_eq!(step.status, 303);
            step.took
        }
    };
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for i in 0..5 {
        known.push(time_start(support::EMAIL_USER.to_string()).await);
        unknown.push(time_start(format!("nobody{i}@contoso.com")).await);
    }
    let max = known.iter().chain(&unknown).max().copied().unwrap();
    let (k, u) = (median(&mut known), median(&mut unknown));
    eprintln!("start step under throttling: known median {k:?}, unknown median {u:?}, max {max:?}");
    assert!(
        k.abs_diff(u) < Duration::from_millis(50),
        "medians {k:?} (known) vs {u:?} (unknown)"
    );
    assert!(
        max < Duration::from_millis(floor + 50),
        "slowest start took {max:?}"
    );
}
