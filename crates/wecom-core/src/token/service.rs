//! The service endpoints that hand out the tokens of third-party apps and service providers:
//! `get_suite_token`, `get_provider_token` and `get_corp_token`.
//!
//! Their secrets travel in the JSON body, so every error these fetches return is scrubbed of them, and the
//! transport never logs a body.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::fetch::{request, Fetch};
use super::{SuiteTicketStore, TokenKind, TokenProvider};
use crate::transport::{encode, Transport};
use crate::{envelope, AccessToken, Error, HttpMethod, Result, RetryPolicy};

pub(crate) const SUITE_PATH: &str = "/cgi-bin/service/get_suite_token";
pub(crate) const PROVIDER_PATH: &str = "/cgi-bin/service/get_provider_token";
pub(crate) const CORP_PATH: &str = "/cgi-bin/service/get_corp_token";

/// What every token fetch needs to send.
#[derive(Clone)]
pub(crate) struct Sender {
    pub(crate) transport: Transport,
    pub(crate) retry: RetryPolicy,
}

impl Sender {
    async fn post(
        &self,
        path: &'static str,
        url: &str,
        body: serde_json::Value,
        secrets: &[&str],
    ) -> Result<Bytes> {
        let body = Bytes::from(body.to_string());
        let (transport, retry) = (&self.transport, &self.retry);
        request(
            transport,
            retry,
            HttpMethod::Post,
            path,
            url,
            Some(body),
            secrets,
        )
        .await
    }
}

/// `POST /cgi-bin/service/get_suite_token` with the suite's id, secret and latest ticket.
pub(crate) struct SuiteToken {
    pub(crate) sender: Sender,
    pub(crate) suite_id: String,
    pub(crate) suite_secret: SecretString,
    pub(crate) tickets: Arc<dyn SuiteTicketStore>,
}

#[derive(Deserialize)]
struct SuiteAnswer {
    suite_access_token: String,
    expires_in: u64,
}

#[async_trait]
impl Fetch for SuiteToken {
    fn path(&self) -> &'static str {
        SUITE_PATH
    }

    async fn fetch(&self) -> Result<(AccessToken, Duration)> {
        let ticket = self.tickets.get(&self.suite_id).await?.ok_or_else(|| {
            Error::Token(format!(
                "no suite_ticket for suite {}: WeCom pushes one to the suite's callback URL every 10 \
                 minutes; keep it with SuiteTicketStore::put before fetching the suite token",
                self.suite_id
            ))
        })?;
        let secret = self.suite_secret.expose_secret();
        let body = serde_json::json!({
            "suite_id": self.suite_id,
            "suite_secret": secret,
            "suite_ticket": ticket,
        });
        let url = format!("{}{SUITE_PATH}", self.sender.transport.base_url);
        let secrets = [secret, ticket.as_str()];
        let answer = self.sender.post(SUITE_PATH, &url, body, &secrets).await?;
        let answer: SuiteAnswer = decode(SUITE_PATH, &answer, &secrets)?;
        Ok(token(answer.suite_access_token, answer.expires_in))
    }
}

/// `POST /cgi-bin/service/get_provider_token` with the provider's corp id and secret.
pub(crate) struct ProviderToken {
    pub(crate) sender: Sender,
    pub(crate) corp_id: String,
    pub(crate) provider_secret: SecretString,
}

#[derive(Deserialize)]
struct ProviderAnswer {
    provider_access_token: String,
    expires_in: u64,
}

#[async_trait]
impl Fetch for ProviderToken {
    fn path(&self) -> &'static str {
        PROVIDER_PATH
    }

    async fn fetch(&self) -> Result<(AccessToken, Duration)> {
        let secret = self.provider_secret.expose_secret();
        let body = serde_json::json!({"corpid": self.corp_id, "provider_secret": secret});
        let url = format!("{}{PROVIDER_PATH}", self.sender.transport.base_url);
        let answer = self
            .sender
            .post(PROVIDER_PATH, &url, body, &[secret])
            .await?;
        let answer: ProviderAnswer = decode(PROVIDER_PATH, &answer, &[secret])?;
        Ok(token(answer.provider_access_token, answer.expires_in))
    }
}

/// `POST /cgi-bin/service/get_corp_token?suite_access_token=…`: an authorized corp's token for a
/// third-party app. WeCom answers it without `errcode` on success (doc 90605).
pub(crate) struct AuthCorpToken {
    pub(crate) sender: Sender,
    pub(crate) suite: Arc<dyn TokenProvider>,
    pub(crate) auth_corp_id: String,
    pub(crate) permanent_code: SecretString,
}

#[derive(Deserialize)]
struct CorpAnswer {
    access_token: String,
    expires_in: u64,
}

#[async_trait]
impl Fetch for AuthCorpToken {
    fn path(&self) -> &'static str {
        CORP_PATH
    }

    async fn fetch(&self) -> Result<(AccessToken, Duration)> {
        let code = self.permanent_code.expose_secret();
        let body = serde_json::json!({"auth_corpid": self.auth_corp_id, "permanent_code": code});
        let mut replayed = false;
        loop {
            let suite = self.suite.token().await?;
            let url = format!(
                "{}{CORP_PATH}?suite_access_token={}",
                self.sender.transport.base_url,
                encode(suite.expose())
            );
            let secrets = [code, suite.expose()];
            match self
                .sender
                .post(CORP_PATH, &url, body.clone(), &secrets)
                .await
            {
                // The suite token went stale under us: the same replay as any call makes, once.
                Err(err)
                    if !replayed && err.code().is_some_and(|c| TokenKind::Suite.is_stale(c)) =>
                {
                    self.suite.invalidate(&suite).await;
                    replayed = true;
                }
                Err(err) => return Err(err),
                Ok(answer) => {
                    let answer: CorpAnswer = decode(CORP_PATH, &answer, &secrets)?;
                    return Ok(token(answer.access_token, answer.expires_in));
                }
            }
        }
    }
}

fn decode<T: serde::de::DeserializeOwned>(path: &str, body: &[u8], secrets: &[&str]) -> Result<T> {
    envelope::decode(path, body).map_err(|mut err| {
        for secret in secrets {
            err = err.scrub(secret);
        }
        err
    })
}

fn token(token: String, expires_in: u64) -> (AccessToken, Duration) {
    (AccessToken::new(token), Duration::from_secs(expires_in))
}

macro_rules! redacted_debug {
    ($name:ident { $($field:ident),* }) => {
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    $(.field(stringify!($field), &self.$field))*
                    .finish_non_exhaustive()
            }
        }
    };
}

redacted_debug!(SuiteToken { suite_id });
redacted_debug!(ProviderToken { corp_id });
redacted_debug!(AuthCorpToken { auth_corp_id });
