//! Where a suite's `suite_ticket` waits between WeCom's pushes and the next suite-token fetch.

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::{Mutex, PoisonError};

use async_trait::async_trait;

use crate::Result;

/// Keeps the latest `suite_ticket` of each suite.
///
/// WeCom pushes a fresh ticket to the suite's callback URL every 10 minutes (the `suite_ticket` event);
/// the callback side [`put`](Self::put)s it, and the suite-token provider [`get`](Self::get)s it when it
/// fetches. Implement it over a shared store (wecom-token-redis has one) when the callback receiver and
/// the API callers run in different processes.
#[async_trait]
pub trait SuiteTicketStore: Send + Sync + Debug {
    /// The latest ticket of `suite_id`, if one arrived.
    async fn get(&self, suite_id: &str) -> Result<Option<String>>;

    /// Keeps `ticket` as the latest of `suite_id`.
    async fn put(&self, suite_id: &str, ticket: &str) -> Result<()>;
}

/// Tickets in this process's memory: the default.
#[derive(Default)]
pub struct MemoryTicketStore {
    tickets: Mutex<HashMap<String, String>>,
}

impl MemoryTicketStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Debug for MemoryTicketStore {
    /// Names the suites, never their tickets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tickets = self.tickets.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("MemoryTicketStore")
            .field("suites", &tickets.keys().collect::<Vec<_>>())
            .finish()
    }
}

#[async_trait]
impl SuiteTicketStore for MemoryTicketStore {
    async fn get(&self, suite_id: &str) -> Result<Option<String>> {
        let tickets = self.tickets.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(tickets.get(suite_id).cloned())
    }

    async fn put(&self, suite_id: &str, ticket: &str) -> Result<()> {
        let mut tickets = self.tickets.lock().unwrap_or_else(PoisonError::into_inner);
        tickets.insert(suite_id.to_owned(), ticket.to_owned());
        Ok(())
    }
}
