//! The start page, the name typed into it, and the current step's page.

use std::time::{Duration, Instant};

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, post, web};
use serde::Deserialize;

use super::{ResetPage, current_flow, field_error, html, platform, see_other, template_for};
use crate::{
    app::Services,
    flow::Step,
    web::{error::WebError, guide, lang::Lang, render::Templates, session},
};

#[get("/")]
pub async fn home(
    s: web::Data<Services>,
    t: web::Data<Templates>,
    lang: Lang,
    session: Session,
) -> Result<HttpResponse, WebError> {
    let csrf = session::csrf_token(&session, &s)?;
    let page = ResetPage::new(&s, &t, &lang, "/", csrf);
    Ok(html(StatusCode::OK, t.render("home.html", &page)?))
}

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
}

#[post("/reset/start")]
pub async fn start(
    req: HttpRequest,
    s: web::Data<Services>,
    t: web::Data<Templates>,
    lang: Lang,
    session: Session,
    form: web::Form<StartForm>,
) -> Result<HttpResponse, WebError> {
    session::check_csrf(&session, &form.csrf)?;
    let name = form.username.trim();
    if name.is_empty() || name.chars().count() > 256 {
        let mut page = ResetPage::new(&s, &t, &lang, "/", session::csrf_token(&session, &s)?);
        page.errors.push(field_error(
            &t,
            lang.language,
            "username",
            "home-username-missing",
            &[],
        ));
        page.username_value = name.chars().take(256).collect();
        return Ok(html(
            StatusCode::UNPROCESSABLE_ENTITY,
            t.render("home.html", &page)?,
        ));
    }
    let started = Instant::now();
    let ctx = session::request_ctx(&req, &s);
    let result = s.reset.start(name, &ctx).await;
    // Known and unknown names answer after the same floor, so time tells nothing.
    let floor = Duration::from_millis(s.settings.security.start_floor_ms);
    if let Some(rest) = floor.checked_sub(started.elapsed()) {
        tokio::time::sleep(rest).await;
    }
    let flow = result.map_err(WebError::from)?;
    session::set_flow(&session, &flow.id)?;
    Ok(see_other("/reset"))
}

#[get("/reset")]
pub async fn show(
    req: HttpRequest,
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
) -> Result<HttpResponse, WebError> {
    let mut flow = current_flow(&s, &session).await?;
    let cloud_sync = s.reset.cloud_sync(&mut flow).await;
    let csrf = session::csrf_token(&session, &s)?;
    let mut page = ResetPage::for_flow(&s, &t, &mut lang, csrf, &flow);
    if matches!(flow.step, Step::Done { .. }) {
        page.places = guide::ordered(platform(&req));
        page.cloud_sync = cloud_sync.as_str();
    }
    Ok(html(StatusCode::OK, t.render(template_for(&flow), &page)?))
}
