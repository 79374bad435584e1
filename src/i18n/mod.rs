//! Localization: one Fluent catalog per language for every page, email and text message,
//! embedded at build time, and the choice of a language for a request or a recipient.
//!
//! Catalogs are checked when they load: each has exactly the English message ids, uses the
//! same variables, and parses without error. A broken catalog stops start-up instead of
//! showing a message id to someone who is locked out.

mod negotiate;

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::LazyLock,
};

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use fluent_syntax::ast;

pub use negotiate::accept_language;

/// A language Rekey speaks.
#[derive(Debug)]
pub struct Language {
    /// BCP 47 tag, as in `lang` attributes and `?lang=`.
    pub code: &'static str,
    /// The language's own name for itself, for the switcher.
    pub name: &'static str,
    pub rtl: bool,
    /// `chrono` format for dates in emails (month names would need chrono's locale data).
    pub date_format: &'static str,
    source: &'static str,
}

impl Language {
    pub fn dir(&self) -> &'static str {
        if self.rtl { "rtl" } else { "ltr" }
    }
}

macro_rules! language {
    ($code:literal, $name:literal, $rtl:literal, $date:literal) => {
        Language {
            code: $code,
            name: $name,
            rtl: $rtl,
            date_format: $date,
            source: include_str!(concat!("../../locales/", $code, "/rekey.ftl")),
        }
    };
}

/// Every language, English first: it is the reference and the last fallback.
pub static LANGUAGES: &[Language] = &[
    language!("en", "English", false, "%-d %B %Y"),
    language!("de", "Deutsch", false, "%d.%m.%Y"),
    language!("fr", "Français", false, "%d/%m/%Y"),
    language!("es", "Español", false, "%d/%m/%Y"),
    language!("pt-BR", "Português (Brasil)", false, "%d/%m/%Y"),
    language!("ja", "日本語", false, "%Y年%-m月%-d日"),
    language!("pl", "Polski", false, "%d.%m.%Y"),
    language!("ar", "العربية", true, "%d/%m/%Y"),
];

/// A value for a message variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Number(i64),
    Text(String),
    /// A list, joined with the language's list separator.
    Terms(Vec<Term>),
}

/// One item of a list argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    /// A message id, translated.
    Id(&'static str),
    /// Shown as it is (a character the user typed, say).
    Literal(String),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i64, u64, u32, u16, u8, usize);

/// A message to be shown later in whatever language the reader needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locales/{lang}/rekey.ftl: {problem}")]
    Catalog { lang: &'static str, problem: String },
    #[error("unknown language {0:?}; Rekey speaks {1}")]
    UnknownLanguage(String, String),
}

/// All catalogs, parsed once. Shared by every request (the bundles are `Sync`).
pub struct Catalogs {
    bundles: Vec<FluentBundle<FluentResource>>,
    default: &'static Language,
}

impl std::fmt::Debug for Catalogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogs")
            .field("default", &self.default.code)
            .finish_non_exhaustive()
    }
}

