//! The production directory: Microsoft Graph with app-only credentials. The same code
//! runs against Microsoft's cloud and against `rekey sim`.

pub mod client;
pub mod errors;
pub mod model;
pub mod token;

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use reqwest::Method;
use secrecy::{ExposeSecret, SecretString};

use self::{
    client::{GraphHttp, RetryPolicy},
    errors::Operation,
    model::{EmailMethod, GraphDomain, GraphSignIn, GraphUser, Page, PhoneMethod, USER_SELECT},
    token::{Credential, TokenSource},
};
use crate::{
    clock::Clock,
    ports::{
        Message, Notifier, NotifyError,
        directory::{
            ContactMethods, Directory, DirectoryError, DirectoryErrorKind as K, DirectoryUser,
            DomainPolicy, Grants, SignIn, UserPage,
        },
    },
    random::Random,
    settings::TenantSettings,
};

/// Everything the client needs, resolved from settings.
pub struct GraphConfig {
    pub tenant_id: String,
    pub client_id: String,
    pub credential: Credential,
    pub authority_host: url::Url,
    pub graph_base: url::Url,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    pub retry: RetryPolicy,
    pub methods_cache: Duration,
    pub profile_fallback: bool,
}

impl GraphConfig {
    pub fn from_settings(t: &TenantSettings) -> Result<Self, DirectoryError> {
        let credential = match (&t.certificate_file, &t.private_key_file, &t.client_secret) {
            (Some(cert), Some(key), _) => Credential::Certificate(
                token::CertificateCredential::from_pem_files(cert, key, t.assertion_alg)?,
            ),
            (_, _, Some(secret)) => Credential::Secret(secret.clone()),
            _ => {
                return Err(DirectoryError::new(
                    K::BadCredentials,
                    "no credential: set tenant.client_secret or a certificate",
                ));
            }
        };
        Ok(Self {
            tenant_id: t.tenant_id.clone(),
            client_id: t.client_id.clone(),
            credential,
            authority_host: t.authority_host.clone(),
            graph_base: t.graph_base.clone(),
            connect_timeout: Duration::from_millis(t.connect_timeout_ms),
            request_timeout: Duration::from_millis(t.request_timeout_ms),
            retry: RetryPolicy {
                request_timeout: Duration::from_millis(t.request_timeout_ms),
                max_attempts: t.max_attempts,
                deadline: Duration::from_millis(t.deadline_ms),
                base_backoff: Duration::from_millis(500),
                max_backoff: Duration::from_secs(8),
            },
            methods_cache: Duration::from_secs(t.methods_cache_secs),
            profile_fallback: t.profile_fallback,
        })
    }
}

pub struct GraphDirectory {
    http: Arc<GraphHttp>,
    base: String,
    base_origin: url::Origin,
    clock: Arc<dyn Clock>,
    methods_cache: Mutex<HashMap<String, (DateTime<Utc>, ContactMethods)>>,
    methods_ttl: Duration,
    profile_fallback: bool,
}

/// Bound on cached method sets; an attacker typing names must not grow memory.
const METHODS_CACHE_MAX: usize = 10_000;

