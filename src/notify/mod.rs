//! Message channels behind the [`Notifier`] port, and the queue that keeps sending off the
//! request path.

mod catcher;
mod outbox;
mod sms;
mod smtp;

use std::sync::Arc;

use async_trait::async_trait;

pub use catcher::{CapturedMessage, Catcher, find_code};
pub use outbox::Outbox;
pub use sms::SmsHttp;
pub use smtp::SmtpNotifier;

use crate::ports::{Message, Notifier, NotifyError};

/// Sends each message through the channel for its kind.
pub struct ChannelRouter {
    pub email: Option<Arc<dyn Notifier>>,
    pub sms: Option<Arc<dyn Notifier>>,
}

#[async_trait]
impl Notifier for ChannelRouter {
    async fn send(&self, message: &Message) -> Result<(), NotifyError> {
        let channel = match message {
            Message::Email { .. } => &self.email,
            Message::Sms { .. } => &self.sms,
        };
        match channel {
            Some(n) => n.send(message).await,
            None => Err(NotifyError::NotConfigured(message.channel())),
        }
    }
}
