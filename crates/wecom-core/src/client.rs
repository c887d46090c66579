//! `WecomClient` and its builder.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;

use crate::limits::Limiter;
use crate::token::{CachedTokenProvider, MemoryStore};
use crate::transport::Transport;
use crate::{Error, Result, RetryPolicy, TokenProvider, TokenStore};

/// WeCom's API host.
pub const DEFAULT_BASE_URL: &str = "https://qyapi.weixin.qq.com";

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// A handle to WeCom's server API for one credential (corp id + secret).
///
/// Cheap to clone (an `Arc`), `Send + Sync`: build one per secret and share it. Clients built with
/// different secrets (the 客户联系 secret and an app's secret, say) keep separate tokens.
///
/// ```
/// use wecom_core::WecomClient;
/// let client = WecomClient::builder()
///     .corp_id("ww0123456789")
///     .secret("the 客户联系 secret")
///     .build()?;
/// assert!(!format!("{client:?}").contains("客户联系 secret"));
/// # Ok::<(), wecom_core::Error>(())
/// ```
#[derive(Clone)]
pub struct WecomClient {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) transport: Transport,
    pub(crate) retry: RetryPolicy,
    pub(crate) tokens: Arc<dyn TokenProvider>,
    pub(crate) corp_id: String,
    pub(crate) limiter: Limiter,
}

impl fmt::Debug for WecomClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WecomClient")
            .field("corp_id", &self.inner.corp_id)
            .field("base_url", &self.inner.transport.base_url)
            .field("timeout", &self.inner.transport.timeout)
            .field("retry", &self.inner.retry)
            .field("secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl WecomClient {
    /// Starts a [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The corp id this client was built with (empty when a custom token provider was given without one).
    pub fn corp_id(&self) -> &str {
        &self.inner.corp_id
    }

    /// The base URL calls go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.transport.base_url
    }

    /// The token provider, e.g. to warm it up before serving traffic.
    pub fn token_provider(&self) -> &Arc<dyn TokenProvider> {
        &self.inner.tokens
    }
}

/// Configures a [`WecomClient`]. Only the corp id and the secret are required (or a token provider).
#[derive(Default)]
pub struct ClientBuilder {
    corp_id: Option<String>,
    secret: Option<SecretString>,
    base_url: Option<String>,
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    token_provider: Option<Arc<dyn TokenProvider>>,
    token_store: Option<Arc<dyn TokenStore>>,
    refresh_margin: Option<Duration>,
    user_agent: Option<String>,
    max_response_bytes: Option<usize>,
    http: Option<reqwest::Client>,
    max_in_flight: Option<usize>,
    max_calls_per: Option<(u32, Duration)>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("corp_id", &self.corp_id)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The corp id (企业ID), `ww…`.
    pub fn corp_id(mut self, corp_id: impl Into<String>) -> Self {
        self.corp_id = Some(corp_id.into());
        self
    }

    /// The secret whose token the calls carry: for 客户联系, the 客户联系 secret or the secret of an app
    /// granted the permission. Never printed.
    pub fn secret(mut self, secret: impl Into<String>) -> Self {
        self.secret = Some(SecretString::from(secret.into()));
        self
    }

    /// Where calls go; default [`DEFAULT_BASE_URL`]. Set it for a proxy, a test server or the sandbox.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// The deadline of one HTTP exchange, body included; default 10 s. Retries get a deadline each.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// How failures are retried; default [`RetryPolicy::default`].
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Tokens come from `provider` instead of gettoken with this client's secret.
    pub fn token_provider(mut self, provider: Arc<dyn TokenProvider>) -> Self {
        self.token_provider = Some(provider);
        self
    }

