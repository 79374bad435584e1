//! Graph and identity-platform error envelopes, mapped to [`DirectoryError`].

use serde::Deserialize;

use crate::ports::directory::{DirectoryError, DirectoryErrorKind as K, RequestIds};

/// `{"error": {"code", "message", "innerError": {...}}}` (GRAPH.md §9.1).
#[derive(Debug, Deserialize, Default)]
pub struct GraphEnvelope {
    #[serde(default)]
    pub error: GraphErrorBody,
}

#[derive(Debug, Deserialize, Default)]
pub struct GraphErrorBody {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default, alias = "innererror")]
    #[serde(rename = "innerError")]
    pub inner: Option<InnerError>,
}

#[derive(Debug, Deserialize, Default)]
pub struct InnerError {
    #[serde(rename = "request-id")]
    pub request_id: Option<String>,
    #[serde(rename = "client-request-id")]
    pub client_request_id: Option<String>,
}

/// The token endpoint's envelope (GRAPH.md §1.5).
#[derive(Debug, Deserialize, Default)]
pub struct AadEnvelope {
    #[serde(default)]
    pub error: String,
    #[serde(default)]
    pub error_description: String,
    #[serde(default)]
    pub error_codes: Vec<i64>,
    pub correlation_id: Option<String>,
    pub trace_id: Option<String>,
}

/// What the request was, so one status can mean different things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Read,
    SetPassword,
    Revoke,
    SendMail,
    SignIns,
}

/// Maps a Graph error response to a typed error. Branches on status and `code`, and on
/// message text only where Graph gives no other signal (synced, complexity).
pub fn from_graph(status: u16, body: &[u8], op: Operation, ids: RequestIds) -> DirectoryError {
    let env: GraphEnvelope = serde_json::from_slice(body).unwrap_or_default();
    let e = env.error;
    let ids = RequestIds {
        request_id: ids
            .request_id
            .or_else(|| e.inner.as_ref().and_then(|i| i.request_id.clone())),
        client_request_id: ids
            .client_request_id
            .or_else(|| e.inner.as_ref().and_then(|i| i.client_request_id.clone())),
    };
    let msg = e.message.to_ascii_lowercase();
    let kind = match (status, e.code.as_str()) {
        (404, "MailboxNotEnabledForRESTAPI") => K::MissingPermission,
        (404, _) => K::NotFound,
        (403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant") => K::FeatureUnavailable,
        (403, _) if op == Operation::SetPassword => K::Privileged,
        (403, _) | (401, _) => K::MissingPermission,
        (400, _) if msg.contains("on-premises mastered") || msg.contains("directory sync") => {
            K::OnPremisesSynced
        }
        (400, _) if msg.contains("federated") => K::Federated,
        (400, _) if op == Operation::SetPassword && msg.contains("password") => K::PasswordRejected,
        (429, _) => K::Throttled,
        (500 | 502 | 503 | 504, _) => K::Unavailable,
        _ => K::Protocol,
    };
    let detail = if e.code.is_empty() {
        format!("HTTP {status}")
    } else {
        format!("HTTP {status} {}: {}", e.code, e.message)
    };
    DirectoryError::new(kind, detail).with_ids(ids)
}

/// Maps a token-endpoint failure, keyed on the numeric AADSTS codes as Microsoft advises.
pub fn from_token(status: u16, body: &[u8], ids: RequestIds) -> DirectoryError {
    let env: AadEnvelope = serde_json::from_slice(body).unwrap_or_default();
    let has = |c: i64| env.error_codes.contains(&c);
    let (kind, hint) = if has(7000215) {
        (
            K::BadCredentials,
            "the client secret is wrong: use the secret's Value (not its ID) from Certificates & secrets",
        )
    } else if has(7000222) {
        (
            K::BadCredentials,
            "the client secret has expired: create a new one under Certificates & secrets",
        )
    } else if has(700027) || has(700024) {
        (
            K::BadCredentials,
            "the certificate assertion was refused: upload the certificate to the app registration",
        )
    } else if has(700016) || has(700011) {
        (
            K::UnknownTenantOrApp,
            "no application with this client ID in the tenant: check tenant.client_id and tenant.tenant_id",
        )
    } else if has(90002) {
        (
            K::UnknownTenantOrApp,
            "tenant not found: check tenant.tenant_id and tenant.authority_host (national cloud?)",
        )
    } else if has(90055) || has(50196) || status == 429 {
        (K::Throttled, "the token endpoint is throttling requests")
    } else if status >= 500 || env.error == "temporarily_unavailable" {
        (K::Unavailable, "the identity platform is unavailable")
    } else {
        (K::Protocol, "the token request was refused")
    };
    let first_line = env.error_description.lines().next().unwrap_or("").trim();
    let detail = if first_line.is_empty() {
        format!("HTTP {status}: {hint}")
    } else {
        format!("{first_line} — {hint}")
    };
    let ids = RequestIds {
        request_id: ids.request_id.or(env.trace_id),
        client_request_id: ids.client_request_id.or(env.correlation_id),
    };
    let mut err = DirectoryError::new(kind, detail).with_ids(ids);
    err.aadsts = env.error_codes;
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synced_and_complexity_rejections_are_told_apart() {
        let synced = br#"{"error":{"code":"Request_BadRequest","message":"Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration."}}"#;
        let weak = br#"{"error":{"code":"Request_BadRequest","message":"The specified password does not comply with password complexity requirements. Please provide a different password."}}"#;
        let ids = RequestIds::default();
        assert_eq!(
            from_graph(400, synced, Operation::SetPassword, ids.clone()).kind,
            K::OnPremisesSynced
        );
        assert_eq!(
            from_graph(400, weak, Operation::SetPassword, ids.clone()).kind,
            K::PasswordRejected
        );
        assert_eq!(
            from_graph(403, b"{}", Operation::SetPassword, ids.clone()).kind,
            K::Privileged
        );
        assert_eq!(
            from_graph(403, b"{}", Operation::Read, ids).kind,
            K::MissingPermission
        );
    }

    #[test]
    fn request_ids_fall_back_to_the_inner_error() {
        let body = br#"{"error":{"code":"Request_ResourceNotFound","message":"x","innerError":{"date":"2023-02-14T11:10:50","request-id":"r1","client-request-id":"c1"}}}"#;
        let e = from_graph(404, body, Operation::Read, RequestIds::default());
        assert_eq!(e.kind, K::NotFound);
        assert_eq!(e.ids.request_id.as_deref(), Some("r1"));
        assert_eq!(e.ids.client_request_id.as_deref(), Some("c1"));
    }

    #[test]
    fn wrong_secret_names_the_code_and_the_fix() {
        let body = br#"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: t\r\nCorrelation ID: c","error_codes":[7000215]}"#;
        let e = from_token(401, body, RequestIds::default());
        assert_eq!(e.kind, K::BadCredentials);
        assert!(e.detail.contains("AADSTS7000215"));
        assert!(e.detail.contains("Value (not its ID)"));
        assert_eq!(e.aadsts, vec![7000215]);
    }
}
