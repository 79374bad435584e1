//! The simulator's wire format against GRAPH.md, checked with a plain HTTP client: status
//! codes, headers, JSON shapes and error envelopes, independent of Rekey's Graph client.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::net::TcpListener;

use rekey::simulator::{self as sim, FaultKind, FaultRule};
use serde_json::Value;

struct S {
    server: sim::SimServer,
    http: reqwest::Client,
}

async fn sim_with(f: impl FnOnce(&mut sim::SimOptions)) -> S {
    let mut o = support::sim_options(support::start_time());
    f(&mut o);
    S {
        server: sim::start(o, TcpListener::bind("127.0.0.1:0").unwrap())
            .await
            .unwrap(),
        http: reqwest::Client::new(),
    }
}

impl S {
    fn url(&self, p: &str) -> String {
        format!("{}{p}", self.server.base_url)
    }

    async fn token_response(&self, form: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(self.url("/contoso.com/oauth2/v2.0/token"))
            .form(form)
            .send()
            .await
            .unwrap()
    }

    async fn token(&self) -> String {
        let r = self
            .token_response(&[
                ("client_id", support::CLIENT_ID),
                ("client_secret", support::SECRET),
                ("scope", "https://graph.microsoft.com/.default"),
                ("grant_type", "client_credentials"),
            ])
            .await;
        r.json::<Value>().await.unwrap()["access_token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    async fn get(&self, token: &str, p: &str) -> reqwest::Response {
        self.http
            .get(self.url(p))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }
}

fn assert_graph_error(v: &Value, code: &str) {
    assert_eq!(v["error"]["code"], code, "{v}");
    assert!(v["error"]["message"].is_string(), "{v}");
    let date = v["error"]["innerError"]["date"].as_str().unwrap();
    assert_eq!(
        date.len(),
        19,
        "yyyy-MM-ddTHH:mm:ss, no fraction, no Z: {date}"
    );
    assert!(v["error"]["innerError"]["request-id"].is_string());
    assert!(v["error"]["innerError"]["client-request-id"].is_string());
}

#[tokio::test]
async fn token_success_and_errors_follow_the_identity_platform() {
    let s = sim_with(|_| {}).await;
    let ok = s
        .token_response(&[
            ("client_id", support::CLIENT_ID),
            ("client_secret", support::SECRET),
            ("scope", "https://graph.microsoft.com/.default"),
            ("grant_type", "client_credentials"),
        ])
        .await;
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.headers()["cache-control"], "no-store, no-cache");
    assert_eq!(ok.headers()["pragma"], "no-cache");
    let v: Value = ok.json().await.unwrap();
    assert_eq!(v["token_type"], "Bearer");
    assert_eq!(v["expires_in"], 3599);
    assert_eq!(v["ext_expires_in"], 3599);
    let claims: Value = {
        use base64::Engine;
        let t = v["access_token"].as_str().unwrap();
        let p = t.split('.').nth(1).unwrap();
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(p)
                .unwrap(),
        )
        .unwrap()
    };
    assert!(
        claims["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "User-PasswordProfile.ReadWrite.All")
    );
    assert!(claims["wids"].as_array().is_some());

    type Form<'a> = &'a [(&'a str, &'a str)];
    let cases: [(Form, u16, &str, i64); 5] = [
        (
            &[
                ("client_id", support::CLIENT_ID),
                ("client_secret", "wrong"),
                ("scope", "https://graph.microsoft.com/.default"),
                ("grant_type", "client_credentials"),
            ],
            401,
            "invalid_client",
            7000215,
        ),
        (
            &[
                ("client_id", "00000000-0000-0000-0000-000000000000"),
                ("client_secret", "x"),
                ("scope", "https://graph.microsoft.com/.default"),
                ("grant_type", "client_credentials"),
            ],
            400,
            "unauthorized_client",
            700016,
        ),
        (
            &[
                ("client_id", support::CLIENT_ID),
                ("client_secret", support::SECRET),
                ("scope", "User.Read"),
                ("grant_type", "client_credentials"),
            ],
            400,
            "invalid_scope",
            70011,
        ),
        (
            &[
                ("client_id", support::CLIENT_ID),
                ("client_secret", support::SECRET),
                ("grant_type", "client_credentials"),
            ],
            400,
            "invalid_request",
            900144,
        ),
        (
            &[
                ("client_id", support::CLIENT_ID),
                ("username", "adele.vance@contoso.com"),
                ("password", "wrong"),
                ("scope", "user.read"),
                ("grant_type", "password"),
            ],
            400,
            "invalid_grant",
            50126,
        ),
    ];
    for (form, status, error, code) in cases {
        let r = s.token_response(form).await;
        assert_eq!(r.status(), status, "{error}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"], error);
        assert_eq!(v["error_codes"][0], code);
        let d = v["error_description"].as_str().unwrap();
        assert!(d.starts_with(&format!("AADSTS{code}: ")), "{d}");
        assert!(
            d.contains("\r\nTrace ID: ")
                && d.contains("\r\nCorrelation ID: ")
                && d.contains("\r\nTimestamp: "),
            "{d}"
        );
        let ts = v["timestamp"].as_str().unwrap();
        assert!(
            ts.len() == 20 && ts.as_bytes()[10] == b' ' && ts.ends_with('Z'),
            "{ts}"
        );
        assert!(v["trace_id"].is_string() && v["correlation_id"].is_string());
    }
    let r = s
        .http
        .post(s.url("/unknown.example/oauth2/v2.0/token"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["error_codes"][0], 90002);
    let expired = sim_with(|o| o.secret_expired = true).await;
    let r = expired
        .token_response(&[
            ("client_id", support::CLIENT_ID),
            ("client_secret", support::SECRET),
            ("scope", "https://graph.microsoft.com/.default"),
            ("grant_type", "client_credentials"),
        ])
        .await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await.unwrap()["error_codes"][0], 7000222);
}

