//! A replay store for callback receivers in Redis (feature `callback`), so that WeCom's retry of a
//! delivery is recognised whichever instance it lands on.

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;
use redis::Script;
use wecom_callback::{BoxError, Claim, DeliveryKey, ReplayStore, Ticket};
use wecom_core::{Error, Result};

use crate::connection::{describe, Connection, COMPARE_AND_DELETE};

/// The default key prefix of [`RedisReplayGuard`].
pub const DEFAULT_REPLAY_PREFIX: &str = "wecom:callback:";

/// The value of a handled delivery; a claimed one holds `IN_PROGRESS` followed by its ticket.
const DONE: &str = "done";
const IN_PROGRESS: &str = "claimed:";

/// Deliveries claimed and handled by every receiver that uses the same Redis and prefix.
///
/// One key per delivery: `prefix` + the [`DeliveryKey`] (a digest of `msg_signature`, `timestamp` and
/// `nonce`). A claim is `SET NX PX hold` of `claimed:<ticket>`; a handled delivery is set to `done` for
/// the receiver's remember duration (twice its timestamp window); a failed one is deleted by a
/// compare-and-delete script, so only its own claim goes. Each call is bounded (1 s to connect, 1 s per
/// answer); the receiver falls back to its in-memory guard when one fails.
///
/// ```no_run
/// use std::sync::Arc;
/// use wecom_callback::receiver::{self, ReceiverOptions};
/// use wecom_callback::{Event, MsgCrypt};
/// use wecom_token_redis::RedisReplayGuard;
///
/// # fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let crypt = MsgCrypt::new("token", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "ww0123456789")?;
/// let guard = Arc::new(RedisReplayGuard::new("redis://127.0.0.1:6379/")?);
/// let options = ReceiverOptions::default().replay_store(guard);
/// let app = receiver::router_with(crypt, |event: Event| async move { println!("{event:?}") }, options);
/// # let _ = app; Ok(()) }
/// ```
pub struct RedisReplayGuard {
    prefix: String,
    connection: Connection,
    compare_and_delete: Script,
}

impl fmt::Debug for RedisReplayGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The connection info may hold a Redis password: show only the prefix.
        f.debug_struct("RedisReplayGuard")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl RedisReplayGuard {
    /// A guard for the Redis at `url` (`redis://[:password@]host:port/db`) with
    /// [`DEFAULT_REPLAY_PREFIX`]. Connects on first use, so a Redis that is down at start-up does not
    /// stop the service.
    pub fn new(url: &str) -> Result<Self> {
        let client = redis::Client::open(url)
            .map_err(|e| Error::Config(format!("redis url: {:?}", e.kind())))?;
        Ok(Self::with_client(client, DEFAULT_REPLAY_PREFIX))
    }

    /// A guard over an existing `redis::Client`, with its own key prefix.
    pub fn with_client(client: redis::Client, prefix: impl Into<String>) -> Self {
        Self {
            prefix: prefix.into(),
            connection: Connection::new(client),
            compare_and_delete: Script::new(COMPARE_AND_DELETE),
        }
    }

    /// The Redis key of a delivery.
    pub fn delivery_key(&self, key: &DeliveryKey) -> String {
        format!("{}{}", self.prefix, key.as_str())
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis())
        .unwrap_or(u64::MAX)
        .max(1)
}

fn store_error(err: redis::RedisError) -> BoxError {
    describe(&err).into()
}

#[async_trait]
impl ReplayStore for RedisReplayGuard {
    async fn claim(
        &self,
        key: &DeliveryKey,
        hold: Duration,
    ) -> std::result::Result<Claim, BoxError> {
        let redis_key = self.delivery_key(key);
        let ticket = Ticket::random();
        let claimed = format!("{IN_PROGRESS}{}", ticket.as_str());
        // In one transaction: the claim, and what the key holds after it (ours, or the earlier one).
        let (set, current): (Option<String>, Option<String>) = self
            .connection
            .run(|mut c| async move {
                redis::pipe()
                    .atomic()
                    .cmd("SET")
                    .arg(&redis_key)
                    .arg(claimed)
                    .arg("NX")
                    .arg("PX")
                    .arg(millis(hold))
                    .get(&redis_key)
                    .query_async(&mut c)
                    .await
            })
            .await
            .map_err(store_error)?;
        Ok(match (set, current) {
            (Some(_), _) => Claim::Fresh(ticket),
            (None, Some(value)) if value == DONE => Claim::Done,
            // Claimed by another request (or, in a race with its expiry, by nobody: ask again later).
            (None, _) => Claim::InProgress,
        })
    }

    async fn complete(
        &self,
        key: &DeliveryKey,
        remember: Duration,
    ) -> std::result::Result<(), BoxError> {
        let redis_key = self.delivery_key(key);
        self.connection
            .run(|mut c| async move {
                redis::cmd("SET")
                    .arg(&redis_key)
                    .arg(DONE)
                    .arg("PX")
                    .arg(millis(remember))
                    .query_async::<()>(&mut c)
                    .await
            })
            .await
            .map_err(store_error)
    }

    async fn release(
        &self,
        key: &DeliveryKey,
        ticket: &Ticket,
    ) -> std::result::Result<(), BoxError> {
        let redis_key = self.delivery_key(key);
        let claimed = format!("{IN_PROGRESS}{}", ticket.as_str());
        let script = &self.compare_and_delete;
        self.connection
            .run(|mut c| async move {
                script
                    .key(&redis_key)
                    .arg(claimed)
                    .invoke_async::<i64>(&mut c)
                    .await
            })
            .await
            .map(drop)
            .map_err(store_error)
    }
}
