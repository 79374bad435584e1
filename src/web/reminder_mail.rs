//! Reminder emails, in the user's language where we have it.

use std::sync::Arc;

use chrono_tz::Tz;
use serde::Serialize;

use super::render::Templates;
use crate::{
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
    display_name: Option<&'a str>,
    upn: &'a str,
    expires: String,
    days_left: i64,
    expired: bool,
    portal_url: &'a str,
    org_name: &'a str,
}

impl TemplateComposer {
    /// `de-DE` → `de` when a German template exists, else the default language.
    pub fn language(&self, preferred: Option<&str>) -> String {
        let primary = preferred
            .and_then(|p| p.split(['-', '_']).next())
            .map(str::to_ascii_lowercase);
        match primary {
            Some(l) if self.templates.contains(&format!("email/reminder/{l}.txt")) => l,
            _ => self.default_language.clone(),
        }
    }
}

fn subject(lang: &str, f: &ReminderFacts) -> String {
    match (lang, f.expired) {
        ("de", true) => "Ihr Kennwort ist abgelaufen".into(),
        ("de", false) if f.days_left == 1 => "Ihr Kennwort läuft morgen ab".into(),
        ("de", false) => format!("Ihr Kennwort läuft in {} Tagen ab", f.days_left),
        (_, true) => "Your password has expired".into(),
        (_, false) if f.days_left == 1 => "Your password expires tomorrow".into(),
        (_, false) => format!("Your password expires in {} days", f.days_left),
    }
}

fn date(lang: &str, t: chrono::DateTime<chrono_tz::Tz>) -> String {
    match lang {
        "de" => t.format("%d.%m.%Y").to_string(),
        _ => t.format("%-d %B %Y").to_string(),
    }
}

impl ReminderComposer for TemplateComposer {
    fn compose(&self, f: &ReminderFacts) -> Result<Message, String> {
        let lang = self.language(f.language.as_deref());
        let ctx = Ctx {
            display_name: f.display_name.as_deref(),
            upn: &f.upn,
            expires: date(&lang, f.expires.with_timezone(&self.time_zone)),
            days_left: f.days_left.max(0),
            expired: f.expired,
            portal_url: &self.portal_url,
            org_name: &self.org_name,
        };
        let text = self
            .templates
            .render(&format!("email/reminder/{lang}.txt"), &ctx)
            .map_err(|e| e.to_string())?;
        let html = self
            .templates
            .render(&format!("email/reminder/{lang}.html"), &ctx)
            .map_err(|e| e.to_string())?;
        Ok(Message::Email {
            to: f.to.clone(),
            subject: subject(&lang, f),
            text,
            html: Some(html),
        })
    }
}
