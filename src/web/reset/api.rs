//! The JSON API of the reset pages: the live password meter.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use zeroize::Zeroizing;

use super::{current_flow, localize_verdict};
use crate::{
    app::Services,
    flow::Step,
    web::{
        error::{ApiError, WebError},
        lang::Lang,
        render::Templates,
        session,
    },
};

#[derive(Deserialize)]
pub struct CheckRequest {
    #[serde(default)]
    password: String,
}

impl Drop for CheckRequest {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.password.zeroize();
    }
}

/// Live policy verdict for the new-password page. Session-bound and CSRF-checked (the
/// token travels in `X-CSRF-Token`); the password is never echoed.
#[post("/api/password/check")]
pub async fn check_password(
    req: HttpRequest,
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
    body: web::Json<CheckRequest>,
) -> Result<HttpResponse, ApiError> {
    let token = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    session::check_csrf(&session, token)?;
    let flow = current_flow(&s, &session).await?;
    if !matches!(flow.step, Step::NewPassword) {
        return Err(WebError::OutOfOrder.into());
    }
    s.reset.meter_check(&flow).await.map_err(WebError::from)?;
    let candidate = Zeroizing::new(body.password.chars().take(1024).collect::<String>());
    lang.prefer(t.catalogs(), flow.preferred_language());
    let mut verdict = s.reset.evaluate_live(&flow, candidate).await;
    localize_verdict(t.catalogs(), lang.language, &mut verdict);
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(verdict))
}
