//! The organisation's logo and colour, read once at start-up. The colour arrives as a
//! stylesheet of its own because the CSP allows no inline style.

use actix_web::{HttpResponse, get, http::header, web};
use bytes::Bytes;

use crate::settings::{BrandingSettings, validate::parse_hex_color};

/// Bytes, so each response shares them instead of copying.
pub struct Brand {
    logo: Option<(&'static str, Bytes)>,
    css: Bytes,
}

impl Brand {
    pub fn load(b: &BrandingSettings) -> Result<Self, String> {
        let logo_file = match &b.logo {
            None => None,
            Some(path) => {
                let bytes = std::fs::read(path)
                    .map_err(|e| format!("branding.logo {}: {e}", path.display()))?;
                let ext = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase);
                let mime = match ext.as_deref() {
                    Some("svg") => "image/svg+xml",
                    Some("jpg" | "jpeg") => "image/jpeg",
                    Some("webp") => "image/webp",
                    _ => "image/png",
                };
                Some((mime, Bytes::from(bytes)))
            }
        };
        let css = match b.primary_color.as_deref().and_then(parse_hex_color) {
            // The brand colour carries white text and links on the light background, where
            // the start-up check proved its contrast. Dark mode keeps its own light accent,
            // which a dark brand colour could not replace, and shows the brand in the header.
            Some([r, g, b]) => format!(
                ":root {{ --brand: #{r:02x}{g:02x}{b:02x}; }}\n\
                 .brand {{ border-top: 6px solid var(--brand); }}\n\
                 @media (prefers-color-scheme: light), (prefers-color-scheme: no-preference) {{\n\
                 \x20 :root {{ --accent: var(--brand); --accent-fg: #ffffff; }}\n}}\n"
            ),
            None => String::new(),
        };
        Ok(Self {
            logo: logo_file,
            css: Bytes::from(css),
        })
    }
}

#[get("/brand/style.css")]
pub async fn brand_css(brand: web::Data<Brand>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(brand.css.clone())
}

#[get("/brand/logo")]
pub async fn logo(brand: web::Data<Brand>) -> HttpResponse {
    match &brand.logo {
        Some((mime, bytes)) => HttpResponse::Ok()
            .content_type(*mime)
            // An SVG opened on its own must not run script either.
            .insert_header((
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'",
            ))
            .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
            .body(bytes.clone()),
        None => HttpResponse::NotFound().finish(),
    }
}
