//! Wire envelopes: the Graph error body (GRAPH.md §9.1), the throttling body (§9.2), the
//! identity platform's AAD error body (§1.5), and the headers every Graph response carries.

use actix_web::{HttpResponse, http::StatusCode};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

/// Content type of Graph success bodies (GRAPH.md §9.1).
pub const ODATA_JSON: &str =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
/// `@odata.context` prefix: Graph always names its public host here, whatever host served it.
pub const CONTEXT: &str = "https://graph.microsoft.com/v1.0/$metadata";

/// Correlation ids of one request, made by the middleware before any handler runs.
#[derive(Debug, Clone)]
pub struct Ids {
    pub request_id: String,
    /// The client's `client-request-id`, else the request id.
    pub client_request_id: String,
    /// Whether the client sent its own `client-request-id`.
    pub client_sent: bool,
    /// The identity platform's correlation id: the client's `client-request-id`, else new.
    pub correlation_id: String,
    pub at: DateTime<Utc>,
}

impl Ids {
    pub fn new(client_request_id: Option<&str>) -> Self {
        let request_id = uuid::Uuid::new_v4().to_string();
        let sent = client_request_id.map(str::trim).filter(|s| !s.is_empty());
        Self {
            client_request_id: sent.unwrap_or(&request_id).to_string(),
            client_sent: sent.is_some(),
            correlation_id: sent.map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_string),
            request_id,
            at: Utc::now(),
        }
    }

    /// `innerError.date`: no fractional seconds, no `Z` (GRAPH.md §3.2).
    pub fn inner_date(&self) -> String {
        self.at.format("%Y-%m-%dT%H:%M:%S").to_string()
    }

    /// The AAD timestamp: `yyyy-MM-dd HH:mm:ssZ` (space, not `T`).
    pub fn aad_timestamp(&self) -> String {
        self.at.format("%Y-%m-%d %H:%M:%SZ").to_string()
    }
}

/// A Graph answer before it becomes an HTTP response (or one item of a `$batch` response).
#[derive(Debug, Clone)]
pub struct GResp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

#[derive(Debug, Clone)]
pub enum Body {
    Empty,
    /// A success body: OData content type and `OData-Version: 4.0`.
    OData(Value),
    /// An error body: plain `application/json`.
    Error(Value),
    /// `text/plain` (e.g. `/users/$count`).
    Text(String),
}

/// Handlers return their error responses through `?`.
pub type GResult = Result<GResp, Box<GResp>>;

impl GResp {
    pub fn ok(status: u16, v: Value) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Body::OData(v),
        }
    }

    pub fn empty(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Body::Empty,
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn boxed(self) -> Box<Self> {
        Box::new(self)
    }

    /// The HTTP response, with the Graph headers every answer carries.
    pub fn into_http(self, ids: &Ids) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut b = HttpResponse::build(status);
        graph_headers(&mut b, ids);
        for (k, v) in &self.headers {
            b.insert_header((k.as_str(), v.as_str()));
        }
        match self.body {
            Body::Empty => b.finish(),
            Body::OData(v) => b
                .insert_header(("Content-Type", ODATA_JSON))
                .insert_header(("OData-Version", "4.0"))
                .body(v.to_string()),
            Body::Error(v) => b
                .insert_header(("Content-Type", "application/json"))
                .body(v.to_string()),
            Body::Text(t) => b
                .insert_header(("Content-Type", "text/plain;charset=utf-8"))
                .insert_header(("OData-Version", "4.0"))
                .body(t),
        }
    }
}

/// Headers on every Graph response (GRAPH.md §9.1).
pub fn graph_headers(b: &mut actix_web::HttpResponseBuilder, ids: &Ids) {
    b.insert_header(("request-id", ids.request_id.as_str()))
        .insert_header(("client-request-id", ids.client_request_id.as_str()))
        .insert_header(("x-ms-ags-diagnostic", AGS_DIAGNOSTIC))
        .insert_header(("Strict-Transport-Security", "max-age=31536000"))
        .insert_header(("Cache-Control", "no-cache"));
}

const AGS_DIAGNOSTIC: &str = r#"{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5","ScaleUnit":"001","RoleInstance":"REKEY-SIM-001"}}"#;

/// The standard Graph error body.
pub fn graph_error(ids: &Ids, status: u16, code: &str, message: &str) -> GResp {
    GResp {
        status,
        headers: Vec::new(),
        body: Body::Error(json!({
            "error": {
                "code": code,
                "message": message,
                "innerError": {
                    "date": ids.inner_date(),
                    "request-id": ids.request_id,
                    "client-request-id": ids.client_request_id,
                }
            }
        })),
    }
}

/// [`graph_error`], boxed for `Err(..)`.
pub fn fail(ids: &Ids, status: u16, code: &str, message: &str) -> Box<GResp> {
    Box::new(graph_error(ids, status, code, message))
}

pub fn not_found(ids: &Ids, key: &str) -> Box<GResp> {
    fail(
        ids,
        404,
        "Request_ResourceNotFound",
        &format!(
            "Resource '{key}' does not exist or one of its queried reference-property objects are not present."
        ),
    )
}

pub fn denied(ids: &Ids) -> Box<GResp> {
    fail(
        ids,
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    )
}

