//! The outbox: a bounded queue and a worker, so no request waits on delivery.

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use tokio::sync::mpsc;

use crate::ports::{Message, Notifier, NotifyError};

/// A bounded queue drained by a background worker, so a request never waits on SMTP or
/// an SMS provider, and the time a response takes says nothing about delivery.
#[derive(Clone)]
pub struct Outbox {
    tx: mpsc::Sender<Message>,
    /// Messages queued or being delivered, and a signal each time one is done.
    pending: Arc<(AtomicUsize, tokio::sync::Notify)>,
}

impl Outbox {
    /// Starts the worker on the current runtime. Transient failures are retried a few
    /// times with backoff; every failure is logged without the message body.
    pub fn start(notifier: Arc<dyn Notifier>, capacity: usize) -> Self {
        let (tx, mut rx) = mpsc::channel::<Message>(capacity);
        let pending = Arc::new((AtomicUsize::new(0), tokio::sync::Notify::new()));
        let done = pending.clone();
        tokio::spawn(async move {
            while let Some(msg) = rx.recv().await {
                let notifier = notifier.clone();
                let done = done.clone();
                // Each message on its own task: one slow relay must not hold up the rest.
                tokio::spawn(async move {
                    deliver(&*notifier, &msg).await;
                    done.0.fetch_sub(1, Ordering::AcqRel);
                    done.1.notify_waiters();
                });
            }
        });
        Self { tx, pending }
    }

    /// Waits until every message queued so far has been delivered or given up on (tests and
    /// shutdown wait on this instead of sleeping).
    pub async fn flush(&self) {
        loop {
            let signal = self.pending.1.notified();
            if self.pending.0.load(Ordering::Acquire) == 0 {
                return;
            }
            signal.await;
        }
    }

    /// Queues a message. False when the queue is full (the caller audits it).
    pub fn enqueue(&self, message: Message) -> bool {
        self.pending.0.fetch_add(1, Ordering::AcqRel);
        match self.tx.try_send(message) {
            Ok(()) => true,
            Err(e) => {
                self.pending.0.fetch_sub(1, Ordering::AcqRel);
                tracing::error!(
                    channel = e.into_inner().channel(),
                    "outbox full; message dropped"
                );
                false
            }
        }
    }
}

async fn deliver(notifier: &dyn Notifier, msg: &Message) {
    let mut wait = Duration::from_millis(500);
    for attempt in 1..=4 {
        match notifier.send(msg).await {
            Ok(()) => {
                tracing::info!(channel = msg.channel(), attempt, "message sent");
                return;
            }
            Err(NotifyError::Transient(e)) if attempt < 4 => {
                tracing::warn!(channel = msg.channel(), attempt, error = %e, "send failed; retrying");
                tokio::time::sleep(wait).await;
                wait *= 2;
            }
            Err(e) => {
                tracing::error!(channel = msg.channel(), attempt, error = %crate::telemetry::Chain(&e), "message not delivered");
                metrics::counter!(crate::telemetry::names::MESSAGES_FAILED, "channel" => msg.channel())
                    .increment(1);
                return;
            }
        }
    }
}
