//! Templates: embedded at build time, rendered with Tera.

use rust_embed::RustEmbed;
use serde::Serialize;

use super::error::WebError;

#[derive(RustEmbed)]
#[folder = "templates/"]
struct Embedded;

/// All templates, parsed once at start-up.
pub struct Templates {
    tera: tera::Tera,
}

impl Templates {
    pub fn load() -> Result<Self, String> {
        let mut tera = tera::Tera::new();
        let mut files = Vec::new();
        for name in Embedded::iter() {
            let Some(file) = Embedded::get(&name) else {
                continue;
            };
            let text = String::from_utf8(file.data.into_owned())
                .map_err(|_| format!("template {name} is not UTF-8"))?;
            files.push((name.to_string(), text));
        }
        tera.add_raw_templates(files)
            .map_err(|e| format!("templates: {e}"))?;
        Ok(Self { tera })
    }

    pub fn render(&self, name: &str, ctx: &impl Serialize) -> Result<String, WebError> {
        let ctx = tera::Context::from_serialize(ctx).map_err(WebError::internal)?;
        self.tera.render(name, &ctx).map_err(|e| {
            // Tera errors nest their cause; log the chain, show nothing of it.
            let mut msg = e.to_string();
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                src = s.source();
            }
            WebError::Internal(format!("rendering {name}: {msg}"))
        })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    pub fn names(&self) -> Vec<String> {
        self.tera.get_template_names().map(str::to_string).collect()
    }
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

/// A minimal page for failures, independent of the template engine.
pub fn error_page(status: u16, title: &str, text: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><link rel=\"stylesheet\" href=\"/static/css/rekey.css\"></head>\
<body><main class=\"page\"><h1>{title}</h1><p>{text}</p>\
<p><a class=\"button\" href=\"/\">Start again</a></p><p class=\"muted\">Error {status}</p></main></body></html>",
        title = escape(title),
        text = escape(text),
    )
}
