//! The in-memory [`ReplayStore`]: one per process, bounded in size.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use async_trait::async_trait;

use super::{Claim, DeliveryKey, ReplayStore, Ticket};
use crate::BoxError;

/// Remembers recent deliveries in this process: claimed ones for their `hold`, handled ones for their
/// `remember` duration, and at most `capacity` of them (oldest forgotten first).
///
/// Choose a capacity above the number of callbacks you expect in twice the timestamp window. `Send +
/// Sync`: share one guard between all requests (and between receivers, as an `Arc`).
#[derive(Debug)]
pub struct ReplayGuard {
    capacity: usize,
    entries: Mutex<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    live: HashMap<DeliveryKey, Entry>,
    /// Insertion order; an item whose `seq` no longer matches its live entry is left over and skipped.
    order: VecDeque<(DeliveryKey, u64)>,
    next_seq: u64,
}

#[derive(Debug)]
struct Entry {
    state: State,
    expires: Instant,
    seq: u64,
}

#[derive(Debug)]
enum State {
    InProgress(Ticket),
    Done,
}

impl Default for ReplayGuard {
    /// Room for 10,000 deliveries.
    fn default() -> Self {
        Self::new(10_000)
    }
}

impl ReplayGuard {
    /// A guard remembering up to `capacity` deliveries (at least one).
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            entries: Mutex::new(Entries::default()),
        }
    }

    /// How many deliveries are remembered (claimed or handled, not yet expired or evicted).
    pub fn len(&self) -> usize {
        self.lock().live.len()
    }

    /// True when no delivery is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// [`ReplayStore::claim`] at `now`.
    pub(crate) fn claim_at(&self, key: &DeliveryKey, hold: Duration, now: Instant) -> Claim {
        let mut entries = self.lock();
        if let Some(entry) = entries.live.get(key).filter(|entry| entry.expires > now) {
            return match entry.state {
                State::InProgress(_) => Claim::InProgress,
                State::Done => Claim::Done,
            };
        }
        let ticket = Ticket::random();
        let state = State::InProgress(ticket.clone());
        entries.insert(key, state, later(now, hold), now, self.capacity);
        Claim::Fresh(ticket)
    }

    /// [`ReplayStore::complete`] at `now`.
    pub(crate) fn complete_at(&self, key: &DeliveryKey, remember: Duration, now: Instant) {
        let capacity = self.capacity;
        self.lock()
            .insert(key, State::Done, later(now, remember), now, capacity);
    }

    /// [`ReplayStore::release`], now.
    pub(crate) fn release_now(&self, key: &DeliveryKey, ticket: &Ticket) {
        let mut entries = self.lock();
        let ours = matches!(
            entries.live.get(key),
            Some(Entry { state: State::InProgress(held), .. }) if held == ticket
        );
        if ours {
            entries.live.remove(key);
        }
    }
}

/// `now + duration`, or far ahead when that does not fit an `Instant`.
fn later(now: Instant, duration: Duration) -> Instant {
    now.checked_add(duration)
        .or_else(|| now.checked_add(Duration::from_secs(365 * 24 * 3600)))
        .unwrap_or(now)
}

impl Entries {
    fn insert(
        &mut self,
        key: &DeliveryKey,
        state: State,
        expires: Instant,
        now: Instant,
        capacity: usize,
    ) {
        self.next_seq += 1;
        let seq = self.next_seq;
        self.live.insert(
            key.clone(),
            Entry {
                state,
                expires,
                seq,
            },
        );
        self.order.push_back((key.clone(), seq));
        self.trim(now, capacity);
    }

    /// Drops, oldest first, left-over order items, expired entries and whatever exceeds the capacity.
    fn trim(&mut self, now: Instant, capacity: usize) {
        while let Some((key, seq)) = self.order.front() {
            let live = self.live.get(key).filter(|entry| entry.seq == *seq);
            if let Some(entry) = live {
                if entry.expires > now && self.live.len() <= capacity {
                    break;
                }
            }
            let is_live = live.is_some();
            if let Some((key, _)) = self.order.pop_front() {
                if is_live {
                    self.live.remove(&key);
                }
            }
        }
        // Left-over items behind a long-lived front: compact now and then, so the order stays bounded.
        if self.order.len() > 2 * capacity + 16 {
            let live = &self.live;
            self.order
                .retain(|(key, seq)| live.get(key).is_some_and(|entry| entry.seq == *seq));
        }
    }
}

