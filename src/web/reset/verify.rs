//! Choosing where the code goes, and typing it in.

use actix_session::Session;
use actix_web::{HttpResponse, http::StatusCode, post, web};
use serde::Deserialize;
use zeroize::Zeroizing;

use super::{
    CsrfForm, ResetPage, StepRequest, current_flow, field_error, html, locked_page,
    message_language, see_other, template_for,
};
use crate::{
    app::Services,
    flow::{Step, service::FlowError},
    i18n::Arg,
    web::{error::WebError, lang::Lang, messages, render::Templates, session},
};

#[derive(Deserialize)]
pub struct SendForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    method: String,
}

impl CsrfForm for SendForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[post("/reset/send")]
pub async fn send(
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
    step: StepRequest<SendForm>,
) -> Result<HttpResponse, WebError> {
    let StepRequest {
        form,
        flow_id: id,
        ctx,
    } = step;
    match s.reset.send_code(&id, &form.method, &ctx).await {
        Ok((flow, outgoing)) => {
            let to = message_language(&t, &lang, &flow);
            messages::send_all(&s, &t, &ctx, to, outgoing.into_iter().collect());
            Ok(see_other("/reset"))
        }
        Err(FlowError::Locked { until, .. }) => locked_page(&s, &t, &lang, &session, until),
        Err(FlowError::TooMany { retry_after_secs }) => {
            let flow = current_flow(&s, &session).await?;
            let csrf = session::csrf_token(&session, &s)?;
            let mut page = ResetPage::for_flow(&s, &t, &mut lang, csrf, &flow);
            page.retry_after = Some(retry_after_secs);
            // The link in the error summary goes to the first choice, or on the code page
            // to the code field.
            let field = match flow.step {
                Step::ChooseMethod => "method-1",
                _ => "code",
            };
            page.errors.push(field_error(
                &t,
                lang.language,
                field,
                "methods-too-many",
                &[("minutes", Arg::from(retry_after_secs.div_ceil(60)))],
            ));
            Ok(html(
                StatusCode::TOO_MANY_REQUESTS,
                t.render(template_for(&flow), &page)?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
}

impl CsrfForm for CodeForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[post("/reset/code")]
pub async fn code(
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
    step: StepRequest<CodeForm>,
) -> Result<HttpResponse, WebError> {
    let StepRequest {
        form,
        flow_id: id,
        ctx,
    } = step;
    let typed = Zeroizing::new(form.code.chars().take(64).collect::<String>());
    let (message_id, args): (&str, Vec<(&str, Arg)>) =
        match s.reset.submit_code(&id, &typed, &ctx).await {
            Ok((flow, _)) => {
                // The verified flow lives under a new id, with a new CSRF token: a copy of
                // the cookie from before this step now only gets the expired page.
                session::set_flow(&session, &flow.id)?;
                session::renew_csrf(&session, &s)?;
                return Ok(see_other("/reset"));
            }
            Err(FlowError::Locked { until, newly }) => {
                // One notice per lock: later tries while locked send nothing more.
                if newly
                    && let Ok(flow) = s.reset.load(&id).await
                    && let Some(notice) = s.reset.lock_notice(&flow, until)
                {
                    let to = message_language(&t, &lang, &flow);
                    messages::send_all(&s, &t, &ctx, to, vec![notice]);
                }
                return locked_page(&s, &t, &lang, &session, until);
            }
            Err(FlowError::WrongCode { remaining }) => {
                ("code-wrong", vec![("remaining", Arg::from(remaining))])
            }
            Err(FlowError::CodeExpired) => ("code-expired", Vec::new()),
            Err(e) => return Err(e.into()),
        };
    let flow = current_flow(&s, &session).await?;
    let csrf = session::csrf_token(&session, &s)?;
    let mut page = ResetPage::for_flow(&s, &t, &mut lang, csrf, &flow);
    page.errors
        .push(field_error(&t, lang.language, "code", message_id, &args));
    Ok(html(
        StatusCode::UNPROCESSABLE_ENTITY,
        t.render(template_for(&flow), &page)?,
    ))
}
