//! The receiver's settings.

use std::sync::Arc;
use std::time::Duration;

use crate::replay::ReplayStore;

/// Settings of the receiver.
#[derive(Debug, Clone)]
pub struct ReceiverOptions {
    pub(super) replay_window: Option<Duration>,
    pub(super) replay_capacity: usize,
    pub(super) replay_store: Option<Arc<dyn ReplayStore>>,
    pub(super) handler_deadline: Duration,
    pub(super) max_in_flight: usize,
    #[cfg(feature = "suite-tickets")]
    pub(super) suite_tickets: Option<Arc<dyn wecom_core::SuiteTicketStore>>,
}

impl Default for ReceiverOptions {
    /// A 5-minute timestamp window, an in-memory guard of 10,000 deliveries, a 4-second deadline and at
    /// most 1,000 handlers at once.
    fn default() -> Self {
        Self {
            replay_window: Some(Duration::from_secs(300)),
            replay_capacity: 10_000,
            replay_store: None,
            handler_deadline: Duration::from_secs(4),
            max_in_flight: 1_000,
            #[cfg(feature = "suite-tickets")]
            suite_tickets: None,
        }
    }
}

impl ReceiverOptions {
    /// How far a request's timestamp may be from now (`None`: no window, e.g. to replay recorded traffic;
    /// handled deliveries are still remembered, for a day).
    pub fn replay_window(mut self, window: Option<Duration>) -> Self {
        self.replay_window = window;
        self
    }

    /// How many deliveries the in-memory guard remembers (the default guard, and the fallback when a
    /// shared store fails).
    pub fn replay_capacity(mut self, capacity: usize) -> Self {
        self.replay_capacity = capacity;
        self
    }

    /// A replay store shared by every instance of the service (e.g. `wecom-token-redis`'s
    /// `RedisReplayGuard`), so that WeCom's retry of a delivery is recognised whichever instance it
    /// lands on. Without it each receiver has its own in-memory guard. When the store fails or takes more
    /// than a second, the receiver logs a warning and uses its in-memory guard: deliveries are still
    /// answered, and deduplicated per instance.
    pub fn replay_store(mut self, store: Arc<dyn ReplayStore>) -> Self {
        self.replay_store = Some(store);
        self
    }

    /// How long a delivery may take, from its arrival to the answer (default 4 s; WeCom waits 5 s): the
    /// time [`durable_router`](super::durable_router) gives its handler, and the time a copy of a delivery
    /// that another request is still handling waits for that request's outcome before it is answered
    /// 503.
    pub fn handler_deadline(mut self, deadline: Duration) -> Self {
        self.handler_deadline = deadline;
        self
    }

    /// How many handlers may run at once (default 1,000, at least 1). Past it a delivery is answered 503,
    /// not handled, and WeCom sends it again later; a burst costs refused requests, not memory.
    ///
    /// Set it to what your handlers can work through: about the peak callback rate times how long a
    /// handler takes, with headroom (e.g. 100 events/s × 0.5 s = 50, so 200). Each waiting handler holds
    /// one event (a few KB) and its task. With [`durable_router`](super::durable_router) a handler past
    /// its deadline keeps its place until it returns, so a hung dependency fills the bound instead of
    /// the memory.
    pub fn max_in_flight(mut self, handlers: usize) -> Self {
        self.max_in_flight = handlers.max(1);
        self
    }

    /// Stores every `suite_ticket` WeCom pushes to this receiver (a third-party app's or 代开发
    /// template's 指令回调 URL, whose [`MsgCrypt`](crate::MsgCrypt) has the suite id as receive id) in
    /// `store`, under the event's `SuiteId`, before the delivery is acknowledged: the client built with
    /// `ClientBuilder::suite(suite_id, suite_secret, store)` then fetches its suite token with it. When
    /// the store fails (or misses the [deadline](Self::handler_deadline)) the answer is 500 and the
    /// delivery is not recorded, so WeCom's retry stores it; a `suite_ticket` without its `SuiteId` or
    /// ticket is refused with 400. The event is still handed to the handler, like any other.
    ///
    /// Share the store with the API callers: the same [`MemoryTicketStore`] in one process, or
    /// wecom-token-redis's `RedisTicketStore` across processes.
    ///
    /// [`MemoryTicketStore`]: wecom_core::MemoryTicketStore
    #[cfg(feature = "suite-tickets")]
    #[cfg_attr(docsrs, doc(cfg(feature = "suite-tickets")))]
    pub fn suite_tickets(mut self, store: Arc<dyn wecom_core::SuiteTicketStore>) -> Self {
        self.suite_tickets = Some(store);
        self
    }
}
