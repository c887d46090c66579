//! Hit counters, what calls created and sent, and WeCom's own limits (45033 above N concurrent calls,
//! 45009 above a per-minute budget).

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

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

/// What calls created or sent: the proof that nothing happened twice.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub(crate) contact_ways: AtomicU64,
    pub(crate) join_ways: AtomicU64,
    pub(crate) tag_groups: AtomicU64,
    pub(crate) tags: AtomicU64,
    pub(crate) mass_messages: AtomicU64,
    pub(crate) group_welcome_templates: AtomicU64,
    pub(crate) welcome_messages_sent: AtomicU64,
    /// Customer transfers WeCom accepted (errcode 0), 在职 and 离职.
    pub(crate) customer_transfers: AtomicU64,
    /// Takeovers completed: the takeover member now follows the customer.
    pub(crate) customer_takeovers: AtomicU64,
    /// Groups that changed owner through groupchat/transfer or groupchat/onjob_transfer.
    pub(crate) group_chat_transfers: AtomicU64,
    /// 获客链接 created by create_link.
    pub(crate) acquisition_links: AtomicU64,
    /// Customers added through a 获客链接 (each used a quota, or the provider paid).
    pub(crate) acquired_customers: AtomicU64,
    /// Sensitive-word rules created by add_intercept_rule.
    pub(crate) intercept_rules: AtomicU64,
    /// Products created by add_product_album.
    pub(crate) product_albums: AtomicU64,
}

impl Counters {
    /// Counts `n` more of `counter`.
    pub(crate) fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    pub(crate) fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}

#[derive(Debug, Default)]
pub(crate) struct Metrics {
    hits: Mutex<HashMap<String, u64>>,
    pub(crate) counters: Counters,
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

    /// Everything counted, as `GET /sandbox/stats` answers it.
    pub(crate) fn snapshot(&self) -> Value {
        let hits: BTreeMap<String, u64> = self
            .hits
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .map(|(path, n)| (path.clone(), *n))
            .collect();
        let c = &self.counters;
        let get = Counters::get;
        json!({
            "total_hits": hits.values().sum::<u64>(),
            "hits": hits,
            "created": {
                "contact_ways": get(&c.contact_ways),
                "join_ways": get(&c.join_ways),
                "tag_groups": get(&c.tag_groups),
                "tags": get(&c.tags),
                "mass_messages": get(&c.mass_messages),
                "group_welcome_templates": get(&c.group_welcome_templates),
            },
            "sent": { "welcome_messages": get(&c.welcome_messages_sent) },
            "acquisition": {
                "links_created": get(&c.acquisition_links),
                "customers_added": get(&c.acquired_customers),
            },
            "intercept_rules_created": get(&c.intercept_rules),
            "product_albums_created": get(&c.product_albums),
            "transfers": {
                "customers_started": get(&c.customer_transfers),
                "customers_taken_over": get(&c.customer_takeovers),
                "group_chats": get(&c.group_chat_transfers),
            },
            "limit_rejections": {
                "concurrent": self.rejected_concurrent.load(Ordering::Relaxed),
                "frequency": self.rejected_freq.load(Ordering::Relaxed),
            },
        })
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
