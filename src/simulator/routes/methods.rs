//! `/users/{id}/authentication/{emailMethods,phoneMethods}`: registered methods.

use super::*;

pub(super) const EMAIL_METHOD_ID: &str = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";
pub(super) const PHONE_IDS: [(&str, &str); 3] = [
    ("mobile", "3179e48a-750b-4051-897c-87b9720928f7"),
    ("alternateMobile", "b6332ec1-7057-4abe-9331-3d72feddfe41"),
    ("office", "e37fc753-ff3b-4958-9484-eaa9425c82bc"),
];

pub(super) fn methods(
    key: &str,
    kind: &str,
    caller: &Caller,
    state: &SimState,
    ids: &Ids,
) -> Reply {
    let perm: &[&str] = match kind {
        "emailMethods" => &[
            "UserAuthenticationMethod.Read.All",
            "UserAuthenticationMethod.ReadWrite.All",
            "UserAuthMethod-Email.Read.All",
        ],
        "phoneMethods" => &[
            "UserAuthenticationMethod.Read.All",
            "UserAuthenticationMethod.ReadWrite.All",
            "UserAuthMethod-Phone.Read.All",
        ],
        _ => &[
            "UserAuthenticationMethod.Read.All",
            "UserAuthenticationMethod.ReadWrite.All",
        ],
    };
    need(caller, perm, ids)?;
    reports_bucket(state, ids)?;
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let Some(u) = dir.find(key) else {
        return Err(not_found(key, ids));
    };
    let emails: Vec<Value> = u
        .email_methods
        .iter()
        .take(1)
        .map(|e| json!({"id": EMAIL_METHOD_ID, "emailAddress": e}))
        .collect();
    let phones: Vec<Value> = u
        .phone_methods
        .iter()
        .take(3)
        .map(|(n, t)| {
            let id = PHONE_IDS
                .iter()
                .find(|(k, _)| k == t)
                .map_or(PHONE_IDS[0].1, |(_, id)| id);
            json!({"id": id, "phoneNumber": n, "phoneType": t, "smsSignInState": "notEnabled"})
        })
        .collect();
    let (ctx, value) = match kind {
        "emailMethods" => ("emailMethods", emails),
        "phoneMethods" => ("phoneMethods", phones),
        "methods" => {
            let mut all = vec![
                json!({"@odata.type": "#microsoft.graph.passwordAuthenticationMethod", "id": "28c10230-6103-485e-b985-444c60001490", "password": Value::Null}),
            ];
            all.extend(emails.into_iter().map(|mut e| {
                e["@odata.type"] = json!("#microsoft.graph.emailAuthenticationMethod");
                e
            }));
            all.extend(phones.into_iter().map(|mut p| {
                p["@odata.type"] = json!("#microsoft.graph.phoneAuthenticationMethod");
                p
            }));
            ("methods", all)
        }
        other => {
            return Err(wire::graph_error(
                400,
                "BadRequest",
                &format!("Resource not found for the segment '{other}'."),
                ids,
            ));
        }
    };
    Ok(wire::ok_json(
        200,
        &json!({"@odata.context": format!("https://graph.microsoft.com/v1.0/$metadata#users('{}')/authentication/{ctx}", u.id), "value": value}),
        ids,
    ))
}
