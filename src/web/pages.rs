//! The demo outbox page: the mail and SMS the portal would have sent.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;

use super::{PageContext, error::WebError, lang::Lang, render::Templates};
use crate::app::Services;

#[derive(Serialize)]
struct OutboxEntry {
    at: String,
    channel: &'static str,
    to: String,
    subject: String,
    text: String,
}

#[derive(Serialize)]
struct OutboxPage<'a> {
    #[serde(flatten)]
    page: PageContext<'a>,
    messages: Vec<OutboxEntry>,
}

/// Demo only: the mail and SMS the portal would have sent.
#[get("/demo/outbox")]
pub async fn outbox(
    services: web::Data<Services>,
    templates: web::Data<Templates>,
    lang: Lang,
) -> Result<HttpResponse, WebError> {
    let catcher = match &services.catcher {
        Some(c) if services.settings.server.demo_mode => c,
        _ => return Err(WebError::NotFound),
    };
    use crate::ports::Message;
    let messages = catcher
        .messages()
        .into_iter()
        .map(|m| match m.message {
            Message::Email {
                to, subject, text, ..
            } => OutboxEntry {
                at: m.at.format("%H:%M:%S").to_string(),
                channel: "email",
                to,
                subject,
                text,
            },
            Message::Sms { to, text } => OutboxEntry {
                at: m.at.format("%H:%M:%S").to_string(),
                channel: "sms",
                to,
                subject: "SMS".into(),
                text,
            },
        })
        .collect();
    let html = templates.render(
        "demo/outbox.html",
        &OutboxPage {
            page: PageContext::new(&services, &lang, "/demo/outbox"),
            messages,
        },
    )?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(html))
}
