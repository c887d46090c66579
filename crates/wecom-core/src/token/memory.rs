//! The default, in-process token store.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use async_trait::async_trait;

use super::{Lease, StoredToken, TokenStore};
use crate::{AccessToken, Result};

/// Tokens in a map in memory. Share one `Arc<MemoryStore>` between clients of the same process if you
/// like: keys differ per credential, so clients with different secrets never see each other's tokens.
#[derive(Debug, Default)]
pub struct MemoryStore {
    tokens: Mutex<HashMap<String, StoredToken>>,
    leases: Mutex<HashMap<String, (String, Instant)>>,
    serial: std::sync::atomic::AtomicU64,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, StoredToken>> {
        // A panic elsewhere while holding the lock leaves the map usable: recover it.
        self.tokens
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[async_trait]
impl TokenStore for MemoryStore {
    async fn get(&self, key: &str) -> Result<Option<StoredToken>> {
        let now = SystemTime::now();
        Ok(self.map().get(key).filter(|t| t.is_fresh(now)).cloned())
    }

    async fn put(&self, key: &str, token: &StoredToken) -> Result<()> {
        self.map().insert(key.to_owned(), token.clone());
        Ok(())
    }

    async fn delete_if(&self, key: &str, stale: &AccessToken) -> Result<bool> {
        let mut map = self.map();
        if map.get(key).is_some_and(|t| &t.token == stale) {
            map.remove(key);
            return Ok(true);
        }
        Ok(false)
    }

    async fn try_lease(&self, key: &str, ttl: Duration) -> Result<Option<Lease>> {
        let mut leases = self.leases.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        if leases.get(key).is_some_and(|(_, until)| *until > now) {
            return Ok(None);
        }
        let owner = self
            .serial
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            .to_string();
        leases.insert(key.to_owned(), (owner.clone(), now + ttl));
        Ok(Some(Lease::new(owner)))
    }

    async fn release(&self, key: &str, lease: &Lease) -> Result<()> {
        let mut leases = self.leases.lock().unwrap_or_else(|p| p.into_inner());
        if leases
            .get(key)
            .is_some_and(|(owner, _)| owner == lease.owner())
        {
            leases.remove(key);
        }
        Ok(())
    }
}
