//! `WecomClient`: one credential's handle to WeCom, and the clients it derives for authorized corps.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;

pub use crate::builder::ClientBuilder;
use crate::limits::{Limiter, LimiterSettings};
use crate::token::service::{AuthCorpToken, Sender};
use crate::token::{CachedTokenProvider, TokenKind, Tokens};
use crate::transport::Transport;
use crate::{Error, Result, RetryPolicy, TokenProvider, TokenStore};

/// WeCom's API host.
pub const DEFAULT_BASE_URL: &str = "https://qyapi.weixin.qq.com";

/// A handle to WeCom's server API for one credential: a corp's secret (self-built or 代开发 app), a
/// third-party suite (and the authorized corps it derives, [`WecomClient::authorized_corp`]), or a service
/// provider.
///
/// Cheap to clone (an `Arc`), `Send + Sync`: build one per credential and share it. Clients built with
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
    pub(crate) tokens: Tokens,
    pub(crate) corp_id: String,
    pub(crate) limiter: Limiter,
    /// What a derived client needs to build its own token provider and limiter.
    pub(crate) store: Arc<dyn TokenStore>,
    pub(crate) refresh_margin: Duration,
    pub(crate) limits: LimiterSettings,
}

impl fmt::Debug for WecomClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WecomClient")
            .field("corp_id", &self.inner.corp_id)
            .field("base_url", &self.inner.transport.base_url)
            .field("timeout", &self.inner.transport.timeout)
            .field("retry", &self.inner.retry)
            .field("tokens", &self.inner.tokens)
            .field("secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl WecomClient {
    /// Starts a [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The corp id the calls act for (empty for a suite or provider client without one).
    pub fn corp_id(&self) -> &str {
        &self.inner.corp_id
    }

    /// The base URL calls go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.transport.base_url
    }

    /// The provider of `kind` tokens, if this client has one, e.g. to warm it up before serving traffic.
    pub fn token_provider(&self, kind: TokenKind) -> Option<&Arc<dyn TokenProvider>> {
        self.inner.tokens.get(kind)
    }

    /// A client for one corp that authorized this client's third-party app (suite): its calls carry the
    /// corp's token from `service/get_corp_token`, fetched with this client's suite token, so any number
    /// of authorized-corp clients share one suite token (and its single flight). The new client keeps this
    /// client's settings (base URL, timeout, retries, token store) and has a limiter of its own with the
    /// same limits, since WeCom counts them per corp.
    ///
    /// Fails with [`Error::Config`] when this client has no suite credentials.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use wecom_core::token::{MemoryTicketStore, TokenKind};
    /// use wecom_core::WecomClient;
    ///
    /// let tickets = Arc::new(MemoryTicketStore::new()); // the callback receiver puts tickets here
    /// let suite = WecomClient::builder().suite("ww_suite_id", "suite secret", tickets).build()?;
    /// let corp_a = suite.authorized_corp("wwcorpA", "permanent code of A")?;
    /// let corp_b = suite.authorized_corp("wwcorpB", "permanent code of B")?;
    /// assert_eq!(corp_b.corp_id(), "wwcorpB");
    /// assert!(corp_a.token_provider(TokenKind::Corp).is_some());
    /// # Ok::<(), wecom_core::Error>(())
    /// ```
    pub fn authorized_corp(
        &self,
        auth_corp_id: impl Into<String>,
        permanent_code: impl Into<String>,
    ) -> Result<WecomClient> {
        let inner = &self.inner;
        let suite = inner.tokens.get(TokenKind::Suite).cloned().ok_or_else(|| {
            Error::Config("authorized_corp needs a client built with suite credentials".into())
        })?;
        let auth_corp_id = auth_corp_id.into();
        let permanent_code = SecretString::from(permanent_code.into());
        let key = crate::token::cached::store_key(
            &format!("{auth_corp_id}:suite"),
            secrecy::ExposeSecret::expose_secret(&permanent_code),
        );
        let fetcher = AuthCorpToken {
            sender: Sender {
                transport: inner.transport.clone(),
                retry: inner.retry.clone(),
            },
            suite,
            auth_corp_id: auth_corp_id.clone(),
            permanent_code,
        };
        let corp = CachedTokenProvider::new(
            Box::new(fetcher),
            key,
            inner.store.clone(),
            inner.refresh_margin,
        );
        let mut tokens = inner.tokens.clone();
        tokens.set(TokenKind::Corp, Arc::new(corp));
        Ok(WecomClient {
            inner: Arc::new(Inner {
                transport: inner.transport.clone(),
                retry: inner.retry.clone(),
                tokens,
                corp_id: auth_corp_id,
                limiter: Limiter::new(inner.limits),
                store: inner.store.clone(),
                refresh_margin: inner.refresh_margin,
                limits: inner.limits,
            }),
        })
    }
}
