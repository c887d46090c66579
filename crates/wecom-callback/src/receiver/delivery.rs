//! The two routes: the URL handshake and event deliveries.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tokio::sync::Semaphore;
use tokio::time::Instant;

use super::guard::{Guard, Held, Outcome};
use super::handler::{DurableHandler, EventHandler};
use super::tickets::{Pending, Tickets};
use crate::replay::{unix_now, within_window, DeliveryKey};
use crate::{Error, Event, MsgCrypt};

/// How often a copy of a delivery that another request is handling looks again.
const POLL: Duration = Duration::from_millis(50);

/// How the events reach the user's code.
pub(super) enum Handler {
    /// Acknowledged first, handled in a task of its own.
    Spawned(Box<dyn EventHandler>),
    /// Handled first (within the deadline), acknowledged on success.
    Durable(Box<dyn DurableHandler>),
}

/// What every request of one receiver shares.
pub(super) struct Shared {
    pub(super) crypt: MsgCrypt,
    pub(super) handler: Handler,
    pub(super) guard: Guard,
    pub(super) window: Option<Duration>,
    pub(super) deadline: Duration,
    /// One permit per running handler.
    pub(super) slots: Arc<Semaphore>,
    /// Where `suite_ticket`s are stored before they are acknowledged.
    pub(super) tickets: Tickets,
}

#[derive(Deserialize)]
pub(super) struct Handshake {
    msg_signature: String,
    timestamp: String,
    nonce: String,
    echostr: String,
}

#[derive(Deserialize)]
pub(super) struct Delivery {
    msg_signature: String,
    timestamp: String,
    nonce: String,
}

pub(super) async fn handshake(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<Handshake>,
) -> Response {
    let echostr = query.echostr.replace(' ', "+");
    match shared.crypt.verify_url(
        &query.msg_signature,
        &query.timestamp,
        &query.nonce,
        &echostr,
    ) {
        Ok(plaintext) => (StatusCode::OK, plaintext).into_response(),
        Err(error) => refusal(&error),
    }
}

pub(super) async fn events(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<Delivery>,
    body: String,
) -> Response {
    let deadline = Instant::now() + shared.deadline;
    let plaintext =
        match shared
            .crypt
            .decrypt(&query.msg_signature, &query.timestamp, &query.nonce, &body)
        {
            Ok(plaintext) => plaintext,
            Err(error) => return refusal(&error),
        };
    if !within_window(&query.timestamp, shared.window, unix_now()) {
        return (StatusCode::FORBIDDEN, "timestamp outside the window").into_response();
    }
    // Parsed before anything is recorded: a delivery that cannot be parsed is never remembered.
    let event = match Event::parse(&plaintext) {
        Ok(event) => event,
        Err(error) => return refusal(&error),
    };
    let ticket = match shared.tickets.pending(&event) {
        Ok(ticket) => ticket,
        Err(reason) => return (StatusCode::BAD_REQUEST, reason).into_response(),
    };
    let key = DeliveryKey::new(&query.msg_signature, &query.timestamp, &query.nonce);
    let held = match claim(&shared.guard, &key, deadline).await {
        Ok(held) => held,
        Err(answer) => return answer,
    };
    // A task of its own, so that a dropped connection cannot leave the claim neither completed nor
    // released.
    match tokio::spawn(deliver(shared, key, held, event, ticket, deadline)).await {
        Ok(answer) => answer,
        Err(_) => not_handled(),
    }
}

/// Claims the delivery; a copy that another request is handling waits for its outcome, until the
/// deadline.
async fn claim(guard: &Guard, key: &DeliveryKey, deadline: Instant) -> Result<Held, Response> {
    loop {
        match guard.claim(key).await {
            Outcome::Fresh(held) => return Ok(held),
            // Handled (or accepted) by an earlier copy: acknowledge, so WeCom stops retrying.
            Outcome::Done => return Err(success()),
            Outcome::InProgress if Instant::now() + POLL < deadline => {
                tokio::time::sleep(POLL).await;
            }
            Outcome::InProgress => {
                tracing::info!("callback copy still being handled elsewhere; WeCom will retry");
                return Err(
                    (StatusCode::SERVICE_UNAVAILABLE, "being handled; retry").into_response()
                );
            }
        }
    }
}

/// Stores the suite ticket the event brings, if any, then hands the claimed event over; completes the
/// claim (handled or accepted) or releases it (any failure), and answers.
async fn deliver(
    shared: Arc<Shared>,
    key: DeliveryKey,
    held: Held,
    event: Event,
    ticket: Option<Pending>,
    deadline: Instant,
) -> Response {
    if let Some(ticket) = ticket {
        if let Err(reason) = ticket.keep(deadline).await {
            tracing::warn!(%reason, "suite_ticket not stored, not acknowledged; WeCom will retry");
            shared.guard.release(&key, held).await;
            return not_handled();
        }
    }
    let Ok(slot) = Arc::clone(&shared.slots).try_acquire_owned() else {
        shared.guard.release(&key, held).await;
        tracing::warn!(
            "callback refused: every handler slot is taken (max_in_flight); WeCom will retry"
        );
        return (StatusCode::SERVICE_UNAVAILABLE, "busy; retry").into_response();
    };
    match &shared.handler {
        Handler::Spawned(handler) => {
            let handled = handler.handle(event);
            tokio::spawn(async move {
                handled.await;
                drop(slot);
            });
            shared.guard.complete(&key, held).await;
            success()
        }
        Handler::Durable(handler) => {
            let handled = handler.handle(event);
            // A task of its own, so that a missed deadline does not cancel a store half done; it keeps
            // its slot until it ends.
            let task = tokio::spawn(async move {
                let result = handled.await;
                drop(slot);
                result
            });
            let failure = match tokio::time::timeout_at(deadline, task).await {
                Ok(Ok(Ok(()))) => {
                    shared.guard.complete(&key, held).await;
                    return success();
                }
                Ok(Ok(Err(error))) => format!("the handler failed: {error}"),
                Ok(Err(_)) => "the handler panicked".to_owned(),
                Err(_) => "the handler missed its deadline".to_owned(),
            };
            tracing::warn!(reason = %failure, "callback not acknowledged; WeCom will retry");
            shared.guard.release(&key, held).await;
            not_handled()
        }
    }
}

fn success() -> Response {
    (StatusCode::OK, "success").into_response()
}

fn not_handled() -> Response {
    (StatusCode::INTERNAL_SERVER_ERROR, "not handled; retry").into_response()
}

/// The answer to a request that failed verification or decoding; the message names only the kind.
fn refusal(error: &Error) -> Response {
    let status = match error {
        Error::InvalidSignature => StatusCode::UNAUTHORIZED,
        Error::ReceiveIdMismatch => StatusCode::FORBIDDEN,
        _ => StatusCode::BAD_REQUEST,
    };
    (status, format!("{} ({})", error, error.code())).into_response()
}
