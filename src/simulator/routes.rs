//! Request dispatch: faults first, then the token endpoint, Graph v1.0, or `/_sim/` controls.

use std::{collections::HashMap, sync::atomic::Ordering, time::Duration};

use actix_web::{HttpRequest, HttpResponse, web};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD as B64};
use chrono::Utc;
use serde_json::{Value, json};

use super::{
    FaultKind, SentMail, SimState, filter,
    tenant::{self, DOMAINS, KNOWN_PROPS, NEVER},
    wire::{self, Ids},
};

pub struct Ctx {
    pub state: SimState,
    pub base_url: String,
}

type Query = HashMap<String, String>;

fn query(req: &HttpRequest) -> Query {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .into_owned()
        .collect()
}

fn decode(seg: &str) -> String {
    percent_decode(seg)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..(i + 3).min(s.len())], 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub async fn dispatch(req: HttpRequest, body: web::Bytes, ctx: web::Data<Ctx>) -> HttpResponse {
    let state = &ctx.state;
    let path = req.uri().path().to_string();
    let method = req.method().as_str().to_string();
    state
        .0
        .requests
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(format!("{method} {path}"));
    if let Some(rest) = path.strip_prefix("/_sim/") {
        return control(&method, rest, &body, state);
    }
    // Simulated latency is the service's response time: the work below happens within it.
    let answer_at = tokio::time::Instant::now() + state.faults().latency();
    let response = route(&req, &method, &path, &body, &ctx).await;
    tokio::time::sleep_until(answer_at).await;
    response
}

async fn route(
    req: &HttpRequest,
    method: &str,
    path: &str,
    body: &web::Bytes,
    ctx: &Ctx,
) -> HttpResponse {
    let state = &ctx.state;
    let ids = Ids::new(
        req.headers()
            .get("client-request-id")
            .and_then(|v| v.to_str().ok()),
    );
    let target = format!("{path}?{}", req.query_string());
    if let Some(kind) = state.faults().take(method, &target) {
        match kind {
            FaultKind::Throttle { retry_after } => return wire::throttled(&retry_after, &ids),
            FaultKind::Status(code) => {
                let (c, m) = match code {
                    503 => (
                        "serviceNotAvailable",
                        "Service unavailable. Please retry later.",
                    ),
                    504 => ("UnknownError", "Gateway timeout."),
                    _ => ("generalException", "An internal server error occurred."),
                };
                return wire::graph_error(code, c, m, &ids);
            }
            FaultKind::Drop => {
                let broken = futures_util::stream::once(async {
                    Err::<web::Bytes, std::io::Error>(std::io::Error::other("connection dropped"))
                });
                return HttpResponse::Ok()
                    .content_type(wire::ODATA_JSON)
                    .streaming(broken);
            }
            FaultKind::MalformedJson => {
                return HttpResponse::Ok()
                    .content_type(wire::ODATA_JSON)
                    .body("{\"value\":[{\"id\":\"0\",\"userPrincipalName\":");
            }
            FaultKind::Delay(d) => tokio::time::sleep(d).await,
        }
    }
    let segs: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match (method, segs.as_slice()) {
        ("POST", [tenant, "oauth2", "v2.0", "token"]) => token(req, body, tenant, state),
        (_, ["v1.0", rest @ ..]) => {
            graph(req, method, rest, body, state, &ctx.base_url, &ids).await
        }
        _ => wire::graph_error(404, "NotFound", "Resource not found.", &ids),
    }
}

// ---------- token endpoint ----------

fn form(body: &[u8]) -> HashMap<String, String> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

fn basic_auth(req: &HttpRequest) -> Option<(String, String)> {
    let h = req.headers().get("authorization")?.to_str().ok()?;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(h.strip_prefix("Basic ")?)
        .ok()?;
    let s = String::from_utf8(raw).ok()?;
    let (a, b) = s.split_once(':')?;
    Some((a.to_string(), b.to_string()))
}

fn token(req: &HttpRequest, body: &[u8], tenant: &str, state: &SimState) -> HttpResponse {
    let f = form(body);
    let opts = state
        .0
        .opts
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let Some(grant) = f.get("grant_type") else {
        return wire::aad_error(
            400,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'grant_type'.",
        );
    };
    if tenant == "common" || tenant == "consumers" {
        return wire::aad_error(
            400,
            "invalid_request",
            9001023,
            "The grant type isn't supported over the /common or /consumers endpoints.",
        );
    }
    if !tenant.eq_ignore_ascii_case(&opts.tenant) && tenant != state.0.tenant_guid {
        return wire::aad_error(
            400,
            "invalid_request",
            90002,
            &format!(
                "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant."
            ),
        );
    }
    let basic = basic_auth(req);
    let client_id = f
        .get("client_id")
        .cloned()
        .or_else(|| basic.as_ref().map(|b| b.0.clone()));
    let Some(client_id) = client_id else {
        return wire::aad_error(
            400,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'client_id'.",
        );
    };
    if client_id != opts.client_id {
        return wire::aad_error(
            400,
            "unauthorized_client",
            700016,
            &format!(
                "Application with identifier '{client_id}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
            ),
        );
    }
    match grant.as_str() {
        "client_credentials" => client_credentials(&f, basic, &opts, state),
        "password" => ropc(&f, &opts, state),
        other => wire::aad_error(
            400,
            "unsupported_grant_type",
            70003,
            &format!("The app requested an unsupported grant type '{other}'."),
        ),
    }
}

