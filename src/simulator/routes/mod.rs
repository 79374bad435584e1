//! Request dispatch: faults first, then the token endpoint, Graph v1.0, or `/_sim/` controls.
//! One file per part of the API; what they share (authentication, permissions, `$select`)
//! is here.

mod control;
mod domains;
mod mail;
mod methods;
mod signins;
mod token;
mod users;

use std::{collections::HashMap, sync::atomic::Ordering, time::Duration};

use actix_web::{HttpRequest, HttpResponse, web};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD as B64};
use chrono::Utc;
use serde_json::{Value, json};

use self::{
    control::control, domains::domains, mail::send_mail, methods::methods, signins::sign_ins,
    token::token, users::*,
};
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
