//! Fault injection: per endpoint (or for all), as rates, decided by a seeded generator so a run repeats.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

/// What can go wrong with one request, each as a probability in `0.0..=1.0`.
///
/// Errcodes -1, 45009 and 45033 are answered *before* the endpoint runs (WeCom refused the call). A 502,
/// a dropped connection and a delay happen *after* it ran: the effect took place, only the answer was lost
/// or late — the case in which a careless client sends a mass message twice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaultRule {
    /// errcode -1 (系统繁忙).
    pub system_busy: f64,
    /// errcode 45009 (frequency limit).
    pub freq_limit: f64,
    /// errcode 45033 (too many concurrent calls).
    pub concurrent_limit: f64,
    /// HTTP 502 with an HTML body, after the effect.
    pub http_502: f64,
    /// The connection is dropped mid-answer, after the effect.
    pub drop_connection: f64,
    /// This delay before answering, after the effect, with probability [`FaultRule::delay_rate`].
    pub delay: Duration,
    /// How often [`FaultRule::delay`] applies.
    pub delay_rate: f64,
}

impl FaultRule {
    /// No faults.
    pub fn none() -> Self {
        Self::default()
    }

    /// errcode -1 at `rate`.
    pub fn system_busy(mut self, rate: f64) -> Self {
        self.system_busy = rate;
        self
    }

    /// errcode 45009 at `rate`.
    pub fn freq_limit(mut self, rate: f64) -> Self {
        self.freq_limit = rate;
        self
    }

    /// errcode 45033 at `rate`.
    pub fn concurrent_limit(mut self, rate: f64) -> Self {
        self.concurrent_limit = rate;
        self
    }

    /// HTTP 502 (after the effect) at `rate`.
    pub fn http_502(mut self, rate: f64) -> Self {
        self.http_502 = rate;
        self
    }

    /// A dropped connection (after the effect) at `rate`.
    pub fn drop_connection(mut self, rate: f64) -> Self {
        self.drop_connection = rate;
        self
    }

    /// `delay` before answering (after the effect) at `rate`.
    pub fn delay(mut self, delay: Duration, rate: f64) -> Self {
        self.delay = delay;
        self.delay_rate = rate;
        self
    }
}

/// A fault chosen for one request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Before {
    Errcode(i64, &'static str),
}

/// What happens to the answer of a request that ran.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum After {
    Http502,
    Drop,
    Delay(Duration),
}

/// The rules in force, and the generator that applies them.
#[derive(Debug)]
pub(crate) struct Faults {
    inner: Mutex<FaultState>,
}

#[derive(Debug)]
struct FaultState {
    rules: HashMap<String, FaultRule>,
    rng: fastrand::Rng,
}

/// The key that applies a rule to every endpoint.
pub(crate) const ALL: &str = "*";

impl Faults {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            inner: Mutex::new(FaultState {
                rules: HashMap::new(),
                rng: fastrand::Rng::with_seed(seed ^ 0x5eed_fa17),
            }),
        }
    }

    pub(crate) fn set(&self, path: &str, rule: FaultRule) {
        self.lock().rules.insert(path.to_owned(), rule);
    }

    pub(crate) fn clear(&self) {
        self.lock().rules.clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FaultState> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Draws the faults of one request to `path`.
    pub(crate) fn draw(&self, path: &str) -> (Option<Before>, Option<After>) {
        let mut state = self.lock();
        let Some(rule) = state
            .rules
            .get(path)
            .or_else(|| state.rules.get(ALL))
            .cloned()
        else {
            return (None, None);
        };
        let rng = &mut state.rng;
        let mut hit = |rate: f64| rate > 0.0 && rng.f64() < rate;
        let before = if hit(rule.system_busy) {
            Some(Before::Errcode(-1, "system busy"))
        } else if hit(rule.concurrent_limit) {
            Some(Before::Errcode(45033, "api concurrent out of limit"))
        } else if hit(rule.freq_limit) {
            Some(Before::Errcode(45009, "api freq out of limit"))
        } else {
            None
        };
        let after = if hit(rule.http_502) {
            Some(After::Http502)
        } else if hit(rule.drop_connection) {
            Some(After::Drop)
        } else if hit(rule.delay_rate) {
            Some(After::Delay(rule.delay))
        } else {
            None
        };
        (before, after)
    }
}
