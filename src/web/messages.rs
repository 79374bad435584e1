//! Renders what the flow wants sent into messages, and queues them.

use serde::Serialize;

use super::{device::Platform, guide, render::Templates};
use crate::{
    app::Services,
    flow::{MethodKind, Outgoing, RequestCtx},
    i18n::{Arg, Language},
    ports::Message,
};

#[derive(Serialize)]
struct MailCtx<'a> {
    lang: &'static str,
    dir: &'static str,
    org_name: &'a str,
    helpdesk: Option<String>,
    account: &'a str,
    client_addr: Option<&'a str>,
    at: String,
    code: Option<&'a str>,
    ttl_minutes: i64,
    display_name: Option<&'a str>,
    until: Option<String>,
    places: Vec<&'static guide::Place>,
    guide_url: String,
}

fn helpdesk(s: &Services) -> Option<String> {
    let b = &s.settings.branding;
    let parts: Vec<String> = [b.helpdesk_phone.clone(), b.helpdesk_email.clone()]
        .into_iter()
        .flatten()
        .chain(b.helpdesk_url.iter().map(|u| u.to_string()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Renders each message in `lang` (the language of the page the person is on) and queues
/// it. Failures are logged; the flow has already moved on.
pub fn send_all(
    s: &Services,
    t: &Templates,
    ctx: &RequestCtx,
    lang: &Language,
    outgoing: Vec<Outgoing>,
) {
    let catalogs = t.catalogs();
    let words = |id: &str, args: &[(&str, Arg)]| catalogs.text(lang, id, args);
    let at = s.clock.now().format("%Y-%m-%d %H:%M UTC").to_string();
    let guide_url = s
        .settings
        .server
        .public_url
        .join("reset/guide")
        .map(|u| u.to_string())
        .unwrap_or_default();
    for o in outgoing {
        let mut c = MailCtx {
            lang: lang.code,
            dir: lang.dir(),
            org_name: &s.settings.branding.org_name,
            helpdesk: helpdesk(s),
            account: "",
            client_addr: ctx.client_addr.as_deref(),
            at: at.clone(),
            code: None,
            ttl_minutes: 0,
            display_name: None,
            until: None,
            places: Vec::new(),
            guide_url: guide_url.clone(),
        };
        let rendered: Result<Vec<Message>, super::error::WebError> = match &o {
            Outgoing::Code {
                kind,
                to,
                code,
                account,
                ttl_minutes,
            } => {
                c.account = account;
                c.code = Some(code.as_str());
                c.ttl_minutes = *ttl_minutes;
                match kind {
                    MethodKind::Email => (|| {
                        Ok(vec![Message::Email {
                            to: to.clone(),
                            subject: words("mail-code-subject", &[("org", c.org_name.into())]),
                            text: t.render("email/code.txt", &c)?,
                            html: Some(t.render("email/code.html", &c)?),
                        }])
                    })(),
                    MethodKind::Sms => t.render("sms/code.txt", &c).map(|text| {
                        vec![Message::Sms {
                            to: to.clone(),
                            text: text.trim().to_string(),
                        }]
                    }),
                }
            }
            Outgoing::Locked { to, account, until } => {
                c.account = account;
                c.until = Some(until.format("%Y-%m-%d %H:%M UTC").to_string());
                t.render("email/locked.txt", &c).map(|text| {
                    vec![Message::Email {
                        to: to.clone(),
                        subject: words(
                            "mail-locked-subject",
                            &[("account", account.as_str().into())],
                        ),
                        text,
                        html: None,
                    }]
                })
            }
            Outgoing::Changed {
                to,
                account,
                display_name,
                ..
            } => {
                c.account = account;
                c.display_name = display_name.as_deref();
                c.places = guide::ordered(Platform::Other);
                (|| {
                    let text = t.render("email/changed.txt", &c)?;
                    let html = t.render("email/changed.html", &c)?;
                    let mut all: Vec<String> = to.clone();
                    if let Some(h) = &s.settings.email.helpdesk_copy_to {
                        all.push(h.clone());
                    }
                    Ok(all
                        .into_iter()
                        .map(|addr| Message::Email {
                            to: addr,
                            subject: words("mail-changed-subject", &[("org", c.org_name.into())]),
                            text: text.clone(),
                            html: Some(html.clone()),
                        })
                        .collect())
                })()
            }
        };
        match rendered {
            Ok(msgs) => {
                for m in msgs {
                    s.outbox.enqueue(m);
                }
            }
            Err(e) => tracing::error!(error = %crate::telemetry::Chain(&e), "message not rendered"),
        }
    }
}