#[async_trait]
impl ReplayStore for ReplayGuard {
    async fn claim(&self, key: &DeliveryKey, hold: Duration) -> Result<Claim, BoxError> {
        Ok(self.claim_at(key, hold, Instant::now()))
    }

    async fn complete(&self, key: &DeliveryKey, remember: Duration) -> Result<(), BoxError> {
        self.complete_at(key, remember, Instant::now());
        Ok(())
    }

    async fn release(&self, key: &DeliveryKey, ticket: &Ticket) -> Result<(), BoxError> {
        self.release_now(key, ticket);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOLD: Duration = Duration::from_secs(5);
    const REMEMBER: Duration = Duration::from_secs(600);

    fn key(n: u32) -> DeliveryKey {
        DeliveryKey::new(&n.to_string(), "1718000000", "nonce")
    }

    fn fresh(claim: Claim) -> Ticket {
        match claim {
            Claim::Fresh(ticket) => ticket,
            other => panic!("expected a fresh claim, got {other:?}"),
        }
    }

    #[test]
    fn a_claim_is_in_progress_until_completed_then_done() {
        let guard = ReplayGuard::new(10);
        let t0 = Instant::now();
        fresh(guard.claim_at(&key(1), HOLD, t0));
        assert_eq!(guard.claim_at(&key(1), HOLD, t0), Claim::InProgress);
        guard.complete_at(&key(1), REMEMBER, t0);
        assert_eq!(guard.claim_at(&key(1), HOLD, t0), Claim::Done);
        assert_eq!(guard.len(), 1);
    }

    #[test]
    fn a_released_claim_is_fresh_again_but_only_for_its_ticket() {
        let guard = ReplayGuard::new(10);
        let t0 = Instant::now();
        let ticket = fresh(guard.claim_at(&key(1), HOLD, t0));
        guard.release_now(&key(1), &Ticket::random());
        assert_eq!(guard.claim_at(&key(1), HOLD, t0), Claim::InProgress);
        guard.release_now(&key(1), &ticket);
        assert!(guard.is_empty());
        let again = fresh(guard.claim_at(&key(1), HOLD, t0));
        // The first holder's ticket no longer releases the new claim, nor a done delivery.
        guard.release_now(&key(1), &ticket);
        assert_eq!(guard.claim_at(&key(1), HOLD, t0), Claim::InProgress);
        guard.complete_at(&key(1), REMEMBER, t0);
        guard.release_now(&key(1), &again);
        assert_eq!(guard.claim_at(&key(1), HOLD, t0), Claim::Done);
    }

    #[test]
    fn claims_and_done_deliveries_expire() {
        let guard = ReplayGuard::new(10);
        let t0 = Instant::now();
        fresh(guard.claim_at(&key(1), HOLD, t0));
        // A holder that never came back: after its hold, the delivery is fresh again.
        fresh(guard.claim_at(&key(1), HOLD, t0 + HOLD));
        guard.complete_at(&key(1), REMEMBER, t0 + HOLD);
        assert_eq!(guard.claim_at(&key(1), HOLD, t0 + REMEMBER), Claim::Done);
        fresh(guard.claim_at(&key(1), HOLD, t0 + HOLD + REMEMBER));
    }

    #[test]
    fn stays_bounded_oldest_first() {
        let guard = ReplayGuard::new(3);
        let t0 = Instant::now();
        for n in 0..10 {
            fresh(guard.claim_at(&key(n), HOLD, t0));
            guard.complete_at(&key(n), REMEMBER, t0);
        }
        assert_eq!(guard.len(), 3);
        assert_eq!(guard.claim_at(&key(9), HOLD, t0), Claim::Done);
        fresh(guard.claim_at(&key(0), HOLD, t0));
        // Completing re-queues an entry, and the order never grows past a bound.
        assert!(guard.lock().order.len() <= 2 * 3 + 16);
    }

    #[test]
    fn released_claims_leave_no_growing_order() {
        let guard = ReplayGuard::new(2);
        let t0 = Instant::now();
        let long = Duration::from_secs(3600);
        fresh(guard.claim_at(&key(0), long, t0));
        for _ in 0..1000 {
            let ticket = fresh(guard.claim_at(&key(1), HOLD, t0));
            guard.release_now(&key(1), &ticket);
        }
        assert_eq!(guard.len(), 1);
        assert!(guard.lock().order.len() <= 2 * 2 + 16);
    }
}
