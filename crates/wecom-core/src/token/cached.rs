//! The default provider: cached, single-flight, compare-and-clear.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

use super::fetch::Fetch;
use super::{StoredToken, TokenProvider, TokenStore};
use crate::{AccessToken, ErrCode, Error, Result};

/// How long before `expires_in` a token stops being used.
pub(crate) const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(300);
/// How long a refresh lease lives if its holder never releases it (it crashed, say).
const LEASE_TTL: Duration = Duration::from_secs(5);
/// How long an instance waits for the lease holder's token before fetching one itself.
const LEASE_WAIT: Duration = Duration::from_secs(3);
const LEASE_POLL: Duration = Duration::from_millis(50);
/// The longest a store call may take before it counts as failed.
const STORE_TIMEOUT: Duration = Duration::from_secs(1);

/// Fetches tokens (with gettoken, or the service endpoints of [`TokenKind`](super::TokenKind)s other
/// than the corp's), keeps them in process and in a [`TokenStore`], refreshes once for any number of
/// concurrent callers.
#[derive(Debug)]
pub struct CachedTokenProvider {
    key: String,
    fetcher: Box<dyn Fetch>,
    store: Arc<dyn TokenStore>,
    margin: Duration,
    /// The in-process copy: the fast path, and what keeps calls going when the store fails.
    local: RwLock<Option<StoredToken>>,
    /// Bumped after every fetch; a caller that waited through a fetch sees it changed.
    fetches: AtomicU64,
    /// Held while refreshing: the single flight.
    refresh: Mutex<Option<FailedFetch>>,
}

/// The last fetch's failure, handed to the callers that waited for it instead of fetching again.
#[derive(Debug, Clone)]
struct FailedFetch {
    fetch: u64,
    code: Option<ErrCode>,
    message: String,
    path: &'static str,
}

impl FailedFetch {
    fn to_error(&self) -> Error {
        match self.code {
            Some(code) => Error::Api {
                code,
                message: self.message.clone(),
                path: self.path.to_owned(),
            },
            None => Error::Token(self.message.clone()),
        }
    }
}

impl CachedTokenProvider {
    /// `key`: where the token lives in `store`; it names the credential without revealing it.
    pub(crate) fn new(
        fetcher: Box<dyn Fetch>,
        key: String,
        store: Arc<dyn TokenStore>,
        margin: Duration,
    ) -> Self {
        Self {
            key,
            fetcher,
            store,
            margin,
            local: RwLock::new(None),
            fetches: AtomicU64::new(0),
            refresh: Mutex::new(None),
        }
    }

    /// The key this provider uses in its store: corp id and a hash of the secret, never the secret.
    pub fn store_key(&self) -> &str {
        &self.key
    }

    fn local_fresh(&self) -> Option<AccessToken> {
        let guard = self.local.read().unwrap_or_else(|p| p.into_inner());
        guard
            .as_ref()
            .filter(|t| t.is_fresh(SystemTime::now()))
            .map(|t| t.token.clone())
    }

    fn set_local(&self, token: Option<StoredToken>) {
        *self.local.write().unwrap_or_else(|p| p.into_inner()) = token;
    }

    async fn refresh(&self, seen_fetches: u64) -> Result<AccessToken> {
        let mut last_failure = self.refresh.lock().await;
        if let Some(token) = self.local_fresh() {
            return Ok(token);
        }
        if let Some(failed) = last_failure.as_ref().filter(|f| f.fetch > seen_fetches) {
            return Err(failed.to_error());
        }
        if let Some(token) = self.stored_token().await {
            return Ok(token);
        }
        // Across processes: one takes the lease and fetches; the others wait for its token, briefly.
        let lease = match with_timeout(self.store.try_lease(&self.key, LEASE_TTL)).await {
            Ok(Some(lease)) => {
                // The previous holder may have stored its token and released the lease between our
                // read and our lease: read once more, so that two instances never both fetch.
                if let Some(token) = self.stored_token().await {
                    if let Err(err) = with_timeout(self.store.release(&self.key, &lease)).await {
                        tracing::warn!(error = %err, "could not release the refresh lease; it expires by itself");
                    }
                    return Ok(token);
                }
                Some(lease)
            }
            Ok(None) => {
                if let Some(token) = self.wait_for_other_instance().await {
                    return Ok(token);
                }
                tracing::warn!("no token from the instance holding the refresh lease; fetching");
                None
            }
            Err(err) => {
                tracing::warn!(error = %err, "token store unavailable; fetching without a lease");
                None
            }
        };
        let result = self.fetch_and_store(&mut last_failure).await;
        if let Some(lease) = lease {
            if let Err(err) = with_timeout(self.store.release(&self.key, &lease)).await {
                tracing::warn!(error = %err, "could not release the refresh lease; it expires by itself");
            }
        }
        result
    }

