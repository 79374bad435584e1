//! The catcher: messages kept in memory instead of sent (the demo outbox and the tests).

use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::{
    clock::Clock,
    ports::{Message, Notifier, NotifyError},
};

/// A message the demo catcher kept.
#[derive(Clone)]
pub struct CapturedMessage {
    pub at: DateTime<Utc>,
    pub message: Message,
}

/// Keeps the newest messages in memory instead of sending them (demo and tests).
#[derive(Clone)]
pub struct Catcher {
    inner: Arc<Mutex<VecDeque<CapturedMessage>>>,
    /// Signalled whenever a message is kept.
    arrived: Arc<tokio::sync::Notify>,
    clock: Arc<dyn Clock>,
    capacity: usize,
}

impl Catcher {
    pub fn new(clock: Arc<dyn Clock>, capacity: usize) -> Self {
        Self {
            inner: Arc::new(Mutex::new(VecDeque::new())),
            arrived: Arc::new(tokio::sync::Notify::new()),
            clock,
            capacity,
        }
    }

    /// Newest first.
    pub fn messages(&self) -> Vec<CapturedMessage> {
        let q = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        q.iter().rev().cloned().collect()
    }

    /// Waits (at most `within`) for a kept message `find` picks something from, newest
    /// first: tests and benchmarks wait on delivery instead of sleeping.
    pub async fn wait_for<T>(
        &self,
        within: std::time::Duration,
        mut find: impl FnMut(&Message) -> Option<T>,
    ) -> Option<T> {
        let give_up = tokio::time::Instant::now() + within;
        loop {
            // Registered before looking, so a message kept in between still wakes us.
            let arrived = self.arrived.notified();
            if let Some(found) = self.messages().iter().find_map(|m| find(&m.message)) {
                return Some(found);
            }
            tokio::time::timeout_at(give_up, arrived).await.ok()?;
        }
    }

    /// Waits for the newest one-time code sent to `to` (an address or a number).
    pub async fn code_for(&self, to: &str, within: std::time::Duration) -> Option<String> {
        self.wait_for(within, |m| match m {
            Message::Email { to: dest, text, .. } | Message::Sms { to: dest, text }
                if dest == to =>
            {
                find_code(text)
            }
            _ => None,
        })
        .await
    }
}

/// The first run of 6 to 10 digits in a message: the one-time code, whatever the language.
pub fn find_code(text: &str) -> Option<String> {
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            if (6..=10).contains(&run.len()) {
                return Some(run);
            }
            run.clear();
        }
    }
    None
}

#[async_trait]
impl Notifier for Catcher {
    async fn send(&self, message: &Message) -> Result<(), NotifyError> {
        let mut q = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if q.len() >= self.capacity {
            q.pop_front();
        }
        q.push_back(CapturedMessage {
            at: self.clock.now(),
            message: message.clone(),
        });
        drop(q);
        self.arrived.notify_waiters();
        Ok(())
    }
}
