//! The sandbox's clock: every created object's time and every time rule reads it.
//!
//! Real by default; tests fix it or move it ([`Clock::fixed`], [`Clock::set`], [`Clock::advance`]) so that
//! timestamps are exact and rules such as "a welcome code works for 20 seconds" can be crossed without
//! sleeping. Tokens and the server limits keep real time: they concern the client's own timing.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A clock in unix time, shared by every clone.
///
/// ```
/// use std::time::Duration;
/// let clock = wecom_sandbox::Clock::fixed(1_767_225_600);
/// clock.advance(Duration::from_secs(90));
/// assert_eq!(clock.now(), 1_767_225_690);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Clock {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// A fixed clock only moves when told; a real one follows the system clock.
    fixed: bool,
    /// Milliseconds: the time itself for a fixed clock, the shift from system time for a real one.
    millis: AtomicI64,
}

impl Clock {
    /// The system clock (the default).
    pub fn real() -> Self {
        Self::default()
    }

    /// A clock standing at `unix_secs` until [`set`](Self::set) or [`advance`](Self::advance) moves it.
    pub fn fixed(unix_secs: i64) -> Self {
        Self {
            inner: Arc::new(Inner {
                fixed: true,
                millis: AtomicI64::new(unix_secs.saturating_mul(1000)),
            }),
        }
    }

    /// Now, in unix seconds.
    pub fn now(&self) -> i64 {
        self.now_millis().div_euclid(1000)
    }

    /// Now, in unix milliseconds.
    pub fn now_millis(&self) -> i64 {
        let stored = self.inner.millis.load(Ordering::Acquire);
        if self.inner.fixed {
            stored
        } else {
            system_millis().saturating_add(stored)
        }
    }

    /// Moves the clock to `unix_secs` (a real clock keeps ticking from there).
    pub fn set(&self, unix_secs: i64) {
        let target = unix_secs.saturating_mul(1000);
        let stored = if self.inner.fixed {
            target
        } else {
            target.saturating_sub(system_millis())
        };
        self.inner.millis.store(stored, Ordering::Release);
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        let by = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        // fetch_update with a closure that always returns Some cannot fail.
        let _ = self
            .inner
            .millis
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |m| {
                Some(m.saturating_add(by))
            });
    }
}

fn system_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_moves_only_when_told() {
        let clock = Clock::fixed(1_000);
        let shared = clock.clone();
        assert_eq!(clock.now(), 1_000);
        shared.advance(Duration::from_millis(1_500));
        assert_eq!((clock.now(), clock.now_millis()), (1_001, 1_001_500));
        clock.set(5);
        assert_eq!(shared.now(), 5);
    }

    #[test]
    fn a_real_clock_follows_the_system_and_can_be_shifted() {
        let clock = Clock::real();
        let system = system_millis() / 1000;
        assert!((clock.now() - system).abs() <= 1);
        clock.advance(Duration::from_secs(3_600));
        assert!((clock.now() - system - 3_600).abs() <= 1);
        clock.set(1_000_000);
        assert!((clock.now() - 1_000_000).abs() <= 1);
    }
}
