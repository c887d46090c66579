//! The receiver's replay guard: the shared store when one is configured, and this process's in-memory
//! guard as the default and the fallback when the shared store fails.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::replay::{Claim, DeliveryKey, ReplayGuard, ReplayStore, Ticket};

/// How long one call to the shared store may take before the in-memory guard stands in.
const STORE_TIMEOUT: Duration = Duration::from_secs(1);

/// How long a handled delivery is remembered when there is no timestamp window.
const REMEMBER_WITHOUT_WINDOW: Duration = Duration::from_secs(24 * 3600);

pub(super) struct Guard {
    shared: Option<Arc<dyn ReplayStore>>,
    local: ReplayGuard,
    /// How long a claim lasts when its holder neither completes nor releases it.
    hold: Duration,
    /// How long a handled delivery is remembered.
    remember: Duration,
}

/// Which guard a claim was taken in: it is completed or released in the same one.
#[derive(Debug, Clone, Copy)]
enum Tier {
    Shared,
    Local,
}

/// A claim this request holds.
#[derive(Debug)]
pub(super) struct Held {
    ticket: Ticket,
    tier: Tier,
}

/// What a claim found.
#[derive(Debug)]
pub(super) enum Outcome {
    Fresh(Held),
    InProgress,
    Done,
}

impl Guard {
    pub(super) fn new(
        shared: Option<Arc<dyn ReplayStore>>,
        capacity: usize,
        window: Option<Duration>,
        deadline: Duration,
    ) -> Self {
        Self {
            shared,
            local: ReplayGuard::new(capacity),
            // The handler's deadline, plus a margin for the store's own round trips.
            hold: deadline.saturating_add(Duration::from_secs(1)),
            // A timestamp up to one window ahead stays acceptable one window after it: twice the window.
            remember: window.map_or(REMEMBER_WITHOUT_WINDOW, |window| window.saturating_mul(2)),
        }
    }

    pub(super) async fn claim(&self, key: &DeliveryKey) -> Outcome {
        if let Some(shared) = &self.shared {
            match tokio::time::timeout(STORE_TIMEOUT, shared.claim(key, self.hold)).await {
                Ok(Ok(claim)) => return outcome(claim, Tier::Shared),
                Ok(Err(error)) => fell_back("claim", &error.to_string()),
                Err(_) => fell_back("claim", "timed out"),
            }
        }
        outcome(
            self.local.claim_at(key, self.hold, Instant::now()),
            Tier::Local,
        )
    }

    pub(super) async fn complete(&self, key: &DeliveryKey, held: Held) {
        if let (Tier::Shared, Some(shared)) = (held.tier, &self.shared) {
            match tokio::time::timeout(STORE_TIMEOUT, shared.complete(key, self.remember)).await {
                Ok(Ok(())) => {}
                Ok(Err(error)) => fell_back("complete", &error.to_string()),
                Err(_) => fell_back("complete", "timed out"),
            }
        }
        // Always remembered here too: when the shared store is down, a retry reaching this instance is
        // still acknowledged.
        self.local.complete_at(key, self.remember, Instant::now());
    }

    pub(super) async fn release(&self, key: &DeliveryKey, held: Held) {
        match (held.tier, &self.shared) {
            (Tier::Shared, Some(shared)) => {
                let released = shared.release(key, &held.ticket);
                match tokio::time::timeout(STORE_TIMEOUT, released).await {
                    Ok(Ok(())) => {}
                    // The claim expires after its hold; until then a retry waits or is answered 503.
                    Ok(Err(error)) => fell_back("release", &error.to_string()),
                    Err(_) => fell_back("release", "timed out"),
                }
            }
            _ => self.local.release_now(key, &held.ticket),
        }
    }
}

fn outcome(claim: Claim, tier: Tier) -> Outcome {
    match claim {
        Claim::Fresh(ticket) => Outcome::Fresh(Held { ticket, tier }),
        Claim::InProgress => Outcome::InProgress,
        Claim::Done => Outcome::Done,
    }
}

fn fell_back(call: &str, error: &str) {
    tracing::warn!(
        call,
        error,
        "shared replay store failed; this instance's in-memory guard stands in"
    );
}
