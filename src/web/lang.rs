//! The language of a request: a choice made with the switcher (`?lang=`, then kept in the
//! session) wins; then the browser's `Accept-Language`; then, once the account is known, the
//! user's Entra `preferredLanguage`; then the configured default.
//!
//! The browser outranks `preferredLanguage` on pages so the language does not change under
//! someone's feet after they type their name; emails, which have no browser, use it.

use std::future::{Ready, ready};

use actix_session::SessionExt;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use serde::Serialize;

use super::render::Templates;
use crate::i18n::{self, Catalogs, Language};

const SESSION_KEY: &str = "lang";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Chosen,
    Browser,
    Default,
}

/// The request's language. Extracting it records a `?lang=` choice in the session.
#[derive(Clone, Copy, Debug)]
pub struct Lang {
    pub language: &'static Language,
    source: Source,
}

impl Lang {
    pub fn of(req: &HttpRequest) -> Self {
        let catalogs = req.app_data::<web::Data<Templates>>().map(|t| t.catalogs());
        let default = catalogs.map_or(&i18n::LANGUAGES[0], Catalogs::default_language);
        let session = req.get_session();
        let asked = web::Query::<LangQuery>::from_query(req.query_string())
            .ok()
            .and_then(|q| q.lang.as_deref().and_then(i18n::find));
        if let Some(language) = asked {
            // A full session store failure only costs remembering the choice.
            let _ = session.insert(SESSION_KEY, language.code);
            return Self {
                language,
                source: Source::Chosen,
            };
        }
        if let Some(language) = session
            .get::<String>(SESSION_KEY)
            .ok()
            .flatten()
            .as_deref()
            .and_then(i18n::find)
        {
            return Self {
                language,
                source: Source::Chosen,
            };
        }
        let header = req
            .headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if let Some(language) = catalogs.and_then(|c| c.negotiate(i18n::accept_language(header))) {
            return Self {
                language,
                source: Source::Browser,
            };
        }
        Self {
            language: default,
            source: Source::Default,
        }
    }

    /// Uses the account's `preferredLanguage` when neither the person nor the browser chose.
    pub fn prefer(&mut self, catalogs: &Catalogs, preferred: Option<&str>) {
        if self.source == Source::Default
            && let Some(language) = preferred.and_then(|p| catalogs.negotiate([p]))
        {
            self.language = language;
        }
    }

    pub fn code(&self) -> &'static str {
        self.language.code
    }
}

#[derive(serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

impl FromRequest for Lang {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self::of(req)))
    }
}

/// One entry of the language switcher.
#[derive(Serialize)]
pub struct SwitcherEntry {
    pub code: &'static str,
    pub name: &'static str,
    pub dir: &'static str,
    pub current: bool,
}

pub fn switcher(current: &Language) -> Vec<SwitcherEntry> {
    i18n::LANGUAGES
        .iter()
        .map(|l| SwitcherEntry {
            code: l.code,
            name: l.name,
            dir: l.dir(),
            current: l.code == current.code,
        })
        .collect()
}
