//! A deadline on request bodies: a client that sends headers and then trickles (or stops
//! sending) its body gets an error page when the deadline passes, and its connection is
//! closed, instead of holding a worker's connection open for as long as it likes.

use std::{
    future::Future,
    pin::Pin,
    task::{Context, Poll},
    time::Duration,
};

use actix_web::{
    HttpMessage,
    body::MessageBody,
    dev::{Payload, ServiceRequest, ServiceResponse},
    error::PayloadError,
    middleware::Next,
    web::Bytes,
};
use futures_util::Stream;

struct Deadline {
    inner: Payload,
    expires: Pin<Box<tokio::time::Sleep>>,
}

impl Stream for Deadline {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if let Poll::Ready(item) = Pin::new(&mut self.inner).poll_next(cx) {
            return Poll::Ready(item);
        }
        match self.expires.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the request body did not arrive in time",
            ))))),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// The body timeout, from `server.body_timeout_secs`, kept as app data.
#[derive(Clone, Copy)]
pub struct BodyTimeout(pub Duration);

pub async fn body_deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    // Most requests (GETs) carry no body: nothing to time.
    let has_body = req
        .headers()
        .contains_key(actix_web::http::header::TRANSFER_ENCODING)
        || req
            .headers()
            .get(actix_web::http::header::CONTENT_LENGTH)
            .is_some_and(|v| v.as_bytes() != b"0");
    if !has_body {
        return next.call(req).await;
    }
    let limit = req
        .app_data::<actix_web::web::Data<BodyTimeout>>()
        .map_or(Duration::from_secs(10), |t| t.0);
    let inner = req.take_payload();
    let wrapped = Deadline {
        inner,
        expires: Box::pin(tokio::time::sleep(limit)),
    };
    req.set_payload(Payload::Stream {
        payload: Box::pin(wrapped),
    });
    next.call(req).await
}
