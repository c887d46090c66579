//! One HTTP exchange: send, time out, check the status, read a bounded body.

use std::future::Future;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use futures::FutureExt;

use crate::upload::FormBody;
use crate::{redact, Error, HttpMethod, Result};

/// The HTTP side of a client, shared by the executor and the token fetcher.
#[derive(Debug, Clone)]
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    /// Without a trailing slash.
    pub(crate) base_url: String,
    /// `base_url` parsed once, so that a call parses only its own path and query; its path (`/`, or
    /// e.g. `/wecom` behind a gateway) goes before every endpoint's.
    pub(crate) base: url::Url,
    pub(crate) timeout: Duration,
    pub(crate) max_response_bytes: usize,
}

impl Transport {
    /// Sends one request to `url` (which may hold credentials: it never reaches an error or a log) and
    /// returns the body of a 2xx answer.
    ///
    /// Not an `async fn`: the request is handed to reqwest here, so that the future awaited holds
    /// reqwest's boxed 16-byte pending request rather than the 272-byte builder (an async fn keeps its
    /// arguments for its whole life, and each caller's future holds its callee's).
    pub(crate) fn send<'a>(
        &'a self,
        method: HttpMethod,
        path: &'a str,
        url: impl reqwest::IntoUrl,
        body: Option<Bytes>,
    ) -> impl Future<Output = Result<Bytes>> + Send + 'a {
        let request = match method {
            HttpMethod::Get => self.http.get(url),
            HttpMethod::Post => self
                .http
                .post(url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.unwrap_or_default()),
        };
        self.receive(request.send(), self.timeout, path)
    }

    /// Sends one multipart upload to `url` with the form's own deadline; returns the body of a 2xx
    /// answer.
    pub(crate) fn send_form<'a>(
        &'a self,
        path: &'a str,
        url: url::Url,
        form: FormBody,
    ) -> impl Future<Output = Result<Bytes>> + Send + 'a {
        let request = self
            .http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, form.content_type)
            .header(reqwest::header::CONTENT_LENGTH, form.length)
            .body(form.body);
        self.receive(request.send(), form.deadline, path)
    }

    /// Awaits the answer and reads its body, all within one deadline; the status checked. A plain
    /// function too, for the same reason as [`Transport::send`].
    fn receive<'a>(
        &'a self,
        pending: impl Future<Output = reqwest::Result<reqwest::Response>> + Send + 'a,
        deadline: Duration,
        path: &'a str,
    ) -> impl Future<Output = Result<Bytes>> + Send + 'a {
        let exchange = async move {
            let mut response = pending.await.map_err(|e| Error::transport(path, e))?;
            let status = response.status();
            let body = self.read_body(&mut response, path).await?;
            if !status.is_success() {
                return Err(Error::HttpStatus {
                    path: path.to_owned(),
                    status: status.as_u16(),
                    excerpt: redact::excerpt(&body),
                });
            }
            Ok(body)
        };
        tokio::time::timeout(deadline, exchange).map(move |answer| {
            answer.unwrap_or_else(|_| {
                Err(Error::Timeout {
                    path: path.to_owned(),
                    after: deadline,
                })
            })
        })
    }

    /// The body, at most `max_response_bytes` of it. Borrows the response, so that this future does
    /// not hold a second copy of it.
    async fn read_body(&self, response: &mut reqwest::Response, path: &str) -> Result<Bytes> {
        let too_large = || Error::BodyTooLarge {
            path: path.to_owned(),
            limit: self.max_response_bytes,
        };
        let expected = response.content_length().unwrap_or(0);
        if expected > self.max_response_bytes as u64 {
            return Err(too_large());
        }
        // The common case: one chunk holds the whole body, returned without a copy.
        let Some(first) = response
            .chunk()
            .await
            .map_err(|e| Error::transport(path, e))?
        else {
            return Ok(Bytes::new());
        };
        if first.len() > self.max_response_bytes {
            return Err(too_large());
        }
        let Some(second) = response
            .chunk()
            .await
            .map_err(|e| Error::transport(path, e))?
        else {
            return Ok(first);
        };
        let mut buf = BytesMut::with_capacity((expected as usize).max(first.len() + second.len()));
        buf.extend_from_slice(&first);
        let mut next = Some(second);
        while let Some(chunk) = next {
            if buf.len() + chunk.len() > self.max_response_bytes {
                return Err(too_large());
            }
            buf.extend_from_slice(&chunk);
            next = response
                .chunk()
                .await
                .map_err(|e| Error::transport(path, e))?;
        }
        Ok(buf.freeze())
    }
}

/// Percent-encodes a query value, borrowing it when nothing needs encoding (tokens, ids).
pub(crate) fn encode(value: &str) -> std::borrow::Cow<'_, str> {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'*');
    if value.bytes().all(unreserved) {
        std::borrow::Cow::Borrowed(value)
    } else {
        std::borrow::Cow::Owned(url::form_urlencoded::byte_serialize(value.as_bytes()).collect())
    }
}