impl Catalogs {
    /// Parses and checks every catalog; `default` is the language for people and
    /// recipients whose own language Rekey does not speak.
    pub fn load(default: &str) -> Result<Self, I18nError> {
        let default = find(default)
            .ok_or_else(|| I18nError::UnknownLanguage(default.to_string(), codes().join(", ")))?;
        let mut reference: Option<BTreeMap<String, BTreeSet<String>>> = None;
        let mut bundles = Vec::with_capacity(LANGUAGES.len());
        for lang in LANGUAGES {
            let bad = |problem: String| I18nError::Catalog {
                lang: lang.code,
                problem,
            };
            let resource = FluentResource::try_new(lang.source.to_string())
                .map_err(|(_, errors)| bad(format!("syntax: {errors:?}")))?;
            let shape = shape(&resource).map_err(bad)?;
            match &reference {
                None => reference = Some(shape),
                Some(en) => compare(en, &shape).map_err(bad)?,
            }
            let id = lang
                .code
                .parse()
                .map_err(|e| bad(format!("language tag: {e}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // In right-to-left text a Latin or numeric value (a masked phone number, an
            // address) must be isolated or it is shown scrambled; in left-to-right text the
            // marks (U+2068/U+2069) would only be noise in emails and SMS.
            bundle.set_use_isolating(lang.rtl);
            bundle
                .add_resource(resource)
                .map_err(|e| bad(format!("{e:?}")))?;
            bundles.push(bundle);
        }
        Ok(Self { bundles, default })
    }

    pub fn default_language(&self) -> &'static Language {
        self.default
    }

    /// The first of `wanted` (best first) that Rekey speaks, by exact tag or by primary
    /// language (`de-AT` → `de`, `pt` → `pt-BR`).
    pub fn negotiate<'a>(
        &self,
        wanted: impl IntoIterator<Item = &'a str>,
    ) -> Option<&'static Language> {
        negotiate::best(wanted)
    }

    /// The message in `lang`, falling back to English for a missing id (which the load
    /// check makes impossible for the embedded catalogs) and to the id itself last.
    pub fn text(&self, lang: &Language, id: &str, args: &[(&str, Arg)]) -> String {
        // `branding.org_name` left empty: the messages name "your organisation" in the
        // reader's language, and the signature is the IT team's.
        let unnamed_org = args
            .iter()
            .any(|(name, value)| *name == "org" && matches!(value, Arg::Text(t) if t.is_empty()));
        if unnamed_org {
            if id == "mail-signature" {
                return self.text(lang, "mail-signature-unnamed", &[]);
            }
            let org = self.text(lang, "org-unnamed", &[]);
            let args: Vec<(&str, Arg)> = args
                .iter()
                .map(|(name, value)| match *name {
                    "org" => (*name, Arg::Text(org.clone())),
                    _ => (*name, value.clone()),
                })
                .collect();
            return self.text(lang, id, &args);
        }
        let bundle = self.bundle(lang);
        let english = &self.bundles[0];
        let (bundle, message) = match bundle.get_message(id) {
            Some(m) => (bundle, m),
            None => match english.get_message(id) {
                Some(m) => (english, m),
                None => {
                    tracing::warn!(id, "no such message");
                    return id.to_string();
                }
            },
        };
        let Some(pattern) = message.value() else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Terms(ids) => FluentValue::from(self.list(lang, ids)),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(
                id,
                lang = lang.code,
                ?errors,
                "message formatted with errors"
            );
        }
        out.into_owned()
    }

    /// Whether the reference catalog (and so, after the load check, every one) has `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundles[0].has_message(id)
    }

    pub fn msg(&self, lang: &Language, m: &Msg) -> String {
        self.text(lang, m.id, &m.args)
    }

    fn list(&self, lang: &Language, terms: &[Term]) -> String {
        let sep = self.text(lang, "list-separator", &[]);
        terms
            .iter()
            .map(|t| match t {
                Term::Id(id) => self.text(lang, id, &[]),
                Term::Literal(s) => s.clone(),
            })
            .collect::<Vec<_>>()
            .join(&sep)
    }

    fn bundle(&self, lang: &Language) -> &FluentBundle<FluentResource> {
        let i = LANGUAGES
            .iter()
            .position(|l| l.code == lang.code)
            .unwrap_or(0);
        &self.bundles[i]
    }

    /// Every message id with the variables it uses (the English catalog's), for tests.
    pub fn reference_ids() -> Vec<(String, Vec<String>)> {
        let Ok(resource) = FluentResource::try_new(LANGUAGES[0].source.to_string()) else {
            return Vec::new();
        };
        shape(&resource)
            .unwrap_or_default()
            .into_iter()
            .map(|(id, vars)| (id, vars.into_iter().collect()))
            .collect()
    }
}