#[tokio::test]
async fn users_read_with_select_defaults_and_errors() {
    let s = sim_with(|_| {}).await;
    let t = s.token().await;
    let r = s.get("", "/v1.0/users").await;
    assert_eq!(r.status(), 401);
    assert_graph_error(&r.json().await.unwrap(), "InvalidAuthenticationToken");

    let r = s.get(&t, "/v1.0/users/adele.vance@contoso.com").await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json;odata.metadata=minimal")
    );
    assert_eq!(r.headers()["odata-version"], "4.0");
    let v: Value = r.json().await.unwrap();
    assert!(v.get("accountEnabled").is_none(), "not in the default set");
    assert!(v.get("jobTitle").is_some(), "default set");
    let v: Value = s
        .get(
            &t,
            "/v1.0/users/adele.vance@contoso.com?$select=id,accountEnabled,otherMails",
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["accountEnabled"], true);
    assert!(v.get("displayName").is_none(), "only what was selected");
    assert!(
        v["@odata.context"]
            .as_str()
            .unwrap()
            .contains("users(id,accountEnabled,otherMails)")
    );

    let r = s
        .http
        .get(s.url("/v1.0/users/nobody@contoso.com"))
        .bearer_auth(&t)
        .header("client-request-id", "my-id-123")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let request_id = r.headers()["request-id"].to_str().unwrap().to_string();
    assert_eq!(r.headers()["client-request-id"], "my-id-123");
    let v: Value = r.json().await.unwrap();
    assert_graph_error(&v, "Request_ResourceNotFound");
    assert_eq!(v["error"]["innerError"]["request-id"], request_id);
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Resource 'nobody@contoso.com' does not exist")
    );

    for (q, code, text) in [
        (
            "$filter=lastPasswordChangeDateTime le 2024-01-01T00:00:00Z",
            "Request_UnsupportedQuery",
            "property 'lastPasswordChangeDateTime'",
        ),
        (
            "$filter=endsWith(mail,'@contoso.com')",
            "Request_UnsupportedQuery",
            "Unsupported Query.",
        ),
        (
            "$search=\"displayName:adele\"",
            "Request_UnsupportedQuery",
            "ConsistencyLevel: eventual",
        ),
        ("$top=1000", "Request_BadRequest", "between 1 and 999"),
        ("$skip=10", "Request_BadRequest", "$skip"),
        (
            "$select=nonsense",
            "Request_BadRequest",
            "Could not find a property named 'nonsense'",
        ),
        (
            "$filter=userPrincipalName eq 'unterminated",
            "BadRequest",
            "Invalid filter clause",
        ),
    ] {
        let r = s.get(&t, &format!("/v1.0/users?{q}")).await;
        assert_eq!(r.status(), 400, "{q}");
        let v: Value = r.json().await.unwrap();
        assert_graph_error(&v, code);
        assert!(
            v["error"]["message"].as_str().unwrap().contains(text),
            "{q}: {v}"
        );
    }
    let v: Value = s
        .get(
            &t,
            "/v1.0/users?$filter=userPrincipalName%20eq%20'liam.o''brien@contoso.com'",
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["value"].as_array().unwrap().len(), 1);

    s.server.state.set_app_roles(vec!["Mail.Send".into()]);
    let t2 = s.token().await;
    let r = s.get(&t2, "/v1.0/users/adele.vance@contoso.com").await;
    assert_eq!(r.status(), 403);
    assert_graph_error(&r.json().await.unwrap(), "Authorization_RequestDenied");
}