fn client_credentials(
    f: &HashMap<String, String>,
    basic: Option<(String, String)>,
    opts: &super::SimOptions,
    state: &SimState,
) -> HttpResponse {
    state.0.token_requests.fetch_add(1, Ordering::Relaxed);
    let Some(scope) = f.get("scope") else {
        return wire::aad_error(
            400,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'scope'.",
        );
    };
    if !scope.ends_with("/.default") || scope.split_whitespace().count() != 1 {
        return wire::aad_error(
            400,
            "invalid_scope",
            70011,
            &format!(
                "The provided value for the input parameter 'scope' isn't valid. The scope {scope} isn't valid."
            ),
        );
    }
    if let Some(assertion) = f.get("client_assertion") {
        if !check_assertion(assertion, &opts.client_id) {
            return wire::aad_error(
                401,
                "invalid_client",
                700027,
                "Client assertion failed signature validation.",
            );
        }
    } else {
        let secret = f.get("client_secret").cloned().or(basic.map(|b| b.1));
        let Some(secret) = secret else {
            return wire::aad_error(
                401,
                "invalid_client",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            );
        };
        if secret != opts.client_secret {
            return wire::aad_error(
                401,
                "invalid_client",
                7000215,
                &format!(
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{}'.",
                    opts.client_id
                ),
            );
        }
        if opts.secret_expired {
            return wire::aad_error(
                401,
                "invalid_client",
                7000222,
                &format!(
                    "The provided client secret keys for app '{}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
                    opts.client_id
                ),
            );
        }
    }
    let token = issue(state, opts);
    wire::token_ok(&json!({
        "token_type": "Bearer",
        "expires_in": opts.token_lifetime_secs,
        "ext_expires_in": opts.token_lifetime_secs,
        "access_token": token,
    }))
}

/// Checks a client assertion's form (GRAPH.md §1.3). The signature is not verified: the
/// simulator has no certificate store; it checks what a misconfigured client gets wrong.
fn check_assertion(jwt: &str, client_id: &str) -> bool {
    let parts: Vec<&str> = jwt.split('.').collect();
    let [h, p, sig] = parts.as_slice() else {
        return false;
    };
    let json = |s: &str| {
        B64.decode(s)
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
    };
    let (Some(h), Some(p)) = (json(h), json(p)) else {
        return false;
    };
    let alg_ok = match h["alg"].as_str() {
        Some("PS256") => h["x5t#S256"].is_string(),
        Some("RS256") => h["x5t"].is_string() || h["x5t#S256"].is_string(),
        _ => false,
    };
    alg_ok
        && !sig.is_empty()
        && p["iss"] == client_id
        && p["sub"] == client_id
        && p["aud"]
            .as_str()
            .is_some_and(|a| a.ends_with("/oauth2/v2.0/token"))
        && p["exp"]
            .as_i64()
            .is_some_and(|e| e > Utc::now().timestamp())
}

