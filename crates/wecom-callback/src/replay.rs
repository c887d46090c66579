//! Replay protection for callback deliveries: a timestamp window, and a store of the deliveries already
//! handled.
//!
//! WeCom signs the timestamp and nonce together with the ciphertext, so a captured request can only be
//! replayed whole, and WeCom's retry of a delivery is that same request again. The window
//! ([`within_window`]) refuses old captures outright. A [`ReplayStore`] catches the rest: the receiver
//! *claims* a delivery before handling it, *completes* it once it was handled (later copies are
//! acknowledged without being handled again) or *releases* it when handling failed (the next copy is
//! handled). A claim that is neither completed nor released expires after its `hold`, so a crashed
//! instance does not block a delivery for long.
//!
//! [`ReplayGuard`] is the in-memory store: one per process, the receiver's default. Instances behind a load
//! balancer share one store instead (`wecom-token-redis`'s `RedisReplayGuard`, feature `callback`), so
//! that a retry landing on another instance is recognised too.

mod memory;

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use sha2::{Digest, Sha256};

use crate::BoxError;

pub use memory::ReplayGuard;

/// One delivery: a SHA-256 digest (64 hex digits) of its `msg_signature`, `timestamp` and `nonce`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DeliveryKey(String);

impl DeliveryKey {
    /// The key of the delivery with these query parameters.
    pub fn new(msg_signature: &str, timestamp: &str, nonce: &str) -> Self {
        let mut digest = Sha256::new();
        // Length-prefixed, so that no two different triples hash the same input.
        for part in [msg_signature, timestamp, nonce] {
            digest.update(part.len().to_string());
            digest.update(b":");
            digest.update(part);
        }
        let hex = digest
            .finalize()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        Self(hex)
    }

    /// The digest in hex.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Proof of a [`Claim::Fresh`]: [`ReplayStore::release`] forgets a claim only for the ticket that took
/// it, so a holder whose claim expired never releases another holder's.
#[derive(Clone, PartialEq, Eq)]
pub struct Ticket(String);

impl Ticket {
    /// A new random ticket (128 bits, in hex).
    pub fn random() -> Self {
        Self(format!("{:032x}", rand::random::<u128>()))
    }

    /// The ticket as text, for a store to keep and compare.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Ticket(..)")
    }
}

/// What [`ReplayStore::claim`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Claim {
    /// Nobody holds the delivery: it is now ours. Handle it, then complete or release it.
    Fresh(Ticket),
    /// Another request holds it and is handling it now: do not acknowledge before it did.
    InProgress,
    /// It was handled: acknowledge it, do not handle it again.
    Done,
}

/// Where a receiver records the deliveries it claimed and handled: [`ReplayGuard`] in memory (the
/// default), or a store shared by every instance of the service.
///
/// Calls should be quick: the receiver gives each one a second, and on an error or a timeout it logs a
/// warning and uses its in-memory guard instead, so a store outage never fails a delivery.
#[async_trait]
pub trait ReplayStore: fmt::Debug + Send + Sync + 'static {
    /// Claims `key` for `hold` unless someone holds it or it is done (`SET NX` semantics).
    async fn claim(&self, key: &DeliveryKey, hold: Duration) -> Result<Claim, BoxError>;

    /// Records `key` as handled for `remember`; from now on it is [`Claim::Done`].
    async fn complete(&self, key: &DeliveryKey, remember: Duration) -> Result<(), BoxError>;

    /// Forgets the claim `ticket` holds on `key`, so that the next copy is [`Claim::Fresh`]. Does
    /// nothing when `key` is done or held under another ticket.
    async fn release(&self, key: &DeliveryKey, ticket: &Ticket) -> Result<(), BoxError>;
}

/// True when `timestamp` (Unix seconds, as sent) is within `max_age` of `now` (Unix seconds), in either
/// direction. `None` accepts any timestamp, e.g. to replay recorded traffic.
pub fn within_window(timestamp: &str, max_age: Option<Duration>, now: u64) -> bool {
    let Some(max_age) = max_age else {
        return true;
    };
    timestamp
        .trim()
        .parse::<u64>()
        .is_ok_and(|sent| sent.abs_diff(now) <= max_age.as_secs())
}

/// The current time in Unix seconds (0 before 1970).
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_digests_that_separate_the_parts() {
        let key = DeliveryKey::new("sig", "1718000000", "nonce");
        assert_eq!(key.as_str().len(), 64);
        assert!(key.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(key, DeliveryKey::new("sig", "1718000000", "nonce"));
        assert_ne!(key, DeliveryKey::new("sig1", "718000000", "nonce"));
        assert_ne!(
            DeliveryKey::new("ab", "c", ""),
            DeliveryKey::new("a", "bc", "")
        );
    }

    #[test]
    fn the_window_refuses_old_future_and_non_numeric_timestamps() {
        let window = Some(Duration::from_secs(300));
        assert!(within_window("1000", window, 1000));
        assert!(within_window("700", window, 1000));
        assert!(within_window("1300", window, 1000));
        assert!(!within_window("699", window, 1000));
        assert!(!within_window("1301", window, 1000));
        assert!(!within_window("abc", window, 1000));
        assert!(!within_window("18446744073709551616", window, 1000));
        assert!(within_window("abc", None, 1000));
    }

    #[test]
    fn tickets_differ_and_do_not_show_in_debug() {
        let (a, b) = (Ticket::random(), Ticket::random());
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 32);
        assert_eq!(format!("{a:?}"), "Ticket(..)");
    }
}
