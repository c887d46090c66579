//! Suite tickets in Redis, so that the callback receiver and the API callers of a third-party app may run
//! in different processes.

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;
use redis::aio::MultiplexedConnection;
use redis::AsyncCommands;
use wecom_core::{Error, Result, SuiteTicketStore};

use crate::connection::{describe, Connection};

/// The default key prefix of [`RedisTicketStore`].
pub const DEFAULT_TICKET_PREFIX: &str = "wecom:suite_ticket:";

/// How long a stored ticket lives: WeCom pushes one every 10 minutes and each is valid 30, so a ticket
/// leaves Redis when WeCom stops taking it, and a suite whose pushes stopped gets "no suite_ticket"
/// rather than an invalid one.
pub const TICKET_TTL: Duration = Duration::from_secs(30 * 60);

/// The latest `suite_ticket` of each suite, in Redis: `SET PX` of `prefix + suite_id` for
/// [`TICKET_TTL`], read with `GET`.
///
/// Every call is bounded (1 s to connect, 1 s per answer, then the connection is opened again); a failure
/// is an error without the ticket in it, and nothing here logs. The receiver that puts a ticket answers
/// WeCom 500 when the put fails, so WeCom's retry stores it.
///
/// ```no_run
/// use std::sync::Arc;
/// use wecom_core::WecomClient;
/// use wecom_token_redis::RedisTicketStore;
///
/// # fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let tickets = Arc::new(RedisTicketStore::new("redis://127.0.0.1:6379/")?);
/// // The API side reads the tickets …
/// let suite = WecomClient::builder().suite("ww_suite_id", "suite secret", tickets.clone()).build()?;
/// // … that the callback side (`ReceiverOptions::suite_tickets(tickets)`, in wecom-callback) writes.
/// # let _ = suite; Ok(()) }
/// ```
pub struct RedisTicketStore {
    prefix: String,
    connection: Connection,
}

impl fmt::Debug for RedisTicketStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The connection info may hold a Redis password: show only the prefix.
        f.debug_struct("RedisTicketStore")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl RedisTicketStore {
    /// A store for the Redis at `url` (`redis://[:password@]host:port/db`) with
    /// [`DEFAULT_TICKET_PREFIX`]. Connects on first use, so a Redis that is down at start-up does not
    /// stop the service.
    pub fn new(url: &str) -> Result<Self> {
        let client = redis::Client::open(url)
            .map_err(|e| Error::Config(format!("redis url: {:?}", e.kind())))?;
        Ok(Self::with_client(client, DEFAULT_TICKET_PREFIX))
    }

    /// A store over an existing `redis::Client`, with its own key prefix.
    pub fn with_client(client: redis::Client, prefix: impl Into<String>) -> Self {
        Self {
            prefix: prefix.into(),
            connection: Connection::new(client),
        }
    }

    /// The Redis key of a suite's ticket.
    pub fn ticket_key(&self, suite_id: &str) -> String {
        format!("{}{suite_id}", self.prefix)
    }

    async fn run<T, F, Fut>(&self, command: F) -> Result<T>
    where
        F: FnOnce(MultiplexedConnection) -> Fut,
        Fut: std::future::Future<Output = redis::RedisResult<T>>,
    {
        self.connection
            .run(command)
            .await
            .map_err(|err| Error::Token(format!("suite ticket store: {}", describe(&err))))
    }
}

#[async_trait]
impl SuiteTicketStore for RedisTicketStore {
    async fn get(&self, suite_id: &str) -> Result<Option<String>> {
        let key = self.ticket_key(suite_id);
        self.run(|mut c| async move { c.get(&key).await }).await
    }

    async fn put(&self, suite_id: &str, ticket: &str) -> Result<()> {
        let key = self.ticket_key(suite_id);
        let ticket = ticket.to_owned();
        let ttl_ms = u64::try_from(TICKET_TTL.as_millis()).unwrap_or(u64::MAX);
        self.run(|mut c| async move { c.pset_ex::<_, _, ()>(&key, ticket, ttl_ms).await })
            .await
    }
}
