//! A ready `axum` receiver for the 接收事件服务器 URL (feature `axum`).
//!
//! [`router`] answers, on its `/` route:
//! - `GET ?msg_signature&timestamp&nonce&echostr`: the URL handshake. A `+` that a form decoder turned into
//!   a space is restored in `echostr` first (a space is never base64). The body is the decrypted echostr,
//!   nothing else.
//! - `POST ?msg_signature&timestamp&nonce` with the XML (or JSON) envelope: verify, decrypt, check the
//!   replay guard, parse, hand the [`Event`] to your handler, answer `success`.
//!
//! Status codes: `401` for a bad signature and `403` for a wrong receive id or a timestamp outside the
//! replay window — the handler is not called; `400` for a malformed query, body or plaintext; `200 success`
//! for a replayed request (acknowledged so WeCom stops retrying, not handled again).
//!
//! Two ways to hand events over:
//! - [`router`]: **the handler runs in its own task** (`tokio::spawn`), so the answer goes back at once
//!   whatever the handler does: WeCom gives a callback 5 seconds and retries slow ones. The event is
//!   acknowledged before it is handled: at most once. A panic in the handler ends only its task.
//! - [`durable_router`]: the handler (a [`DurableHandler`]) runs first, within a deadline (4 s by default,
//!   under WeCom's 5), and the answer is `success` only when it returned `Ok`. On `Err`, a panic or a
//!   missed deadline the answer is 500 and the request is forgotten by the replay guard, so WeCom's retry
//!   is handled again: at least once. Have the handler store the event durably (a queue, a table) and
//!   return; make it idempotent, since a retry after a missed deadline may repeat a store that succeeded.
//!
//! Mount the router where your callback URL points, e.g. `Router::new().nest("/wecom/callback", router)`.

mod handler;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::replay::{ReplayGuard, Verdict};
use crate::{Error, Event, MsgCrypt};

pub use handler::{DurableHandler, EventHandler, HandlerFuture};

/// Settings of the receiver.
#[derive(Debug, Clone)]
pub struct ReceiverOptions {
    replay_window: Option<Duration>,
    replay_capacity: usize,
    handler_deadline: Duration,
}

impl Default for ReceiverOptions {
    /// A 5-minute timestamp window and a memory of 10,000 requests.
    fn default() -> Self {
        Self {
            replay_window: Some(Duration::from_secs(300)),
            replay_capacity: 10_000,
            handler_deadline: Duration::from_secs(4),
        }
    }
}

impl ReceiverOptions {
    /// How far a request's timestamp may be from now (`None`: no window, e.g. to replay recorded traffic;
    /// the memory of seen requests still applies).
    pub fn replay_window(mut self, window: Option<Duration>) -> Self {
        self.replay_window = window;
        self
    }

    /// How many `(msg_signature, nonce)` pairs the replay guard remembers.
    pub fn replay_capacity(mut self, capacity: usize) -> Self {
        self.replay_capacity = capacity;
        self
    }

    /// How long [`durable_router`] waits for its handler before answering 500 (default 4 s; WeCom waits
    /// 5 s for an answer).
    pub fn handler_deadline(mut self, deadline: Duration) -> Self {
        self.handler_deadline = deadline;
        self
    }
}

/// How the events reach the user's code.
enum Handler {
    /// Acknowledged first, handled in a task of its own.
    Spawned(Box<dyn EventHandler>),
    /// Handled first (within the deadline), acknowledged on success.
    Durable(Box<dyn DurableHandler>, Duration),
}

struct Shared {
    crypt: MsgCrypt,
    handler: Handler,
    replay: ReplayGuard,
}

/// The receiver with default [`ReceiverOptions`].
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use wecom_callback::{receiver, Event, MsgCrypt};
///
/// let crypt = MsgCrypt::new("token", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "ww0123456789")?;
/// let app = axum::Router::new().nest(
///     "/wecom/callback",
///     receiver::router(crypt, |event: Event| async move { println!("{event:?}") }),
/// );
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// axum::serve(listener, app).await?;
/// # Ok(())
/// # }
/// ```
pub fn router(crypt: MsgCrypt, handler: impl EventHandler) -> Router {
    router_with(crypt, handler, ReceiverOptions::default())
}

