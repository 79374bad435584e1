//! HTTP: the route table, middleware, and rendering. Handlers extract, call the flow,
//! and render; they hold no business rules.

pub mod assets;
pub mod body_deadline;
pub mod brand;
pub mod device;
pub mod error;
pub mod guide;
pub mod health;
pub mod lang;
pub mod messages;
pub mod pages;
pub mod reminder_mail;
pub mod render;
pub mod reset;
pub mod session;

use std::net::TcpListener;

use actix_session::{
    SessionMiddleware, config::CookieContentSecurity, storage::CookieSessionStore,
};
use actix_web::{
    App, HttpServer,
    body::MessageBody,
    cookie::{Key, SameSite},
    dev::{Server, ServiceRequest, ServiceResponse},
    middleware::{self, DefaultHeaders, Next},
    web,
};
use serde::Serialize;

use crate::app::Services;

pub use render::Templates;

/// What every page shows: language, organisation, branding and helpdesk.
#[derive(Serialize)]
pub struct PageContext<'a> {
    pub lang: &'static str,
    pub dir: &'static str,
    pub languages: Vec<lang::SwitcherEntry>,
    /// Where the language switcher's links go: a GET page showing the same step.
    pub here: &'a str,
    pub org_name: &'a str,
    pub logo: bool,
    pub brand_css: bool,
    pub helpdesk_email: Option<&'a str>,
    pub helpdesk_phone: Option<&'a str>,
    pub helpdesk_url: Option<&'a str>,
    pub notice: Option<&'a str>,
    pub demo: bool,
}

impl<'a> PageContext<'a> {
    pub fn new(s: &'a Services, lang: &lang::Lang, here: &'a str) -> Self {
        let b = &s.settings.branding;
        Self {
            lang: lang.code(),
            dir: lang.language.dir(),
            languages: lang::switcher(lang.language),
            here,
            org_name: &b.org_name,
            logo: b.logo.is_some(),
            brand_css: b.primary_color.is_some(),
            helpdesk_email: b.helpdesk_email.as_deref(),
            helpdesk_phone: b.helpdesk_phone.as_deref(),
            helpdesk_url: b.helpdesk_url.as_ref().map(url::Url::as_str),
            notice: b.notice.as_deref(),
            demo: s.settings.server.demo_mode,
        }
    }
}

/// The security headers of DESIGN.md on every response.
fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        ))
}

/// Logs one line per request with a correlation id, which the response carries too.
async fn request_log(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = uuid::Uuid::now_v7().to_string();
    let method = req.method().clone();
    let path = req.path().to_string();
    let started = std::time::Instant::now();
    let span = tracing::info_span!("http", correlation_id = %id);
    req.extensions_mut().insert(CorrelationId(id.clone()));
    let mut res = {
        let _e = span.enter();
        next.call(req)
    }
    .await?;
    let _e = span.enter();
    tracing::info!(
        %method, %path, status = res.status().as_u16(),
        ms = started.elapsed().as_millis() as u64, "request"
    );
    if let Ok(v) = actix_web::http::header::HeaderValue::from_str(&id) {
        res.headers_mut().insert(
            actix_web::http::header::HeaderName::from_static("x-request-id"),
            v,
        );
    }
    Ok(res)
}

/// Session keys for cookie rotation: the current one and the one being retired.
#[derive(Clone)]
struct SessionKeys {
    name: &'static str,
    current: Key,
    previous: Option<Key>,
}

