//! `/domains`: password validity and notification windows per domain.

use super::*;

pub(super) fn domains(name: Option<&str>, caller: &Caller, ids: &Ids) -> Reply {
    need(
        caller,
        &[
            "Domain.Read.All",
            "Directory.Read.All",
            "Directory.ReadWrite.All",
        ],
        ids,
    )?;
    let to_json = |d: &tenant::SimDomain| {
        json!({
            "authenticationType": if d.federated { "Federated" } else { "Managed" },
            "availabilityStatus": Value::Null, "id": d.id, "isAdminManaged": true, "isDefault": d.is_default,
            "isInitial": d.id.ends_with(".onmicrosoft.com"), "isRoot": true, "isVerified": true,
            "passwordNotificationWindowInDays": 14, "passwordValidityPeriodInDays": d.validity_days,
            "state": Value::Null, "supportedServices": ["Email", "OfficeCommunicationsOnline"],
        })
    };
    match name {
        None => Ok(wire::ok_json(
            200,
            &json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#domains", "value": DOMAINS.iter().map(to_json).collect::<Vec<_>>()}),
            ids,
        )),
        Some(n) => match DOMAINS.iter().find(|d| d.id.eq_ignore_ascii_case(n)) {
            Some(d) => Ok(wire::ok_json(200, &to_json(d), ids)),
            None => Err(not_found(n, ids)),
        },
    }
}