/// The receiver with the given options.
pub fn router_with(
    crypt: MsgCrypt,
    handler: impl EventHandler,
    options: ReceiverOptions,
) -> Router {
    build(crypt, Handler::Spawned(Box::new(handler)), &options)
}

/// The receiver that acknowledges an event only once `handler` returned `Ok` (at least once; see the
/// [module docs](self)).
///
/// ```no_run
/// # async fn run(queue: tokio::sync::mpsc::Sender<wecom_callback::Event>) -> Result<(), Box<dyn std::error::Error>> {
/// use wecom_callback::receiver::{self, ReceiverOptions};
/// use wecom_callback::{Event, MsgCrypt};
///
/// let crypt = MsgCrypt::new("token", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "ww0123456789")?;
/// let app = receiver::durable_router(crypt, ReceiverOptions::default(), move |event: Event| {
///     let queue = queue.clone();
///     async move { queue.send(event).await } // Err (the queue is gone) → 500 → WeCom retries
/// });
/// # let _ = app; Ok(())
/// # }
/// ```
pub fn durable_router(
    crypt: MsgCrypt,
    options: ReceiverOptions,
    handler: impl DurableHandler,
) -> Router {
    let handler = Handler::Durable(Box::new(handler), options.handler_deadline);
    build(crypt, handler, &options)
}

fn build(crypt: MsgCrypt, handler: Handler, options: &ReceiverOptions) -> Router {
    let shared = Arc::new(Shared {
        crypt,
        handler,
        replay: ReplayGuard::new(options.replay_window, options.replay_capacity),
    });
    Router::new()
        .route("/", get(handshake).post(events))
        .with_state(shared)
}

#[derive(Deserialize)]
struct Handshake {
    msg_signature: String,
    timestamp: String,
    nonce: String,
    echostr: String,
}

#[derive(Deserialize)]
struct Delivery {
    msg_signature: String,
    timestamp: String,
    nonce: String,
}

async fn handshake(State(shared): State<Arc<Shared>>, Query(query): Query<Handshake>) -> Response {
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

async fn events(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<Delivery>,
    body: String,
) -> Response {
    let plaintext =
        match shared
            .crypt
            .decrypt(&query.msg_signature, &query.timestamp, &query.nonce, &body)
        {
            Ok(plaintext) => plaintext,
            Err(error) => return refusal(&error),
        };
    match shared
        .replay
        .check(&query.msg_signature, &query.nonce, &query.timestamp)
    {
        Verdict::Fresh => {}
        Verdict::Replayed => return success(),
        Verdict::Stale => {
            return (StatusCode::FORBIDDEN, "timestamp outside the window").into_response()
        }
    }
    let event = match Event::parse(&plaintext) {
        Ok(event) => event,
        Err(error) => return refusal(&error),
    };
    match &shared.handler {
        Handler::Spawned(handler) => {
            tokio::spawn(handler.handle(event));
            success()
        }
        Handler::Durable(handler, deadline) => {
            // A task of its own, so that a missed deadline does not cancel a store half done.
            let handled = tokio::spawn(handler.handle(event));
            let failure = match tokio::time::timeout(*deadline, handled).await {
                Ok(Ok(Ok(()))) => return success(),
                Ok(Ok(Err(error))) => format!("the handler failed: {error}"),
                Ok(Err(_)) => "the handler panicked".to_owned(),
                Err(_) => "the handler missed its deadline".to_owned(),
            };
            tracing::warn!(reason = %failure, "callback not acknowledged; WeCom will retry");
            shared.replay.forget(&query.msg_signature, &query.nonce);
            (StatusCode::INTERNAL_SERVER_ERROR, "not handled; retry").into_response()
        }
    }
}

fn success() -> Response {
    (StatusCode::OK, "success").into_response()
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
