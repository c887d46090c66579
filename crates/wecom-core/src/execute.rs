//! The one send loop: token → URL → body → timeout → envelope → retry / invalidate → decode.

use std::time::Instant;

use bytes::Bytes;
use tracing::Instrument;

use crate::transport::encode;
use crate::upload::Form;
use crate::{
    envelope, AccessToken, Endpoint, Error, HttpMethod, Idempotency, Result, RetryPolicy,
    TokenKind, WecomClient,
};

/// One request, ready to send with any token.
pub(crate) struct Call<'a> {
    pub(crate) method: HttpMethod,
    pub(crate) path: &'a str,
    pub(crate) idempotency: Idempotency,
    pub(crate) token: TokenKind,
    /// Encoded query without the token, `""` for none.
    pub(crate) query: String,
    pub(crate) body: Option<Bytes>,
    /// A multipart upload instead of `body`, opened again by each attempt.
    pub(crate) form: Option<&'a Form<'a>>,
}

impl Call<'_> {
    /// False for an upload from a stream, which can be sent once only.
    fn replayable(&self) -> bool {
        self.form.is_none_or(Form::is_replayable)
    }
}

impl WecomClient {
    /// Sends the request its [`Endpoint`] describes and decodes the answer.
    ///
    /// Checks `req.validate()` first (an [`Error::InvalidRequest`] then names the endpoint's path); adds the access token; retries per the client's
    /// [`RetryPolicy`](crate::RetryPolicy) and the endpoint's idempotency; on 40014 / 42001 invalidates the
    /// token and replays once with a fresh one.
    pub async fn execute<E: Endpoint>(&self, req: &E) -> Result<E::Response> {
        // The endpoint's path goes in front of the check's words, so that each check need not say it.
        req.validate().map_err(|err| match err {
            Error::InvalidRequest(message) => {
                Error::InvalidRequest(format!("{}: {message}", E::PATH))
            }
            other => other,
        })?;
        let (query, body) = match E::METHOD {
            HttpMethod::Get => (
                serde_urlencoded::to_string(req)
                    .map_err(|e| Error::invalid_request(format!("{}: {e}", E::PATH)))?,
                None,
            ),
            HttpMethod::Post => (
                String::new(),
                Some(Bytes::from(serde_json::to_vec(req).map_err(|e| {
                    Error::invalid_request(format!("{}: {e}", E::PATH))
                })?)),
            ),
        };
        let call = Call {
            method: E::METHOD,
            path: E::PATH,
            idempotency: E::IDEMPOTENCY,
            token: E::TOKEN,
            query,
            body,
            form: None,
        };
        let body = self.send(&call).await?;
        envelope::decode(E::PATH, &body)
    }

    /// Calls any GET endpoint by path, with the token, retries and errcode check applied, and returns
    /// the JSON answer. For endpoints WeCom added before this SDK typed them.
    ///
    /// `path` starts with `/` and holds no query; `query` holds the other parameters (not
    /// `access_token`). GET calls are treated as idempotent.
    pub async fn get_raw(&self, path: &str, query: &[(&str, &str)]) -> Result<serde_json::Value> {
        check_raw_path(path)?;
        let mut encoded = url::form_urlencoded::Serializer::new(String::new());
        encoded.extend_pairs(query);
        let call = Call {
            method: HttpMethod::Get,
            path,
            idempotency: Idempotency::Idempotent,
            token: TokenKind::Corp,
            query: encoded.finish(),
            body: None,
            form: None,
        };
        let body = self.send(&call).await?;
        envelope::decode(path, &body)
    }

