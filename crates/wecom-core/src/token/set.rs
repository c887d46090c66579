//! The token providers of one client: at most one per [`TokenKind`].

use std::fmt;
use std::sync::Arc;

use super::{TokenKind, TokenProvider};

/// Which providers a client has; an endpoint whose kind has none fails before anything is sent.
#[derive(Clone, Default)]
pub(crate) struct Tokens([Option<Arc<dyn TokenProvider>>; 3]);

impl Tokens {
    pub(crate) fn get(&self, kind: TokenKind) -> Option<&Arc<dyn TokenProvider>> {
        self.0[kind.index()].as_ref()
    }

    pub(crate) fn set(&mut self, kind: TokenKind, provider: Arc<dyn TokenProvider>) {
        self.0[kind.index()] = Some(provider);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

impl fmt::Debug for Tokens {
    /// The kinds held (each provider redacts itself, but the kinds are all a reader needs).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kinds = TokenKind::ALL
            .into_iter()
            .filter(|kind| self.get(*kind).is_some());
        f.debug_list().entries(kinds).finish()
    }
}
