//! A ready `axum` receiver for the 接收事件服务器 URL (feature `axum`).
//!
//! [`router`] answers, on its `/` route:
//! - `GET ?msg_signature&timestamp&nonce&echostr`: the URL handshake. A `+` that a form decoder turned into
//!   a space is restored in `echostr` first (a space is never base64). The body is the decrypted echostr,
//!   nothing else.
//! - `POST ?msg_signature&timestamp&nonce` with the XML (or JSON) envelope: verify, decrypt, check the
//!   timestamp window, parse, claim the delivery in the replay guard, hand the [`Event`](crate::Event) to your handler,
//!   answer `success`.
//!
//! Status codes: `401` for a bad signature and `403` for a wrong receive id or a timestamp outside the
//! replay window — the handler is not called; `400` for a malformed query, body or plaintext; `200
//! success` for a copy of a delivery already handled (acknowledged so WeCom stops retrying, not handled
//! again); `503` when every handler slot is taken ([`ReceiverOptions::max_in_flight`]) or another copy of
//! the delivery is still being handled at the deadline; `500` when a durable handler failed or a
//! `suite_ticket` could not be stored. Every answer but `200` leaves the delivery unrecorded, so WeCom's
//! retry is handled.
//!
//! Two ways to hand events over:
//! - [`router`]: **the handler runs in its own task** (`tokio::spawn`), so the answer goes back at once
//!   whatever the handler does: WeCom gives a callback 5 seconds and retries slow ones. The event is
//!   acknowledged once accepted, before it is handled: at most once. A panic in the handler ends only its
//!   task.
//! - [`durable_router`]: the handler (a [`DurableHandler`]) runs first, within a deadline (4 s by default,
//!   under WeCom's 5), and the answer is `success` only when it returned `Ok`. On `Err`, a panic or a
//!   missed deadline the answer is 500 and the replay guard forgets the delivery, so WeCom's retry is
//!   handled again: at least once. Have the handler store the event durably (a queue, a table) and
//!   return; make it idempotent, since a retry after a missed deadline may repeat a store that succeeded.
//!
//! A copy of a delivery that arrives while another request is handling it (WeCom's retry, or a replay)
//! is not acknowledged before that request is: it waits for its outcome — `success` once it was handled,
//! handled itself if it failed — and is answered 503 if the deadline passes first.
//!
//! **Bound the work**: at most [`ReceiverOptions::max_in_flight`] handlers run at once (default 1,000);
//! past it a delivery is answered 503 and WeCom delivers it again later. Set it to about your peak
//! callback rate times a handler's duration, with headroom (100 events/s × 0.5 s → 200).
//!
//! **Several instances**: each receiver remembers deliveries in memory by default, so behind a load
//! balancer a retry landing on another instance would be handled twice. Give every instance the same
//! shared store with [`ReceiverOptions::replay_store`] (`wecom-token-redis`'s `RedisReplayGuard`); when
//! it fails, the receiver logs a warning and falls back to its in-memory guard.
//!
//! **Third-party apps and 代开发 templates** get their 应用授权 callbacks (`suite_ticket`, `create_auth`,
//! …, see [`AuthChange`](crate::AuthChange)) on the 指令回调 URL, encrypted for the suite: build that
//! receiver's [`MsgCrypt`] with the **suite id** as receive id (the template id for 代开发), not a corp
//! id. With the `suite-tickets` feature, `ReceiverOptions::suite_tickets` stores each pushed ticket
//! before the delivery is acknowledged (on a store failure: 500, and WeCom's retry stores it); the event
//! still reaches the handler.
//!
//! Mount the router where your callback URL points, e.g. `Router::new().nest("/wecom/callback", router)`.

mod delivery;
mod guard;
mod handler;
mod options;
mod tickets;

use std::sync::Arc;

use axum::routing::get;
use axum::Router;
use tokio::sync::Semaphore;

use crate::MsgCrypt;
use delivery::{Handler, Shared};
use guard::Guard;
use tickets::Tickets;

pub use handler::{DurableHandler, EventHandler, HandlerFuture};
pub use options::ReceiverOptions;

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
    build(crypt, Handler::Durable(Box::new(handler)), &options)
}

fn build(crypt: MsgCrypt, handler: Handler, options: &ReceiverOptions) -> Router {
    let shared = Arc::new(Shared {
        crypt,
        handler,
        guard: Guard::new(
            options.replay_store.clone(),
            options.replay_capacity,
            options.replay_window,
            options.handler_deadline,
        ),
        window: options.replay_window,
        deadline: options.handler_deadline,
        slots: Arc::new(Semaphore::new(
            options.max_in_flight.min(Semaphore::MAX_PERMITS),
        )),
        tickets: Tickets::new(options),
    });
    Router::new()
        .route("/", get(delivery::handshake).post(delivery::events))
        .with_state(shared)
}
