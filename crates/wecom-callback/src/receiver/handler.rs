//! What the receiver hands events to: a fire-and-forget handler, or one that reports whether the event
//! is safely kept, so that WeCom delivers it again when it is not.

use std::future::Future;
use std::pin::Pin;

use crate::{BoxError, Event};

/// A future a handler returns.
pub type HandlerFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// Receives each event once it is acknowledged: any `Fn(Event) -> impl Future<Output = ()>` that is
/// `Send + Sync + 'static`. Used by [`router`](super::router).
pub trait EventHandler: Send + Sync + 'static {
    /// Handles one event.
    fn handle(&self, event: Event) -> HandlerFuture<()>;
}

impl<F, Fut> EventHandler for F
where
    F: Fn(Event) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    fn handle(&self, event: Event) -> HandlerFuture<()> {
        Box::pin(self(event))
    }
}

/// Receives each event before it is acknowledged and says whether it is safely kept: any
/// `Fn(Event) -> impl Future<Output = Result<(), E>>` with `E: Into<BoxError>`. Used by
/// [`durable_router`](super::durable_router): `Err`, a panic or a missed deadline makes the receiver
/// answer 500, and WeCom delivers the event again.
pub trait DurableHandler: Send + Sync + 'static {
    /// Handles (typically: stores) one event.
    fn handle(&self, event: Event) -> HandlerFuture<Result<(), BoxError>>;
}

impl<F, Fut, E> DurableHandler for F
where
    F: Fn(Event) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: Into<BoxError>,
{
    fn handle(&self, event: Event) -> HandlerFuture<Result<(), BoxError>> {
        let handled = self(event);
        Box::pin(async move { handled.await.map_err(Into::into) })
    }
}
