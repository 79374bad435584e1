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
    clock: Arc<dyn Clock>,
    capacity: usize,
}

impl Catcher {
    pub fn new(clock: Arc<dyn Clock>, capacity: usize) -> Self {
        Self {
            inner: Arc::new(Mutex::new(VecDeque::new())),
            clock,
            capacity,
        }
    }

    /// Newest first.
    pub fn messages(&self) -> Vec<CapturedMessage> {
        let q = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        q.iter().rev().cloned().collect()
    }
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
        Ok(())
    }
}