    /// A fresh token from the store, kept in process too.
    async fn stored_token(&self) -> Option<AccessToken> {
        match with_timeout(self.store.get(&self.key)).await {
            Ok(Some(stored)) if stored.is_fresh(SystemTime::now()) => {
                let token = stored.token.clone();
                self.set_local(Some(stored));
                Some(token)
            }
            Ok(_) => None,
            Err(err) => {
                tracing::warn!(error = %err, "token store unavailable; using the in-process cache");
                None
            }
        }
    }

    /// Polls the store while another instance refreshes, for at most [`LEASE_WAIT`].
    async fn wait_for_other_instance(&self) -> Option<AccessToken> {
        let deadline = tokio::time::Instant::now() + LEASE_WAIT;
        while tokio::time::Instant::now() < deadline {
            tokio::time::sleep(LEASE_POLL).await;
            if let Some(token) = self.stored_token().await {
                return Some(token);
            }
        }
        None
    }

    async fn fetch_and_store(&self, last_failure: &mut Option<FailedFetch>) -> Result<AccessToken> {
        let fetched = self.fetcher.fetch().await;
        let fetch = self.fetches.fetch_add(1, Ordering::AcqRel) + 1;
        let (token, expires_in) = match fetched {
            Ok(ok) => ok,
            Err(err) => {
                *last_failure = Some(FailedFetch {
                    fetch,
                    code: err.code(),
                    message: match &err {
                        Error::Api { message, .. } => message.clone(),
                        other => other.to_string(),
                    },
                    path: self.fetcher.path(),
                });
                return Err(err);
            }
        };
        *last_failure = None;
        let stored = StoredToken {
            token: token.clone(),
            expires_at: SystemTime::now() + usable_for(expires_in, self.margin),
        };
        if let Err(err) = with_timeout(self.store.put(&self.key, &stored)).await {
            tracing::warn!(error = %err, "token store unavailable; keeping the token in process");
        }
        self.set_local(Some(stored));
        tracing::debug!(expires_in = expires_in.as_secs(), "fetched an access token");
        Ok(token)
    }
}

/// Bounds a store call, so that a slow store delays a refresh by at most [`STORE_TIMEOUT`].
async fn with_timeout<T>(call: impl std::future::Future<Output = Result<T>>) -> Result<T> {
    tokio::time::timeout(STORE_TIMEOUT, call)
        .await
        .unwrap_or_else(|_| {
            Err(Error::Token(format!(
                "token store did not answer within {STORE_TIMEOUT:?}"
            )))
        })
}

#[async_trait]
impl TokenProvider for CachedTokenProvider {
    async fn token(&self) -> Result<AccessToken> {
        if let Some(token) = self.local_fresh() {
            return Ok(token);
        }
        let seen = self.fetches.load(Ordering::Acquire);
        self.refresh(seen).await
    }

    fn cached(&self) -> Option<AccessToken> {
        self.local_fresh()
    }

    async fn invalidate(&self, stale: &AccessToken) {
        {
            let mut local = self.local.write().unwrap_or_else(|p| p.into_inner());
            if local.as_ref().is_some_and(|t| &t.token == stale) {
                *local = None;
            }
        }
        if let Err(err) = with_timeout(self.store.delete_if(&self.key, stale)).await {
            tracing::warn!(error = %err, "token store unavailable while invalidating a token");
        }
    }
}

/// How long a token is used: `expires_in` minus the margin, but at least half its life, so that a short
/// lifetime (a test server's) does not make every call fetch.
fn usable_for(expires_in: Duration, margin: Duration) -> Duration {
    expires_in.saturating_sub(margin.min(expires_in / 2))
}

/// `prefix` (the corp id for a corp token) + the first 16 hex digits of SHA-256(secret).
pub(crate) fn store_key(prefix: &str, secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margin_never_eats_the_whole_life() {
        let m = DEFAULT_REFRESH_MARGIN;
        assert_eq!(
            usable_for(Duration::from_secs(7200), m),
            Duration::from_secs(6900)
        );
        assert_eq!(
            usable_for(Duration::from_secs(10), m),
            Duration::from_secs(5)
        );
        assert_eq!(usable_for(Duration::ZERO, m), Duration::ZERO);
    }

    #[test]
    fn keys_differ_per_secret_and_hide_it() {
        let a = store_key("ww1", "secret-a");
        let b = store_key("ww1", "secret-b");
        assert_ne!(a, b);
        assert!(a.starts_with("ww1:") && !a.contains("secret"));
    }
}
