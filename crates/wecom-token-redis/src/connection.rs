//! One lazily opened Redis connection, shared by the calls of a store and replaced after a failure.

use std::time::Duration;

use redis::aio::MultiplexedConnection;
use redis::{AsyncConnectionConfig, RedisResult};
use tokio::sync::Mutex;

/// How long connecting, and then each answer, may take: a Redis that hangs fails fast and the connection
/// is opened again on the next call.
const TIMEOUT: Duration = Duration::from_secs(1);

/// Deletes KEYS[1] only while it holds ARGV[1]: invalidation, lease release and claim release never
/// touch a value another instance wrote since.
pub(crate) const COMPARE_AND_DELETE: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
"#;

pub(crate) struct Connection {
    client: redis::Client,
    /// Connected on first use and dropped on error, so a Redis that comes back is used again.
    slot: Mutex<Option<MultiplexedConnection>>,
}

impl Connection {
    pub(crate) fn new(client: redis::Client) -> Self {
        Self {
            client,
            slot: Mutex::new(None),
        }
    }

    async fn get(&self) -> RedisResult<MultiplexedConnection> {
        let mut slot = self.slot.lock().await;
        if let Some(connection) = slot.as_ref() {
            return Ok(connection.clone());
        }
        let config = AsyncConnectionConfig::new()
            .set_connection_timeout(TIMEOUT)
            .set_response_timeout(TIMEOUT);
        let connection = self
            .client
            .get_multiplexed_async_connection_with_config(&config)
            .await?;
        *slot = Some(connection.clone());
        Ok(connection)
    }

    /// Runs one command; on a connection failure forgets the connection, so the next call reconnects.
    pub(crate) async fn run<T, F, Fut>(&self, command: F) -> RedisResult<T>
    where
        F: FnOnce(MultiplexedConnection) -> Fut,
        Fut: std::future::Future<Output = RedisResult<T>>,
    {
        let connection = self.get().await?;
        let result = command(connection).await;
        if let Err(err) = &result {
            if err.is_io_error() || err.is_connection_dropped() || err.is_timeout() {
                *self.slot.lock().await = None;
            }
        }
        result
    }
}

/// A short description of a Redis failure: its kind and category. RedisError's Display can carry the
/// server's address, never our values; keep it short anyway.
pub(crate) fn describe(err: &redis::RedisError) -> String {
    format!("redis: {:?} ({})", err.kind(), err.category())
}
