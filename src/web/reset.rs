//! The reset pages. Each handler checks CSRF, calls the flow service, queues what it
//! says to send, and redirects (303) or renders the step's page.

use std::time::{Duration, Instant};

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, post, web};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{
    PageContext, device, error::WebError, guide, lang::Lang, messages, render::Templates, session,
};
use crate::{
    app::Services,
    flow::{Flow, HelpdeskReason, MethodKind, SetOutcome, Step, service::FlowError},
    i18n::{Arg, Catalogs, Language},
    policy::Verdict,
};

#[derive(Serialize, Default)]
struct MethodView {
    id: String,
    kind: &'static str,
    masked: String,
}

#[derive(Serialize)]
struct FieldError {
    field: &'static str,
    message: String,
}

#[derive(Serialize)]
struct ResetPage<'a> {
    #[serde(flatten)]
    page: PageContext<'a>,
    csrf: String,
    step: u8,
    total: u8,
    errors: Vec<FieldError>,
    methods: Vec<MethodView>,
    pending: Option<MethodView>,
    code_length: u8,
    policy_rules: Vec<String>,
    min_length: usize,
    verdict: Option<Verdict>,
    reason: Option<&'static str>,
    reason_id: Option<&'static str>,
    places: Vec<&'static guide::Place>,
    username: String,
    retry_after: Option<u64>,
    until: Option<String>,
    username_value: String,
}

fn view(m: &crate::flow::Method) -> MethodView {
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
    fn new(s: &'a Services, t: &Templates, lang: &Lang, here: &'a str, csrf: String) -> Self {
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
        }
    }

    fn for_flow(
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
        let (step, total) = flow.progress();
        p.step = step;
        p.total = total;
        p.methods = flow.remaining_methods().into_iter().map(view).collect();
        p.pending = flow
            .pending_method()
            .and_then(|id| flow.method(id))
            .map(view);
        p.username = flow.shown_name().to_string();
        if let Step::Helpdesk { reason } = flow.step {
            p.reason = Some(reason.as_str());
            p.reason_id = Some(reason_id(reason));
        }
        p
    }
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(body)
}

fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", to))
        .insert_header(("Cache-Control", "no-store"))
        .finish()
}

/// The template for a flow's current step.
fn template_for(flow: &Flow) -> &'static str {
    match flow.step {
        Step::ChooseMethod => "reset/methods.html",
        Step::EnterCode { .. } => "reset/code.html",
        Step::NewPassword | Step::Setting { .. } => "reset/password.html",
        Step::Helpdesk { .. } => "reset/helpdesk.html",
        Step::Done { .. } => "reset/done.html",
    }
}

/// The language of messages to the account: its Entra `preferredLanguage` unless the person
/// chose one. Messages reach only the account's owner, so this tells a stranger nothing.
fn message_language(t: &Templates, lang: &Lang, flow: &Flow) -> &'static Language {
    let mut for_messages = *lang;
    for_messages.prefer(t.catalogs(), flow.preferred_language());
    for_messages.language
}

fn platform(req: &HttpRequest) -> device::Platform {
    let h = |n: &str| req.headers().get(n).and_then(|v| v.to_str().ok());
    device::detect(h("user-agent"), h("sec-ch-ua-platform"))
}

/// Maps flow failures that are not a step's own business to a page.
fn flow_error(e: FlowError) -> WebError {
    match e {
        FlowError::TooMany { retry_after_secs } => WebError::TooManyRequests { retry_after_secs },
        FlowError::Expired => WebError::Expired,
        FlowError::Step(_) => WebError::OutOfOrder,
        FlowError::Conflict => WebError::OutOfOrder,
        FlowError::Directory(d) if d.is_transient() => WebError::Unavailable(d.to_string()),
        FlowError::Store(e) => WebError::Unavailable(e.to_string()),
        other => WebError::Internal(other.to_string()),
    }
}

/// A field's problem, in the page's language.
fn field_error(
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
    let flow = result.map_err(flow_error)?;
    session::set_flow(&session, &flow.id)?;
    Ok(see_other("/reset"))
}

