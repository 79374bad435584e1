//! Email over SMTP with lettre (STARTTLS, implicit TLS, or plain to a loopback relay).

use std::time::Duration;

use async_trait::async_trait;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Tokio1Executor,
    message::{Mailbox, MultiPart, SinglePart, header::ContentType},
    transport::smtp::authentication::Credentials,
};
use secrecy::ExposeSecret;

use crate::{
    ports::{Message, Notifier, NotifyError},
    settings::{EmailSettings, SmtpTls},
};

/// Email over SMTP: STARTTLS, implicit TLS, or plain text to a relay on loopback.
pub struct SmtpNotifier {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    reply_to: Option<Mailbox>,
}

impl SmtpNotifier {
    pub fn new(s: &EmailSettings) -> Result<Self, String> {
        let builder = match s.smtp_tls {
            SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&s.smtp_host)
                .map_err(|e| format!("email.smtp_host: {e}"))?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&s.smtp_host)
                .map_err(|e| format!("email.smtp_host: {e}"))?,
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.smtp_host),
        };
        let mut builder = builder
            .port(s.smtp_port)
            .timeout(Some(Duration::from_secs(s.timeout_secs)));
        if let (Some(user), Some(pass)) = (&s.smtp_username, &s.smtp_password) {
            builder = builder.credentials(Credentials::new(
                user.clone(),
                pass.expose_secret().to_string(),
            ));
        }
        let from = s.from.parse().map_err(|e| format!("email.from: {e}"))?;
        let reply_to = s
            .reply_to
            .as_deref()
            .map(str::parse)
            .transpose()
            .map_err(|e| format!("email.reply_to: {e}"))?;
        Ok(Self {
            transport: builder.build(),
            from,
            reply_to,
        })
    }
}

#[async_trait]
impl Notifier for SmtpNotifier {
    async fn send(&self, message: &Message) -> Result<(), NotifyError> {
        let Message::Email {
            to,
            subject,
            text,
            html,
        } = message
        else {
            return Err(NotifyError::NotConfigured("sms over SMTP"));
        };
        let to: Mailbox = to
            .parse()
            .map_err(|e| NotifyError::Permanent(format!("bad recipient: {e}")))?;
        let mut b = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject);
        if let Some(r) = &self.reply_to {
            b = b.reply_to(r.clone());
        }
        let email = match html {
            Some(h) => b.multipart(MultiPart::alternative_plain_html(text.clone(), h.clone())),
            None => b.singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(text.clone()),
            ),
        }
        .map_err(|e| NotifyError::Permanent(format!("cannot build message: {e}")))?;
        match self.transport.send(email).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(NotifyError::Permanent(e.to_string())),
            Err(e) => Err(NotifyError::Transient(e.to_string())),
        }
    }
}