fn issue(state: &SimState, opts: &super::SimOptions) -> String {
    let now = Utc::now().timestamp();
    let exp = now + i64::try_from(opts.token_lifetime_secs).unwrap_or(3599);
    let header = B64.encode(r#"{"typ":"JWT","alg":"RS256","x5t":"sim"}"#);
    let payload = B64.encode(
        json!({
            "aud": "https://graph.microsoft.com",
            "iss": format!("https://sts.windows.net/{}/", state.0.tenant_guid),
            "iat": now, "nbf": now, "exp": exp,
            "appid": opts.client_id,
            "oid": "11111111-2222-4333-8444-555555555555",
            "roles": opts.app_roles,
            "wids": opts.directory_roles,
            "tid": state.0.tenant_guid,
            "jti": uuid::Uuid::new_v4().to_string(),
        })
        .to_string(),
    );
    let token = format!(
        "{header}.{payload}.{}",
        B64.encode(uuid::Uuid::new_v4().as_bytes())
    );
    let generation = state.0.token_generation.load(Ordering::Relaxed);
    state
        .0
        .tokens
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(token.clone(), (exp, generation));
    token
}

fn ropc(f: &HashMap<String, String>, opts: &super::SimOptions, state: &SimState) -> HttpResponse {
    let (Some(user), Some(pw)) = (f.get("username"), f.get("password")) else {
        return wire::aad_error(
            400,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'password'.",
        );
    };
    let mut dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let now = Utc::now();
    let app = f
        .get("x-sim-app")
        .cloned()
        .unwrap_or_else(|| "Rekey".into());
    let (code, resp) = match dir.find_mut(user) {
        None => (
            50034,
            wire::aad_error(
                400,
                "invalid_grant",
                50034,
                &format!(
                    "The user account {user} does not exist in the {} directory.",
                    opts.tenant
                ),
            ),
        ),
        Some(u) if u.locked_until.is_some_and(|t| t > now) => (
            50053,
            wire::aad_error(
                400,
                "unauthorized_client",
                50053,
                "You've tried to sign in too many times with an incorrect user ID or password.",
            ),
        ),
        Some(u) if u.password != *pw => {
            u.failed_logins += 1;
            if u.failed_logins >= 10 {
                u.locked_until = Some(now + chrono::Duration::seconds(60));
                u.failed_logins = 0;
            }
            (
                50126,
                wire::aad_error(
                    400,
                    "invalid_grant",
                    50126,
                    "Error validating credentials due to invalid username or password.",
                ),
            )
        }
        Some(u) if !u.account_enabled => (
            50057,
            wire::aad_error(400, "invalid_grant", 50057, "The user account is disabled."),
        ),
        Some(u)
            if u.force_change
                || tenant::domain_of(&u.upn).is_some_and(|d| {
                    d.validity_days != NEVER
                        && !u
                            .password_policies
                            .as_deref()
                            .unwrap_or("")
                            .contains("DisablePasswordExpiration")
                        && u.last_password_change + chrono::Duration::days(d.validity_days) < now
                }) =>
        {
            let mut r = wire::aad_error(
                400,
                "user_password_expired",
                50055,
                "The password is expired.",
            );
            r.headers_mut().insert(
                actix_web::http::header::HeaderName::from_static("x-sim-suberror"),
                actix_web::http::header::HeaderValue::from_static("user_password_expired"),
            );
            (50055, r)
        }
        Some(u) => {
            u.failed_logins = 0;
            let token = issue(state, opts);
            (
                0,
                wire::token_ok(
                    &json!({"token_type": "Bearer", "scope": "User.Read profile openid email", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token}),
                ),
            )
        }
    };
    if let Some(u) = dir.find(user).cloned() {
        dir.add_signins([json!({
            "id": uuid::Uuid::new_v4().to_string(),
            "createdDateTime": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "userDisplayName": u.display_name, "userPrincipalName": u.upn, "userId": u.id,
            "appId": opts.client_id, "appDisplayName": app, "ipAddress": "127.0.0.1",
            "clientAppUsed": "ROPC", "isInteractive": false,
            "status": {"errorCode": code, "failureReason": if code == 0 { Value::Null } else { json!("Simulated failure") }, "additionalDetails": Value::Null},
            "deviceDetail": {"deviceId": "", "displayName": Value::Null, "operatingSystem": "Linux", "browser": "Rust", "isCompliant": Value::Null, "isManaged": Value::Null, "trustType": Value::Null},
            "location": {"city": "Redmond", "state": "Washington", "countryOrRegion": "US"},
        })]);
    }
    resp
}

// ---------- Graph ----------

struct Caller {
    roles: Vec<String>,
    wids: Vec<String>,
}

fn authenticate(req: &HttpRequest, state: &SimState, ids: &Ids) -> Result<Caller, HttpResponse> {
    let token = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if token.is_empty() {
        return Err(wire::graph_error(
            401,
            "InvalidAuthenticationToken",
            "Access token is empty.",
            ids,
        ));
    }
    let known = state
        .0
        .tokens
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(token)
        .copied();
    let generation = state.0.token_generation.load(Ordering::Relaxed);
    match known {
        Some((exp, g)) if g == generation && exp > Utc::now().timestamp() => {}
        Some(_) => {
            return Err(wire::graph_error(
                401,
                "InvalidAuthenticationToken",
                "Access token has expired or is not yet valid.",
                ids,
            ));
        }
        None => {
            return Err(wire::graph_error(
                401,
                "InvalidAuthenticationToken",
                "CompactToken parsing failed with error code: 80049217",
                ids,
            ));
        }
    }
    let claims: Value = token
        .split('.')
        .nth(1)
        .and_then(|p| B64.decode(p).ok())
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let list = |k: &str| -> Vec<String> {
        claims[k]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(Caller {
        roles: list("roles"),
        wids: list("wids"),
    })
}

fn need(caller: &Caller, any_of: &[&str], ids: &Ids) -> Result<(), HttpResponse> {
    if any_of.iter().any(|p| caller.roles.iter().any(|r| r == p)) {
        Ok(())
    } else {
        Err(wire::graph_error(
            403,
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.",
            ids,
        ))
    }
}

const READ_USERS: &[&str] = &[
    "User.Read.All",
    "User.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
];

/// The "identity and access reports" bucket: `reports_rate_per_10s` requests per 10 s.
fn reports_bucket(state: &SimState, ids: &Ids) -> Result<(), HttpResponse> {
    let rate = state
        .0
        .opts
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .reports_rate_per_10s;
    if rate == 0 {
        return Ok(());
    }
    let window = Utc::now().timestamp() / 10;
    let mut b = state
        .0
        .reports_bucket
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if b.0 != window {
        *b = (window, 0);
    }
    b.1 += 1;
    if b.1 > rate {
        let left = 10 - Utc::now().timestamp() % 10;
        return Err(wire::throttled(&left.to_string(), ids));
    }
    Ok(())
}

/// `users/{key}` or `users('key')`.
fn user_key(seg: &str) -> String {
    let s = decode(seg);
    match s.strip_prefix("users(").or_else(|| s.strip_prefix('(')) {
        Some(r) => r
            .trim_end_matches(')')
            .trim_matches('\'')
            .replace("''", "'"),
        None => s,
    }
}

async fn graph(
    req: &HttpRequest,
    method: &str,
    rest: &[&str],
    body: &[u8],
    state: &SimState,
    base: &str,
    ids: &Ids,
) -> HttpResponse {
    let caller = match authenticate(req, state, ids) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let q = query(req);
    let result = match (method, rest) {
        ("GET", ["users"]) => list_users(req, &q, &caller, state, base, ids),
        ("GET", [u]) if u.starts_with("users(") => get_user(&user_key(u), &q, &caller, state, ids),
        ("GET", ["users", u]) => get_user(&user_key(u), &q, &caller, state, ids),
        ("PATCH", ["users", u]) => patch_user(&user_key(u), body, &caller, state, ids),
        ("POST", ["users", u, "revokeSignInSessions"]) => revoke(&user_key(u), &caller, state, ids),
        ("GET", ["users", u, "authentication", kind]) => {
            methods(&user_key(u), kind, &caller, state, ids)
        }
        ("POST", ["users", u, "sendMail"]) => send_mail(&user_key(u), body, &caller, state, ids),
        ("GET", ["domains"]) => domains(None, &caller, ids),
        ("GET", ["domains", d]) => domains(Some(&decode(d)), &caller, ids),
        ("GET", ["auditLogs", "signIns"]) => sign_ins(&q, &caller, state, base, ids),
        _ => Err(wire::graph_error(
            400,
            "BadRequest",
            &format!(
                "Resource not found for the segment '{}'.",
                rest.first().unwrap_or(&"")
            ),
            ids,
        )),
    };
    result.unwrap_or_else(|r| r)
}

type Reply = Result<HttpResponse, HttpResponse>;

fn select(q: &Query, ids: &Ids) -> Result<Option<Vec<String>>, HttpResponse> {
    let Some(s) = q.get("$select") else {
        return Ok(None);
    };
    let props: Vec<String> = s
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(bad) = props.iter().find(|p| !KNOWN_PROPS.contains(&p.as_str())) {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            &format!("Could not find a property named '{bad}' on type 'microsoft.graph.user'."),
            ids,
        ));
    }
    Ok(Some(props))
}

