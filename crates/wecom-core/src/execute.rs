//! The one send loop: token → URL → body → timeout → envelope → retry / invalidate → decode.

use std::time::Instant;

use bytes::Bytes;
use serde::de::DeserializeOwned;
use tracing::Instrument;

use crate::transport::encode;
use crate::upload::Form;
use crate::{
    envelope, AccessToken, Endpoint, Error, HttpMethod, Idempotency, Result, TokenKind, WecomClient,
};

/// What an attempt does with a 2xx body: decode it and check its envelope.
type Decoder<'a> = dyn FnMut(&[u8]) -> Result<()> + Send + 'a;

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
        self.send_decoded(&call).await
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
        self.send_decoded(&call).await
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
        self.send_decoded(&call).await
    }

    /// Sends until success or a final error and returns the answer, decoded and its envelope checked
    /// in one pass.
    pub(crate) async fn send_decoded<T: DeserializeOwned + Send>(
        &self,
        call: &Call<'_>,
    ) -> Result<T> {
        let mut answer = None;
        self.send(call, &mut |body| {
            answer = Some(envelope::decode_checked(call.path, body)?);
            Ok(())
        })
        .await?;
        // `send` succeeds only once `decode` did, which filled `answer`.
        Ok(answer.expect("a successful send decoded the answer"))
    }

    /// Sends until success or a final error; `decode` takes each 2xx body, and its error (an errcode
    /// among them) is the attempt's. Not generic, so that the send loop is compiled once, not per answer
    /// type.
    ///
    /// One loop for retries and the stale-token replay, and as few nested futures as the work needs:
    /// every level of `async fn` keeps its own copy of its arguments. The attempt is boxed, so that
    /// the call's future stays small (a caller moves it into its task, `buffer_unordered` or
    /// `join_all`) and neither allocation passes 1 KiB, glibc's per-thread cache limit.
    async fn send(&self, call: &Call<'_>, decode: &mut Decoder<'_>) -> Result<()> {
        let tokens = self
            .inner
            .tokens
            .get(call.token)
            .ok_or_else(|| Error::NoTokenFor {
                kind: call.token,
                path: call.path.to_owned(),
            })?;
        // A stream can be read once: one attempt, whatever fails.
        let retry = call.replayable().then_some(&self.inner.retry);
        let (mut attempt, mut replayed) = (1, false);
        loop {
            let token = match tokens.cached() {
                Some(token) => token,
                None => tokens.token().await?,
            };
            let err = match Box::pin(self.attempt(call, &token, attempt, decode)).await {
                Ok(()) => return Ok(()),
                Err(err) => err,
            };
            if let Some(retry) = retry.filter(|r| r.should_retry(&err, call.idempotency, attempt)) {
                retry.pause(attempt, &err).await;
                attempt += 1;
            } else if !replayed && err.code().is_some_and(|c| call.token.is_stale(c)) {
                // WeCom rejected the token before doing anything, so a replay is safe for any
                // endpoint; but only once, so a token that keeps failing cannot loop.
                tokens.invalidate(&token).await;
                // A stream was read by the first try: the next call gets a fresh token, this one
                // reports the error.
                if !call.replayable() {
                    return Err(err);
                }
                tracing::debug!(path = call.path, code = ?err.code(), "stale token; replaying once");
                (attempt, replayed) = (1, true);
            } else {
                return Err(err);
            }
        }
    }

    /// One attempt in its tracing span: the exchange, then `decode` on its body; texts echoing the
    /// token are scrubbed.
    async fn attempt(
        &self,
        call: &Call<'_>,
        token: &AccessToken,
        attempt: u32,
        decode: &mut Decoder<'_>,
    ) -> Result<()> {
        let span = tracing::debug_span!(
            "wecom.call",
            path = call.path,
            attempt,
            errcode = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        // The span is entered and timed only when a subscriber wants it: a disabled span still costs
        // a `log` check at every poll when tracing's `log` feature is on.
        let started = (!span.is_disabled()).then(Instant::now);
        let exchange = self.exchange(call, token);
        let result = match started {
            Some(_) => exchange
                .instrument(span.clone())
                .await
                .and_then(|body| span.in_scope(|| decode(&body))),
            None => exchange.await.and_then(|body| decode(&body)),
        }
        .map_err(|err| err.scrub(token.expose()));
        if let Some(started) = started {
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
        }
        result
    }

    /// One HTTP exchange (after the limiter's wait, if limits are set): the body of a 2xx answer.
    async fn exchange(&self, call: &Call<'_>, token: &AccessToken) -> Result<Bytes> {
        let limiter = &self.inner.limiter;
        let _slot = if limiter.is_off() {
            None
        } else {
            Some(limiter.acquire().await)
        };
        let url = self.url(call, token);
        let transport = &self.inner.transport;
        match call.form {
            Some(form) => {
                let body = form.open(transport.timeout).await?;
                transport.send_form(call.path, url, body).await
            }
            None => {
                transport
                    .send(call.method, call.path, url, call.body.clone())
                    .await
            }
        }
    }

    /// The call's URL, token included: the base parsed once at build, only the path and query per
    /// call (a whole URL parse was a tenth of a call's CPU on loopback).
    fn url(&self, call: &Call<'_>, token: &AccessToken) -> url::Url {
        let transport = &self.inner.transport;
        let mut url = transport.base.clone();
        let prefix = transport.base.path().trim_end_matches('/');
        if prefix.is_empty() {
            url.set_path(call.path);
        } else {
            url.set_path(&[prefix, call.path].concat());
        }
        let token = encode(token.expose());
        let name = call.token.query_name();
        let mut query = String::with_capacity(name.len() + token.len() + call.query.len() + 2);
        query.push_str(name);
        query.push('=');
        query.push_str(&token);
        if !call.query.is_empty() {
            query.push('&');
            query.push_str(&call.query);
        }
        url.set_query(Some(&query));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A call's future is copied each time it moves (into a task, `buffer_unordered`, `join_all`), and
    /// past 1 KiB its allocation leaves glibc's per-thread cache: both halves (the call, and the boxed
    /// attempt) stay under that.
    #[test]
    fn call_futures_stay_under_one_kib() {
        let client = crate::test_util::client("http://127.0.0.1:9");
        let call_size = std::mem::size_of_val(&client.get_raw("/cgi-bin/x", &[]));
        let call = Call {
            method: HttpMethod::Get,
            path: "/cgi-bin/x",
            idempotency: Idempotency::Idempotent,
            token: TokenKind::Corp,
            query: String::new(),
            body: None,
            form: None,
        };
        let token = AccessToken::new("t");
        let mut decode = |_: &[u8]| Ok(());
        let attempt_size = std::mem::size_of_val(&client.attempt(&call, &token, 1, &mut decode));
        assert!(call_size <= 1024, "call future: {call_size} bytes");
        assert!(attempt_size <= 1024, "attempt future: {attempt_size} bytes");
    }
}
