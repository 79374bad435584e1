//! The identity platform's token endpoint: client credentials (secret or certificate
//! assertion) and the password grant the sign-in simulation uses.

use super::*;

pub(super) fn form(body: &[u8]) -> HashMap<String, String> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

pub(super) fn basic_auth(req: &HttpRequest) -> Option<(String, String)> {
    let h = req.headers().get("authorization")?.to_str().ok()?;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(h.strip_prefix("Basic ")?)
        .ok()?;
    let s = String::from_utf8(raw).ok()?;
    let (a, b) = s.split_once(':')?;
    Some((a.to_string(), b.to_string()))
}

pub(super) fn token(
    req: &HttpRequest,
    body: &[u8],
    tenant: &str,
    state: &SimState,
) -> HttpResponse {
    let f = form(body);
    let opts = state
        .0
        .opts
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let Some(grant) = f.get("grant_type") else {
        return wire::aad_error(
            400,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'grant_type'.",
        );
    };
    if tenant == "common" || tenant == "consumers" {
        return wire::aad_error(
            400,
            "invalid_request",
            9001023,
            "The grant type isn't supported over the /common or /consumers endpoints.",
        );
    }
    if !tenant.eq_ignore_ascii_case(&opts.tenant) && tenant != state.0.tenant_guid {
        return wire::aad_error(
            400,
            "invalid_request",
            90002,
            &format!(
                "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant."
            ),
        );
    }
    let basic = basic_auth(req);
    let client_id = f
        .get("client_id")
        .cloned()
        .or_else(|| basic.as_ref().map(|b| b.0.clone()));
    let Some(client_id) = client_id else {
        return wire::aad_error(
            400,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'client_id'.",
        );
    };
    if client_id != opts.client_id {
        return wire::aad_error(
            400,
            "unauthorized_client",
            700016,
            &format!(
                "Application with identifier '{client_id}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
            ),
        );
    }
    match grant.as_str() {
        "client_credentials" => client_credentials(&f, basic, &opts, state),
        "password" => ropc(&f, &opts, state),
        other => wire::aad_error(
            400,
            "unsupported_grant_type",
            70003,
            &format!("The app requested an unsupported grant type '{other}'."),
        ),
    }
}

pub(super) fn client_credentials(
    f: &HashMap<String, String>,
    basic: Option<(String, String)>,
    opts: &crate::simulator::SimOptions,
    state: &SimState,
) -> HttpResponse {
    state.0.token_requests.fetch_add(1, Ordering::Relaxed);
    let Some(scope) = f.get("scope") else {
        return wire::aad_error(
            400,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'scope'.",
        );
    };
    if !scope.ends_with("/.default") || scope.split_whitespace().count() != 1 {
        return wire::aad_error(
            400,
            "invalid_scope",
            70011,
            &format!(
                "The provided value for the input parameter 'scope' isn't valid. The scope {scope} isn't valid."
            ),
        );
    }
    if let Some(assertion) = f.get("client_assertion") {
        if !check_assertion(assertion, &opts.client_id) {
            return wire::aad_error(
                401,
                "invalid_client",
                700027,
                "Client assertion failed signature validation.",
            );
        }
    } else {
        let secret = f.get("client_secret").cloned().or(basic.map(|b| b.1));
        let Some(secret) = secret else {
            return wire::aad_error(
                401,
                "invalid_client",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            );
        };
        if secret != opts.client_secret {
            return wire::aad_error(
                401,
                "invalid_client",
                7000215,
                &format!(
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{}'.",
                    opts.client_id
                ),
            );
        }
        if opts.secret_expired {
            return wire::aad_error(
                401,
                "invalid_client",
                7000222,
                &format!(
                    "The provided client secret keys for app '{}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
                    opts.client_id
                ),
            );
        }
    }
    let token = issue(state, opts);
    wire::token_ok(&json!({
        "token_type": "Bearer",
        "expires_in": opts.token_lifetime_secs,
        "ext_expires_in": opts.token_lifetime_secs,
        "access_token": token,
    }))
}

/// Checks a client assertion's form (GRAPH.md §1.3). The signature is not verified: the
/// simulator has no certificate store; it checks what a misconfigured client gets wrong.
pub(super) fn check_assertion(jwt: &str, client_id: &str) -> bool {
    let parts: Vec<&str> = jwt.split('.').collect();
    let [h, p, sig] = parts.as_slice() else {
        return false;
    };
    let json = |s: &str| {
        B64.decode(s)
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
    };
    let (Some(h), Some(p)) = (json(h), json(p)) else {
        return false;
    };
    let alg_ok = match h["alg"].as_str() {
        Some("PS256") => h["x5t#S256"].is_string(),
        Some("RS256") => h["x5t"].is_string() || h["x5t#S256"].is_string(),
        _ => false,
    };
    alg_ok
        && !sig.is_empty()
        && p["iss"] == client_id
        && p["sub"] == client_id
        && p["aud"]
            .as_str()
            .is_some_and(|a| a.ends_with("/oauth2/v2.0/token"))
        && p["exp"]
            .as_i64()
            .is_some_and(|e| e > Utc::now().timestamp())
}

