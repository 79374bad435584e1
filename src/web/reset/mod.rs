//! The reset pages: one file per page, and here what they share — the page's view model,
//! the mapping of flow failures to pages, and [`StepRequest`], the opening every step
//! handler has (CSRF check, the session's flow, who is asking).

mod api;
mod begin;
mod done;
mod new_password;
mod verify;

use std::future::Future;
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload, http::StatusCode, web};
use serde::{Serialize, de::DeserializeOwned};

pub use self::{
    api::{check_password, cloud_sync},
    begin::{home, show, start},
    done::{devices, guide_page},
    new_password::{password, unlock},
    verify::{code, send},
};
use super::{PageContext, device, error::WebError, guide, lang::Lang, render::Templates, session};
use crate::{
    app::Services,
    flow::{Flow, HelpdeskReason, MethodKind, RequestCtx, Step, service::FlowError},
    i18n::{Arg, Catalogs, Language},
    policy::Verdict,
    telemetry::Chain,
};

/// A form that carries the session's CSRF token.
pub(super) trait CsrfForm {
    fn csrf(&self) -> &str;
}

/// What every step handler starts with: the form, CSRF-checked against the session, the
/// session's flow id (or the expired page), and the request's context for limits and audit.
pub(super) struct StepRequest<F> {
    pub form: F,
    pub flow_id: String,
    pub ctx: RequestCtx,
}

impl<F: DeserializeOwned + CsrfForm + 'static> FromRequest for StepRequest<F> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = web::Form::<F>::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let form = form.await?.into_inner();
            let session = req.get_session();
            session::check_csrf(&session, form.csrf())?;
            let flow_id = session::flow_id(&session).ok_or(WebError::Expired)?;
            let services = req
                .app_data::<web::Data<Services>>()
                .ok_or_else(|| WebError::internal("services missing"))?;
            let ctx = session::request_ctx(&req, services);
            Ok(Self { form, flow_id, ctx })
        })
    }
}

#[derive(Serialize, Default)]
pub(super) struct MethodView {
    id: String,
    kind: &'static str,
    masked: String,
}

#[derive(Serialize)]
pub(super) struct FieldError {
    pub(super) field: &'static str,
    pub(super) message: String,
}

#[derive(Serialize)]
pub(super) struct ResetPage<'a> {
    #[serde(flatten)]
    pub(super) page: PageContext<'a>,
    pub(super) csrf: String,
    pub(super) step: u8,
    pub(super) total: u8,
    pub(super) errors: Vec<FieldError>,
    pub(super) methods: Vec<MethodView>,
    pub(super) pending: Option<MethodView>,
    pub(super) code_length: u8,
    pub(super) policy_rules: Vec<String>,
    pub(super) min_length: usize,
    pub(super) verdict: Option<Verdict>,
    pub(super) reason: Option<&'static str>,
    pub(super) reason_id: Option<&'static str>,
    pub(super) places: Vec<&'static guide::Place>,
    pub(super) username: String,
    pub(super) retry_after: Option<u64>,
    pub(super) until: Option<String>,
    pub(super) username_value: String,
    /// The password was written to on-premises AD and reaches the cloud with the next sync.
    pub(super) synced: bool,
    /// A verified synced user may unlock instead of choosing a password.
    pub(super) may_unlock: bool,
    /// Whether the password written to AD has reached the cloud (`CloudSync::as_str`).
    pub(super) cloud_sync: &'static str,
}

pub(super) fn view(m: &crate::flow::Method) -> MethodView {
    MethodView {
        id: m.id.clone(),
        kind: match m.kind {
            MethodKind::Email => "email",
            MethodKind::Sms => "sms",
        },
        masked: m.masked.clone(),
    }
}

impl<'a> ResetPage<'a> {
    pub(super) fn new(
        s: &'a Services,
        t: &Templates,
        lang: &Lang,
        here: &'a str,
        csrf: String,
    ) -> Self {
        let catalogs = t.catalogs();
        Self {
            page: PageContext::new(s, lang, here),
            csrf,
            step: 1,
            total: 2 + s.settings.tenant.required_methods,
            errors: Vec::new(),
            methods: Vec::new(),
            pending: None,
            code_length: s.settings.security.code_length,
            policy_rules: s
                .reset
                .policy
                .rules()
                .iter()
                .map(|m| catalogs.msg(lang.language, m))
                .collect(),
            min_length: s.reset.policy.settings().min_length,
            verdict: None,
            reason: None,
            reason_id: None,
            places: Vec::new(),
            username: String::new(),
            retry_after: None,
            until: None,
            username_value: String::new(),
            synced: false,
            may_unlock: false,
            cloud_sync: crate::flow::CloudSync::NotWaiting.as_str(),
        }
    }

    pub(super) fn for_flow(
        s: &'a Services,
        t: &Templates,
        lang: &mut Lang,
        csrf: String,
        flow: &Flow,
    ) -> Self {
        // Before a code is accepted the page must not reflect the account in any way.
        if flow.is_verified() {
            lang.prefer(t.catalogs(), flow.preferred_language());
        }
        let mut p = Self::new(s, t, lang, "/reset", csrf);
        if flow.on_premises_rules.is_some() {
            let catalogs = t.catalogs();
            p.policy_rules = s
                .reset
                .rules_shown(flow)
                .iter()
                .map(|m| catalogs.msg(lang.language, m))
                .collect();
            p.min_length = s.reset.min_length(flow);
        }
        let (step, total) = flow.progress();
        p.step = step;
        p.total = total;
        p.methods = flow.remaining_methods().into_iter().map(view).collect();
        p.pending = flow
            .pending_method()
            .and_then(|id| flow.method(id))
            .map(view);
        p.username = flow.shown_name().to_string();
        p.synced = flow.is_verified() && flow.user.as_ref().is_some_and(|u| u.synced);
        p.may_unlock = flow.may_unlock();
        if let Step::Helpdesk { reason } = flow.step {
            p.reason = Some(reason.as_str());
            p.reason_id = Some(reason_id(reason));
        }
        p
    }
}

