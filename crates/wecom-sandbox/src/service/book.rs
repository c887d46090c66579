//! Tokens of one kind (suite, provider, or authorized corps'), with gettoken's semantics: the same token
//! while it is valid, a new one once it expired, and none after a revocation.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// What a token is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    /// Valid, issued to this owner.
    Valid(usize),
    /// Issued, but past its lifetime.
    Expired,
    /// Never issued, or revoked.
    Unknown,
}

/// The tokens of one kind, each issued to an owner (a suite, a provider, an authorized corp).
#[derive(Debug)]
pub(crate) struct Book {
    prefix: &'static str,
    ttl: Duration,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Each owner's latest token and its expiry.
    current: HashMap<usize, (String, Instant)>,
    /// Every token still known, with its owner and expiry.
    issued: HashMap<String, (usize, Instant)>,
    serial: u64,
}

impl Book {
    pub(crate) fn new(prefix: &'static str, ttl: Duration) -> Self {
        Self {
            prefix,
            ttl,
            state: Mutex::new(State::default()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `owner`'s token and its remaining lifetime in seconds: the current one while it is valid.
    pub(crate) fn issue(&self, owner: usize) -> (String, u64) {
        let now = Instant::now();
        let mut state = self.lock();
        if let Some((token, expires)) = state.current.get(&owner) {
            if *expires > now && state.issued.contains_key(token) {
                return (token.clone(), expires.duration_since(now).as_secs().max(1));
            }
        }
        state.serial += 1;
        let token = format!(
            "{}{:04}_{:016x}",
            self.prefix,
            state.serial,
            fastrand::u64(..)
        );
        let expires = now + self.ttl;
        state.issued.insert(token.clone(), (owner, expires));
        state.current.insert(owner, (token.clone(), expires));
        (token, self.ttl.as_secs().max(1))
    }

    pub(crate) fn check(&self, token: &str) -> Check {
        match self.lock().issued.get(token) {
            None => Check::Unknown,
            Some((_, expires)) if *expires <= Instant::now() => Check::Expired,
            Some((owner, _)) => Check::Valid(*owner),
        }
    }

    /// Forgets every token issued so far.
    pub(crate) fn revoke_all(&self) {
        let mut state = self.lock();
        state.issued.clear();
        state.current.clear();
    }
}