pub(super) fn issue(state: &SimState, opts: &crate::simulator::SimOptions) -> String {
    let now = Utc::now().timestamp();
    let exp = now + i64::try_from(opts.token_lifetime_secs).unwrap_or(3599);
    let header = B64.encode(r#"{"typ":"JWT","alg":"RS256","x5t":"sim"}"#);
    let payload = B64.encode(
        json!({
            "aud": "https://graph.microsoft.com",
            "iss": format!("https://sts.windows.net/{}/", state.0.tenant_guid),
            "iat": now, "nbf": now, "exp": exp,
            "appid": opts.client_id,
            "oid": "11111111-2222-4333-8444-555555555555",
            "roles": opts.app_roles,
            "wids": opts.directory_roles,
            "tid": state.0.tenant_guid,
            "jti": uuid::Uuid::new_v4().to_string(),
        })
        .to_string(),
    );
    let token = format!(
        "{header}.{payload}.{}",
        B64.encode(uuid::Uuid::new_v4().as_bytes())
    );
    let generation = state.0.token_generation.load(Ordering::Relaxed);
    state
        .0
        .tokens
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(token.clone(), (exp, generation));
    token
}

pub(super) fn ropc(
    f: &HashMap<String, String>,
    opts: &crate::simulator::SimOptions,
    state: &SimState,
) -> HttpResponse {
    let (Some(user), Some(pw)) = (f.get("username"), f.get("password")) else {
        return wire::aad_error(
            400,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'password'.",
        );
    };
    let mut dir = state.0.directory.lock().unwrap_or_else(|e| e.into_inner());
    let now = Utc::now();
    let app = f
        .get("x-sim-app")
        .cloned()
        .unwrap_or_else(|| "Rekey".into());
    let (code, resp) = match dir.find_mut(user) {
        None => (
            50034,
            wire::aad_error(
                400,
                "invalid_grant",
                50034,
                &format!(
                    "The user account {user} does not exist in the {} directory.",
                    opts.tenant
                ),
            ),
        ),
        Some(u) if u.locked_until.is_some_and(|t| t > now) => (
            50053,
            wire::aad_error(
                400,
                "unauthorized_client",
                50053,
                "You've tried to sign in too many times with an incorrect user ID or password.",
            ),
        ),
        Some(u) if u.password != *pw => {
            u.failed_logins += 1;
            if u.failed_logins >= 10 {
                u.locked_until = Some(now + chrono::Duration::seconds(60));
                u.failed_logins = 0;
            }
            (
                50126,
                wire::aad_error(
                    400,
                    "invalid_grant",
                    50126,
                    "Error validating credentials due to invalid username or password.",
                ),
            )
        }
        Some(u) if !u.account_enabled => (
            50057,
            wire::aad_error(400, "invalid_grant", 50057, "The user account is disabled."),
        ),
        Some(u)
            if u.force_change
                || tenant::domain_of(&u.upn).is_some_and(|d| {
                    d.validity_days != NEVER
                        && !u
                            .password_policies
                            .as_deref()
                            .unwrap_or("")
                            .contains("DisablePasswordExpiration")
                        && u.last_password_change + chrono::Duration::days(d.validity_days) < now
                }) =>
        {
            let mut r = wire::aad_error(
                400,
                "user_password_expired",
                50055,
                "The password is expired.",
            );
            r.headers_mut().insert(
                actix_web::http::header::HeaderName::from_static("x-sim-suberror"),
                actix_web::http::header::HeaderValue::from_static("user_password_expired"),
            );
            (50055, r)
        }
        Some(u) => {
            u.failed_logins = 0;
            let token = issue(state, opts);
            (
                0,
                wire::token_ok(
                    &json!({"token_type": "Bearer", "scope": "User.Read profile openid email", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token}),
                ),
            )
        }
    };
    if let Some(u) = dir.find(user).cloned() {
        dir.add_signins([json!({
            "id": uuid::Uuid::new_v4().to_string(),
            "createdDateTime": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "userDisplayName": u.display_name, "userPrincipalName": u.upn, "userId": u.id,
            "appId": opts.client_id, "appDisplayName": app, "ipAddress": "127.0.0.1",
            "clientAppUsed": "ROPC", "isInteractive": false,
            "status": {"errorCode": code, "failureReason": if code == 0 { Value::Null } else { json!("Simulated failure") }, "additionalDetails": Value::Null},
            "deviceDetail": {"deviceId": "", "displayName": Value::Null, "operatingSystem": "Linux", "browser": "Rust", "isCompliant": Value::Null, "isManaged": Value::Null, "trustType": Value::Null},
            "location": {"city": "Redmond", "state": "Washington", "countryOrRegion": "US"},
        })]);
    }
    resp
}
