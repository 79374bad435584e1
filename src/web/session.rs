//! Per-request context: the session's flow id and CSRF token, the client address (from
//! `X-Forwarded-For` only behind a trusted proxy), and the correlation id.

use std::net::IpAddr;

use actix_session::Session;
use actix_web::{HttpMessage, HttpRequest};

use super::{CorrelationId, error::WebError};
use crate::{app::Services, flow::RequestCtx};

const FLOW: &str = "flow";
const CSRF: &str = "csrf";

/// The CSRF token of this session, created on first use.
pub fn csrf_token(session: &Session, services: &Services) -> Result<String, WebError> {
    if let Ok(Some(t)) = session.get::<String>(CSRF) {
        return Ok(t);
    }
    let t = services.rng.token_hex(32);
    session.insert(CSRF, &t).map_err(WebError::internal)?;
    Ok(t)
}

/// Refuses a form whose token does not match the session's (constant-time compare).
pub fn check_csrf(session: &Session, submitted: &str) -> Result<(), WebError> {
    let expected = session
        .get::<String>(CSRF)
        .ok()
        .flatten()
        .ok_or(WebError::Forbidden("no CSRF token in session"))?;
    let (a, b) = (expected.as_bytes(), submitted.as_bytes());
    let same = a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0;
    if same {
        Ok(())
    } else {
        Err(WebError::Forbidden("CSRF token mismatch"))
    }
}

/// A new CSRF token for this session, at a privilege step.
pub fn renew_csrf(session: &Session, services: &Services) -> Result<String, WebError> {
    let t = services.rng.token_hex(32);
    session.insert(CSRF, &t).map_err(WebError::internal)?;
    Ok(t)
}

pub fn flow_id(session: &Session) -> Option<String> {
    session.get::<String>(FLOW).ok().flatten()
}

pub fn set_flow(session: &Session, id: &str) -> Result<(), WebError> {
    session.insert(FLOW, id).map_err(WebError::internal)
}

/// The address to rate-limit and audit.
pub fn client_addr(req: &HttpRequest, services: &Services) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    let proxies = &services.settings.server.trusted_proxies;
    if !proxies.iter().any(|p| p.contains(&peer)) {
        return Some(peer);
    }
    // Walk X-Forwarded-For from the right, skipping our own proxies.
    let xff = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    xff.split(',')
        .rev()
        .filter_map(|s| s.trim().parse::<IpAddr>().ok())
        .find(|ip| !proxies.iter().any(|p| p.contains(ip)))
        .or(Some(peer))
}

pub fn request_ctx(req: &HttpRequest, services: &Services) -> RequestCtx {
    RequestCtx {
        client_addr: client_addr(req, services).map(|ip| ip.to_string()),
        user_agent: req
            .headers()
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        correlation_id: req
            .extensions()
            .get::<CorrelationId>()
            .map(|c| c.0.clone())
            .unwrap_or_default(),
    }
}
