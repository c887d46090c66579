//! The one error type of the SDK.
//!
//! No variant's `Display` or `Debug` holds an access token, a secret or a query string: reqwest errors are
//! stored with their URL removed, and paths are stored without their query.

use std::time::Duration;

use crate::ErrCode;

/// Everything that can go wrong in a call.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// WeCom answered with a non-zero `errcode`.
    #[error("WeCom error {code} on {path}: {message}")]
    Api {
        /// The `errcode`.
        code: ErrCode,
        /// The `errmsg`, as WeCom sent it.
        message: String,
        /// The endpoint's path, without query.
        path: String,
    },
    /// The request could not be sent or its answer not read.
    #[error("transport error on {path}{}: {source}", if *.connect { " (connect)" } else { "" })]
    Transport {
        /// The endpoint's path, without query.
        path: String,
        /// True when the connection was never made, so nothing reached WeCom.
        connect: bool,
        /// The underlying error, stripped of its URL.
        #[source]
        source: reqwest::Error,
    },
    /// The call took longer than the client's per-call timeout.
    #[error("timed out after {after:?} on {path}")]
    Timeout {
        /// The endpoint's path, without query.
        path: String,
        /// The timeout that fired.
        after: Duration,
    },
    /// WeCom (or a proxy) answered with a non-2xx HTTP status.
    #[error("unexpected HTTP status {status} on {path}: {excerpt}")]
    HttpStatus {
        /// The endpoint's path, without query.
        path: String,
        /// The status code.
        status: u16,
        /// The start of the body, with credentials masked.
        excerpt: String,
    },
    /// The answer was larger than the client accepts.
    #[error("answer of {path} exceeds {limit} bytes")]
    BodyTooLarge {
        /// The endpoint's path, without query.
        path: String,
        /// The limit set by `ClientBuilder::max_response_bytes`.
        limit: usize,
    },
    /// The answer could not be decoded into the expected type.
    #[error("cannot decode the answer of {path} at `{field}`: {source}; body starts: {excerpt}")]
    Decode {
        /// The endpoint's path, without query.
        path: String,
        /// The JSON path of the failing field (`.` for the whole body).
        field: String,
        /// The start of the body, with credentials masked.
        excerpt: String,
        /// The decoder's error.
        #[source]
        source: serde_json::Error,
    },
    /// The request breaks a limit WeCom documents; it was not sent.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// The access token could not be had from the token provider or its store.
    #[error("access token unavailable: {0}")]
    Token(String),
    /// The client was configured wrongly.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// The file or stream to upload could not be read before it was sent (or was already sent once);
    /// nothing reached WeCom.
    #[error("cannot read the upload source {file}: {source}")]
    Read {
        /// The file's path (or, for a stream, its file name).
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The endpoint takes a token of a kind this client has no credentials for; nothing was sent.
    #[error("{path} takes a {kind}, and this client has no credentials for one")]
    NoTokenFor {
        /// The token the endpoint takes.
        kind: crate::TokenKind,
        /// The endpoint's path, without query.
        path: String,
    },
}

impl Error {
    /// Builds an [`Error::InvalidRequest`].
    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::InvalidRequest(message.into())
    }

    /// The WeCom `errcode`, for [`Error::Api`].
    pub fn code(&self) -> Option<ErrCode> {
        match self {
            Self::Api { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// True when a later identical call may succeed: a connect error, a timeout, an HTTP 5xx, or errcode
    /// -1 / 45033. Whether the executor actually retries also depends on the endpoint's idempotency.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Api { code, .. } => code.is_transient(),
            Self::Transport { .. } | Self::Timeout { .. } => true,
            Self::HttpStatus { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// True when the error proves the request never reached WeCom, so even a create or send call may be
    /// sent again.
    pub fn is_unsent(&self) -> bool {
        matches!(self, Self::Transport { connect: true, .. })
    }

    /// True for errcode 40014 / 42001: the access token was stale.
    pub fn is_token_invalid(&self) -> bool {
        self.code().is_some_and(ErrCode::is_token_invalid)
    }

    /// True for errcode 45009: WeCom's per-minute frequency limit; back off for a minute or more.
    pub fn is_rate_limited(&self) -> bool {
        self.code() == Some(ErrCode::API_FREQ_LIMIT)
    }

    /// Replaces every occurrence of `value` (a token or secret the caller holds) in the texts this error
    /// carries from the server, in case the server echoed it.
    pub(crate) fn scrub(mut self, value: &str) -> Self {
        if value.is_empty() {
            return self;
        }
        if let Self::Api { message: text, .. }
        | Self::HttpStatus { excerpt: text, .. }
        | Self::Decode { excerpt: text, .. } = &mut self
        {
            if text.contains(value) {
                *text = text.replace(value, "<redacted>");
            }
        }
        self
    }

    pub(crate) fn read(file: &std::path::Path, source: std::io::Error) -> Self {
        Self::Read {
            file: file.display().to_string(),
            source,
        }
    }

    pub(crate) fn transport(path: &str, err: reqwest::Error) -> Self {
        Self::Transport {
            path: path.to_owned(),
            connect: err.is_connect(),
            source: err.without_url(),
        }
    }
}
