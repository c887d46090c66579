//! Bounded retries with exponential backoff and jitter.

use std::future::Future;
use std::time::Duration;

use crate::{Error, Idempotency, Result};

/// How often and how patiently a failed call is tried again.
///
/// What is retried: a connect error (nothing reached WeCom) always; errcode -1 and 45033, timeouts and
/// HTTP 5xx only for idempotent endpoints. Errcode 45009 (frequency limit) is never retried: its window is
/// a minute or more, so the caller sees it at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 disables retries).
    pub max_attempts: u32,
    /// Delay before the first retry; doubled for each further one.
    pub base_delay: Duration,
    /// Upper bound of one delay.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn never() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The delay before retry number `retry` (1-based): exponential, capped, with "equal jitter"
    /// (uniform between half and all of it), so clients that failed together do not retry together.
    pub fn delay(&self, retry: u32) -> Duration {
        let exp = self.base_delay.saturating_mul(
            1u32.checked_shl(retry.saturating_sub(1))
                .unwrap_or(u32::MAX),
        );
        let capped = exp.min(self.max_delay);
        let half = capped / 2;
        half + half.mul_f64(fastrand::f64())
    }

    /// Whether `err`, seen on attempt `attempt` (1-based), should be followed by another attempt.
    pub fn should_retry(&self, err: &Error, idempotency: Idempotency, attempt: u32) -> bool {
        if attempt >= self.max_attempts || !err.is_retryable() {
            return false;
        }
        err.is_unsent() || idempotency == Idempotency::Idempotent
    }

    /// Runs `op` (given the 1-based attempt number) until it succeeds, fails for good, or the attempts
    /// run out; sleeps [`RetryPolicy::delay`] between attempts.
    pub async fn run<T, F, Fut>(&self, idempotency: Idempotency, mut op: F) -> Result<T>
    where
        F: FnMut(u32) -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let mut attempt = 1;
        loop {
            match op(attempt).await {
                Err(err) if self.should_retry(&err, idempotency, attempt) => {
                    self.pause(attempt, &err).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// The wait after failed attempt `attempt` (1-based), once [`RetryPolicy::should_retry`] said yes.
    pub(crate) async fn pause(&self, attempt: u32, err: &Error) {
        let delay = self.delay(attempt);
        tracing::debug!(attempt, ?delay, error = %err, "retrying");
        tokio::time::sleep(delay).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrCode;

    fn api(code: i64) -> Error {
        Error::Api {
            code: ErrCode(code),
            message: String::new(),
            path: "/p".into(),
        }
    }

    #[test]
    fn delays_grow_and_stay_bounded() {
        let p = RetryPolicy::default();
        for retry in 1..40 {
            let d = p.delay(retry);
            assert!(d <= p.max_delay, "{d:?}");
        }
        let d1 = p.delay(1);
        assert!(d1 >= p.base_delay / 2 && d1 <= p.base_delay);
        let d3 = p.delay(3);
        assert!(d3 >= p.base_delay * 2 && d3 <= p.base_delay * 4);
    }

    #[test]
    fn classification() {
        let p = RetryPolicy::default();
        use Idempotency::*;
        assert!(p.should_retry(&api(-1), Idempotent, 1));
        assert!(p.should_retry(&api(45033), Idempotent, 2));
        assert!(
            !p.should_retry(&api(45033), Idempotent, 3),
            "attempts are bounded"
        );
        assert!(!p.should_retry(&api(-1), NotIdempotent, 1));
        assert!(!p.should_retry(&api(45009), Idempotent, 1));
        assert!(!p.should_retry(&api(40001), Idempotent, 1));
        let timeout = Error::Timeout {
            path: "/p".into(),
            after: Duration::from_secs(1),
        };
        assert!(p.should_retry(&timeout, Idempotent, 1));
        assert!(!p.should_retry(&timeout, NotIdempotent, 1));
        let status = |s| Error::HttpStatus {
            path: "/p".into(),
            status: s,
            excerpt: String::new(),
        };
        assert!(p.should_retry(&status(502), Idempotent, 1));
        assert!(!p.should_retry(&status(502), NotIdempotent, 1));
        assert!(!p.should_retry(&status(404), Idempotent, 1));
    }
}
