//! SMS through a Twilio-compatible REST API or a JSON webhook.

use std::time::Duration;

use async_trait::async_trait;
use secrecy::{ExposeSecret, SecretString};

use crate::{
    ports::{Message, Notifier, NotifyError},
    settings::{SmsProvider, SmsSettings},
};

/// SMS through a Twilio-compatible REST API or a JSON webhook.
pub struct SmsHttp {
    http: reqwest::Client,
    kind: Kind,
}

enum Kind {
    Twilio {
        url: url::Url,
        sid: String,
        token: SecretString,
        from: String,
    },
    Webhook {
        url: url::Url,
        token: Option<SecretString>,
    },
}

impl SmsHttp {
    pub fn new(s: &SmsSettings) -> Result<Option<Self>, String> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(s.timeout_secs))
            .build()
            .map_err(|e| e.to_string())?;
        let kind = match s.provider {
            SmsProvider::Twilio => {
                let sid = s.account_sid.clone().unwrap_or_default();
                let base = s.api_base.as_str().trim_end_matches('/');
                Kind::Twilio {
                    url: url::Url::parse(&format!(
                        "{base}/2010-04-01/Accounts/{sid}/Messages.json"
                    ))
                    .map_err(|e| format!("sms.api_base: {e}"))?,
                    sid,
                    token: s.auth_token.clone().ok_or("sms.auth_token is missing")?,
                    from: s.from.clone().unwrap_or_default(),
                }
            }
            SmsProvider::Webhook => Kind::Webhook {
                url: s.webhook_url.clone().ok_or("sms.webhook_url is missing")?,
                token: s.auth_token.clone(),
            },
            SmsProvider::None | SmsProvider::Catcher => return Ok(None),
        };
        Ok(Some(Self { http, kind }))
    }
}

#[async_trait]
impl Notifier for SmsHttp {
    async fn send(&self, message: &Message) -> Result<(), NotifyError> {
        let Message::Sms { to, text } = message else {
            return Err(NotifyError::NotConfigured("email over SMS"));
        };
        let req = match &self.kind {
            Kind::Twilio {
                url,
                sid,
                token,
                from,
            } => self
                .http
                .post(url.clone())
                .basic_auth(sid, Some(token.expose_secret()))
                .form(&[
                    ("To", to.replace(' ', "")),
                    ("From", from.clone()),
                    ("Body", text.clone()),
                ]),
            Kind::Webhook { url, token } => {
                let r = self
                    .http
                    .post(url.clone())
                    .json(&serde_json::json!({"to": to.replace(' ', ""), "text": text}));
                match token {
                    Some(t) => r.bearer_auth(t.expose_secret()),
                    None => r,
                }
            }
        };
        let resp = req
            .send()
            .await
            .map_err(|e| NotifyError::Transient(crate::outbound::describe(&e)))?;
        let status = resp.status();
        if status.is_success() {
            Ok(())
        } else if status.as_u16() == 429 || status.is_server_error() {
            Err(NotifyError::Transient(format!(
                "SMS provider answered {status}"
            )))
        } else {
            Err(NotifyError::Permanent(format!(
                "SMS provider answered {status}"
            )))
        }
    }
}
