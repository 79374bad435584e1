//! The one mapping from failures to HTTP: a page for people, JSON for the API. Internal
//! error text goes to the log with the correlation id, never into a response.

use actix_web::{HttpResponse, ResponseError, http::StatusCode};

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("not found")]
    NotFound,
    #[error("no reset in progress, or it expired")]
    Expired,
    #[error("step not available now")]
    OutOfOrder,
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl WebError {
    pub fn internal(e: impl std::fmt::Display) -> Self {
        WebError::Internal(e.to_string())
    }

    fn title_and_text(&self) -> (&'static str, &'static str) {
        match self {
            WebError::BadRequest(_) => (
                "Something in that request was not right",
                "Please go back and try again.",
            ),
            WebError::Forbidden(_) => (
                "This page has expired",
                "For your safety the form could not be accepted. Please start again.",
            ),
            WebError::NotFound => (
                "Page not found",
                "The address may be mistyped, or the page no longer exists.",
            ),
            WebError::Expired => (
                "Your reset has expired",
                "For your safety a reset ends after 15 minutes without activity. Please start again.",
            ),
            WebError::OutOfOrder => (
                "This step is not available yet",
                "Please continue where you left off, or start again.",
            ),
            WebError::TooManyRequests { .. } => (
                "Too many attempts",
                "Please wait a few minutes before trying again.",
            ),
            WebError::Unavailable(_) => (
                "The service is temporarily unavailable",
                "Nothing was changed. Please try again in a few minutes.",
            ),
            WebError::Internal(_) => (
                "Something went wrong on our side",
                "Nothing was changed. Please try again; if it keeps happening, contact the helpdesk.",
            ),
        }
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Forbidden(_) => StatusCode::FORBIDDEN,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Expired => StatusCode::GONE,
            WebError::OutOfOrder => StatusCode::CONFLICT,
            WebError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            WebError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::info!(error = %self, "request refused");
        }
        let (title, text) = self.title_and_text();
        let mut resp = HttpResponse::build(status);
        if let WebError::TooManyRequests { retry_after_secs } = self {
            resp.insert_header(("Retry-After", retry_after_secs.to_string()));
        }
        resp.insert_header(("Cache-Control", "no-store"));
        // The page is a fixed, escaped shell: no template engine on the failure path.
        resp.content_type("text/html; charset=utf-8")
            .body(super::render::error_page(status.as_u16(), title, text))
    }
}

/// JSON errors for `/api/*`: `{"error": {"code", "message"}}`.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl From<WebError> for ApiError {
    fn from(e: WebError) -> Self {
        ApiError(e)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.0.status_code()
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if status.is_server_error() {
            tracing::error!(error = %self.0, "API request failed");
        }
        let code = match &self.0 {
            WebError::BadRequest(_) => "bad_request",
            WebError::Forbidden(_) => "forbidden",
            WebError::NotFound => "not_found",
            WebError::Expired => "expired",
            WebError::OutOfOrder => "out_of_order",
            WebError::TooManyRequests { .. } => "too_many_requests",
            WebError::Unavailable(_) => "unavailable",
            WebError::Internal(_) => "internal",
        };
        let (title, _) = self.0.title_and_text();
        HttpResponse::build(status)
            .insert_header(("Cache-Control", "no-store"))
            .json(serde_json::json!({"error": {"code": code, "message": title}}))
    }
}