fn get_user(key: &str, q: &Query, caller: &Caller, state: &SimState, ids: &Ids) -> Reply {
    need(caller, READ_USERS, ids)?;
    let sel = select(q, ids)?;
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find(key) else {
        return Err(not_found(key, ids));
    };
    let mut v = u.to_json(sel.as_deref());
    let ctx = match &sel {
        Some(p) => format!(
            "https://graph.microsoft.com/v1.0/$metadata#users({})/$entity",
            p.join(",")
        ),
        None => "https://graph.microsoft.com/v1.0/$metadata#users/$entity".into(),
    };
    if let Value::Object(m) = &mut v {
        m.insert("@odata.context".into(), json!(ctx));
    }
    Ok(wire::ok_json(200, &v, ids))
}

fn not_found(key: &str, ids: &Ids) -> HttpResponse {
    wire::graph_error(
        404,
        "Request_ResourceNotFound",
        &format!(
            "Resource '{key}' does not exist or one of its queried reference-property objects are not present."
        ),
        ids,
    )
}

fn list_users(
    req: &HttpRequest,
    q: &Query,
    caller: &Caller,
    state: &SimState,
    base: &str,
    ids: &Ids,
) -> Reply {
    need(caller, READ_USERS, ids)?;
    let eventual = req
        .headers()
        .get("consistencylevel")
        .and_then(|v| v.to_str().ok())
        == Some("eventual");
    if q.contains_key("$skip") {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "'$skip' is not supported by the service.",
            ids,
        ));
    }
    if q.contains_key("$search") && !eventual {
        return Err(wire::graph_error(
            400,
            "Request_UnsupportedQuery",
            "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
            ids,
        ));
    }
    if q.contains_key("$orderby") && !eventual {
        return Err(wire::graph_error(
            400,
            "Request_UnsupportedQuery",
            "Unsupported Query.",
            ids,
        ));
    }
    let top = match q.get("$top") {
        None => 100,
        Some(t) => match t.parse::<usize>() {
            Ok(n) if (1..=999).contains(&n) => n,
            _ => {
                return Err(wire::graph_error(
                    400,
                    "Request_BadRequest",
                    &format!(
                        "Invalid page size specified: '{t}'. Must be between 1 and 999 inclusive."
                    ),
                    ids,
                ));
            }
        },
    };
    let sel = select(q, ids)?;
    let expr = match q.get("$filter") {
        None => None,
        Some(f) => {
            let e = filter::parse(f)
                .map_err(|_| wire::graph_error(400, "BadRequest", "Invalid filter clause", ids))?;
            if let Some(p) = e
                .paths()
                .iter()
                .find(|p| p.as_str() == "lastPasswordChangeDateTime")
            {
                return Err(wire::graph_error(
                    400,
                    "Request_UnsupportedQuery",
                    &format!(
                        "Unsupported or invalid query filter clause specified for property '{p}' of resource 'User'."
                    ),
                    ids,
                ));
            }
            if e.is_advanced() && !eventual {
                return Err(wire::graph_error(
                    400,
                    "Request_UnsupportedQuery",
                    "Unsupported Query.",
                    ids,
                ));
            }
            Some(e)
        }
    };
    let offset: usize = q
        .get("$skiptoken")
        .and_then(|t| B64.decode(t).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("sim-offset:").and_then(|n| n.parse().ok()))
        .unwrap_or(0);
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let all: Vec<String> = KNOWN_PROPS.iter().map(|s| s.to_string()).collect();
    let matching: Vec<usize> = match &expr {
        None => (offset..dir.users.len().min(offset + top)).collect(),
        Some(e) => {
            // Indexed equalities (the common lookup) avoid scanning every user.
            let pool: Box<dyn Iterator<Item = usize>> =
                match e.equality_keys().and_then(|k| dir.candidates(&k)) {
                    Some(c) => Box::new(c.into_iter()),
                    None => Box::new(0..dir.users.len()),
                };
            pool.filter(|i| e.matches(&dir.users[*i].to_json(Some(&all))))
                .skip(offset)
                .take(top)
                .collect()
        }
    };
    let total_after = match &expr {
        None => offset + matching.len() < dir.users.len(),
        Some(_) => matching.len() == top,
    };
    let value: Vec<Value> = matching
        .iter()
        .map(|i| dir.users[*i].to_json(sel.as_deref()))
        .collect();
    let ctx = match &sel {
        Some(p) => format!(
            "https://graph.microsoft.com/v1.0/$metadata#users({})",
            p.join(",")
        ),
        None => "https://graph.microsoft.com/v1.0/$metadata#users".into(),
    };
    let mut body = json!({"@odata.context": ctx, "value": value});
    if total_after && !matching.is_empty() {
        let mut next = url::Url::parse(&format!("{base}/v1.0/users"))
            .map_err(|_| wire::graph_error(500, "generalException", "bad base", ids))?;
        {
            let mut qp = next.query_pairs_mut();
            for (k, v) in q.iter().filter(|(k, _)| k.as_str() != "$skiptoken") {
                qp.append_pair(k, v);
            }
            qp.append_pair(
                "$skiptoken",
                &B64.encode(format!("sim-offset:{}", offset + matching.len())),
            );
        }
        body["@odata.nextLink"] = json!(next.to_string());
    }
    Ok(wire::ok_json(200, &body, ids))
}