/// During a key rotation, a session cookie made with the previous key is decrypted and
/// re-encrypted with the current one before the session layer reads it, so nobody loses a
/// reset in progress. The session layer then sets a cookie under the current key.
async fn rotate_session_cookie(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    use actix_web::cookie::{Cookie, CookieJar};
    let keys = req.app_data::<web::Data<SessionKeys>>().cloned();
    if let Some(keys) = keys
        && let Some(previous) = &keys.previous
        && let Some(header) = req
            .headers()
            .get(actix_web::http::header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    {
        let mut changed = false;
        let rewritten: Vec<String> = header
            .split(';')
            .map(|part| {
                let Ok(c) = Cookie::parse_encoded(part.trim().to_string()) else {
                    return part.trim().to_string();
                };
                if c.name() != keys.name {
                    return part.trim().to_string();
                }
                let jar = CookieJar::new();
                if jar.private(&keys.current).decrypt(c.clone()).is_some() {
                    return part.trim().to_string();
                }
                let Some(plain) = jar.private(previous).decrypt(c) else {
                    return part.trim().to_string();
                };
                let mut fresh = CookieJar::new();
                fresh.private_mut(&keys.current).add(plain);
                match fresh.get(keys.name) {
                    Some(enc) => {
                        changed = true;
                        enc.encoded().stripped().to_string()
                    }
                    None => part.trim().to_string(),
                }
            })
            .collect();
        if changed
            && let Ok(v) = actix_web::http::header::HeaderValue::from_str(&rewritten.join("; "))
        {
            req.headers_mut().insert(actix_web::http::header::COOKIE, v);
        }
    }
    next.call(req).await
}

/// The id tying a request's log lines and audit events together.
#[derive(Clone, Debug)]
pub struct CorrelationId(pub String);

use actix_web::HttpMessage;

/// Builds the portal server on `listener`. The caller runs (awaits or spawns) it.
pub fn build(services: Services, listener: TcpListener) -> std::io::Result<Server> {
    let catalogs = crate::i18n::Catalogs::load(&services.settings.branding.default_language)
        .map_err(std::io::Error::other)?;
    let templates = Templates::with(
        std::sync::Arc::new(catalogs),
        services.settings.branding.templates_dir.as_deref(),
    )
    .map_err(std::io::Error::other)?;
    let brand = web::Data::new(
        brand::Brand::load(&services.settings.branding).map_err(std::io::Error::other)?,
    );
    let key = Key::try_from(services.keys.session_key.as_slice())
        .map_err(|e| std::io::Error::other(format!("session key: {e}")))?;
    let previous = match &services.keys.session_key_previous {
        Some(k) => Some(
            Key::try_from(k.as_slice())
                .map_err(|e| std::io::Error::other(format!("previous session key: {e}")))?,
        ),
        None => None,
    };
    let secure = services.settings.server.secure_cookies();
    let session_keys = web::Data::new(SessionKeys {
        name: if secure { "__Host-rekey" } else { "rekey" },
        current: key.clone(),
        previous,
    });
    let body_limit = services.settings.server.max_body_bytes;
    let body_timeout = web::Data::new(body_deadline::BodyTimeout(std::time::Duration::from_secs(
        services.settings.server.body_timeout_secs.max(1),
    )));
    // Browsers that reached the portal over HTTPS once must never be talked into plain HTTP.
    let hsts = services.settings.server.public_url.scheme() == "https";
    let services = web::Data::new(services);
    let templates = web::Data::new(templates);
    let server = HttpServer::new(move || {
        let sessions = SessionMiddleware::builder(CookieSessionStore::default(), key.clone())
            .cookie_name(session_keys.name.into())
            .cookie_secure(secure)
            .cookie_http_only(true)
            .cookie_same_site(SameSite::Strict)
            .cookie_content_security(CookieContentSecurity::Private)
            .build();
        App::new()
            .app_data(services.clone())
            .app_data(templates.clone())
            .app_data(session_keys.clone())
            .app_data(brand.clone())
            .app_data(body_timeout.clone())
            // Malformed or oversized bodies get the same pages (and JSON) as other failures,
            // not the framework's plain-text English.
            .app_data(
                web::FormConfig::default()
                    .limit(body_limit)
                    .error_handler(|e, _| {
                        tracing::info!(error = %crate::telemetry::Chain(&e), "form refused");
                        error::WebError::BadRequest("unreadable form").into()
                    }),
            )
            .app_data(
                web::JsonConfig::default()
                    .limit(body_limit)
                    .error_handler(|e, _| {
                        tracing::info!(error = %crate::telemetry::Chain(&e), "JSON refused");
                        error::ApiError(error::WebError::BadRequest("unreadable JSON")).into()
                    }),
            )
            .app_data(web::PayloadConfig::new(body_limit))
            .wrap(middleware::from_fn(error::error_pages))
            .wrap(sessions)
            .wrap(middleware::from_fn(rotate_session_cookie))
            .wrap(security_headers())
            .wrap(middleware::Compress::default())
            .wrap(middleware::Condition::new(
                hsts,
                DefaultHeaders::new().add(("Strict-Transport-Security", "max-age=63072000")),
            ))
            .wrap(middleware::from_fn(body_deadline::body_deadline))
            .wrap(middleware::from_fn(request_log))
            .service(health::healthz)
            .service(health::readyz)
            .service(brand::brand_css)
            .service(brand::logo)
            .service(assets::static_file)
            .service(reset::home)
            .service(reset::start)
            .service(reset::show)
            .service(reset::send)
            .service(reset::code)
            .service(reset::password)
            .service(reset::unlock)
            .service(reset::guide_page)
            .service(reset::devices)
            .service(reset::cloud_sync)
            .service(reset::check_password)
            .service(pages::outbox)
            .default_service(web::to(|| async {
                Err::<actix_web::HttpResponse, _>(error::WebError::NotFound)
            }))
    })
    .listen(listener)?
    .shutdown_timeout(10)
    .run();
    Ok(server)
}
