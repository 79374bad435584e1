//! The admin listener: Prometheus metrics and the helpdesk-deflection dashboard, on its own
//! address (loopback by default), optionally behind a bearer token.

mod dashboard;

use std::{net::TcpListener, sync::Arc};

use actix_web::{
    App, HttpRequest, HttpResponse, HttpServer, dev::Server, get, middleware::DefaultHeaders, web,
};

use crate::{ports::Store, settings::AdminSettings};

pub struct AdminState {
    pub store: Arc<dyn Store>,
    pub settings: AdminSettings,
    pub clock: Arc<dyn crate::clock::Clock>,
    pub metrics: Option<metrics_exporter_prometheus::PrometheusHandle>,
    /// Bounds concurrent token checks: each is a deliberately slow argon2 hash, and a flood
    /// of guesses must not take every core.
    pub verifications: Arc<tokio::sync::Semaphore>,
}

/// Token checks allowed at once.
pub const CONCURRENT_VERIFICATIONS: usize = 2;

impl AdminState {
    pub fn verification_slots() -> Arc<tokio::sync::Semaphore> {
        Arc::new(tokio::sync::Semaphore::new(CONCURRENT_VERIFICATIONS))
    }
}

enum Access {
    Granted,
    Denied,
    /// Every verification slot stayed busy: try again shortly.
    Busy,
}

/// Verifies `Authorization: Bearer …` against the configured argon2 hash.
async fn authorised(req: &HttpRequest, state: &AdminState) -> Access {
    let Some(hash) = state.settings.token_hash.clone() else {
        return Access::Granted;
    };
    let Some(token) = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| zeroize::Zeroizing::new(t.trim().to_string()))
    else {
        return Access::Denied;
    };
    let permit = match tokio::time::timeout(
        std::time::Duration::from_secs(1),
        state.verifications.clone().acquire_owned(),
    )
    .await
    {
        Ok(Ok(p)) => p,
        _ => return Access::Busy,
    };
    let ok = tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{PasswordVerifier, phc::PasswordHash};
        let ok = PasswordHash::new(&hash).is_ok_and(|h| {
            argon2::Argon2::default()
                .verify_password(token.as_bytes(), &h)
                .is_ok()
        });
        drop(permit);
        ok
    })
    .await
    .unwrap_or(false);
    if ok { Access::Granted } else { Access::Denied }
}

fn refused(access: Access) -> Option<HttpResponse> {
    match access {
        Access::Granted => None,
        Access::Denied => Some(
            HttpResponse::Unauthorized()
                .insert_header(("WWW-Authenticate", "Bearer"))
                .body("a bearer token is required\n"),
        ),
        Access::Busy => Some(
            HttpResponse::ServiceUnavailable()
                .insert_header(("Retry-After", "1"))
                .body("busy checking other tokens; try again\n"),
        ),
    }
}

#[get("/metrics")]
async fn metrics(req: HttpRequest, state: web::Data<AdminState>) -> HttpResponse {
    if let Some(no) = refused(authorised(&req, &state).await) {
        return no;
    }
    let body = state
        .metrics
        .as_ref()
        .map(|h| h.render())
        .unwrap_or_default();
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(body)
}

#[get("/")]
async fn dashboard_page(req: HttpRequest, state: web::Data<AdminState>) -> HttpResponse {
    if let Some(no) = refused(authorised(&req, &state).await) {
        return no;
    }
    let since = state.clock.now() - chrono::Duration::days(30);
    let signins = state
        .store
        .kv_get(crate::signins::REPORT_KEY)
        .await
        .ok()
        .flatten()
        .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok());
    match state.store.daily_counts(since).await {
        Ok(days) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(dashboard::render(
                &days,
                &state.settings,
                state.clock.now(),
                signins.as_ref(),
            )),
        Err(e) => {
            tracing::error!(error = %crate::telemetry::Chain(&e), "dashboard data unavailable");
            HttpResponse::ServiceUnavailable().body("the database is unavailable\n")
        }
    }
}

/// Refuses a listener other machines can reach unless a token protects it.
pub fn build(state: AdminState, listener: TcpListener) -> std::io::Result<Server> {
    let addr = listener.local_addr()?;
    if !addr.ip().is_loopback() && state.settings.token_hash.is_none() {
        return Err(std::io::Error::other(format!(
            "the admin listener on {addr} is reachable from other machines: set admin.token_hash"
        )));
    }
    let state = web::Data::new(state);
    Ok(HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .wrap(
                DefaultHeaders::new()
                    .add((
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'self'; frame-ancestors 'none'",
                    ))
                    .add(("Cache-Control", "no-store"))
                    .add(("X-Content-Type-Options", "nosniff")),
            )
            .service(metrics)
            .service(dashboard_page)
    })
    .workers(1)
    .listen(listener)?
    .run())
}

/// An argon2id hash of `token`, for `admin.token_hash`.
pub fn hash_token(token: &str) -> Result<String, String> {
    use argon2::password_hash::PasswordHasher;
    argon2::Argon2::default()
        .hash_password(token.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}
