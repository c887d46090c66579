//! The Redis store itself.

use std::fmt;
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use redis::aio::MultiplexedConnection;
use redis::{AsyncCommands, Script};
use wecom_core::{AccessToken, Error, Lease, Result, StoredToken, TokenStore};

use crate::connection::{describe, Connection, COMPARE_AND_DELETE};

/// The default key prefix.
pub const DEFAULT_PREFIX: &str = "wecom:token:";

/// Takes the refresh lease KEYS[2] (`SET NX PX`, owner ARGV[1], ARGV[2] ms) only while no token is
/// stored at KEYS[1]. An instance that found no token, then lost the race to one that fetched, stored
/// and released the lease in between, is refused the lease and reads the new token instead of fetching
/// a second one.
const LEASE_UNLESS_STORED: &str = r#"
if redis.call('EXISTS', KEYS[1]) == 1 then
    return false
end
return redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2])
"#;

/// Tokens in Redis, shared by every client (in any process) that uses the same prefix.
pub struct RedisTokenStore {
    prefix: String,
    connection: Connection,
    compare_and_delete: Script,
    lease_unless_stored: Script,
}

impl fmt::Debug for RedisTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The connection info may hold a Redis password: show only the prefix.
        f.debug_struct("RedisTokenStore")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl RedisTokenStore {
    /// A store for the Redis at `url` (`redis://[:password@]host:port/db`) with [`DEFAULT_PREFIX`].
    /// Connects on first use, so a Redis that is down at start-up does not stop the service.
    pub fn new(url: &str) -> Result<Self> {
        let client = redis::Client::open(url)
            .map_err(|e| Error::Config(format!("redis url: {:?}", e.kind())))?;
        Ok(Self::with_client(client, DEFAULT_PREFIX))
    }

    /// A store over an existing `redis::Client`, with its own key prefix.
    pub fn with_client(client: redis::Client, prefix: impl Into<String>) -> Self {
        Self {
            prefix: prefix.into(),
            connection: Connection::new(client),
            compare_and_delete: Script::new(COMPARE_AND_DELETE),
            lease_unless_stored: Script::new(LEASE_UNLESS_STORED),
        }
    }

    /// The Redis key of a token.
    pub fn token_key(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    fn lease_key(&self, key: &str) -> String {
        format!("{}{key}:lease", self.prefix)
    }

    /// Runs one command on the shared connection.
    async fn run<T, F, Fut>(&self, command: F) -> Result<T>
    where
        F: FnOnce(MultiplexedConnection) -> Fut,
        Fut: std::future::Future<Output = redis::RedisResult<T>>,
    {
        self.connection
            .run(command)
            .await
            .map_err(|err| Error::Token(describe(&err)))
    }
}

#[async_trait]
impl TokenStore for RedisTokenStore {
    async fn get(&self, key: &str) -> Result<Option<StoredToken>> {
        let redis_key = self.token_key(key);
        let (token, ttl_ms): (Option<String>, i64) = self
            .run(|mut c| async move {
                redis::pipe()
                    .get(&redis_key)
                    .pttl(&redis_key)
                    .query_async(&mut c)
                    .await
            })
            .await?;
        Ok(match token {
            Some(token) if ttl_ms > 0 => Some(StoredToken {
                token: AccessToken::new(token),
                expires_at: SystemTime::now() + Duration::from_millis(ttl_ms as u64),
            }),
            _ => None,
        })
    }

    async fn put(&self, key: &str, token: &StoredToken) -> Result<()> {
        let ttl = token
            .expires_at
            .duration_since(SystemTime::now())
            .unwrap_or_default();
        if ttl.is_zero() {
            return Ok(());
        }
        let redis_key = self.token_key(key);
        let value = token.token.expose().to_owned();
        let ttl_ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
        self.run(|mut c| async move { c.pset_ex::<_, _, ()>(&redis_key, value, ttl_ms).await })
            .await
    }

    async fn delete_if(&self, key: &str, stale: &AccessToken) -> Result<bool> {
        let redis_key = self.token_key(key);
        let stale = stale.expose().to_owned();
        let script = &self.compare_and_delete;
        let deleted: i64 = self
            .run(
                |mut c| async move { script.key(&redis_key).arg(stale).invoke_async(&mut c).await },
            )
            .await?;
        Ok(deleted == 1)
    }

    async fn try_lease(&self, key: &str, ttl: Duration) -> Result<Option<Lease>> {
        let lease_key = self.lease_key(key);
        let owner = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
        let ttl_ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
        let owner_value = owner.clone();
        let token_key = self.token_key(key);
        let script = &self.lease_unless_stored;
        let taken: Option<String> = self
            .run(|mut c| async move {
                script
                    .key(&token_key)
                    .key(&lease_key)
                    .arg(owner_value)
                    .arg(ttl_ms)
                    .invoke_async(&mut c)
                    .await
            })
            .await?;
        Ok(taken.map(|_| Lease::new(owner)))
    }

    async fn release(&self, key: &str, lease: &Lease) -> Result<()> {
        let lease_key = self.lease_key(key);
        let owner = lease.owner().to_owned();
        let script = &self.compare_and_delete;
        let _: i64 = self
            .run(
                |mut c| async move { script.key(&lease_key).arg(owner).invoke_async(&mut c).await },
            )
            .await?;
        Ok(())
    }
}
