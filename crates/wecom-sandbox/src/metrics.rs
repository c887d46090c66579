//! Hit counters and WeCom's own limits (45033 above N concurrent calls, 45009 above a per-minute budget).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::reply::ApiError;

/// WeCom-side limits the sandbox enforces, off by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerLimits {
    /// Above this many calls in flight at once: errcode 45033.
    pub max_concurrent: Option<usize>,
    /// Above this many calls in one window (a minute, as WeCom counts): errcode 45009.
    pub per_minute: Option<u64>,
    /// The length of the fixed window `per_minute` counts in: 60 s, shorter to test a budget quickly.
    pub window: Duration,
}

impl Default for ServerLimits {
    fn default() -> Self {
        Self {
            max_concurrent: None,
            per_minute: None,
            window: Duration::from_secs(60),
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Metrics {
    hits: Mutex<HashMap<String, u64>>,
    pub(crate) mass_messages_created: AtomicU64,
    pub(crate) welcome_messages_sent: AtomicU64,
    in_flight: AtomicUsize,
    window: Mutex<(Option<Instant>, u64)>,
    limits: Mutex<ServerLimits>,
    pub(crate) rejected_concurrent: AtomicU64,
    pub(crate) rejected_freq: AtomicU64,
}

/// Frees an in-flight slot when dropped.
pub(crate) struct InFlight<'a>(&'a AtomicUsize);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Metrics {
    pub(crate) fn hit(&self, path: &str) {
        *self
            .hits
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(path.to_owned())
            .or_default() += 1;
    }

    pub(crate) fn hits(&self, path: &str) -> u64 {
        self.hits
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(path)
            .copied()
            .unwrap_or(0)
    }

    pub(crate) fn total_hits(&self) -> u64 {
        self.hits
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .sum()
    }

    pub(crate) fn set_limits(&self, limits: ServerLimits) {
        *self.limits.lock().unwrap_or_else(|p| p.into_inner()) = limits;
    }

    /// Admits one API call under the server limits, or answers 45033 / 45009 as WeCom would.
    pub(crate) fn admit(&self) -> Result<InFlight<'_>, ApiError> {
        let limits = *self.limits.lock().unwrap_or_else(|p| p.into_inner());
        let now_in_flight = self.in_flight.fetch_add(1, Ordering::AcqRel) + 1;
        let slot = InFlight(&self.in_flight);
        if limits.max_concurrent.is_some_and(|max| now_in_flight > max) {
            self.rejected_concurrent.fetch_add(1, Ordering::Relaxed);
            return Err(ApiError::new(45033, "api concurrent out of limit"));
        }
        if let Some(budget) = limits.per_minute {
            let mut window = self.window.lock().unwrap_or_else(|p| p.into_inner());
            let now = Instant::now();
            if window
                .0
                .is_none_or(|start| now.duration_since(start) >= limits.window)
            {
                *window = (Some(now), 0);
            }
            window.1 += 1;
            if window.1 > budget {
                self.rejected_freq.fetch_add(1, Ordering::Relaxed);
                return Err(ApiError::new(45009, "api freq out of limit"));
            }
        }
        Ok(slot)
    }
}
