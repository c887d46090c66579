//! The client-side limiter: at most N calls in flight and M calls a minute, off by default.
//!
//! WeCom answers 45033 above its concurrency limit and 45009 above its per-minute budget; a bulk job
//! that sets the limiter just under them gets neither.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use tokio::sync::{Semaphore, SemaphorePermit};

/// Throttles the attempts of one client (each HTTP attempt counts, retries included).
#[derive(Debug, Default)]
pub(crate) struct Limiter {
    in_flight: Option<Semaphore>,
    rate: Option<Arc<DefaultDirectRateLimiter>>,
}

impl Limiter {
    /// `rate`: at most `n` calls per period.
    pub(crate) fn new(max_in_flight: Option<usize>, rate: Option<(NonZeroU32, Duration)>) -> Self {
        Self {
            in_flight: max_in_flight.map(Semaphore::new),
            // No burst beyond the steady rate: a period's budget spread evenly over the period, so no
            // window of that length (WeCom counts fixed windows) ever sees more than `n` calls.
            rate: rate.and_then(|(n, period)| {
                let interval = (period / n.get()).max(Duration::from_nanos(1));
                let quota = Quota::with_period(interval)?.allow_burst(NonZeroU32::MIN);
                Some(Arc::new(RateLimiter::direct(quota)))
            }),
        }
    }

    /// Waits for a slot; the permit frees it when dropped.
    pub(crate) async fn acquire(&self) -> Option<SemaphorePermit<'_>> {
        if let Some(rate) = &self.rate {
            rate.until_ready().await;
        }
        match &self.in_flight {
            // The semaphore is never closed, so acquire only fails if it were.
            Some(slots) => slots.acquire().await.ok(),
            None => None,
        }
    }
}
