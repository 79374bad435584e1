//! `/healthz` (the process is up) and `/readyz` (the store answers and a token can be had).

use std::time::Duration;

use actix_web::{HttpResponse, get, web};

use crate::app::Services;

/// The process is up.
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(serde_json::json!({"status": "ok"}))
}

/// Ready to serve resets: the store answers and a Graph token can be obtained.
#[get("/readyz")]
pub async fn readyz(services: web::Data<Services>) -> HttpResponse {
    let limit = Duration::from_secs(5);
    let store = match tokio::time::timeout(limit, services.store.ping()).await {
        Ok(Ok(())) => "ok".to_string(),
        Ok(Err(e)) => {
            tracing::warn!(error = %crate::telemetry::Chain(&e), "readiness: store");
            "unavailable".into()
        }
        Err(_) => "timeout".into(),
    };
    let directory = match tokio::time::timeout(limit, services.directory.grants()).await {
        Ok(Ok(_)) => "ok".to_string(),
        Ok(Err(e)) => {
            tracing::warn!(error = %crate::telemetry::Chain(&e), "readiness: directory");
            e.kind.as_str().to_string()
        }
        Err(_) => "timeout".into(),
    };
    let ready = store == "ok" && directory == "ok";
    let body = serde_json::json!({
        "status": if ready { "ready" } else { "not_ready" },
        "checks": {"store": store, "directory": directory},
    });
    let mut resp = if ready {
        HttpResponse::Ok()
    } else {
        HttpResponse::ServiceUnavailable()
    };
    resp.insert_header(("Cache-Control", "no-store")).json(body)
}
