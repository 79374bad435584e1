//! Graph's and the identity platform's response shapes (GRAPH.md §1.5, §9).

use actix_web::{HttpResponse, http::StatusCode};
use chrono::Utc;
use serde_json::{Value, json};

pub const ODATA_JSON: &str = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/// Request ids for one response: `request-id`, and the client's `client-request-id` echoed.
pub struct Ids {
    pub request_id: String,
    pub client_request_id: String,
}

impl Ids {
    pub fn new(client: Option<&str>) -> Self {
        let request_id = uuid::Uuid::new_v4().to_string();
        let client_request_id = client.map_or_else(|| request_id.clone(), str::to_string);
        Self {
            request_id,
            client_request_id,
        }
    }
}

fn graph_headers(b: &mut actix_web::HttpResponseBuilder, ids: &Ids) {
    b.insert_header(("request-id", ids.request_id.as_str()))
        .insert_header(("client-request-id", ids.client_request_id.as_str()))
        .insert_header((
            "x-ms-ags-diagnostic",
            r#"{"ServerInfo":{"DataCenter":"Simulated","Slice":"E","Ring":"1","ScaleUnit":"000","RoleInstance":"SIM"}}"#,
        ))
        .insert_header(("Strict-Transport-Security", "max-age=31536000"))
        .insert_header(("Cache-Control", "no-cache"));
}

/// A Graph success with a JSON body.
pub fn ok_json(status: u16, body: &Value, ids: &Ids) -> HttpResponse {
    let mut b = HttpResponse::build(StatusCode::from_u16(status).unwrap_or(StatusCode::OK));
    graph_headers(&mut b, ids);
    b.insert_header(("OData-Version", "4.0"))
        .content_type(ODATA_JSON)
        .body(body.to_string())
}

/// A Graph success without a body (204, 202).
pub fn empty(status: u16, ids: &Ids) -> HttpResponse {
    let mut b = HttpResponse::build(StatusCode::from_u16(status).unwrap_or(StatusCode::NO_CONTENT));
    graph_headers(&mut b, ids);
    b.finish()
}

/// The Graph error envelope with `innerError` (date without fraction or `Z`).
pub fn graph_error(status: u16, code: &str, message: &str, ids: &Ids) -> HttpResponse {
    let body = json!({
        "error": {
            "code": code,
            "message": message,
            "innerError": {
                "date": Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                "request-id": ids.request_id,
                "client-request-id": ids.client_request_id,
            }
        }
    });
    let mut b =
        HttpResponse::build(StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST));
    graph_headers(&mut b, ids);
    b.content_type("application/json").body(body.to_string())
}

/// 429 as Graph sends it (GRAPH.md §9.2).
pub fn throttled(retry_after: &str, ids: &Ids) -> HttpResponse {
    let body = json!({
        "error": {
            "code": "TooManyRequests",
            "innerError": {
                "code": "429",
                "date": Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                "message": "Please retry after",
                "request-id": ids.request_id,
                "client-request-id": ids.client_request_id,
                "status": "429"
            },
            "message": "Please retry again later."
        }
    });
    let mut b = HttpResponse::TooManyRequests();
    graph_headers(&mut b, ids);
    b.insert_header(("Retry-After", retry_after))
        .insert_header((
            "x-ms-throttle-scope",
            "Tenant_Application/ReadWrite/simulated/simulated",
        ))
        .insert_header(("x-ms-throttle-information", "ResourceUnitLimitExceeded"))
        .content_type("application/json")
        .body(body.to_string())
}

/// The token endpoint's error envelope (GRAPH.md §1.5).
pub fn aad_error(status: u16, error: &str, code: i64, text: &str) -> HttpResponse {
    let now = Utc::now();
    let trace = uuid::Uuid::new_v4().to_string();
    let correlation = uuid::Uuid::new_v4().to_string();
    let timestamp = now.format("%Y-%m-%d %H:%M:%SZ").to_string();
    let body = json!({
        "error": error,
        "error_description": format!(
            "AADSTS{code}: {text}\r\nTrace ID: {trace}\r\nCorrelation ID: {correlation}\r\nTimestamp: {timestamp}"
        ),
        "error_codes": [code],
        "timestamp": timestamp,
        "trace_id": trace,
        "correlation_id": correlation,
        "error_uri": format!("https://login.microsoftonline.com/error?code={code}"),
    });
    HttpResponse::build(StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST))
        .insert_header(("Cache-Control", "no-store, no-cache"))
        .insert_header(("Pragma", "no-cache"))
        .insert_header(("x-ms-request-id", trace.as_str()))
        .content_type("application/json; charset=utf-8")
        .body(body.to_string())
}

/// A successful token response.
pub fn token_ok(body: &Value) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store, no-cache"))
        .insert_header(("Pragma", "no-cache"))
        .content_type("application/json; charset=utf-8")
        .body(body.to_string())
}