async fn current_flow(s: &Services, session: &Session) -> Result<Flow, WebError> {
    let id = session::flow_id(session).ok_or(WebError::Expired)?;
    s.reset.load(&id).await.map_err(flow_error)
}

#[get("/reset")]
pub async fn show(
    req: HttpRequest,
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
) -> Result<HttpResponse, WebError> {
    let flow = current_flow(&s, &session).await?;
    let csrf = session::csrf_token(&session, &s)?;
    let mut page = ResetPage::for_flow(&s, &t, &mut lang, csrf, &flow);
    if matches!(flow.step, Step::Done { .. }) {
        page.places = guide::ordered(platform(&req));
    }
    Ok(html(StatusCode::OK, t.render(template_for(&flow), &page)?))
}

#[derive(Deserialize)]
pub struct SendForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    method: String,
}

#[post("/reset/send")]
pub async fn send(
    req: HttpRequest,
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
    form: web::Form<SendForm>,
) -> Result<HttpResponse, WebError> {
    session::check_csrf(&session, &form.csrf)?;
    let id = session::flow_id(&session).ok_or(WebError::Expired)?;
    let ctx = session::request_ctx(&req, &s);
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
        Err(e) => Err(flow_error(e)),
    }
}

fn locked_page(
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

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
}

#[post("/reset/code")]
pub async fn code(
    req: HttpRequest,
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, WebError> {
    session::check_csrf(&session, &form.csrf)?;
    let id = session::flow_id(&session).ok_or(WebError::Expired)?;
    let ctx = session::request_ctx(&req, &s);
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
            Err(e) => return Err(flow_error(e)),
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

#[post("/reset/password")]
pub async fn password(
    req: HttpRequest,
    s: web::Data<Services>,
    t: web::Data<Templates>,
    mut lang: Lang,
    session: Session,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, WebError> {
    session::check_csrf(&session, &form.csrf)?;
    let id = session::flow_id(&session).ok_or(WebError::Expired)?;
    let ctx = session::request_ctx(&req, &s);
    let flow = s.reset.load(&id).await.map_err(flow_error)?;
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
            let flow = s.reset.load(&id).await.map_err(flow_error)?;
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
            let flow = s.reset.load(&id).await.map_err(flow_error)?;
            render_error(
                &flow,
                StatusCode::SERVICE_UNAVAILABLE,
                "password",
                "password-busy",
                &[("seconds", Arg::from(retry_after_secs))],
                None,
            )
        }
        Err(FlowError::Step(crate::flow::StepError::Closed)) => Ok(see_other("/reset")),
        Err(e) => Err(flow_error(e)),
    }
}

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
) -> Result<HttpResponse, super::error::ApiError> {
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
    s.reset.meter_check(&flow).await.map_err(flow_error)?;
    let candidate = Zeroizing::new(body.password.chars().take(1024).collect::<String>());
    lang.prefer(t.catalogs(), flow.preferred_language());
    let mut verdict = s.reset.evaluate_live(&flow, candidate).await;
    localize_verdict(t.catalogs(), lang.language, &mut verdict);
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(verdict))
}

/// The message explaining a helpdesk reason.
pub fn reason_id(r: HelpdeskReason) -> &'static str {
    match r {
        HelpdeskReason::Disabled => "reason-disabled",
        HelpdeskReason::SyncedFromOnPremises => "reason-synced",
        HelpdeskReason::Privileged => "reason-privileged",
        HelpdeskReason::Federated => "reason-federated",
        HelpdeskReason::NotEnoughMethods => "reason-not-enough-methods",
    }
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
    let (Step::Done { at }, Some(user)) = (&flow.step, &flow.user) else {
        return Err(WebError::OutOfOrder);
    };
    let (devices, status) = match s.directory.sign_ins(&user.id, *at).await {
        Ok(events) => (
            crate::signins::stale_sources(&events, *at)
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
            tracing::warn!(error = %e, "sign-in logs unavailable");
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
