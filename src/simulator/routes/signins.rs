//! `/auditLogs/signIns`: the sign-in log, in the reports throttling bucket.

use super::*;

pub(super) fn sign_ins(
    q: &Query,
    caller: &Caller,
    state: &SimState,
    base: &str,
    ids: &Ids,
) -> Reply {
    if !state.0.premium.load(Ordering::Relaxed) {
        return Err(wire::graph_error(
            403,
            "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
            "Neither tenant is B2C or tenant doesn't have premium license",
            ids,
        ));
    }
    need(caller, &["AuditLog.Read.All"], ids)?;
    reports_bucket(state, ids)?;
    let top = match q.get("$top").map(|t| t.parse::<usize>()) {
        None => 1000,
        Some(Ok(n)) if (1..=1000).contains(&n) => n,
        Some(_) => {
            return Err(wire::graph_error(
                400,
                "BadRequest",
                "Invalid $top value. It must be between 1 and 1000.",
                ids,
            ));
        }
    };
    let expr = match q.get("$filter") {
        Some(f) => Some(
            filter::parse(f)
                .map_err(|_| wire::graph_error(400, "BadRequest", "Invalid filter clause", ids))?,
        ),
        None => None,
    };
    let offset: usize = q
        .get("$skiptoken")
        .and_then(|t| B64.decode(t).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    // The log is kept newest first. A plain time window (`createdDateTime ge T`, what
    // pollers send) is a prefix found by binary search; other filters scan.
    let window = match &expr {
        Some(filter::Expr::Cmp {
            path,
            op,
            lit: filter::Lit::Word(t),
        }) if path == "createdDateTime" && op == "ge" => Some(
            dir.signins
                .partition_point(|e| e["createdDateTime"].as_str().unwrap_or("") >= t.as_str()),
        ),
        None => Some(dir.signins.len()),
        _ => None,
    };
    let (page, total): (Vec<&Value>, usize) = match window {
        Some(end) => {
            let from = offset.min(end);
            (
                dir.signins[from..(from + top).min(end)].iter().collect(),
                end,
            )
        }
        None => {
            let all: Vec<&Value> = dir
                .signins
                .iter()
                .filter(|s| expr.as_ref().is_none_or(|e| e.matches(s)))
                .collect();
            let total = all.len();
            (all.into_iter().skip(offset).take(top).collect(), total)
        }
    };
    let mut body = json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns", "value": page});
    if offset + page.len() < total {
        let mut next = url::Url::parse(&format!("{base}/v1.0/auditLogs/signIns"))
            .map_err(|_| wire::graph_error(500, "generalException", "bad base", ids))?;
        {
            let mut qp = next.query_pairs_mut();
            for (k, v) in q.iter().filter(|(k, _)| k.as_str() != "$skiptoken") {
                qp.append_pair(k, v);
            }
            qp.append_pair("$skiptoken", &B64.encode((offset + page.len()).to_string()));
        }
        body["@odata.nextLink"] = json!(next.to_string());
    }
    Ok(wire::ok_json(200, &body, ids))
}
