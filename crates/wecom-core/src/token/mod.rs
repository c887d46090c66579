//! Access tokens: where they come from ([`TokenProvider`]) and where they are kept ([`TokenStore`]).
//!
//! The default provider is [`CachedTokenProvider`]: it fetches `GET /cgi-bin/gettoken` once for any number
//! of concurrent callers, keeps the token until `expires_in` minus a margin, and on 40014 / 42001 clears
//! exactly the stale token (compare-and-clear) so that a fresher one stored by another caller survives.
//! Its shared tier is a [`TokenStore`]: [`MemoryStore`] by default, or a store shared by several
//! processes.
//!
//! Third-party apps and service providers hold other [`TokenKind`]s: the suite token (fed by the
//! `suite_ticket`s a [`SuiteTicketStore`] keeps), the provider token, and per authorized corp a corp token
//! got with the suite token. Each is cached, single-flight, kept in the same store and replayed once when
//! stale, like the corp token.

pub(crate) mod cached;
pub(crate) mod fetch;
mod fixed;
pub(crate) mod gettoken;
mod kind;
mod memory;
pub(crate) mod service;
mod set;
mod ticket;

use std::fmt::Debug;
use std::time::{Duration, SystemTime};

use async_trait::async_trait;

use crate::{AccessToken, Result};

pub use cached::CachedTokenProvider;
pub use fixed::StaticToken;
pub use kind::TokenKind;
pub use memory::MemoryStore;
pub(crate) use set::Tokens;
pub use ticket::{MemoryTicketStore, SuiteTicketStore};

/// Gives the executor a token, and takes back one WeCom rejected.
#[async_trait]
pub trait TokenProvider: Send + Sync + Debug {
    /// A token believed valid.
    async fn token(&self) -> Result<AccessToken>;

    /// The token [`TokenProvider::token`] would give at once, without waiting on anything, if there is
    /// one. The executor asks this first on every call: a cached token then costs no boxed future.
    /// The default says there is none.
    fn cached(&self) -> Option<AccessToken> {
        None
    }

    /// WeCom answered 40014 / 42001 for `stale`: forget it, unless a newer token already replaced it.
    async fn invalidate(&self, stale: &AccessToken);
}

/// A token and the moment it should no longer be used (the refresh margin already taken off).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredToken {
    /// The token.
    pub token: AccessToken,
    /// When to stop using it.
    pub expires_at: SystemTime,
}

impl StoredToken {
    /// True while `now` is before [`StoredToken::expires_at`].
    pub fn is_fresh(&self, now: SystemTime) -> bool {
        now < self.expires_at
    }
}

/// Where tokens are kept between calls, keyed per credential (corp id + a hash of the secret).
///
/// Implement it to share tokens between processes; every method may fail, and the cached provider
/// then carries on with its in-process copy.
#[async_trait]
pub trait TokenStore: Send + Sync + Debug {
    /// The token stored under `key`, if any and still fresh.
    async fn get(&self, key: &str) -> Result<Option<StoredToken>>;

    /// Stores `token` under `key` until its expiry.
    async fn put(&self, key: &str, token: &StoredToken) -> Result<()>;

    /// Deletes the token under `key` only if it is `stale`; returns whether it did.
    async fn delete_if(&self, key: &str, stale: &AccessToken) -> Result<bool>;

    /// Tries to take the short lease that lets one holder refresh `key`; `None` while another holds it.
    /// The lease ends by itself after `ttl`. The default grants every request (no other process shares
    /// the store).
    async fn try_lease(&self, key: &str, ttl: Duration) -> Result<Option<Lease>> {
        let _ = (key, ttl);
        Ok(Some(Lease::new(String::new())))
    }

    /// Gives a lease back early, only if it is still this holder's.
    async fn release(&self, key: &str, lease: &Lease) -> Result<()> {
        let _ = (key, lease);
        Ok(())
    }
}

/// The right to refresh one key, for a short time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    owner: String,
}

impl Lease {
    /// A lease held by `owner` (a random token, unique per attempt).
    pub fn new(owner: String) -> Self {
        Self { owner }
    }

    /// The holder's random token, to release only what is still ours.
    pub fn owner(&self) -> &str {
        &self.owner
    }
}
