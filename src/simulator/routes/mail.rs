//! `/users/{id}/sendMail`: mail kept for the tests and the demo outbox.

use super::*;

pub(super) fn send_mail(
    key: &str,
    body: &[u8],
    caller: &Caller,
    state: &SimState,
    ids: &Ids,
) -> Reply {
    need(caller, &["Mail.Send"], ids)?;
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find(key) else {
        return Err(wire::graph_error(
            404,
            "ErrorInvalidUser",
            &format!("The requested user '{key}' is invalid."),
            ids,
        ));
    };
    if !u.mailbox {
        return Err(wire::graph_error(
            404,
            "MailboxNotEnabledForRESTAPI",
            "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
            ids,
        ));
    }
    let v: Value = serde_json::from_slice(body).unwrap_or_default();
    let m = &v["message"];
    let to: Vec<String> = m["toRecipients"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r["emailAddress"]["address"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if to.is_empty() || !m["body"]["content"].is_string() {
        return Err(wire::graph_error(
            400,
            "ErrorInvalidRecipients",
            "At least one recipient is not valid., Recipient is not valid.",
            ids,
        ));
    }
    let from = u.upn.clone();
    drop(dir);
    state
        .0
        .mail
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(SentMail {
            from,
            to,
            subject: m["subject"].as_str().unwrap_or("").into(),
            content_type: m["body"]["contentType"].as_str().unwrap_or("Text").into(),
            body: m["body"]["content"].as_str().unwrap_or("").into(),
        });
    state.0.mail_sent.notify_waiters();
    Ok(wire::empty(202, ids))
}
