//! The one mapping from failures to HTTP: a page for people, JSON for the API. Internal
//! error text goes to the log with the correlation id, never into a response.

use actix_web::{
    HttpResponse, ResponseError,
    body::{EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::StatusCode,
    middleware::Next,
    web,
};
use serde::Serialize;

use super::{PageContext, lang::Lang, render::Templates};
use crate::{
    app::Services,
    i18n::{Arg, english},
};

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

    /// Message ids of the failure page's heading and text.
    pub fn message_ids(&self) -> (&'static str, &'static str) {
        match self {
            WebError::BadRequest(_) => ("error-bad-request-title", "error-bad-request-text"),
            WebError::Forbidden(_) => ("error-forbidden-title", "error-forbidden-text"),
            WebError::NotFound => ("error-not-found-title", "error-not-found-text"),
            WebError::Expired => ("error-expired-title", "error-expired-text"),
            WebError::OutOfOrder => ("error-out-of-order-title", "error-out-of-order-text"),
            WebError::TooManyRequests { .. } => ("error-too-many-title", "error-too-many-text"),
            WebError::Unavailable(_) => ("error-unavailable-title", "error-unavailable-text"),
            WebError::Internal(_) => ("error-internal-title", "error-internal-text"),
        }
    }

    fn english(&self) -> (String, String) {
        let (title, text) = self.message_ids();
        (
            english(title, &[]),
            english(text, &[("minutes", Arg::from(DEFAULT_IDLE_MINUTES))]),
        )
    }
}

/// Without the settings at hand, the bare page names the default idle time.
const DEFAULT_IDLE_MINUTES: u64 = 15;

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
        let (title, text) = self.english();
        let mut resp = HttpResponse::build(status);
        if let WebError::TooManyRequests { retry_after_secs } = self {
            resp.insert_header(("Retry-After", retry_after_secs.to_string()));
        }
        resp.insert_header(("Cache-Control", "no-store"));
        // The page is a fixed, escaped shell: no template engine on the failure path.
        resp.content_type("text/html; charset=utf-8")
            .body(super::render::error_page(
                &title,
                &text,
                &english("start-again", &[]),
                &english("error-code", &[("status", Arg::from(status.as_u16()))]),
            ))
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
        let (title, _) = self.0.english();
        HttpResponse::build(status)
            .insert_header(("Cache-Control", "no-store"))
            .json(serde_json::json!({"error": {"code": code, "message": title}}))
    }
}

#[derive(Serialize)]
struct ErrorPage<'a> {
    #[serde(flatten)]
    page: PageContext<'a>,
    title_id: &'static str,
    text_id: &'static str,
    status: u16,
    /// For "your reset has expired": the configured idle time.
    minutes: u64,
}

/// Replaces the bare failure page with the full one: the person's language, the branding,
/// and the helpdesk's contact details. If that page cannot be rendered, the bare one stays.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, String>>, actix_web::Error> {
    let res = next.call(req).await?;
    let Some((title_id, text_id)) = res
        .response()
        .error()
        .and_then(|e| e.as_error::<WebError>())
        .map(WebError::message_ids)
    else {
        return Ok(res.map_into_left_body());
    };
    let request = res.request().clone();
    let (Some(services), Some(templates)) = (
        request.app_data::<web::Data<Services>>(),
        request.app_data::<web::Data<Templates>>(),
    ) else {
        return Ok(res.map_into_left_body());
    };
    let lang = Lang::of(&request);
    let page = ErrorPage {
        page: PageContext::new(services, &lang, "/"),
        title_id,
        text_id,
        status: res.status().as_u16(),
        minutes: services.settings.security.flow_idle_secs.div_ceil(60),
    };
    match templates.render("error.html", &page) {
        Ok(html) => Ok(res.map_body(|_, _| EitherBody::right(html))),
        Err(e) => {
            tracing::error!(error = %crate::telemetry::Chain(&e), "error page not rendered");
            Ok(res.map_into_left_body())
        }
    }
}
