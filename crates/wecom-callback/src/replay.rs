//! A replay guard for callback requests: a timestamp window plus a bounded memory of the
//! `(msg_signature, nonce)` pairs already handled.
//!
//! WeCom signs the timestamp and nonce with the ciphertext, so a captured request can only be replayed as a
//! whole. The window refuses old captures outright; the memory catches a replay (or a WeCom retry) inside
//! the window, which the receiver acknowledges without handling the event a second time.

use std::collections::{HashSet, VecDeque};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What [`ReplayGuard::check`] decided about a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Verdict {
    /// First time seen and inside the window: handle it.
    Fresh,
    /// Already seen: acknowledge it, do not handle it again.
    Replayed,
    /// The timestamp is not a number or is outside the window: refuse it.
    Stale,
}

/// Remembers recent `(msg_signature, nonce)` pairs and refuses timestamps outside a window.
///
/// The memory holds at most `capacity` pairs (oldest forgotten first) and forgets pairs older than the
/// window; choose a capacity above the number of callbacks you expect per window. `Send + Sync`: share
/// one guard between all requests.
#[derive(Debug)]
pub struct ReplayGuard {
    max_age: Option<Duration>,
    capacity: usize,
    seen: Mutex<Seen>,
}

#[derive(Debug, Default)]
struct Seen {
    keys: HashSet<(String, String)>,
    /// Insertion order, with the time (Unix seconds) each pair was first seen.
    order: VecDeque<((String, String), u64)>,
}

impl Default for ReplayGuard {
    /// A 5-minute window and room for 10,000 requests.
    fn default() -> Self {
        Self::new(Some(Duration::from_secs(300)), 10_000)
    }
}

impl ReplayGuard {
    /// A guard refusing timestamps more than `max_age` away from now (`None`: no window, e.g. to replay
    /// recorded traffic) and remembering up to `capacity` requests.
    pub fn new(max_age: Option<Duration>, capacity: usize) -> Self {
        Self {
            max_age,
            capacity: capacity.max(1),
            seen: Mutex::new(Seen::default()),
        }
    }

    /// Checks a request against the current time and records it when fresh. Call it only after the
    /// signature was verified, so forged requests never enter the memory.
    pub fn check(&self, msg_signature: &str, nonce: &str, timestamp: &str) -> Verdict {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        self.check_at(msg_signature, nonce, timestamp, now)
    }

    /// [`ReplayGuard::check`] at a given time (Unix seconds).
    pub fn check_at(&self, msg_signature: &str, nonce: &str, timestamp: &str, now: u64) -> Verdict {
        if let Some(max_age) = self.max_age {
            match timestamp.trim().parse::<u64>() {
                Ok(sent) if sent.abs_diff(now) <= max_age.as_secs() => {}
                _ => return Verdict::Stale,
            }
        }
        let key = (msg_signature.to_owned(), nonce.to_owned());
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        if seen.keys.contains(&key) {
            return Verdict::Replayed;
        }
        // Forget what the window would refuse anyway, then what exceeds the capacity.
        let horizon = self
            .max_age
            .map(|max_age| now.saturating_sub(max_age.as_secs()));
        while let Some((_, first_seen)) = seen.order.front() {
            let expired = horizon.is_some_and(|horizon| *first_seen < horizon);
            if !expired && seen.order.len() < self.capacity {
                break;
            }
            if let Some((old, _)) = seen.order.pop_front() {
                seen.keys.remove(&old);
            }
        }
        seen.keys.insert(key.clone());
        seen.order.push_back((key, now));
        Verdict::Fresh
    }

    /// Forgets a request, so that its next delivery is [`Verdict::Fresh`] again: for a request whose
    /// event could not be handled, which WeCom will send again.
    pub fn forget(&self, msg_signature: &str, nonce: &str) {
        let key = (msg_signature.to_owned(), nonce.to_owned());
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        if seen.keys.remove(&key) {
            // Also its place in the order, so that expiring the old entry cannot drop a new one.
            seen.order.retain(|(seen_key, _)| *seen_key != key);
        }
    }

    /// How many requests are remembered.
    pub fn len(&self) -> usize {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .order
            .len()
    }

    /// True when no request is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forgotten_request_is_fresh_again_and_remembered_once() {
        let guard = ReplayGuard::new(None, 10);
        assert_eq!(guard.check_at("s1", "n1", "1", 1), Verdict::Fresh);
        guard.forget("s1", "n1");
        assert!(guard.is_empty());
        assert_eq!(guard.check_at("s1", "n1", "1", 2), Verdict::Fresh);
        assert_eq!(guard.check_at("s1", "n1", "1", 3), Verdict::Replayed);
        assert_eq!(guard.len(), 1);
    }

    #[test]
    fn refuses_replays_and_stale_timestamps() {
        let guard = ReplayGuard::new(Some(Duration::from_secs(300)), 3);
        assert_eq!(guard.check_at("s1", "n1", "1000", 1000), Verdict::Fresh);
        assert_eq!(guard.check_at("s1", "n1", "1000", 1001), Verdict::Replayed);
        assert_eq!(guard.check_at("s1", "n2", "1000", 1001), Verdict::Fresh);
        assert_eq!(guard.check_at("s2", "n1", "699", 1000), Verdict::Stale);
        assert_eq!(guard.check_at("s2", "n1", "1301", 1000), Verdict::Stale);
        assert_eq!(guard.check_at("s2", "n1", "abc", 1000), Verdict::Stale);
        assert_eq!(
            guard.check_at("s2", "n1", "18446744073709551616", 1000),
            Verdict::Stale
        );
    }

    #[test]
    fn stays_bounded() {
        let guard = ReplayGuard::new(None, 3);
        for i in 0..10 {
            assert_eq!(guard.check_at(&i.to_string(), "n", "x", 0), Verdict::Fresh);
        }
        assert_eq!(guard.len(), 3);
        assert_eq!(guard.check_at("9", "n", "x", 0), Verdict::Replayed);
        assert_eq!(guard.check_at("0", "n", "x", 0), Verdict::Fresh);
    }

    #[test]
    fn forgets_expired_entries() {
        let guard = ReplayGuard::new(Some(Duration::from_secs(10)), 100);
        guard.check_at("a", "n", "100", 100);
        guard.check_at("b", "n", "200", 200);
        assert_eq!(guard.len(), 1);
    }
}
