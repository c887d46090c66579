//! The client-side limiter: at most N calls in flight and M calls a minute, off by default.
//!
//! WeCom answers 45033 above its concurrency limit and 45009 above its per-minute budget; a bulk job
//! that sets the limiter just under them gets neither.

use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use tokio::sync::{Semaphore, SemaphorePermit};

/// Throttles the attempts of one client (each HTTP attempt counts, retries included).
#[derive(Debug, Default)]
pub(crate) struct Limiter {
    in_flight: Option<Semaphore>,
    per_minute: Option<Arc<DefaultDirectRateLimiter>>,
}

impl Limiter {
    pub(crate) fn new(max_in_flight: Option<usize>, per_minute: Option<NonZeroU32>) -> Self {
        Self {
            in_flight: max_in_flight.map(Semaphore::new),
            // No burst beyond the steady rate: a minute's budget spread evenly over the minute.
            per_minute: per_minute.map(|n| {
                Arc::new(RateLimiter::direct(
                    Quota::per_minute(n).allow_burst(NonZeroU32::MIN),
                ))
            }),
        }
    }

    /// Waits for a slot; the permit frees it when dropped.
    pub(crate) async fn acquire(&self) -> Option<SemaphorePermit<'_>> {
        if let Some(rate) = &self.per_minute {
            rate.until_ready().await;
        }
        match &self.in_flight {
            // The semaphore is never closed, so acquire only fails if it were.
            Some(slots) => slots.acquire().await.ok(),
            None => None,
        }
    }
}