const ALLOWED_SYMBOLS: &str = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();<> ";

/// Entra's cloud password rules (GRAPH.md §4.7) and a tiny banned list scored as Entra does.
fn complies(pw: &str, strong: bool) -> bool {
    let n = pw.chars().count();
    if !(8..=256).contains(&n) {
        return false;
    }
    if !pw
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ALLOWED_SYMBOLS.contains(c))
    {
        return false;
    }
    if !strong {
        return true;
    }
    let classes = [
        pw.chars().any(|c| c.is_ascii_lowercase()),
        pw.chars().any(|c| c.is_ascii_uppercase()),
        pw.chars().any(|c| c.is_ascii_digit()),
        pw.chars().any(|c| !c.is_ascii_alphanumeric()),
    ];
    if classes.iter().filter(|c| **c).count() < 3 {
        return false;
    }
    let norm: String = pw
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'l',
            '$' => 's',
            '@' => 'a',
            c => c,
        })
        .collect();
    let mut rest = norm.clone();
    let mut points = 0;
    for banned in ["password", "welcome", "contoso", "letmein", "qwerty"] {
        while let Some(i) = rest.find(banned) {
            points += 1;
            rest.replace_range(i..i + banned.len(), "");
        }
    }
    points == 0 || points + rest.chars().count() >= 5
}