pub(super) fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(body)
}

pub(super) fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", to))
        .insert_header(("Cache-Control", "no-store"))
        .finish()
}

/// The template for a flow's current step.
pub(super) fn template_for(flow: &Flow) -> &'static str {
    match flow.step {
        Step::ChooseMethod => "reset/methods.html",
        Step::EnterCode { .. } => "reset/code.html",
        Step::NewPassword | Step::Setting { .. } => "reset/password.html",
        Step::Helpdesk { .. } => "reset/helpdesk.html",
        Step::Done { .. } => "reset/done.html",
        Step::Unlocked { .. } => "reset/unlocked.html",
    }
}

/// The language of messages to the account: its Entra `preferredLanguage` unless the person
/// chose one. Messages reach only the account's owner, so this tells a stranger nothing.
pub(super) fn message_language(t: &Templates, lang: &Lang, flow: &Flow) -> &'static Language {
    let mut for_messages = *lang;
    for_messages.prefer(t.catalogs(), flow.preferred_language());
    for_messages.language
}

pub(super) fn platform(req: &HttpRequest) -> device::Platform {
    let h = |n: &str| req.headers().get(n).and_then(|v| v.to_str().ok());
    device::detect(h("user-agent"), h("sec-ch-ua-platform"))
}

/// The page for a flow failure no handler deals with itself. Every variant is named, so a
/// new one does not compile until someone decides its page.
impl From<FlowError> for WebError {
    fn from(e: FlowError) -> Self {
        match e {
            FlowError::TooMany { retry_after_secs } => {
                WebError::TooManyRequests { retry_after_secs }
            }
            // The code and send handlers show the locked page; elsewhere, a plain 429.
            FlowError::Locked { .. } => WebError::TooManyRequests {
                retry_after_secs: 60,
            },
            FlowError::Expired => WebError::Expired,
            FlowError::Step(_) | FlowError::Conflict => WebError::OutOfOrder,
            // Only the code step can produce these, and it shows them on the code page.
            FlowError::WrongCode { .. } | FlowError::CodeExpired => {
                WebError::BadRequest("wrong or expired code")
            }
            FlowError::Directory(d) if d.is_transient() => WebError::Unavailable(d.to_string()),
            FlowError::Directory(d) => WebError::Internal(d.to_string()),
            FlowError::Store(e) => WebError::Unavailable(Chain(&e).to_string()),
            FlowError::Unreadable(e) => WebError::Internal(Chain(&e).to_string()),
            FlowError::Internal(e) => WebError::Internal(e),
        }
    }
}

/// A field's problem, in the page's language.
pub(super) fn field_error(
    t: &Templates,
    lang: &Language,
    field: &'static str,
    id: &str,
    args: &[(&str, Arg)],
) -> FieldError {
    FieldError {
        field,
        message: t.catalogs().text(lang, id, args),
    }
}

/// Puts the policy's reasons into `lang`; the verdict carries ids and variables.
pub fn localize_verdict(catalogs: &Catalogs, lang: &Language, v: &mut Verdict) {
    for f in &mut v.failed {
        f.message = catalogs.text(lang, f.message_id, &f.args);
    }
    for h in &mut v.suggestions {
        h.message = catalogs.text(lang, h.message_id, &[]);
    }
}

pub(super) async fn current_flow(s: &Services, session: &Session) -> Result<Flow, WebError> {
    let id = session::flow_id(session).ok_or(WebError::Expired)?;
    s.reset.load(&id).await.map_err(WebError::from)
}

pub(super) fn locked_page(
    s: &Services,
    t: &Templates,
    lang: &Lang,
    session: &Session,
    until: chrono::DateTime<chrono::Utc>,
) -> Result<HttpResponse, WebError> {
    let mut page = ResetPage::new(s, t, lang, "/", session::csrf_token(session, s)?);
    page.until = Some(until.format("%H:%M UTC").to_string());
    page.reason = Some("locked");
    Ok(html(
        StatusCode::TOO_MANY_REQUESTS,
        t.render("reset/locked.html", &page)?,
    ))
}

/// The message explaining a helpdesk reason.
pub fn reason_id(r: HelpdeskReason) -> &'static str {
    match r {
        HelpdeskReason::Disabled => "reason-disabled",
        HelpdeskReason::SyncedFromOnPremises => "reason-synced",
        HelpdeskReason::Privileged => "reason-privileged",
        HelpdeskReason::Federated => "reason-federated",
        HelpdeskReason::NotEnoughMethods => "reason-not-enough-methods",
        // The page also shows the reason's code, which tells the helpdesk which case it is.
        HelpdeskReason::OnPremisesNoMatch | HelpdeskReason::OnPremisesSeveralMatches => {
            "reason-synced"
        }
    }
}