#[tokio::test]
async fn paging_2500_users_returns_each_exactly_once() {
    let s = sim_with(|o| o.extra_users = 2_500).await;
    let t = s.token().await;
    let mut next = Some(s.url("/v1.0/users?$select=id,userPrincipalName&$top=999"));
    let (mut seen, mut pages) = (std::collections::HashSet::new(), 0);
    while let Some(url) = next {
        let v: Value = s
            .http
            .get(url)
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        pages += 1;
        for u in v["value"].as_array().unwrap() {
            assert!(seen.insert(u["id"].as_str().unwrap().to_string()));
        }
        next = v["@odata.nextLink"].as_str().map(str::to_string);
    }
    assert_eq!(seen.len(), 2_516);
    assert_eq!(pages, 3);
    let v: Value = s.get(&t, "/v1.0/users").await.json().await.unwrap();
    assert_eq!(
        v["value"].as_array().unwrap().len(),
        100,
        "default page size"
    );
}

#[tokio::test]
async fn writes_methods_mail_domains_and_sign_ins() {
    let s = sim_with(|o| {
        o.reports_rate_per_10s = 3;
        o.premium = false;
    })
    .await;
    let t = s.token().await;
    let patch = |who: &str, pw: &str| {
        s.http
            .patch(s.url(&format!("/v1.0/users/{who}")))
            .bearer_auth(&t)
            .json(&serde_json::json!({"passwordProfile": {"password": pw, "forceChangePasswordNextSignIn": false}}))
            .send()
    };
    let r = patch("alex.wilber@contoso.com", "Valid-Passw0rd-Here")
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert!(r.headers().get("request-id").is_some());
    let r = patch("alex.wilber@contoso.com", "password").await.unwrap();
    assert_eq!(r.status(), 400);
    let v: Value = r.json().await.unwrap();
    assert_graph_error(&v, "Request_BadRequest");
    assert_eq!(
        v["error"]["message"],
        "The specified password does not comply with password complexity requirements. Please provide a different password."
    );
    let r = patch("sam.synced@contoso.com", "Valid-Passw0rd-Here")
        .await
        .unwrap();
    assert!(
        r.json::<Value>().await.unwrap()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("on-premises mastered")
    );
    assert_eq!(
        patch("megan.admin@contoso.com", "Valid-Passw0rd-Here")
            .await
            .unwrap()
            .status(),
        403
    );

    let r = s
        .http
        .post(s.url("/v1.0/users/alex.wilber@contoso.com/revokeSignInSessions"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["value"], true);

    let v: Value = s
        .get(
            &t,
            "/v1.0/users/adele.vance@contoso.com/authentication/phoneMethods",
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["value"][0]["id"], "3179e48a-750b-4051-897c-87b9720928f7");
    assert_eq!(v["value"][0]["phoneNumber"], "+44 7700900123");
    assert_eq!(v["value"][0]["phoneType"], "mobile");
    let v: Value = s
        .get(
            &t,
            "/v1.0/users/adele.vance@contoso.com/authentication/emailMethods",
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["value"].as_array().unwrap().len(), 1);
    s.get(
        &t,
        "/v1.0/users/adele.vance@contoso.com/authentication/methods",
    )
    .await;
    let r = s
        .get(
            &t,
            "/v1.0/users/adele.vance@contoso.com/authentication/methods",
        )
        .await;
    assert_eq!(r.status(), 429, "the reports bucket (3 per 10 s here)");
    assert!(r.headers().get("retry-after").is_some());
    assert_graph_error(&r.json().await.unwrap(), "TooManyRequests");

    let mail = serde_json::json!({"message": {"subject": "Hi", "body": {"contentType": "Text", "content": "x"}, "toRecipients": [{"emailAddress": {"address": "a@b.c"}}]}, "saveToSentItems": false});
    let r = s
        .http
        .post(s.url("/v1.0/users/rekey@contoso.com/sendMail"))
        .bearer_auth(&t)
        .json(&mail)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    assert_eq!(r.content_length(), Some(0));
    assert_eq!(s.server.state.sent_mail()[0].to, vec!["a@b.c".to_string()]);
    let r = s
        .http
        .post(s.url("/v1.0/users/patti.fernandez@contoso.com/sendMail"))
        .bearer_auth(&t)
        .json(&mail)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_graph_error(&r.json().await.unwrap(), "MailboxNotEnabledForRESTAPI");

    let v: Value = s.get(&t, "/v1.0/domains").await.json().await.unwrap();
    let never = v["value"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "partners.contoso.com")
        .unwrap();
    assert_eq!(never["passwordValidityPeriodInDays"], 2_147_483_647);
    assert_eq!(never["passwordNotificationWindowInDays"], 14);

    let r = s.get(&t, "/v1.0/auditLogs/signIns").await;
    assert_eq!(r.status(), 403);
    assert_graph_error(
        &r.json().await.unwrap(),
        "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
    );
}

#[tokio::test]
async fn sign_ins_filter_and_page() {
    let s = sim_with(|_| {}).await;
    let t = s.token().await;
    let events: Vec<Value> = (0..1500)
        .map(|i| serde_json::json!({
            "id": format!("e{i}"), "createdDateTime": format!("2026-01-01T{:02}:{:02}:00Z", i / 60 % 24, i % 60),
            "userId": if i % 3 == 0 { "u1" } else { "u2" }, "userPrincipalName": "x@contoso.com",
            "status": {"errorCode": if i % 2 == 0 { 50126 } else { 0 }}
        }))
        .collect();
    s.server.state.add_signins(events);
    let v: Value = s.get(&t, "/v1.0/auditLogs/signIns?$filter=userId eq 'u1' and status/errorCode eq 50126&$top=1000").await.json().await.unwrap();
    assert_eq!(v["value"].as_array().unwrap().len(), 250);
    let v: Value = s
        .get(&t, "/v1.0/auditLogs/signIns")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["value"].as_array().unwrap().len(), 1000);
    assert!(v["@odata.nextLink"].is_string());
    let first = v["value"][0]["createdDateTime"].as_str().unwrap();
    let second = v["value"][1]["createdDateTime"].as_str().unwrap();
    assert!(first >= second, "newest first");
}