fn patch_user(key: &str, body: &[u8], caller: &Caller, state: &SimState, ids: &Ids) -> Reply {
    let v: Value = serde_json::from_slice(body).map_err(|_| {
        wire::graph_error(
            400,
            "BadRequest",
            "Empty Payload. JSON content expected.",
            ids,
        )
    })?;
    let Some(obj) = v.as_object() else {
        return Err(wire::graph_error(
            400,
            "BadRequest",
            "Invalid request body.",
            ids,
        ));
    };
    if let Some(other) = obj.keys().find(|k| k.as_str() != "passwordProfile") {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            &format!("The simulator only updates passwordProfile; '{other}' is not supported."),
            ids,
        ));
    }
    need(
        caller,
        &[
            "User-PasswordProfile.ReadWrite.All",
            "User.ReadWrite.All",
            "Directory.ReadWrite.All",
        ],
        ids,
    )?;
    let profile = &v["passwordProfile"];
    let Some(pw) = profile["password"].as_str() else {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "Invalid value specified for property 'passwordProfile' of resource 'User'.",
            ids,
        ));
    };
    let mut dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find_mut(key) else {
        return Err(not_found(key, ids));
    };
    use super::roles::*;
    let can_reset = caller.wids.iter().any(|w| {
        [
            USER_ADMINISTRATOR,
            HELPDESK_ADMINISTRATOR,
            PASSWORD_ADMINISTRATOR,
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
            GLOBAL_ADMINISTRATOR,
        ]
        .contains(&w.as_str())
    });
    let can_reset_admins = caller.wids.iter().any(|w| {
        [
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
            GLOBAL_ADMINISTRATOR,
        ]
        .contains(&w.as_str())
    });
    if !can_reset || (u.is_privileged() && !can_reset_admins) {
        return Err(wire::graph_error(
            403,
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.",
            ids,
        ));
    }
    if u.synced {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.",
            ids,
        ));
    }
    if tenant::domain_of(&u.upn).is_some_and(|d| d.federated) {
        // UNCONFIRMED text: Graph documents that passwordProfile "cannot be used for
        // federated users"; the exact error message is not published.
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "Unable to update the password of a federated user. The password is managed by the federated identity provider.",
            ids,
        ));
    }
    let strong = !u
        .password_policies
        .as_deref()
        .unwrap_or("")
        .contains("DisableStrongPassword");
    if !complies(pw, strong) {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "The specified password does not comply with password complexity requirements. Please provide a different password.",
            ids,
        ));
    }
    // A disabled account's password can be set; Entra does not refuse it.
    u.password = pw.to_string();
    u.force_change = profile["forceChangePasswordNextSignIn"]
        .as_bool()
        .unwrap_or(false);
    let changed = Utc::now();
    u.last_password_change = changed;
    let (id, upn, name) = (u.id.clone(), u.upn.clone(), u.display_name.clone());
    // Devices that still hold the old password start failing right after the change.
    let mut failures = Vec::new();
    for (app, client, os, device) in tenant::stale_devices(&upn) {
        for k in 1..=4 {
            let at = changed + chrono::Duration::seconds(k * 15);
            failures.push(json!({
                "id": uuid::Uuid::new_v4().to_string(),
                "createdDateTime": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "userDisplayName": name, "userPrincipalName": upn, "userId": id,
                "appId": "00000002-0000-0ff1-ce00-000000000000", "appDisplayName": app,
                "ipAddress": "198.51.100.23", "clientAppUsed": client, "isInteractive": false,
                "status": {"errorCode": 50126, "failureReason": "Invalid username or password or Invalid on-premise username or password.", "additionalDetails": Value::Null},
                "deviceDetail": {"deviceId": "", "displayName": device, "operatingSystem": os, "browser": "", "isCompliant": Value::Null, "isManaged": Value::Null, "trustType": Value::Null},
                "location": {"city": "Seattle", "state": "Washington", "countryOrRegion": "US"},
            }));
        }
    }
    dir.add_signins(failures);
    Ok(wire::empty(204, ids))
}

fn revoke(key: &str, caller: &Caller, state: &SimState, ids: &Ids) -> Reply {
    need(
        caller,
        &[
            "User.RevokeSessions.All",
            "User.ReadWrite.All",
            "Directory.ReadWrite.All",
        ],
        ids,
    )?;
    let mut dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find_mut(key) else {
        return Err(not_found(key, ids));
    };
    u.sessions_revoked_at = Some(Utc::now());
    Ok(wire::ok_json(
        200,
        &json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", "value": true}),
        ids,
    ))
}

const EMAIL_METHOD_ID: &str = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";
const PHONE_IDS: [(&str, &str); 3] = [
    ("mobile", "3179e48a-750b-4051-897c-87b9720928f7"),
    ("alternateMobile", "b6332ec1-7057-4abe-9331-3d72feddfe41"),
    ("office", "e37fc753-ff3b-4958-9484-eaa9425c82bc"),
];