impl GraphDirectory {
    pub fn new(
        cfg: GraphConfig,
        clock: Arc<dyn Clock>,
        rng: Arc<dyn Random>,
    ) -> Result<Self, DirectoryError> {
        let http = reqwest::Client::builder()
            .connect_timeout(cfg.connect_timeout)
            .timeout(cfg.request_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .user_agent(concat!("Rekey/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| DirectoryError::new(K::Protocol, format!("HTTP client: {e}")))?;
        let authority = cfg.authority_host.as_str().trim_end_matches('/');
        let token_url =
            url::Url::parse(&format!("{authority}/{}/oauth2/v2.0/token", cfg.tenant_id))
                .map_err(|e| DirectoryError::new(K::Protocol, format!("token URL: {e}")))?;
        let origin = cfg.graph_base.origin();
        let scope = format!("{}/.default", origin.ascii_serialization());
        let tokens = TokenSource::new(
            http.clone(),
            token_url,
            cfg.client_id,
            scope,
            cfg.credential,
            clock.clone(),
            rng.clone(),
        );
        Ok(Self {
            http: Arc::new(GraphHttp {
                http,
                tokens,
                policy: cfg.retry,
                clock: clock.clone(),
                rng,
                stats: Default::default(),
            }),
            base: cfg.graph_base.as_str().trim_end_matches('/').to_string(),
            base_origin: origin,
            clock,
            methods_cache: Mutex::new(HashMap::new()),
            methods_ttl: cfg.methods_cache,
            profile_fallback: cfg.profile_fallback,
        })
    }

    /// Call counters, for tests and metrics.
    pub fn stats(&self) -> &client::CallStats {
        &self.http.stats
    }

    /// A mailer that sends as `sender` through this client's credentials.
    pub fn mailer(&self, sender: String) -> GraphMailer {
        GraphMailer {
            http: self.http.clone(),
            base: self.base.clone(),
            sender,
        }
    }

    fn url(&self, path: &str, query: &[(&str, &str)]) -> Result<url::Url, DirectoryError> {
        let mut u = url::Url::parse(&format!("{}{path}", self.base))
            .map_err(|e| DirectoryError::new(K::Protocol, format!("bad URL: {e}")))?;
        if !query.is_empty() {
            u.query_pairs_mut().extend_pairs(query);
        }
        Ok(u)
    }

    /// A path segment for a user id or UPN, percent-encoded (`#EXT#`, `'`…).
    fn user_path(id: &str, rest: &str) -> String {
        let seg: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
        format!("/users/{}{rest}", seg.replace('+', "%20"))
    }

    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        op_name: &'static str,
        op: Operation,
        url: url::Url,
    ) -> Result<T, DirectoryError> {
        let reply = self
            .http
            .call(op_name, op, Method::GET, url, None, true)
            .await?;
        serde_json::from_slice(&reply.body).map_err(|e| {
            DirectoryError::new(K::Protocol, format!("{op_name}: unexpected JSON: {e}"))
        })
    }

    /// Follows `@odata.nextLink` only to Graph itself, so a forged link cannot carry our
    /// token elsewhere.
    fn next_link(&self, link: &str) -> Result<url::Url, DirectoryError> {
        let u = url::Url::parse(link)
            .map_err(|e| DirectoryError::new(K::Protocol, format!("bad nextLink: {e}")))?;
        if u.origin() != self.base_origin {
            return Err(DirectoryError::new(
                K::Protocol,
                "nextLink points outside the Graph base URL",
            ));
        }
        Ok(u)
    }

    async fn registered_methods(&self, id: &str) -> Result<ContactMethods, DirectoryError> {
        // Both at once: the start step has a fixed time budget for the whole lookup.
        let (emails, phones) = tokio::join!(
            self.get_json::<Page<EmailMethod>>(
                "emailMethods",
                Operation::Read,
                self.url(&Self::user_path(id, "/authentication/emailMethods"), &[])?,
            ),
            self.get_json::<Page<PhoneMethod>>(
                "phoneMethods",
                Operation::Read,
                self.url(&Self::user_path(id, "/authentication/phoneMethods"), &[])?,
            )
        );
        let (emails, phones) = (emails?, phones?);
        Ok(ContactMethods {
            emails: emails.value.into_iter().map(|m| m.email_address).collect(),
            mobiles: phones
                .value
                .into_iter()
                .filter(|p| p.phone_type.as_deref().is_none_or(|t| t == "mobile"))
                .map(|p| p.phone_number)
                .collect(),
        })
    }
}

fn profile_methods(user: &DirectoryUser) -> ContactMethods {
    ContactMethods {
        emails: user.other_mails.clone(),
        mobiles: user.mobile_phone.iter().cloned().collect(),
    }
}

#[async_trait]
impl Directory for GraphDirectory {
    #[tracing::instrument(skip_all)]
    async fn find_user(&self, name: &str) -> Result<Option<DirectoryUser>, DirectoryError> {
        let name = name.trim();
        if name.is_empty() || name.len() > 256 || name.chars().any(char::is_control) {
            return Ok(None);
        }
        let lit = model::odata_string(name);
        let filter = format!("userPrincipalName eq {lit} or mail eq {lit}");
        let url = self.url(
            "/users",
            &[
                ("$filter", &filter),
                ("$select", USER_SELECT),
                ("$top", "5"),
            ],
        )?;
        let page: Page<GraphUser> = self.get_json("findUser", Operation::Read, url).await?;
        let mut users: Vec<DirectoryUser> = page.value.into_iter().map(Into::into).collect();
        // A UPN match wins over someone else's primary mail.
        users.sort_by_key(|u| !u.upn.eq_ignore_ascii_case(name));
        Ok(users.into_iter().next())
    }

    #[tracing::instrument(skip_all)]
    async fn contact_methods(
        &self,
        user: &DirectoryUser,
    ) -> Result<ContactMethods, DirectoryError> {
        let now = self.clock.now();
        if let Some((at, m)) = self
            .methods_cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&user.id)
            && now < *at
        {
            return Ok(m.clone());
        }
        let mut methods = match self.registered_methods(&user.id).await {
            Ok(m) => m,
            // These reads sit in a small throttling bucket (GRAPH.md §6); profile data is
            // the documented fallback rather than a dead end for the user.
            Err(e)
                if self.profile_fallback
                    && (e.is_transient() || e.kind == K::MissingPermission) =>
            {
                tracing::warn!(error = %crate::telemetry::Chain(&e), "registered methods unavailable; using profile data");
                return Ok(profile_methods(user));
            }
            Err(e) => return Err(e),
        };
        if self.profile_fallback && methods.emails.is_empty() && methods.mobiles.is_empty() {
            methods = profile_methods(user);
        }
        let mut cache = self.methods_cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= METHODS_CACHE_MAX {
            cache.retain(|_, (at, _)| *at > now);
            if cache.len() >= METHODS_CACHE_MAX {
                cache.clear();
            }
        }
        let ttl = chrono::Duration::from_std(self.methods_ttl).unwrap_or_default();
        cache.insert(user.id.clone(), (now + ttl, methods.clone()));
        Ok(methods)
    }

    fn fallback_methods(&self, user: &DirectoryUser) -> ContactMethods {
        if self.profile_fallback {
            profile_methods(user)
        } else {
            ContactMethods::default()
        }
    }

    #[tracing::instrument(skip_all)]
    async fn set_password(
        &self,
        user_id: &str,
        password: &SecretString,
    ) -> Result<(), DirectoryError> {
        let body = serde_json::json!({
            "passwordProfile": {
                "forceChangePasswordNextSignIn": false,
                "password": password.expose_secret(),
            }
        });
        let url = self.url(&Self::user_path(user_id, ""), &[])?;
        // Setting the same password twice has the same effect: safe to retry.
        self.http
            .call(
                "setPassword",
                Operation::SetPassword,
                Method::PATCH,
                url,
                Some(&body),
                true,
            )
            .await
            .map(|_| ())
    }

    #[tracing::instrument(skip_all)]
    async fn revoke_sessions(&self, user_id: &str) -> Result<(), DirectoryError> {
        let url = self.url(&Self::user_path(user_id, "/revokeSignInSessions"), &[])?;
        self.http
            .call(
                "revokeSessions",
                Operation::Revoke,
                Method::POST,
                url,
                None,
                true,
            )
            .await
            .map(|_| ())
    }

    async fn list_users(&self, cursor: Option<&str>) -> Result<UserPage, DirectoryError> {
        let url = match cursor {
            Some(link) => self.next_link(link)?,
            None => self.url("/users", &[("$select", USER_SELECT), ("$top", "999")])?,
        };
        let page: Page<GraphUser> = self.get_json("listUsers", Operation::Read, url).await?;
        Ok(UserPage {
            users: page.value.into_iter().map(Into::into).collect(),
            next: page.next_link,
        })
    }

    async fn domains(&self) -> Result<Vec<DomainPolicy>, DirectoryError> {
        let url = self.url("/domains", &[])?;
        let page: Page<GraphDomain> = self.get_json("domains", Operation::Read, url).await?;
        Ok(page.value.into_iter().map(Into::into).collect())
    }

    async fn sign_ins(
        &self,
        user_id: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<SignIn>, DirectoryError> {
        let filter = format!(
            "userId eq {} and createdDateTime ge {}",
            model::odata_string(user_id),
            since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        let mut url = self.url(
            "/auditLogs/signIns",
            &[("$filter", &filter), ("$top", "1000")],
        )?;
        let mut out = Vec::new();
        loop {
            let page: Page<GraphSignIn> = self.get_json("signIns", Operation::SignIns, url).await?;
            out.extend(page.value.into_iter().map(SignIn::from));
            match page.next_link {
                Some(link) => url = self.next_link(&link)?,
                None => return Ok(out),
            }
        }
    }

    async fn sign_in_page(
        &self,
        since: DateTime<Utc>,
        cursor: Option<&str>,
    ) -> Result<crate::ports::directory::SignInPage, DirectoryError> {
        let url = match cursor {
            Some(link) => self.next_link(link)?,
            None => {
                let filter = format!(
                    "createdDateTime ge {}",
                    since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                );
                self.url(
                    "/auditLogs/signIns",
                    &[("$filter", &filter), ("$top", "1000")],
                )?
            }
        };
        let page: Page<GraphSignIn> = self.get_json("signIns", Operation::SignIns, url).await?;
        Ok(crate::ports::directory::SignInPage {
            events: page.value.into_iter().map(SignIn::from).collect(),
            next: page.next_link,
        })
    }

    async fn grants(&self) -> Result<Grants, DirectoryError> {
        Ok(self.http.tokens.get().await?.grants())
    }
}

/// Email through Graph `sendMail` as a configured mailbox (needs `Mail.Send`).
pub struct GraphMailer {
    http: Arc<GraphHttp>,
    base: String,
    sender: String,
}

#[async_trait]
impl Notifier for GraphMailer {
    async fn send(&self, message: &Message) -> Result<(), NotifyError> {
        let Message::Email {
            to,
            subject,
            text,
            html,
        } = message
        else {
            return Err(NotifyError::NotConfigured("sms through Graph"));
        };
        let (content_type, content) = match html {
            Some(h) => ("HTML", h),
            None => ("Text", text),
        };
        let body = serde_json::json!({
            "message": {
                "subject": subject,
                "body": {"contentType": content_type, "content": content},
                "toRecipients": [{"emailAddress": {"address": to}}],
            },
            "saveToSentItems": false,
        });
        let url = url::Url::parse(&format!(
            "{}{}",
            self.base,
            GraphDirectory::user_path(&self.sender, "/sendMail")
        ))
        .map_err(|e| NotifyError::Permanent(e.to_string()))?;
        // Not idempotent: a retry after a timeout could deliver twice.
        match self
            .http
            .call(
                "sendMail",
                Operation::SendMail,
                Method::POST,
                url,
                Some(&body),
                false,
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if e.is_transient() => Err(NotifyError::Transient(e.to_string())),
            Err(e) => Err(NotifyError::Permanent(e.to_string())),
        }
    }
}
