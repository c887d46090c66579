//! `GET /cgi-bin/gettoken`.

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::fetch::{request, Fetch};
use crate::transport::{encode, Transport};
use crate::{envelope, AccessToken, HttpMethod, Result, RetryPolicy};

pub(crate) const PATH: &str = "/cgi-bin/gettoken";

/// Fetches tokens for one corp id and secret.
#[derive(Clone)]
pub(crate) struct GetToken {
    pub(crate) transport: Transport,
    pub(crate) retry: RetryPolicy,
    pub(crate) corp_id: String,
    pub(crate) secret: SecretString,
}

impl fmt::Debug for GetToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GetToken")
            .field("corp_id", &self.corp_id)
            .field("secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct GetTokenResponse {
    access_token: String,
    expires_in: u64,
}

#[async_trait]
impl Fetch for GetToken {
    fn path(&self) -> &'static str {
        PATH
    }

    /// Retries only what the retry policy allows for a read; 40001 (bad secret) fails at once.
    async fn fetch(&self) -> Result<(AccessToken, Duration)> {
        let secret = self.secret.expose_secret();
        let url = format!(
            "{}{PATH}?corpid={}&corpsecret={}",
            self.transport.base_url,
            encode(&self.corp_id),
            encode(secret),
        );
        let body = request(
            &self.transport,
            &self.retry,
            HttpMethod::Get,
            PATH,
            &url,
            None,
            &[secret],
        )
        .await?;
        let answer: GetTokenResponse =
            envelope::decode(PATH, &body).map_err(|err| err.scrub(secret))?;
        Ok((
            AccessToken::new(answer.access_token),
            Duration::from_secs(answer.expires_in),
        ))
    }
}