fn methods(key: &str, kind: &str, caller: &Caller, state: &SimState, ids: &Ids) -> Reply {
    let perm: &[&str] = match kind {
        "emailMethods" => &[
            "UserAuthenticationMethod.Read.All",
            "UserAuthenticationMethod.ReadWrite.All",
            "UserAuthMethod-Email.Read.All",
        ],
        "phoneMethods" => &[
            "UserAuthenticationMethod.Read.All",
            "UserAuthenticationMethod.ReadWrite.All",
            "UserAuthMethod-Phone.Read.All",
        ],
        _ => &[
            "UserAuthenticationMethod.Read.All",
            "UserAuthenticationMethod.ReadWrite.All",
        ],
    };
    need(caller, perm, ids)?;
    reports_bucket(state, ids)?;
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find(key) else {
        return Err(not_found(key, ids));
    };
    let emails: Vec<Value> = u
        .email_methods
        .iter()
        .take(1)
        .map(|e| json!({"id": EMAIL_METHOD_ID, "emailAddress": e}))
        .collect();
    let phones: Vec<Value> = u
        .phone_methods
        .iter()
        .take(3)
        .map(|(n, t)| {
            let id = PHONE_IDS
                .iter()
                .find(|(k, _)| k == t)
                .map_or(PHONE_IDS[0].1, |(_, id)| id);
            json!({"id": id, "phoneNumber": n, "phoneType": t, "smsSignInState": "notEnabled"})
        })
        .collect();
    let (ctx, value) = match kind {
        "emailMethods" => ("emailMethods", emails),
        "phoneMethods" => ("phoneMethods", phones),
        "methods" => {
            let mut all = vec![
                json!({"@odata.type": "#microsoft.graph.passwordAuthenticationMethod", "id": "28c10230-6103-485e-b985-444c60001490", "password": Value::Null}),
            ];
            all.extend(emails.into_iter().map(|mut e| {
                e["@odata.type"] = json!("#microsoft.graph.emailAuthenticationMethod");
                e
            }));
            all.extend(phones.into_iter().map(|mut p| {
                p["@odata.type"] = json!("#microsoft.graph.phoneAuthenticationMethod");
                p
            }));
            ("methods", all)
        }
        other => {
            return Err(wire::graph_error(
                400,
                "BadRequest",
                &format!("Resource not found for the segment '{other}'."),
                ids,
            ));
        }
    };
    Ok(wire::ok_json(
        200,
        &json!({"@odata.context": format!("https://graph.microsoft.com/v1.0/$metadata#users('{}')/authentication/{ctx}", u.id), "value": value}),
        ids,
    ))
}

