//! The new password: the policy's verdict on the page, and setting it once.

use actix_session::Session;
use actix_web::{HttpResponse, http::StatusCode, post, web};
use serde::Deserialize;
use zeroize::Zeroizing;

use super::{
    CsrfForm, ResetPage, StepRequest, field_error, html, localize_verdict, message_language,
    see_other, template_for,
};
use crate::{
    app::Services,
    flow::{Flow, SetOutcome, Step, StepError, service::FlowError},
    i18n::Arg,
    policy::Verdict,
    web::{error::WebError, lang::Lang, messages, render::Templates, session},
};

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password: String,
    /// The page asks once (with a show-password toggle); a form that still sends a
    /// confirmation field gets it checked.
    #[serde(default)]
    confirm: Option<String>,
    #[serde(default)]
    revoke: Option<String>,
}

impl Drop for PasswordForm {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.password.zeroize();
        if let Some(c) = &mut self.confirm {
            c.zeroize();
        }
    }
}

impl CsrfForm for PasswordForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[post("/reset/password")]
pub async fn password(
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
    step: StepRequest<PasswordForm>,
) -> Result<HttpResponse, WebError> {
    let StepRequest {
        form,
        flow_id: id,
        ctx,
    } = step;
    let flow = s.reset.load(&id).await.map_err(WebError::from)?;
    let mut render_error = |flow: &Flow,
                            status,
                            field,
                            message_id: &str,
                            args: &[(&str, Arg)],
                            verdict: Option<Verdict>| {
        let csrf = session::csrf_token(&session, &s)?;
        let mut page = ResetPage::for_flow(&s, &t, &mut lang, csrf, flow);
        page.errors
            .push(field_error(&t, lang.language, field, message_id, args));
        page.verdict = verdict.map(|mut v| {
            localize_verdict(t.catalogs(), lang.language, &mut v);
            v
        });
        Ok(html(status, t.render(template_for(flow), &page)?))
    };
    if matches!(flow.step, Step::Done { .. }) {
        // A resubmitted form after success: show the finished page, change nothing.
        return Ok(see_other("/reset"));
    }
    if form.confirm.as_ref().is_some_and(|c| *c != form.password)
        && matches!(flow.step, Step::NewPassword)
    {
        return render_error(
            &flow,
            StatusCode::UNPROCESSABLE_ENTITY,
            "password",
            "password-mismatch",
            &[],
            None,
        );
    }
    let revoke = form.revoke.is_some() && s.settings.security.revoke_sessions;
    let password = Zeroizing::new(form.password.clone());
    match s.reset.set_password(&id, password, revoke, &ctx).await {
        Ok(SetOutcome::Done { messages: out }) => {
            let to = message_language(&t, &lang, &flow);
            messages::send_all(&s, &t, &ctx, to, out);
            Ok(see_other("/reset"))
        }
        Ok(SetOutcome::Helpdesk(_)) => Ok(see_other("/reset")),
        Ok(SetOutcome::Rejected(verdict)) => {
            let flow = s.reset.load(&id).await.map_err(WebError::from)?;
            render_error(
                &flow,
                StatusCode::UNPROCESSABLE_ENTITY,
                "password",
                "password-rejected",
                &[],
                Some(verdict),
            )
        }
        Ok(SetOutcome::TryAgain { retry_after_secs }) => {
            let flow = s.reset.load(&id).await.map_err(WebError::from)?;
            render_error(
                &flow,
                StatusCode::SERVICE_UNAVAILABLE,
                "password",
                "password-busy",
                &[("seconds", Arg::from(retry_after_secs))],
                None,
            )
        }
        Err(FlowError::Step(StepError::Closed)) => Ok(see_other("/reset")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct UnlockForm {
    #[serde(default)]
    csrf: String,
}

impl CsrfForm for UnlockForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// "Unlock my account": a verified synced user who knows their password but is locked out
/// of AD.
#[post("/reset/unlock")]
pub async fn unlock(
    s: web::Data<Services>,
    step: StepRequest<UnlockForm>,
) -> Result<HttpResponse, WebError> {
    match s.reset.unlock(&step.flow_id, &step.ctx).await? {
        SetOutcome::Done { .. } | SetOutcome::Helpdesk(_) => Ok(see_other("/reset")),
        SetOutcome::TryAgain { .. } => Err(WebError::Unavailable(
            "the domain controllers did not answer".into(),
        )),
        SetOutcome::Rejected(_) => Err(WebError::OutOfOrder),
    }
}