#[tokio::test]
async fn injected_faults_look_like_graph() {
    let s = sim_with(|_| {}).await;
    let t = s.token().await;
    let rule = |kind| FaultRule {
        method: None,
        path_contains: Some("/v1.0/domains".into()),
        times: Some(1),
        kind,
    };
    s.server.state.faults().add(rule(FaultKind::Throttle {
        retry_after: "2.128".into(),
    }));
    let r = s.get(&t, "/v1.0/domains").await;
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "2.128");
    assert!(r.headers().get("x-ms-throttle-scope").is_some());
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "TooManyRequests");
    assert_eq!(v["error"]["innerError"]["status"], "429");
    s.server.state.faults().add(rule(FaultKind::Status(503)));
    let r = s.get(&t, "/v1.0/domains").await;
    assert_eq!(r.status(), 503);
    assert_graph_error(&r.json().await.unwrap(), "serviceNotAvailable");
    s.server.state.faults().add(rule(FaultKind::Drop));
    let dropped = s
        .http
        .get(s.url("/v1.0/domains"))
        .bearer_auth(&t)
        .send()
        .await;
    assert!(
        dropped.is_err() || dropped.unwrap().bytes().await.is_err(),
        "the connection breaks"
    );
    s.server.state.faults().add(rule(FaultKind::MalformedJson));
    assert!(
        s.get(&t, "/v1.0/domains")
            .await
            .json::<Value>()
            .await
            .is_err()
    );
    assert_eq!(
        s.get(&t, "/v1.0/domains").await.status(),
        200,
        "faults are used up"
    );
    // Faults over HTTP too, for other languages.
    let r = s.http.post(s.url("/_sim/faults")).json(&serde_json::json!({"path_contains": "/v1.0/domains", "times": 1, "kind": "status", "status": 504})).send().await.unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(s.get(&t, "/v1.0/domains").await.status(), 504);
    let r = s
        .http
        .post(s.url("/_sim/faults"))
        .json(&serde_json::json!({"kind": "sideways"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    s.server.state.revoke_all_tokens();
    assert_eq!(s.get(&t, "/v1.0/domains").await.status(), 401);
}
