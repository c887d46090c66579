//! A provider for a token managed elsewhere.

use async_trait::async_trait;

use super::TokenProvider;
use crate::{AccessToken, Result};

/// Always hands out the same token: for a token your own service distributes, and for tests.
#[derive(Debug, Clone)]
pub struct StaticToken(AccessToken);

impl StaticToken {
    /// Wraps the token.
    pub fn new(token: impl Into<String>) -> Self {
        Self(AccessToken::new(token.into()))
    }
}

#[async_trait]
impl TokenProvider for StaticToken {
    async fn token(&self) -> Result<AccessToken> {
        Ok(self.0.clone())
    }

    fn cached(&self) -> Option<AccessToken> {
        Some(self.0.clone())
    }

    async fn invalidate(&self, _stale: &AccessToken) {}
}