    /// Calls any POST endpoint by path with a JSON body; see [`WecomClient::get_raw`].
    ///
    /// Treated as not idempotent (it may create or send something): an ambiguous failure is not
    /// retried. Use [`WecomClient::post_raw_idempotent`] for a read.
    pub async fn post_raw(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<serde_json::Value> {
        self.post_raw_with(path, body, Idempotency::NotIdempotent)
            .await
    }

    /// Like [`WecomClient::post_raw`] for an endpoint known to be idempotent (a read, an update, a
    /// delete), so that timeouts, 5xx, -1 and 45033 are retried.
    pub async fn post_raw_idempotent(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<serde_json::Value> {
        self.post_raw_with(path, body, Idempotency::Idempotent)
            .await
    }

    async fn post_raw_with(
        &self,
        path: &str,
        body: &serde_json::Value,
        idempotency: Idempotency,
    ) -> Result<serde_json::Value> {
        check_raw_path(path)?;
        let call = Call {
            method: HttpMethod::Post,
            path,
            idempotency,
            token: TokenKind::Corp,
            query: String::new(),
            body: Some(Bytes::from(body.to_string())),
            form: None,
        };
        let answer = self.send(&call).await?;
        envelope::decode(path, &answer)
    }

    /// Sends until success or a final error; returns the body of a zero-errcode answer.
    pub(crate) async fn send(&self, call: &Call<'_>) -> Result<Bytes> {
        let inner = &self.inner;
        let tokens = inner
            .tokens
            .get(call.token)
            .ok_or_else(|| Error::NoTokenFor {
                kind: call.token,
                path: call.path.to_owned(),
            })?;
        // A stream can be read once: one attempt, whatever fails.
        let once = RetryPolicy::never();
        let retry = if call.replayable() {
            &inner.retry
        } else {
            &once
        };
        let mut replayed = false;
        loop {
            let token = tokens.token().await?;
            let result = retry
                .run(call.idempotency, |attempt| {
                    self.attempt(call, &token, attempt)
                })
                .await;
            match result {
                // WeCom rejected the token before doing anything, so a replay is safe for any
                // endpoint; but only once, so a token that keeps failing cannot loop.
                Err(err) if !replayed && err.code().is_some_and(|c| call.token.is_stale(c)) => {
                    tokens.invalidate(&token).await;
                    // A stream was read by the first try: the next call gets a fresh token, this one
                    // reports the error.
                    if !call.replayable() {
                        return Err(err);
                    }
                    tracing::debug!(path = call.path, code = ?err.code(), "stale token; replaying once");
                    replayed = true;
                }
                other => return other,
            }
        }
    }

    async fn attempt(&self, call: &Call<'_>, token: &AccessToken, attempt: u32) -> Result<Bytes> {
        let span = tracing::debug_span!(
            "wecom.call",
            path = call.path,
            attempt,
            errcode = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        // No subscriber wants the span: skip the instrumentation on the hot path.
        if span.is_disabled() {
            return self.exchange(call, token).await;
        }
        let started = Instant::now();
        let result = self.exchange(call, token).instrument(span.clone()).await;
        span.record("elapsed_ms", started.elapsed().as_millis() as u64);
        span.record(
            "errcode",
            result
                .as_ref()
                .err()
                .and_then(Error::code)
                .map_or(0, |c| c.0),
        );
        if let Err(err) = &result {
            tracing::debug!(parent: &span, error = %err, "call failed");
        }
        result
    }

    /// One HTTP exchange with the envelope checked; texts echoing the token are scrubbed.
    async fn exchange(&self, call: &Call<'_>, token: &AccessToken) -> Result<Bytes> {
        let _slot = self.inner.limiter.acquire().await;
        let url = self.url(call, token);
        let transport = &self.inner.transport;
        let sent = match call.form {
            Some(form) => match form.open(transport.timeout).await {
                Ok(body) => transport.send_form(call.path, &url, body).await,
                Err(err) => Err(err),
            },
            None => {
                transport
                    .send(call.method, call.path, &url, call.body.clone())
                    .await
            }
        };
        sent.and_then(|body| envelope::check(call.path, &body).map(|()| body))
            .map_err(|err| err.scrub(token.expose()))
    }

    fn url(&self, call: &Call<'_>, token: &AccessToken) -> String {
        let base = &self.inner.transport.base_url;
        let token = encode(token.expose());
        let mut url = String::with_capacity(
            base.len() + call.path.len() + call.query.len() + token.len() + 16,
        );
        url.push_str(base);
        url.push_str(call.path);
        url.push('?');
        url.push_str(call.token.query_name());
        url.push('=');
        url.push_str(&token);
        if !call.query.is_empty() {
            url.push('&');
            url.push_str(&call.query);
        }
        url
    }
}

fn check_raw_path(path: &str) -> Result<()> {
    if !path.starts_with('/') || path.contains(['?', '#']) || path.contains("://") {
        return Err(Error::invalid_request(format!(
            "raw path must start with '/' and hold no query: {path:?}"
        )));
    }
    Ok(())
}
