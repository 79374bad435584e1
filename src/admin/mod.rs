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
}

/// Verifies `Authorization: Bearer …` against the configured argon2 hash.
async fn authorised(req: &HttpRequest, state: &AdminState) -> bool {
    let Some(hash) = state.settings.token_hash.clone() else {
        return true;
    };
    let Some(token) = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| zeroize::Zeroizing::new(t.trim().to_string()))
    else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{PasswordVerifier, phc::PasswordHash};
        PasswordHash::new(&hash).is_ok_and(|h| {
            argon2::Argon2::default()
                .verify_password(token.as_bytes(), &h)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

fn unauthorised() -> HttpResponse {
    HttpResponse::Unauthorized()
        .insert_header(("WWW-Authenticate", "Bearer"))
        .body("a bearer token is required\n")
}

#[get("/metrics")]
async fn metrics(req: HttpRequest, state: web::Data<AdminState>) -> HttpResponse {
    if !authorised(&req, &state).await {
        return unauthorised();
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
    if !authorised(&req, &state).await {
        return unauthorised();
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
            tracing::error!(error = %e, "dashboard data unavailable");
            HttpResponse::ServiceUnavailable().body("the database is unavailable\n")
        }
    }
}

pub fn build(state: AdminState, listener: TcpListener) -> std::io::Result<Server> {
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
