//! `/users`: reading, listing (with `$filter`, `$select`, paging), setting passwords with
//! Entra's rules, and revoking sessions.

use super::*;

pub(super) fn get_user(
    key: &str,
    q: &Query,
    caller: &Caller,
    state: &SimState,
    ids: &Ids,
) -> Reply {
    need(caller, READ_USERS, ids)?;
    let sel = select(q, ids)?;
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find(key) else {
        return Err(not_found(key, ids));
    };
    let mut v = u.to_json(sel.as_deref());
    let ctx = match &sel {
        Some(p) => format!(
            "https://graph.microsoft.com/v1.0/$metadata#users({})/$entity",
            p.join(",")
        ),
        None => "https://graph.microsoft.com/v1.0/$metadata#users/$entity".into(),
    };
    if let Value::Object(m) = &mut v {
        m.insert("@odata.context".into(), json!(ctx));
    }
    Ok(wire::ok_json(200, &v, ids))
}

pub(super) fn not_found(key: &str, ids: &Ids) -> HttpResponse {
    wire::graph_error(
        404,
        "Request_ResourceNotFound",
        &format!(
            "Resource '{key}' does not exist or one of its queried reference-property objects are not present."
        ),
        ids,
    )
}

pub(super) fn list_users(
    req: &HttpRequest,
    q: &Query,
    caller: &Caller,
    state: &SimState,
    base: &str,
    ids: &Ids,
) -> Reply {
    need(caller, READ_USERS, ids)?;
    let eventual = req
        .headers()
        .get("consistencylevel")
        .and_then(|v| v.to_str().ok())
        == Some("eventual");
    if q.contains_key("$skip") {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "'$skip' is not supported by the service.",
            ids,
        ));
    }
    if q.contains_key("$search") && !eventual {
        return Err(wire::graph_error(
            400,
            "Request_UnsupportedQuery",
            "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
            ids,
        ));
    }
    if q.contains_key("$orderby") && !eventual {
        return Err(wire::graph_error(
            400,
            "Request_UnsupportedQuery",
            "Unsupported Query.",
            ids,
        ));
    }
    let top = match q.get("$top") {
        None => 100,
        Some(t) => match t.parse::<usize>() {
            Ok(n) if (1..=999).contains(&n) => n,
            _ => {
                return Err(wire::graph_error(
                    400,
                    "Request_BadRequest",
                    &format!(
                        "Invalid page size specified: '{t}'. Must be between 1 and 999 inclusive."
                    ),
                    ids,
                ));
            }
        },
    };
    let sel = select(q, ids)?;
    let expr = match q.get("$filter") {
        None => None,
        Some(f) => {
            let e = filter::parse(f)
                .map_err(|_| wire::graph_error(400, "BadRequest", "Invalid filter clause", ids))?;
            if let Some(p) = e
                .paths()
                .iter()
                .find(|p| p.as_str() == "lastPasswordChangeDateTime")
            {
                return Err(wire::graph_error(
                    400,
                    "Request_UnsupportedQuery",
                    &format!(
                        "Unsupported or invalid query filter clause specified for property '{p}' of resource 'User'."
                    ),
                    ids,
                ));
            }
            if e.is_advanced() && !eventual {
                return Err(wire::graph_error(
                    400,
                    "Request_UnsupportedQuery",
                    "Unsupported Query.",
                    ids,
                ));
            }
            Some(e)
        }
    };
    let offset: usize = q
        .get("$skiptoken")
        .and_then(|t| B64.decode(t).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("sim-offset:").and_then(|n| n.parse().ok()))
        .unwrap_or(0);
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let all: Vec<String> = KNOWN_PROPS.iter().map(|s| s.to_string()).collect();
    let matching: Vec<usize> = match &expr {
        None => (offset..dir.users.len().min(offset + top)).collect(),
        Some(e) => {
            // Indexed equalities (the common lookup) avoid scanning every user.
            let pool: Box<dyn Iterator<Item = usize>> =
                match e.equality_keys().and_then(|k| dir.candidates(&k)) {
                    Some(c) => Box::new(c.into_iter()),
                    None => Box::new(0..dir.users.len()),
                };
            pool.filter(|i| e.matches(&dir.users[*i].to_json(Some(&all))))
                .skip(offset)
                .take(top)
                .collect()
        }
    };
    let total_after = match &expr {
        None => offset + matching.len() < dir.users.len(),
        Some(_) => matching.len() == top,
    };
    let value: Vec<Value> = matching
        .iter()
        .map(|i| dir.users[*i].to_json(sel.as_deref()))
        .collect();
    let ctx = match &sel {
        Some(p) => format!(
            "https://graph.microsoft.com/v1.0/$metadata#users({})",
            p.join(",")
        ),
        None => "https://graph.microsoft.com/v1.0/$metadata#users".into(),
    };
    let mut body = json!({"@odata.context": ctx, "value": value});
    if total_after && !matching.is_empty() {
        let mut next = url::Url::parse(&format!("{base}/v1.0/users"))
            .map_err(|_| wire::graph_error(500, "generalException", "bad base", ids))?;
        {
            let mut qp = next.query_pairs_mut();
            for (k, v) in q.iter().filter(|(k, _)| k.as_str() != "$skiptoken") {
                qp.append_pair(k, v);
            }
            qp.append_pair(
                "$skiptoken",
                &B64.encode(format!("sim-offset:{}", offset + matching.len())),
            );
        }
        body["@odata.nextLink"] = json!(next.to_string());
    }
    Ok(wire::ok_json(200, &body, ids))
}

