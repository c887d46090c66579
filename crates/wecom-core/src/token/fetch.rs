//! How a cached provider gets a fresh token: one `Fetch` per kind of credential.

use std::fmt::Debug;
use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;

use crate::transport::Transport;
use crate::{envelope, AccessToken, HttpMethod, Idempotency, Result, RetryPolicy};

/// Fetches one fresh token and its lifetime.
#[async_trait]
pub(crate) trait Fetch: Send + Sync + Debug {
    /// The endpoint fetched (for errors).
    fn path(&self) -> &'static str;

    /// A fresh token and its lifetime.
    async fn fetch(&self) -> Result<(AccessToken, Duration)>;
}

/// One token request: retried like a read (fetching twice costs nothing), envelope checked, and every
/// secret the request carried scrubbed from any error text.
pub(crate) async fn request(
    transport: &Transport,
    retry: &RetryPolicy,
    method: HttpMethod,
    path: &'static str,
    url: &str,
    body: Option<Bytes>,
    secrets: &[&str],
) -> Result<Bytes> {
    let scrub = |mut err: crate::Error| {
        for secret in secrets {
            err = err.scrub(secret);
        }
        err
    };
    retry
        .run(Idempotency::Idempotent, |_| async {
            let answer = transport.send(method, path, url, body.clone()).await?;
            envelope::check(path, &answer)?;
            Ok(answer)
        })
        .await
        .map_err(scrub)
}
