//! Embedded CSS, JavaScript and images, served with an ETag from their content hash.

use actix_web::{HttpResponse, get, http::header, web};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "static/"]
struct Static;

/// Embedded CSS, JS and images, with an ETag from their content hash.
#[get("/static/{path:.*}")]
pub async fn static_file(path: web::Path<String>, req: actix_web::HttpRequest) -> HttpResponse {
    let Some(file) = Static::get(&path) else {
        return HttpResponse::NotFound().finish();
    };
    let etag = format!(
        "\"{}\"",
        crate::random::hex(&file.metadata.sha256_hash()[..12])
    );
    if req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == etag)
    {
        return HttpResponse::NotModified().finish();
    }
    HttpResponse::Ok()
        .content_type(file.metadata.mimetype())
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(file.data.into_owned())
}