fn send_mail(key: &str, body: &[u8], caller: &Caller, state: &SimState, ids: &Ids) -> Reply {
    need(caller, &["Mail.Send"], ids)?;
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find(key) else {
        return Err(wire::graph_error(
            404,
            "ErrorInvalidUser",
            &format!("The requested user '{key}' is invalid."),
            ids,
        ));
    };
    if !u.mailbox {
        return Err(wire::graph_error(
            404,
            "MailboxNotEnabledForRESTAPI",
            "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
            ids,
        ));
    }
    let v: Value = serde_json::from_slice(body).unwrap_or_default();
    let m = &v["message"];
    let to: Vec<String> = m["toRecipients"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r["emailAddress"]["address"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if to.is_empty() || !m["body"]["content"].is_string() {
        return Err(wire::graph_error(
            400,
            "ErrorInvalidRecipients",
            "At least one recipient is not valid., Recipient is not valid.",
            ids,
        ));
    }
    let from = u.upn.clone();
    drop(dir);
    state
        .0
        .mail
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(SentMail {
            from,
            to,
            subject: m["subject"].as_str().unwrap_or("").into(),
            content_type: m["body"]["contentType"].as_str().unwrap_or("Text").into(),
            body: m["body"]["content"].as_str().unwrap_or("").into(),
        });
    Ok(wire::empty(202, ids))
}

fn domains(name: Option<&str>, caller: &Caller, ids: &Ids) -> Reply {
    need(
        caller,
        &[
            "Domain.Read.All",
            "Directory.Read.All",
            "Directory.ReadWrite.All",
        ],
        ids,
    )?;
    let to_json = |d: &tenant::SimDomain| {
        json!({
            "authenticationType": if d.federated { "Federated" } else { "Managed" },
            "availabilityStatus": Value::Null, "id": d.id, "isAdminManaged": true, "isDefault": d.is_default,
            "isInitial": d.id.ends_with(".onmicrosoft.com"), "isRoot": true, "isVerified": true,
            "passwordNotificationWindowInDays": 14, "passwordValidityPeriodInDays": d.validity_days,
            "state": Value::Null, "supportedServices": ["Email", "OfficeCommunicationsOnline"],
        })
    };
    match name {
        None => Ok(wire::ok_json(
            200,
            &json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#domains", "value": DOMAINS.iter().map(to_json).collect::<Vec<_>>()}),
            ids,
        )),
        Some(n) => match DOMAINS.iter().find(|d| d.id.eq_ignore_ascii_case(n)) {
            Some(d) => Ok(wire::ok_json(200, &to_json(d), ids)),
            None => Err(not_found(n, ids)),
        },
    }
}

fn sign_ins(q: &Query, caller: &Caller, state: &SimState, base: &str, ids: &Ids) -> Reply {
    if !state.0.premium.load(Ordering::Relaxed) {
        return Err(wire::graph_error(
            403,
            "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
            "Neither tenant is B2C or tenant doesn't have premium license",
            ids,
        ));
    }
    need(caller, &["AuditLog.Read.All"], ids)?;
    reports_bucket(state, ids)?;
    let top = match q.get("$top").map(|t| t.parse::<usize>()) {
        None => 1000,
        Some(Ok(n)) if (1..=1000).contains(&n) => n,
        Some(_) => {
            return Err(wire::graph_error(
                400,
                "BadRequest",
                "Invalid $top value. It must be between 1 and 1000.",
                ids,
            ));
        }
    };
    let expr = match q.get("$filter") {
        Some(f) => Some(
            filter::parse(f)
                .map_err(|_| wire::graph_error(400, "BadRequest", "Invalid filter clause", ids))?,
        ),
        None => None,
    };
    let offset: usize = q
        .get("$skiptoken")
        .and_then(|t| B64.decode(t).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    // The log is kept newest first. A plain time window (`createdDateTime ge T`, what
    // pollers send) is a prefix found by binary search; other filters scan.
    let window = match &expr {
        Some(filter::Expr::Cmp {
            path,
            op,
            lit: filter::Lit::Word(t),
        }) if path == "createdDateTime" && op == "ge" => Some(
            dir.signins
                .partition_point(|e| e["createdDateTime"].as_str().unwrap_or("") >= t.as_str()),
        ),
        None => Some(dir.signins.len()),
        _ => None,
    };
    let (page, total): (Vec<&Value>, usize) = match window {
        Some(end) => {
            let from = offset.min(end);
            (
                dir.signins[from..(from + top).min(end)].iter().collect(),
                end,
            )
        }
        None => {
            let all: Vec<&Value> = dir
                .signins
                .iter()
                .filter(|s| expr.as_ref().is_none_or(|e| e.matches(s)))
                .collect();
            let total = all.len();
            (all.into_iter().skip(offset).take(top).collect(), total)
        }
    };
    let mut body = json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns", "value": page});
    if offset + page.len() < total {
        let mut next = url::Url::parse(&format!("{base}/v1.0/auditLogs/signIns"))
            .map_err(|_| wire::graph_error(500, "generalException", "bad base", ids))?;
        {
            let mut qp = next.query_pairs_mut();
            for (k, v) in q.iter().filter(|(k, _)| k.as_str() != "$skiptoken") {
                qp.append_pair(k, v);
            }
            qp.append_pair("$skiptoken", &B64.encode((offset + page.len()).to_string()));
        }
        body["@odata.nextLink"] = json!(next.to_string());
    }
    Ok(wire::ok_json(200, &body, ids))
}

// ---------- controls ----------

fn control(method: &str, rest: &str, body: &[u8], state: &SimState) -> HttpResponse {
    match (method, rest) {
        ("POST", "faults") => {
            let rule = serde_json::from_slice::<super::faults::FaultSpec>(body)
                .map_err(|e| e.to_string())
                .and_then(super::FaultRule::try_from);
            match rule {
                Ok(rule) => {
                    state.faults().add(rule);
                    HttpResponse::NoContent().finish()
                }
                Err(e) => HttpResponse::BadRequest().json(json!({"error": e})),
            }
        }
        ("POST", "latency") => {
            let ms = serde_json::from_slice::<Value>(body).ok().and_then(|v| v["ms"].as_u64()).unwrap_or(0);
            state.faults().set_latency(Duration::from_millis(ms));
            HttpResponse::NoContent().finish()
        }
        ("DELETE", "faults") => {
            state.faults().clear();
            HttpResponse::NoContent().finish()
        }
        ("GET", "mail") => HttpResponse::Ok().json(
            state
                .sent_mail()
                .iter()
                .map(|m| json!({"from": m.from, "to": m.to, "subject": m.subject, "contentType": m.content_type, "body": m.body}))
                .collect::<Vec<_>>(),
        ),
        ("POST", "revoke-tokens") => {
            state.revoke_all_tokens();
            HttpResponse::NoContent().finish()
        }
        ("GET", r) if r.starts_with("users/") => match state.user(&decode(&r[6..])) {
            Some(u) => HttpResponse::Ok().json(json!({"id": u.id, "userPrincipalName": u.upn, "lastPasswordChangeDateTime": u.last_password_change, "sessionsRevokedAt": u.sessions_revoked_at, "accountEnabled": u.account_enabled})),
            None => HttpResponse::NotFound().finish(),
        },
        _ => HttpResponse::NotFound().finish(),
    }
}
