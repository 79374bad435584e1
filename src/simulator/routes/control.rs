//! `/_sim/`: the controls tests and the demo use (faults, latency, state).

use super::*;

pub(super) fn control(method: &str, rest: &str, body: &[u8], state: &SimState) -> HttpResponse {
    match (method, rest) {
        ("POST", "faults") => {
            let rule = serde_json::from_slice::<crate::simulator::faults::FaultSpec>(body)
                .map_err(|e| e.to_string())
                .and_then(crate::simulator::FaultRule::try_from);
            match rule {
                Ok(rule) => {
                    state.faults().add(rule);
                    HttpResponse::NoContent().finish()
                }
                Err(e) => HttpResponse::BadRequest().json(json!({"error": e})),
            }
        }
        ("POST", "latency") => {
            let ms = serde_json::from_slice::<Value>(body).ok().and_then(|v| v["ms"].as_u64()).unwrap_or(0);
            state.faults().set_latency(Duration::from_millis(ms));
            HttpResponse::NoContent().finish()
        }
        ("DELETE", "faults") => {
            state.faults().clear();
            HttpResponse::NoContent().finish()
        }
        ("GET", "mail") => HttpResponse::Ok().json(
            state
                .sent_mail()
                .iter()
                .map(|m| json!({"from": m.from, "to": m.to, "subject": m.subject, "contentType": m.content_type, "body": m.body}))
                .collect::<Vec<_>>(),
        ),
        ("POST", "revoke-tokens") => {
            state.revoke_all_tokens();
            HttpResponse::NoContent().finish()
        }
        ("GET", r) if r.starts_with("users/") => match state.user(&decode(&r[6..])) {
            Some(u) => HttpResponse::Ok().json(json!({"id": u.id, "userPrincipalName": u.upn, "lastPasswordChangeDateTime": u.last_password_change, "sessionsRevokedAt": u.sessions_revoked_at, "accountEnabled": u.account_enabled})),
            None => HttpResponse::NotFound().finish(),
        },
        _ => HttpResponse::NotFound().finish(),
    }
}
