//! Reminder emails, in the user's language where we have it.

use std::sync::Arc;

use chrono_tz::Tz;
use serde::Serialize;

use super::render::Templates;
use crate::{
    i18n::{self, Arg, Language},
    ports::Message,
    reminders::pass::{ReminderComposer, ReminderFacts},
};

pub struct TemplateComposer {
    pub templates: Arc<Templates>,
    pub org_name: String,
    pub portal_url: String,
    pub time_zone: Tz,
    pub default_language: String,
}

#[derive(Serialize)]
struct Ctx<'a> {
    lang: &'static str,
    dir: &'static str,
    display_name: Option<&'a str>,
    upn: &'a str,
    expires: String,
    days_left: i64,
    expired: bool,
    portal_url: &'a str,
    org_name: &'a str,
}

impl TemplateComposer {
    /// The recipient's Entra `preferredLanguage` when Rekey speaks it (`de-DE` → `de`),
    /// else the configured default.
    pub fn language(&self, preferred: Option<&str>) -> &'static Language {
        let catalogs = self.templates.catalogs();
        preferred
            .and_then(|p| catalogs.negotiate([p]))
            .or_else(|| i18n::find(&self.default_language))
            .unwrap_or_else(|| catalogs.default_language())
    }
}

impl ReminderComposer for TemplateComposer {
    fn compose(&self, f: &ReminderFacts) -> Result<Message, String> {
        let lang = self.language(f.language.as_deref());
        let days_left = f.days_left.max(0);
        let ctx = Ctx {
            lang: lang.code,
            dir: lang.dir(),
            display_name: f.display_name.as_deref(),
            upn: &f.upn,
            expires: f
                .expires
                .with_timezone(&self.time_zone)
                .format(lang.date_format)
                .to_string(),
            days_left,
            expired: f.expired,
            portal_url: &self.portal_url,
            org_name: &self.org_name,
        };
        let text = self
            .templates
            .render("email/reminder.txt", &ctx)
            .map_err(|e| e.to_string())?;
        let html = self
            .templates
            .render("email/reminder.html", &ctx)
            .map_err(|e| e.to_string())?;
        let catalogs = self.templates.catalogs();
        let subject = if f.expired {
            catalogs.text(lang, "mail-reminder-subject-expired", &[])
        } else {
            catalogs.text(
                lang,
                "mail-reminder-subject",
                &[("days", Arg::from(days_left))],
            )
        };
        Ok(Message::Email {
            to: f.to.clone(),
            subject,
            text,
            html: Some(html),
        })
    }
}
