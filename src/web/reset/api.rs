//! The JSON API of the reset pages: the live password meter, and whether Microsoft 365 has
//! a password written to AD yet.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{current_flow, localize_verdict};
use crate::{
    app::Services,
    flow::{CloudSync, Step},
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

#[derive(Serialize)]
struct CloudSyncView {
    state: &'static str,
    /// What the done page shows for this state, in the reader's language.
    message: String,
}

/// For the done page's script: has Entra Connect synced the password written to AD yet?
#[get("/reset/sync")]
pub async fn cloud_sync(
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
) -> Result<HttpResponse, ApiError> {
    let mut flow = current_flow(&s, &session).await?;
    let state = s.reset.cloud_sync(&mut flow).await;
    let key = match state {
        CloudSync::NotWaiting => return Err(WebError::OutOfOrder.into()),
        CloudSync::Synced => "done-ad-synced",
        CloudSync::Waiting => "done-ad-syncing",
        // The page above already says it takes a few minutes.
        CloudSync::GaveUp => "done-ad-sync",
    };
    lang.prefer(t.catalogs(), flow.preferred_language());
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(CloudSyncView {
            state: state.as_str(),
            message: t.catalogs().text(lang.language, key, &[]),
        }))
}
