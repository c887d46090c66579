//! `GET /cgi-bin/gettoken`.

use std::fmt;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::transport::{encode, Transport};
use crate::{envelope, AccessToken, HttpMethod, Idempotency, Result, RetryPolicy};

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

impl GetToken {
    /// A fresh token and its lifetime. Retries only what the retry policy allows for a read; 40001 (bad
    /// secret) fails at once.
    pub(crate) async fn fetch(&self) -> Result<(AccessToken, Duration)> {
        let url = format!(
            "{}{PATH}?corpid={}&corpsecret={}",
            self.transport.base_url,
            encode(&self.corp_id),
            encode(self.secret.expose_secret()),
        );
        let body = self
            .retry
            .run(Idempotency::Idempotent, |_| async {
                let body = self
                    .transport
                    .send(HttpMethod::Get, PATH, &url, None)
                    .await?;
                envelope::check(PATH, &body)?;
                Ok(body)
            })
            .await
            .map_err(|err| err.scrub(self.secret.expose_secret()))?;
        let answer: GetTokenResponse =
            envelope::decode(PATH, &body).map_err(|err| err.scrub(self.secret.expose_secret()))?;
        Ok((
            AccessToken::new(answer.access_token),
            Duration::from_secs(answer.expires_in),
        ))
    }
}
