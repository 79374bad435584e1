//! The notifier port: an email or an SMS to send, and how sending can fail.

use async_trait::async_trait;

/// A rendered message, ready for a channel.
#[derive(Clone, PartialEq, Eq)]
pub enum Message {
    Email {
        to: String,
        subject: String,
        text: String,
        html: Option<String>,
    },
    Sms {
        to: String,
        text: String,
    },
}

impl std::fmt::Debug for Message {
    // Bodies carry one-time codes: never print them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Message::Email { subject, .. } => f
                .debug_struct("Email")
                .field("subject", subject)
                .finish_non_exhaustive(),
            Message::Sms { .. } => f.debug_struct("Sms").finish_non_exhaustive(),
        }
    }
}

impl Message {
    /// `email` or `sms`, for logs and metrics.
    pub fn channel(&self) -> &'static str {
        match self {
            Message::Email { .. } => "email",
            Message::Sms { .. } => "sms",
        }
    }
}

/// Why a message was not delivered.
#[derive(Debug, Clone, thiserror::Error)]
pub enum NotifyError {
    #[error("channel not configured: {0}")]
    NotConfigured(&'static str),
    #[error("temporary delivery failure: {0}")]
    Transient(String),
    #[error("permanent delivery failure: {0}")]
    Permanent(String),
}

/// Sends messages: SMTP, Graph sendMail, SMS over HTTP, or the demo catcher.
#[async_trait]
pub trait Notifier: Send + Sync {
    /// Delivers one message, or says why not.
    async fn send(&self, message: &Message) -> Result<(), NotifyError>;
}
