//! After the change: the saved-password guide, and "check my devices".

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, web};
use serde::Serialize;

use super::{current_flow, html, platform};
use crate::{
    app::Services,
    web::{PageContext, error::WebError, guide, lang::Lang, render::Templates},
};

#[derive(Serialize)]
struct GuidePage<'a> {
    #[serde(flatten)]
    page: PageContext<'a>,
    places: Vec<&'static guide::Place>,
}

/// The saved-password guide on its own, printable, for any device.
#[get("/reset/guide")]
pub async fn guide_page(
    req: HttpRequest,
    s: web::Data<Services>,
    t: web::Data<Templates>,
    lang: Lang,
) -> Result<HttpResponse, WebError> {
    let page = GuidePage {
        page: PageContext::new(&s, &lang, "/reset/guide"),
        places: guide::ordered(platform(&req)),
    };
    Ok(html(StatusCode::OK, t.render("reset/guide.html", &page)?))
}

#[derive(Serialize)]
struct DeviceView {
    what: String,
    failures: u32,
    last: String,
    locked: bool,
    step: &'static str,
}

#[derive(Serialize)]
struct DevicesPage<'a> {
    #[serde(flatten)]
    page: PageContext<'a>,
    devices: Vec<DeviceView>,
    /// `ok`, `unavailable` (no Entra ID P1) or `error`.
    status: &'static str,
}

/// "Check my devices": sources still failing with the old password since the reset.
#[get("/reset/devices")]
pub async fn devices(
    s: web::Data<Services>,
    t: web::Data<Templates>,
    lang: Lang,
    session: Session,
) -> Result<HttpResponse, WebError> {
    let flow = current_flow(&s, &session).await?;
    let (devices, status) = match s.reset.stale_devices(&flow).await {
        Ok(None) => return Err(WebError::OutOfOrder),
        Ok(Some(stale)) => (
            stale
                .into_iter()
                .map(|d| DeviceView {
                    what: d.source.describe_with(
                        &t.catalogs().text(lang.language, "devices-unknown-app", &[]),
                        &t.catalogs()
                            .text(lang.language, "devices-unknown-device", &[]),
                    ),
                    failures: d.failures,
                    last: d.last.format("%H:%M UTC").to_string(),
                    locked: d.locked,
                    step: d.source.guide_step(),
                })
                .collect(),
            "ok",
        ),
        Err(e) if e.kind == crate::ports::DirectoryErrorKind::FeatureUnavailable => {
            (Vec::new(), "unavailable")
        }
        Err(e) => {
            tracing::warn!(error = %crate::telemetry::Chain(&e), "sign-in logs unavailable");
            (Vec::new(), "error")
        }
    };
    let page = DevicesPage {
        page: PageContext::new(&s, &lang, "/reset/devices"),
        devices,
        status,
    };
    Ok(html(StatusCode::OK, t.render("reset/devices.html", &page)?))
}