pub(super) const ALLOWED_SYMBOLS: &str = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();<> ";

/// Entra's cloud password rules (GRAPH.md §4.7) and a tiny banned list scored as Entra does.
pub(super) fn complies(pw: &str, strong: bool) -> bool {
    let n = pw.chars().count();
    if !(8..=256).contains(&n) {
        return false;
    }
    if !pw
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ALLOWED_SYMBOLS.contains(c))
    {
        return false;
    }
    if !strong {
        return true;
    }
    let classes = [
        pw.chars().any(|c| c.is_ascii_lowercase()),
        pw.chars().any(|c| c.is_ascii_uppercase()),
        pw.chars().any(|c| c.is_ascii_digit()),
        pw.chars().any(|c| !c.is_ascii_alphanumeric()),
    ];
    if classes.iter().filter(|c| **c).count() < 3 {
        return false;
    }
    let norm: String = pw
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'l',
            '$' => 's',
            '@' => 'a',
            c => c,
        })
        .collect();
    let mut rest = norm.clone();
    let mut points = 0;
    for banned in ["password", "welcome", "contoso", "letmein", "qwerty"] {
        while let Some(i) = rest.find(banned) {
            points += 1;
            rest.replace_range(i..i + banned.len(), "");
        }
    }
    points == 0 || points + rest.chars().count() >= 5
}

