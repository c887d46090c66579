//! The client-side limiter: at most N calls in flight and M calls per period, off by default.
//!
//! WeCom answers 45033 above its concurrency limit and 45009 above its per-minute budget; a bulk job
//! that sets the limiter just under them gets neither.
//!
//! The order of the waits is what keeps the rate promise whatever the server's latency does:
//! 1. an in-flight slot first, so that tasks queued behind slow calls hold no rate budget while they wait
//!    (taking the rate permit first let them bank permits and fire together once the server sped up);
//! 2. a window permit: one of `n`, given back only one `period` after its call *ended*. A call reaches
//!    the server before it ends, so calls `k` and `k + n` arrive more than a period apart: no window of
//!    the period, at the server, ever sees more than `n` calls, however latency and jitter vary;
//! 3. the pace: a period's budget spread evenly over the period (no burst), so a bulk job is smooth
//!    rather than `n` calls at once and then a pause.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, SemaphorePermit};

/// Throttles the attempts of one client (each HTTP attempt counts, retries included).
#[derive(Debug, Default)]
pub(crate) struct Limiter {
    in_flight: Option<Semaphore>,
    rate: Option<Rate>,
}

/// At most `n` calls per `period`.
#[derive(Debug)]
struct Rate {
    period: Duration,
    /// `n` permits, each returned one period after the call that held it ended.
    window: Arc<Semaphore>,
    pace: DefaultDirectRateLimiter,
}

/// Held for one HTTP attempt; dropping it (when the attempt ended, or was cancelled) frees the slots.
#[derive(Debug)]
pub(crate) struct Slot<'a> {
    _in_flight: Option<SemaphorePermit<'a>>,
    window: Option<(OwnedSemaphorePermit, Duration)>,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let Some((permit, period)) = self.window.take() else {
            return;
        };
        // Outside a runtime (a client dropped after its runtime) nothing can wait: free it now.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                tokio::time::sleep(period).await;
                drop(permit);
            });
        }
    }
}

/// The limits a client was built with: at most this many calls in flight, at most `n` calls per period.
pub(crate) type LimiterSettings = (Option<usize>, Option<(NonZeroU32, Duration)>);

impl Limiter {
    pub(crate) fn new((max_in_flight, rate): LimiterSettings) -> Self {
        Self {
            in_flight: max_in_flight.map(Semaphore::new),
            rate: rate.and_then(|(n, period)| {
                let interval = (period / n.get()).max(Duration::from_nanos(1));
                let quota = Quota::with_period(interval)?.allow_burst(NonZeroU32::MIN);
                Some(Rate {
                    period,
                    window: Arc::new(Semaphore::new(n.get() as usize)),
                    pace: RateLimiter::direct(quota),
                })
            }),
        }
    }

    /// True when no limit is set (the default): there is nothing to wait for.
    pub(crate) fn is_off(&self) -> bool {
        self.in_flight.is_none() && self.rate.is_none()
    }

    /// Waits for a slot, in the order the module docs give; the slot frees itself when dropped.
    pub(crate) async fn acquire(&self) -> Slot<'_> {
        // The semaphores are never closed, so acquiring only fails if they were.
        let in_flight = match &self.in_flight {
            Some(slots) => slots.acquire().await.ok(),
            None => None,
        };
        let window = match &self.rate {
            Some(rate) => {
                let permit = rate.window.clone().acquire_owned().await.ok();
                rate.pace.until_ready().await;
                permit.map(|permit| (permit, rate.period))
            }
            None => None,
        };
        Slot {
            _in_flight: in_flight,
            window,
        }
    }
}
