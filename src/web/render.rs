//! Templates: embedded at build time, rendered with Tera.

use std::{path::Path, sync::Arc};

use rust_embed::RustEmbed;
use serde::Serialize;

use super::error::WebError;
use crate::i18n::{self, Arg, Catalogs};

#[derive(RustEmbed)]
#[folder = "templates/"]
struct Embedded;

/// All templates, parsed once at start-up, with the catalogs their `t()` calls read.
pub struct Templates {
    tera: tera::Tera,
    catalogs: Arc<Catalogs>,
}

impl Templates {
    /// The embedded templates in English by default, without overrides (tools and tests).
    pub fn load() -> Result<Self, String> {
        let catalogs = Catalogs::load(i18n::LANGUAGES[0].code).map_err(|e| e.to_string())?;
        Self::with(Arc::new(catalogs), None)
    }

    /// The embedded templates, where a file of the same name in `overrides` (branding's
    /// `templates_dir`) replaces one. Every override must parse, and may only replace a
    /// template that exists, so a typo in a file name is an error, not a silent no-op.
    pub fn with(catalogs: Arc<Catalogs>, overrides: Option<&Path>) -> Result<Self, String> {
        let mut files: Vec<(String, String)> = Vec::new();
        for name in Embedded::iter() {
            let Some(file) = Embedded::get(&name) else {
                continue;
            };
            let text = String::from_utf8(file.data.into_owned())
                .map_err(|_| format!("template {name} is not UTF-8"))?;
            files.push((name.to_string(), text));
        }
        if let Some(dir) = overrides {
            for (name, text) in read_overrides(dir)? {
                match files.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => {
                        return Err(format!(
                            "{}: {name} does not replace any template (see docs/branding.md for the names)",
                            dir.display()
                        ));
                    }
                }
            }
        }
        let mut tera = tera::Tera::new();
        let for_t = catalogs.clone();
        tera.register_function("t", move |kwargs: tera::Kwargs, state: &tera::State| {
            translate(&for_t, &kwargs, state)
        });
        tera.add_raw_templates(files)
            .map_err(|e| format!("templates: {}", chain(&e)))?;
        Ok(Self { tera, catalogs })
    }

    pub fn catalogs(&self) -> &Catalogs {
        &self.catalogs
    }

    pub fn render(&self, name: &str, ctx: &impl Serialize) -> Result<String, WebError> {
        let ctx = tera::Context::from_serialize(ctx).map_err(WebError::internal)?;
        self.tera.render(name, &ctx).map_err(|e| {
            // Tera errors nest their cause; log the chain, show nothing of it.
            WebError::Internal(format!("rendering {name}: {}", chain(&e)))
        })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    pub fn names(&self) -> Vec<String> {
        self.tera.get_template_names().map(str::to_string).collect()
    }
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

/// Template files under `dir`, named by their path relative to it (`reset/done.html`).
fn read_overrides(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| format!("templates_dir {}: {e}", d.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("templates_dir {}: {e}", d.display()))?
                .path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(rel) = path.strip_prefix(dir) else {
                continue;
            };
            // Editor and OS leftovers (.DS_Store, .swp, backup~) are not templates.
            let file = path
                .file_name()
                .map(|f| f.to_string_lossy())
                .unwrap_or_default();
            if file.starts_with('.') || file.ends_with('~') {
                continue;
            }
            let name = rel.to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("template {}: {e}", path.display()))?;
            out.push((name, text));
        }
    }
    Ok(out)
}

/// `{{ t(key="code-wrong", remaining=2) }}`: the message in the page's `lang`.
fn translate(
    catalogs: &Catalogs,
    kwargs: &tera::Kwargs,
    state: &tera::State,
) -> tera::TeraResult<String> {
    let key: String = kwargs.must_get("key")?;
    // A mistyped id fails the render (and the tests that render every template) instead of
    // showing the id to someone.
    if !catalogs.has(&key) {
        return Err(tera::Error::message(format!(
            "no message {key:?} in the catalogs"
        )));
    }
    let code: Option<String> = state.get("lang")?;
    let lang = code
        .as_deref()
        .and_then(i18n::find)
        .unwrap_or_else(|| catalogs.default_language());
    let mut args: Vec<(&str, Arg)> = Vec::new();
    for (name, value) in kwargs.iter() {
        let Some(name) = name.as_str() else { continue };
        if name == "key" {
            continue;
        }
        let arg = match (value.as_i64(), value.as_str()) {
            (Some(n), _) => Arg::Number(n),
            (None, Some(s)) => Arg::Text(s.to_string()),
            _ => Arg::Text(value.to_string()),
        };
        args.push((name, arg));
    }
    Ok(catalogs.text(lang, &key, &args))
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A minimal page for failures, independent of the template engine (and so of the
/// request's language): used only when the full error page cannot be rendered.
pub fn error_page(title: &str, text: &str, back: &str, code_line: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><link rel=\"stylesheet\" href=\"/static/css/rekey.css\"></head>\
<body><main class=\"page\"><h1>{title}</h1><p>{text}</p>\
<p><a class=\"button\" href=\"/\">{back}</a></p><p class=\"muted\">{code_line}</p></main></body></html>",
        title = escape(title),
        text = escape(text),
        back = escape(back),
        code_line = escape(code_line),
    )
}
