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

pub fn clear_flow(session: &Session) {
    session.remove(FLOW);
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

/// What per-address limits count: an IPv4 address, or the /64 an IPv6 address is in (one
/// subscriber or host usually holds a whole /64, and could otherwise rotate through it).
pub fn limit_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

pub fn request_ctx(req: &HttpRequest, services: &Services) -> RequestCtx {
    let addr = client_addr(req, services);
    RequestCtx {
        client_addr: addr.map(|ip| ip.to_string()),
        limit_addr: addr.map(limit_key),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:1:2:3".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(limit_key(a), limit_key(b), "one /64, one budget");
        assert_ne!(limit_key(a), limit_key(c));
        assert_eq!(limit_key(a), "2001:db8:1:2::/64");
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(limit_key(v4), "192.0.2.7");
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(limit_key(mapped), "192.0.2.7");
    }
}
