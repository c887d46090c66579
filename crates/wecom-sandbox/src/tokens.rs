//! gettoken and token checks, with WeCom's semantics: the same token while it is valid, 40001 for a bad
//! secret, 42001 once expired, 40014 once revoked or unknown.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::reply::ApiError;

#[derive(Debug)]
pub(crate) struct Tokens {
    corp_id: String,
    secret: String,
    ttl: Duration,
    state: Mutex<TokenState>,
}

#[derive(Debug, Default)]
struct TokenState {
    current: Option<(String, Instant)>,
    /// Every token ever issued, with its expiry; revoked ones are removed.
    issued: HashMap<String, Instant>,
    serial: u64,
}

impl Tokens {
    pub(crate) fn new(corp_id: String, secret: String, ttl: Duration) -> Self {
        Self {
            corp_id,
            secret,
            ttl,
            state: Mutex::new(TokenState::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, TokenState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `GET /cgi-bin/gettoken`: the token and its remaining lifetime in seconds.
    pub(crate) fn get_token(&self, corp_id: &str, secret: &str) -> Result<(String, u64), ApiError> {
        if corp_id != self.corp_id {
            return Err(ApiError::new(40013, "invalid corpid"));
        }
        if secret != self.secret {
            return Err(ApiError::new(
                40001,
                "invalid credential, access_token is invalid or not latest",
            ));
        }
        let now = Instant::now();
        let mut state = self.lock();
        if let Some((token, expires)) = &state.current {
            if *expires > now && state.issued.contains_key(token) {
                return Ok((token.clone(), expires.duration_since(now).as_secs().max(1)));
            }
        }
        state.serial += 1;
        let token = format!("SBX{:04}_{:016x}", state.serial, fastrand::u64(..));
        let expires = now + self.ttl;
        state.issued.insert(token.clone(), expires);
        state.current = Some((token.clone(), expires));
        Ok((token, self.ttl.as_secs().max(1)))
    }

    /// Checks the `access_token` of an API call.
    pub(crate) fn check(&self, token: Option<&str>) -> Result<(), ApiError> {
        let Some(token) = token.filter(|t| !t.is_empty()) else {
            return Err(ApiError::new(41001, "access_token missing"));
        };
        match self.lock().issued.get(token) {
            None => Err(ApiError::new(40014, "invalid access_token")),
            Some(expires) if *expires <= Instant::now() => {
                Err(ApiError::new(42001, "access_token expired"))
            }
            Some(_) => Ok(()),
        }
    }

    /// Revokes every token issued so far: later calls with them get 40014.
    pub(crate) fn revoke_all(&self) {
        let mut state = self.lock();
        state.issued.clear();
        state.current = None;
    }
}