    /// The shared tier of the default token provider; default a fresh [`MemoryStore`].
    pub fn token_store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.token_store = Some(store);
        self
    }

    /// How long before `expires_in` a token is refreshed; default 300 s (at most half the lifetime).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = Some(margin);
        self
    }

    /// The `User-Agent` header; default `wecom-external-contact/<version>`.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// The largest answer accepted; default 8 MiB. A larger one fails with [`Error::BodyTooLarge`].
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// Uses this reqwest client (its own proxy and TLS settings; the user agent setting is then ignored).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// At most `n` calls of this client in flight at once (others wait); off by default. Set it under
    /// WeCom's concurrency limit to avoid 45033 in bulk jobs.
    pub fn max_in_flight(mut self, n: usize) -> Self {
        self.max_in_flight = Some(n);
        self
    }

    /// At most `n` calls of this client a minute, spread evenly (others wait); off by default. Set it
    /// under WeCom's per-minute budget to avoid 45009 in bulk jobs. No minute, at the server, sees more
    /// than `n` calls whatever the latency: a call's share of the budget comes back one minute after
    /// the call ended.
    pub fn max_calls_per_minute(mut self, n: u32) -> Self {
        self.max_calls_per = Some((n, Duration::from_secs(60)));
        self
    }

    /// At most `n` calls of this client in any window of `period`, spread evenly: the general form of
    /// [`max_calls_per_minute`](Self::max_calls_per_minute), for budgets WeCom states per hour or day.
    pub fn max_calls_per(mut self, n: u32, period: Duration) -> Self {
        self.max_calls_per = Some((n, period));
        self
    }

    /// Builds the client; fails with [`Error::Config`] on a missing credential or a bad base URL.
    pub fn build(self) -> Result<WecomClient> {
        let base_url = parse_base_url(self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))?;
        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        if timeout.is_zero() {
            return Err(Error::Config("timeout must be greater than zero".into()));
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .user_agent(self.user_agent.unwrap_or_else(|| {
                    concat!("wecom-external-contact/", env!("CARGO_PKG_VERSION")).to_owned()
                }))
                .connect_timeout(timeout.min(Duration::from_secs(5)))
                .pool_idle_timeout(Duration::from_secs(60))
                .build()
                .map_err(|e| Error::Config(format!("HTTP client: {}", e.without_url())))?,
        };
        let transport = Transport {
            http,
            base_url,
            timeout,
            max_response_bytes: self
                .max_response_bytes
                .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
        };
        let retry = self.retry.unwrap_or_default();
        if retry.max_attempts == 0 {
            return Err(Error::Config(
                "retry policy needs at least one attempt".into(),
            ));
        }
        if self.max_in_flight == Some(0) {
            return Err(Error::Config("max_in_flight must be at least 1".into()));
        }
        let rate = match self.max_calls_per {
            None => None,
            Some((n, period)) => {
                let n = std::num::NonZeroU32::new(n).ok_or_else(|| {
                    Error::Config("the call rate must allow at least 1 call".into())
                })?;
                if period.is_zero() {
                    return Err(Error::Config(
                        "the call rate needs a non-zero period".into(),
                    ));
                }
                Some((n, period))
            }
        };
        let limiter = Limiter::new(self.max_in_flight, rate);
        let corp_id = self.corp_id.unwrap_or_default();
        let tokens: Arc<dyn TokenProvider> = match self.token_provider {
            Some(provider) => provider,
            None => {
                if corp_id.is_empty() {
                    return Err(Error::Config("corp_id is required".into()));
                }
                let secret = self
                    .secret
                    .ok_or_else(|| Error::Config("secret is required".into()))?;
                let fetcher = crate::token::gettoken::GetToken {
                    transport: transport.clone(),
                    retry: retry.clone(),
                    corp_id: corp_id.clone(),
                    secret,
                };
                let store = self
                    .token_store
                    .unwrap_or_else(|| Arc::new(MemoryStore::new()));
                let margin = self
                    .refresh_margin
                    .unwrap_or(crate::token::cached::DEFAULT_REFRESH_MARGIN);
                Arc::new(CachedTokenProvider::new(fetcher, store, margin))
            }
        };
        Ok(WecomClient {
            inner: Arc::new(Inner {
                transport,
                retry,
                tokens,
                corp_id,
                limiter,
            }),
        })
    }
}

fn parse_base_url(raw: &str) -> Result<String> {
    let parsed = url::Url::parse(raw).map_err(|e| Error::Config(format!("base_url: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.query().is_some() {
        return Err(Error::Config(
            "base_url must be an http(s) URL without a query".into(),
        ));
    }
    Ok(raw.trim_end_matches('/').to_owned())
}
