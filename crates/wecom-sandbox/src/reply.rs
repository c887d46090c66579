//! Answers in WeCom's envelope, and the typed glue between raw requests and endpoint handlers.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// A non-zero errcode answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub(crate) code: i64,
    pub(crate) message: String,
}

impl ApiError {
    pub(crate) fn new(code: i64, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// 40058: a parameter breaks a documented rule.
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::new(40058, message)
    }

    /// The envelope alone.
    pub(crate) fn body(&self) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({"errcode": self.code, "errmsg": self.message}))
            .unwrap_or_default()
    }
}

/// The JSON object of a successful answer, without the envelope.
pub(crate) type Reply = Result<Vec<u8>, ApiError>;

/// A raw request as the router received it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Input<'a> {
    pub(crate) query: &'a str,
    pub(crate) body: &'a [u8],
}

impl Input<'_> {
    /// Decodes the JSON body (47001, WeCom's "data format error", when it does not fit).
    pub(crate) fn json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        serde_json::from_slice(self.body)
            .map_err(|e| ApiError::new(47001, format!("data format error: {e}")))
    }

    /// Decodes the query string.
    pub(crate) fn query<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        serde_urlencoded::from_str(self.query)
            .map_err(|e| ApiError::invalid(format!("invalid query: {e}")))
    }
}

/// Encodes an answer object.
pub(crate) fn ok<T: Serialize>(answer: &T) -> Reply {
    serde_json::to_vec(answer).map_err(|e| ApiError::new(-1, format!("sandbox encode error: {e}")))
}

/// Puts `{"errcode":0,"errmsg":"ok"` in front of an answer object, as WeCom writes it.
pub(crate) fn envelope(object: &[u8]) -> Vec<u8> {
    let rest = object.strip_prefix(b"{").unwrap_or(b"}");
    let mut out = Vec::with_capacity(object.len() + 32);
    out.extend_from_slice(br#"{"errcode":0,"errmsg":"ok""#);
    if rest.first() != Some(&b'}') {
        out.push(b',');
    }
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::envelope;

    #[test]
    fn envelope_goes_first() {
        assert_eq!(envelope(b"{}"), br#"{"errcode":0,"errmsg":"ok"}"#);
        assert_eq!(
            envelope(br#"{"a":1}"#),
            br#"{"errcode":0,"errmsg":"ok","a":1}"#
        );
    }
}
