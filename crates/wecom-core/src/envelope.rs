//! The `{errcode, errmsg}` envelope, checked before the typed decode.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::{redact, ErrCode, Error, Result};

#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    errcode: i64,
    #[serde(default)]
    errmsg: String,
}

/// Fails with [`Error::Api`] when the body carries a non-zero `errcode`, or [`Error::Decode`] when it
/// is not a JSON object with a numeric `errcode`.
pub(crate) fn check(path: &str, body: &[u8]) -> Result<()> {
    if starts_with_ok(body) {
        return Ok(());
    }
    let envelope: Envelope = decode(path, body)?;
    if envelope.errcode == 0 {
        Ok(())
    } else {
        Err(Error::Api {
            code: ErrCode(envelope.errcode),
            message: envelope.errmsg,
            path: path.to_owned(),
        })
    }
}

/// Decodes the body; on failure decodes again, tracking the path, to name the failing field.
pub(crate) fn decode<T: DeserializeOwned>(path: &str, body: &[u8]) -> Result<T> {
    // The plain decode is the fast path; the path-tracking one runs only to explain a failure.
    serde_json::from_slice(body).map_err(|plain| {
        let de = &mut serde_json::Deserializer::from_slice(body);
        let (field, source) = match serde_path_to_error::deserialize::<_, T>(de) {
            Err(err) => (err.path().to_string(), err.into_inner()),
            // Only trailing bytes after a complete value get here; the plain error says so.
            Ok(_) => (".".to_owned(), plain),
        };
        Error::Decode {
            path: path.to_owned(),
            field,
            excerpt: redact::excerpt(body),
            source,
        }
    })
}

/// WeCom writes `errcode` first: `{"errcode":0,` proves success without parsing the body twice.
fn starts_with_ok(body: &[u8]) -> bool {
    let body = body.trim_ascii_start();
    body.starts_with(br#"{"errcode":0,"#) || body.starts_with(br#"{"errcode":0}"#)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_fast_path_and_slow_path() {
        assert!(check("/p", br#"{"errcode":0,"errmsg":"ok"}"#).is_ok());
        assert!(check("/p", br#" { "errmsg":"ok", "errcode": 0 }"#).is_ok());
        assert!(check("/p", br#"{"x":1}"#).is_ok());
        let err = check("/p", br#"{"errmsg":"busy","errcode":-1}"#).unwrap_err();
        assert_eq!(err.code(), Some(ErrCode::SYSTEM_BUSY));
        // `{"errcode":01` is not the fast path's prefix and not valid JSON either.
        assert!(check("/p", br#"{"errcode":01}"#).is_err());
    }

    #[test]
    fn decode_names_the_field() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Page {
            items: Vec<Item>,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Item {
            n: u32,
        }
        let err = decode::<Page>("/p", br#"{"items":[{"n":1},{"n":"x"}]}"#).unwrap_err();
        match err {
            Error::Decode { field, .. } => assert_eq!(field, "items[1].n"),
            other => panic!("unexpected {other:?}"),
        }
    }
}