/// The catalogs with English as the default, parsed on first use.
static ENGLISH: LazyLock<Option<Catalogs>> = LazyLock::new(|| Catalogs::load("en").ok());

/// A message in English: for the command line, for the policy's own `message` fields, and
/// for responses made without a request at hand. The id itself if the catalogs are broken
/// (which the load check and the tests rule out for the embedded ones).
pub fn english(id: &str, args: &[(&str, Arg)]) -> String {
    match ENGLISH.as_ref() {
        Some(c) => c.text(c.default_language(), id, args),
        None => id.to_string(),
    }
}

/// A language by its exact tag, ignoring case.
pub fn find(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code.eq_ignore_ascii_case(code))
}

fn codes() -> Vec<&'static str> {
    LANGUAGES.iter().map(|l| l.code).collect()
}

/// Message ids and the variables each one uses; junk and duplicates are errors.
fn shape(resource: &FluentResource) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                } else {
                    return Err(format!("{} has no value", m.id.name));
                }
                if out.insert(m.id.name.to_string(), vars).is_some() {
                    return Err(format!("{} is defined twice", m.id.name));
                }
            }
            ast::Entry::Junk { content } => {
                return Err(format!("cannot parse: {}", content.trim()));
            }
            _ => {}
        }
    }
    Ok(out)
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// A translation must have the reference's ids and variables, no more, no fewer.
fn compare(
    en: &BTreeMap<String, BTreeSet<String>>,
    other: &BTreeMap<String, BTreeSet<String>>,
) -> Result<(), String> {
    let mut problems = Vec::new();
    for (id, vars) in en {
        match other.get(id) {
            None => problems.push(format!("missing {id}")),
            Some(v) if v != vars => problems.push(format!(
                "{id} uses {{{}}} instead of {{{}}}",
                v.iter().cloned().collect::<Vec<_>>().join(", "),
                vars.iter().cloned().collect::<Vec<_>>().join(", ")
            )),
            Some(_) => {}
        }
    }
    for id in other.keys().filter(|id| !en.contains_key(*id)) {
        problems.push(format!("unknown id {id}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        let c = Catalogs::load("en").expect("catalogs");
        let en = find("en").expect("en");
        let one = c.text(en, "code-wrong", &[("remaining", Arg::Number(1))]);
        let two = c.text(en, "code-wrong", &[("remaining", Arg::Number(2))]);
        assert!(one.contains("1 try left"), "{one}");
        assert!(two.contains("2 tries left"), "{two}");
    }

    #[test]
    fn terms_are_translated_and_joined() {
        let c = Catalogs::load("en").expect("catalogs");
        let en = find("en").expect("en");
        let s = c.text(
            en,
            "policy-classes",
            &[
                ("need", Arg::Number(1)),
                (
                    "missing",
                    Arg::Terms(vec![Term::Id("class-digits"), Term::Id("class-symbols")]),
                ),
            ],
        );
        assert!(s.ends_with("Add 1 more of: digits, symbols."), "{s}");
    }

    #[test]
    fn a_translation_with_a_missing_id_or_variable_is_refused() {
        let en = shape(&FluentResource::try_new("a = A { $x }\nb = B\n".into()).expect("ftl"))
            .expect("shape");
        let missing =
            shape(&FluentResource::try_new("a = A { $x }\n".into()).expect("ftl")).expect("shape");
        let wrong_var =
            shape(&FluentResource::try_new("a = A { $y }\nb = B\n".into()).expect("ftl"))
                .expect("shape");
        assert!(compare(&en, &missing).is_err_and(|e| e.contains("missing b")));
        assert!(compare(&en, &wrong_var).is_err_and(|e| e.contains("a uses {y}")));
        assert!(compare(&en, &en).is_ok());
    }

    #[test]
    fn an_unknown_default_language_is_a_clear_error() {
        let e = Catalogs::load("xx").expect_err("xx");
        assert!(e.to_string().contains("Rekey speaks en, de"), "{e}");
    }
}