pub(super) fn patch_user(
    key: &str,
    body: &[u8],
    caller: &Caller,
    state: &SimState,
    ids: &Ids,
) -> Reply {
    let v: Value = serde_json::from_slice(body).map_err(|_| {
        wire::graph_error(
            400,
            "BadRequest",
            "Empty Payload. JSON content expected.",
            ids,
        )
    })?;
    let Some(obj) = v.as_object() else {
        return Err(wire::graph_error(
            400,
            "BadRequest",
            "Invalid request body.",
            ids,
        ));
    };
    if let Some(other) = obj.keys().find(|k| k.as_str() != "passwordProfile") {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            &format!("The simulator only updates passwordProfile; '{other}' is not supported."),
            ids,
        ));
    }
    need(
        caller,
        &[
            "User-PasswordProfile.ReadWrite.All",
            "User.ReadWrite.All",
            "Directory.ReadWrite.All",
        ],
        ids,
    )?;
    let profile = &v["passwordProfile"];
    let Some(pw) = profile["password"].as_str() else {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "Invalid value specified for property 'passwordProfile' of resource 'User'.",
            ids,
        ));
    };
    let mut dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find_mut(key) else {
        return Err(not_found(key, ids));
    };
    use crate::simulator::roles::*;
    let can_reset = caller.wids.iter().any(|w| {
        [
            USER_ADMINISTRATOR,
            HELPDESK_ADMINISTRATOR,
            PASSWORD_ADMINISTRATOR,
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
            GLOBAL_ADMINISTRATOR,
        ]
        .contains(&w.as_str())
    });
    let can_reset_admins = caller.wids.iter().any(|w| {
        [
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
            GLOBAL_ADMINISTRATOR,
        ]
        .contains(&w.as_str())
    });
    if !can_reset || (u.is_privileged() && !can_reset_admins) {
        return Err(wire::graph_error(
            403,
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.",
            ids,
        ));
    }
    if u.synced {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.",
            ids,
        ));
    }
    if tenant::domain_of(&u.upn).is_some_and(|d| d.federated) {
        // UNCONFIRMED text: Graph documents that passwordProfile "cannot be used for
        // federated users"; the exact error message is not published.
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "Unable to update the password of a federated user. The password is managed by the federated identity provider.",
            ids,
        ));
    }
    let strong = !u
        .password_policies
        .as_deref()
        .unwrap_or("")
        .contains("DisableStrongPassword");
    if !complies(pw, strong) {
        return Err(wire::graph_error(
            400,
            "Request_BadRequest",
            "The specified password does not comply with password complexity requirements. Please provide a different password.",
            ids,
        ));
    }
    // A disabled account's password can be set; Entra does not refuse it.
    u.password = pw.to_string();
    u.force_change = profile["forceChangePasswordNextSignIn"]
        .as_bool()
        .unwrap_or(false);
    let changed = Utc::now();
    u.last_password_change = changed;
    let (id, upn, name) = (u.id.clone(), u.upn.clone(), u.display_name.clone());
    // Devices that still hold the old password start failing right after the change.
    let mut failures = Vec::new();
    for (app, client, os, device) in crate::simulator::people::stale_devices(&upn) {
        for k in 1..=4 {
            let at = changed + chrono::Duration::seconds(k * 15);
            failures.push(json!({
                "id": uuid::Uuid::new_v4().to_string(),
                "createdDateTime": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "userDisplayName": name, "userPrincipalName": upn, "userId": id,
                "appId": "00000002-0000-0ff1-ce00-000000000000", "appDisplayName": app,
                "ipAddress": "198.51.100.23", "clientAppUsed": client, "isInteractive": false,
                "status": {"errorCode": 50126, "failureReason": "Invalid username or password or Invalid on-premise username or password.", "additionalDetails": Value::Null},
                "deviceDetail": {"deviceId": "", "displayName": device, "operatingSystem": os, "browser": "", "isCompliant": Value::Null, "isManaged": Value::Null, "trustType": Value::Null},
                "location": {"city": "Seattle", "state": "Washington", "countryOrRegion": "US"},
            }));
        }
    }
    dir.add_signins(failures);
    Ok(wire::empty(204, ids))
}

pub(super) fn revoke(key: &str, caller: &Caller, state: &SimState, ids: &Ids) -> Reply {
    need(
        caller,
        &[
            "User.RevokeSessions.All",
            "User.ReadWrite.All",
            "Directory.ReadWrite.All",
        ],
        ids,
    )?;
    let mut dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find_mut(key) else {
        return Err(not_found(key, ids));
    };
    u.sessions_revoked_at = Some(Utc::now());
    Ok(wire::ok_json(
        200,
        &json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", "value": true}),
        ids,
    ))
}
