//! `ClientBuilder`: one builder for each kind of credential (corp secret, third-party suite, provider).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

use crate::client::{Inner, DEFAULT_BASE_URL};
use crate::limits::{Limiter, LimiterSettings};
use crate::token::cached::{store_key, DEFAULT_REFRESH_MARGIN};
use crate::token::fetch::Fetch;
use crate::token::gettoken::GetToken;
use crate::token::service::{ProviderToken, Sender, SuiteToken};
use crate::token::{CachedTokenProvider, MemoryStore, SuiteTicketStore, TokenKind, Tokens};
use crate::transport::Transport;
use crate::{Error, Result, RetryPolicy, TokenProvider, TokenStore, WecomClient};

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// A third-party app's credentials: its suite id and secret, and where its tickets arrive.
struct SuiteCredentials {
    suite_id: String,
    secret: SecretString,
    tickets: Arc<dyn SuiteTicketStore>,
}

/// Configures a [`WecomClient`]: one credential at least, each giving the client the tokens of one
/// [`TokenKind`]:
/// - a corp: [`corp_id`](Self::corp_id) + [`secret`](Self::secret) (a self-built app's secret, the 客户联系
///   secret, or a 代开发 app's permanent code as the secret) → `access_token` by gettoken;
/// - a third-party app: [`suite`](Self::suite) → `suite_access_token`, then
///   [`WecomClient::authorized_corp`] for each corp that authorized it;
/// - a service provider: [`provider`](Self::provider) → `provider_access_token`;
/// - or your own [`token_provider`](Self::token_provider) / [`token_provider_for`](Self::token_provider_for).
///
/// Several may be combined (a provider that also runs a suite, say).
#[derive(Default)]
pub struct ClientBuilder {
    corp_id: Option<String>,
    secret: Option<SecretString>,
    suite: Option<SuiteCredentials>,
    provider: Option<(String, SecretString)>,
    custom: Tokens,
    base_url: Option<String>,
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
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
            .field("suite_id", &self.suite.as_ref().map(|s| &s.suite_id))
            .field(
                "provider",
                &self.provider.as_ref().map(|(corp_id, _)| corp_id),
            )
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

    /// Corp tokens (`access_token`) come from `provider` instead of gettoken with this client's secret.
    pub fn token_provider(self, provider: Arc<dyn TokenProvider>) -> Self {
        self.token_provider_for(TokenKind::Corp, provider)
    }

    /// Tokens of `kind` come from `provider` instead of the credentials set here.
    pub fn token_provider_for(mut self, kind: TokenKind, provider: Arc<dyn TokenProvider>) -> Self {
        self.custom.set(kind, provider);
        self
    }

    /// A third-party app (第三方应用): its suite id and secret, and the store its `suite_ticket`s arrive
    /// in (WeCom pushes one to the suite's callback every 10 minutes; until one is there, fetching the
    /// suite token fails with an error that says so). Secrets never printed.
    pub fn suite(
        mut self,
        suite_id: impl Into<String>,
        suite_secret: impl Into<String>,
        tickets: Arc<dyn SuiteTicketStore>,
    ) -> Self {
        self.suite = Some(SuiteCredentials {
            suite_id: suite_id.into(),
            secret: SecretString::from(suite_secret.into()),
            tickets,
        });
        self
    }

    /// A service provider (服务商): its corp id and provider secret, for `provider_access_token`
    /// endpoints. Never printed.
    pub fn provider(
        mut self,
        corp_id: impl Into<String>,
        provider_secret: impl Into<String>,
    ) -> Self {
        self.provider = Some((corp_id.into(), SecretString::from(provider_secret.into())));
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

    /// Builds the client; fails with [`Error::Config`] on a missing credential or a bad setting.
    pub fn build(self) -> Result<WecomClient> {
        let transport = self.transport()?;
        let retry = self.retry.clone().unwrap_or_default();
        if retry.max_attempts == 0 {
            return Err(Error::Config(
                "retry policy needs at least one attempt".into(),
            ));
        }
        let limits = self.limits()?;
        let store = self
            .token_store
            .clone()
            .unwrap_or_else(|| Arc::new(MemoryStore::new()));
        let margin = self.refresh_margin.unwrap_or(DEFAULT_REFRESH_MARGIN);
        let sender = Sender {
            transport: transport.clone(),
            retry: retry.clone(),
        };
        let cached = |fetcher: Box<dyn Fetch>, key: String| -> Arc<dyn TokenProvider> {
            Arc::new(CachedTokenProvider::new(
                fetcher,
                key,
                store.clone(),
                margin,
            ))
        };
        let corp_id = self.corp_id.unwrap_or_default();
        let mut tokens = Tokens::default();
        if let Some(secret) = self.secret {
            if corp_id.is_empty() {
                return Err(Error::Config("corp_id is required".into()));
            }
            let key = store_key(&corp_id, secret.expose_secret());
            let fetcher = GetToken {
                transport: transport.clone(),
                retry: retry.clone(),
                corp_id: corp_id.clone(),
                secret,
            };
            tokens.set(TokenKind::Corp, cached(Box::new(fetcher), key));
        }
        if let Some(suite) = self.suite {
            let key = store_key(
                &format!("suite:{}", suite.suite_id),
                suite.secret.expose_secret(),
            );
            let fetcher = SuiteToken {
                sender: sender.clone(),
                suite_id: suite.suite_id,
                suite_secret: suite.secret,
                tickets: suite.tickets,
            };
            tokens.set(TokenKind::Suite, cached(Box::new(fetcher), key));
        }
        if let Some((provider_corp_id, secret)) = self.provider {
            let key = store_key(
                &format!("provider:{provider_corp_id}"),
                secret.expose_secret(),
            );
            let fetcher = ProviderToken {
                sender,
                corp_id: provider_corp_id,
                provider_secret: secret,
            };
            tokens.set(TokenKind::Provider, cached(Box::new(fetcher), key));
        }
        for kind in TokenKind::ALL {
            if let Some(provider) = self.custom.get(kind) {
                tokens.set(kind, provider.clone());
            }
        }
        if tokens.is_empty() {
            return Err(Error::Config(if corp_id.is_empty() {
                "corp_id is required".into()
            } else {
                "a credential is required: secret, suite, provider or a token provider".into()
            }));
        }
        Ok(WecomClient {
            inner: Arc::new(Inner {
                transport,
                retry,
                tokens,
                corp_id,
                limiter: Limiter::new(limits),
                store,
                refresh_margin: margin,
                limits,
            }),
        })
    }

    fn transport(&self) -> Result<Transport> {
        let base_url = parse_base_url(self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))?;
        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        if timeout.is_zero() {
            return Err(Error::Config("timeout must be greater than zero".into()));
        }
        let http = match &self.http {
            Some(http) => http.clone(),
            None => reqwest::Client::builder()
                .user_agent(self.user_agent.clone().unwrap_or_else(|| {
                    concat!("wecom-external-contact/", env!("CARGO_PKG_VERSION")).to_owned()
                }))
                .connect_timeout(timeout.min(Duration::from_secs(5)))
                .pool_idle_timeout(Duration::from_secs(60))
                .build()
                .map_err(|e| Error::Config(format!("HTTP client: {}", e.without_url())))?,
        };
        let base =
            url::Url::parse(&base_url).map_err(|e| Error::Config(format!("base_url: {e}")))?;
        Ok(Transport {
            http,
            base,
            base_url,
            timeout,
            max_response_bytes: self
                .max_response_bytes
                .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
        })
    }

    fn limits(&self) -> Result<LimiterSettings> {
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
        Ok((self.max_in_flight, rate))
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
