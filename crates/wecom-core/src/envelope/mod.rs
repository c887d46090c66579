//! The `{errcode, errmsg}` envelope: checked in the same pass as the typed decode
//! ([`decode_checked`]), or alone ([`check`]) where no typed answer follows.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::{redact, ErrCode, Error, Result};

mod checked;

pub(crate) use checked::decode_checked;

// Counts the parses of a body, so that the unit tests can prove a success is parsed once.
#[cfg(test)]
thread_local! {
    static PARSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn parsing() {
    #[cfg(test)]
    PARSES.with(|n| n.set(n.get() + 1));
}

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
    if leading_errcode(body) == Some(0) {
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
    parsing();
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

/// The `errcode` when it is the first key of the object (as WeCom writes it), read without a parse and
/// whatever the whitespace (`{"errcode":0,` and `{ "errcode" : 0 ,` alike); `None` when it is not first or
/// not a plain integer, and the caller parses the envelope instead.
fn leading_errcode(body: &[u8]) -> Option<i64> {
    let rest = body.trim_ascii_start().strip_prefix(b"{")?;
    let rest = rest.trim_ascii_start().strip_prefix(br#""errcode""#)?;
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b":")?
        .trim_ascii_start();
    let (negative, rest) = match rest.strip_prefix(b"-") {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    // JSON forbids leading zeros ("01"), and more than 18 digits could overflow: leave both to serde.
    if digits == 0 || digits > 18 || (digits > 1 && rest[0] == b'0') {
        return None;
    }
    let after = rest[digits..].trim_ascii_start();
    if !matches!(after.first(), Some(b',' | b'}')) {
        return None;
    }
    let value = rest[..digits]
        .iter()
        .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
    Some(if negative { -value } else { value })
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
    fn the_leading_errcode_is_read_whatever_the_whitespace() {
        for (body, code) in [
            (&br#"{"errcode":0,"errmsg":"ok"}"#[..], Some(0)),
            (br#"{"errcode": 0, "errmsg": "ok"}"#, Some(0)),
            (b"\n{\n  \"errcode\" :\t0\n}", Some(0)),
            (br#"{"errcode":-1,"errmsg":"busy"}"#, Some(-1)),
            (br#"{"errcode":40014}"#, Some(40014)),
            (br#"{"errcode":0.5}"#, None),
            (br#"{"errcode":01}"#, None),
            (br#"{"errcode":"0"}"#, None),
            (br#"{"errmsg":"ok","errcode":0}"#, None),
            (br#"{"errcode":0"#, None),
            (br#"{"errcode":9999999999999999999}"#, None),
        ] {
            assert_eq!(
                leading_errcode(body),
                code,
                "{}",
                String::from_utf8_lossy(body)
            );
        }
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