pub fn bad_request(ids: &Ids, message: &str) -> Box<GResp> {
    fail(ids, 400, "Request_BadRequest", message)
}

pub fn unsupported_query(ids: &Ids, message: &str) -> Box<GResp> {
    fail(ids, 400, "Request_UnsupportedQuery", message)
}

/// 429 `TooManyRequests` (GRAPH.md §9.2), `Retry-After` verbatim, with the throttle headers.
pub fn throttled(ids: &Ids, retry_after: &str, scope: &str, information: &str) -> GResp {
    GResp {
        status: 429,
        headers: vec![
            ("Retry-After".into(), retry_after.into()),
            ("x-ms-throttle-scope".into(), scope.into()),
            ("x-ms-throttle-information".into(), information.into()),
        ],
        body: Body::Error(json!({
            "error": {
                "code": "TooManyRequests",
                "message": "Please retry again later.",
                "innerError": {
                    "code": "429",
                    "date": ids.inner_date(),
                    "message": "Please retry after",
                    "request-id": ids.request_id,
                    "client-request-id": ids.client_request_id,
                    "status": "429",
                }
            }
        })),
    }
}

/// A 5xx (or other injected status) with a plausible envelope. Codes and texts for these are
/// not contract (GRAPH.md conventions); these follow the errors doc's generic codes.
pub fn server_error(ids: &Ids, status: u16) -> GResp {
    let (code, message) = match status {
        500 => ("generalException", "An unspecified error has occurred."),
        502 => ("BadGateway", "The gateway received an invalid response."),
        503 => (
            "serviceNotAvailable",
            "The service is temporarily unavailable. Try the request again after a delay.",
        ),
        504 => (
            "timeout",
            "The operation timed out before it could be completed.",
        ),
        400 => ("BadRequest", "The request is invalid."),
        401 => ("InvalidAuthenticationToken", "Access token validation failure."),
        403 => (
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.",
        ),
        404 => ("Request_ResourceNotFound", "The resource could not be found."),
        409 => ("Conflict", "The request conflicts with the current state."),
        423 => ("resourceLocked", "The resource that is being accessed is locked."),
        507 => ("quotaLimitReached", "The user has reached their quota limit."),
        _ => ("UnknownError", "An error occurred."),
    };
    graph_error(ids, status, code, message)
}

/// An identity-platform error (GRAPH.md §1.5): `\r\n`-joined description with Trace ID,
/// Correlation ID and Timestamp, `error_codes`, `timestamp`, ids and `error_uri`.
pub struct AadError {
    pub status: u16,
    pub error: &'static str,
    pub code: u32,
    pub text: String,
    /// Extra top-level fields (`suberror`, `claims`, `password_change_url`).
    pub extra: Vec<(&'static str, Value)>,
    /// Extra headers (`Retry-After`).
    pub headers: Vec<(&'static str, String)>,
}

impl AadError {
    pub fn new(status: u16, error: &'static str, code: u32, text: impl Into<String>) -> Self {
        Self {
            status,
            error,
            code,
            text: text.into(),
            extra: Vec::new(),
            headers: Vec::new(),
        }
    }

    pub fn with(mut self, key: &'static str, v: Value) -> Self {
        self.extra.push((key, v));
        self
    }

    pub fn body(&self, ids: &Ids) -> Value {
        let correlation = correlation_id(ids);
        let ts = ids.aad_timestamp();
        let mut v = json!({
            "error": self.error,
            "error_description": format!(
                "AADSTS{}: {}\r\nTrace ID: {}\r\nCorrelation ID: {}\r\nTimestamp: {}",
                self.code, self.text, ids.request_id, correlation, ts
            ),
            "error_codes": [self.code],
            "timestamp": ts,
            "trace_id": ids.request_id,
            "correlation_id": correlation,
            "error_uri": format!("https://login.microsoftonline.com/error?code={}", self.code),
        });
        if let Some(obj) = v.as_object_mut() {
            for (k, x) in &self.extra {
                obj.insert((*k).to_string(), x.clone());
            }
        }
        v
    }

    pub fn into_http(self, ids: &Ids) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        let mut b = HttpResponse::build(status);
        token_headers(&mut b, ids);
        for (k, v) in &self.headers {
            b.insert_header((*k, v.as_str()));
        }
        b.insert_header(("Content-Type", "application/json; charset=utf-8"))
            .body(self.body(ids).to_string())
    }
}

/// The identity platform uses the client's `client-request-id` as the correlation id.
pub fn correlation_id(ids: &Ids) -> &str {
    &ids.correlation_id
}

/// Headers of every token-endpoint response (GRAPH.md §1.4).
pub fn token_headers(b: &mut actix_web::HttpResponseBuilder, ids: &Ids) {
    b.insert_header(("Cache-Control", "no-store, no-cache"))
        .insert_header(("Pragma", "no-cache"))
        .insert_header(("Expires", "-1"))
        .insert_header(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("x-ms-request-id", ids.request_id.as_str()))
        .insert_header(("x-ms-ests-server", "2.1.0 - SIM ProdSlices"));
    if ids.client_sent {
        b.insert_header(("client-request-id", ids.client_request_id.as_str()));
    }
}
