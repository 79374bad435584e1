//! Code delivery through each channel adapter: an SMS webhook, a Twilio-compatible API, and
//! Graph sendMail. The SMS providers are a small HTTP server on loopback.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{
    net::TcpListener,
    sync::{Arc, Mutex},
};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use support::{TestApp, extract_value};

#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<(String, String, String)>>>);

async fn record(req: HttpRequest, body: web::Bytes, seen: web::Data<Seen>) -> HttpResponse {
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    seen.0.lock().unwrap().push((
        req.path().to_string(),
        auth,
        String::from_utf8_lossy(&body).to_string(),
    ));
    HttpResponse::Created().json(serde_json::json!({"sid": "SM1"}))
}

fn provider() -> (String, Seen) {
    let seen = Seen::default();
    let data = web::Data::new(seen.clone());
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", l.local_addr().unwrap());
    let server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .default_service(web::to(record))
    })
    .workers(1)
    .listen(l)
    .unwrap()
    .run();
    tokio::spawn(server);
    (base, seen)
}

async fn send_sms_code(app: &TestApp) {
    assert_eq!(app.start(support::SMS_USER).await.status(), 303);
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    let r = app
        .post_form("/reset/send", &[("csrf", &csrf), ("method", "sms:0")])
        .await;
    assert_eq!(r.status(), 303);
}

/// What the provider received, once the outbox has delivered everything queued.
async fn received(app: &TestApp, seen: &Seen) -> (String, String, String) {
    app.flush().await;
    let first = seen.0.lock().unwrap().first().cloned();
    first.expect("the provider received nothing")
}

#[tokio::test]
async fn sms_through_a_json_webhook() {
    let (base, seen) = provider();
    let app = TestApp::spawn_with(
        |_| {},
        move |s| {
            s.sms.provider = rekey::settings::SmsProvider::Webhook;
            s.sms.webhook_url = Some(url::Url::parse(&format!("{base}/send")).unwrap());
            s.sms.auth_token = Some(secrecy::SecretString::from("hook-token".to_string()));
        },
    )
    .await;
    send_sms_code(&app).await;
    let (path, auth, body) = received(&app, &seen).await;
    assert_eq!(path, "/send");
    assert_eq!(auth, "Bearer hook-token");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["to"], "+15555550123");
    assert!(support::find_code(v["text"].as_str().unwrap()).is_some());
}

#[tokio::test]
async fn sms_through_a_twilio_compatible_api() {
    let (base, seen) = provider();
    let app = TestApp::spawn_with(
        |_| {},
        move |s| {
            s.sms.provider = rekey::settings::SmsProvider::Twilio;
            s.sms.api_base = url::Url::parse(&base).unwrap();
            s.sms.account_sid = Some("AC123".into());
            s.sms.auth_token = Some(secrecy::SecretString::from("tok".to_string()));
            s.sms.from = Some("+15550100".into());
        },
    )
    .await;
    send_sms_code(&app).await;
    let (path, auth, body) = received(&app, &seen).await;
    assert_eq!(path, "/2010-04-01/Accounts/AC123/Messages.json");
    use base64::Engine;
    assert_eq!(
        auth,
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode("AC123:tok")
        )
    );
    let form: std::collections::HashMap<String, String> =
        url::form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect();
    assert_eq!(form["To"], "+15555550123");
    assert_eq!(form["From"], "+15550100");
    assert!(support::find_code(&form["Body"]).is_some());
}

#[tokio::test]
async fn email_through_graph_send_mail() {
    let app = TestApp::spawn_with(
        |_| {},
        |s| {
            s.email.transport = rekey::settings::EmailTransport::Graph;
            s.email.graph_sender = Some("rekey@contoso.com".into());
        },
    )
    .await;
    assert_eq!(app.start(support::EMAIL_USER).await.status(), 303);
    let page = app.get_text("/reset").await;
    let csrf = extract_value(&page, "name=\"csrf\" value=\"").unwrap();
    app.post_form("/reset/send", &[("csrf", &csrf), ("method", "email:0")])
        .await;
    app.flush().await;
    let mail = app.sim.state.sent_mail().into_iter().next();
    let mail = mail.expect("sendMail was called");
    assert_eq!(mail.from, "rekey@contoso.com");
    assert_eq!(mail.to, vec![support::EMAIL_USER_ALT.to_string()]);
    assert_eq!(mail.content_type, "HTML");
    assert!(mail.body.contains("reset code for Contoso is"));
}
