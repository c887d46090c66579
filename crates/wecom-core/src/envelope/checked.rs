//! The single pass: the typed decode with the envelope's fields noted on the way.

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StringDeserializer};
use serde::de::{DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{check, decode};
use crate::{ErrCode, Error, Result};

/// Decodes a WeCom answer into `T` and checks its envelope in the same pass: [`Error::Api`] for a
/// non-zero `errcode`, [`Error::Decode`] (naming the failing field) when the body does not fit `T`.
///
/// The top-level `errcode` and `errmsg` are read wherever they stand and whatever the whitespace, and
/// still handed to `T` (for the answers that keep them), so a successful answer is parsed once. Only a
/// body that fails to decode is looked at again, to tell an error answer from a malformed one.
pub(crate) fn decode_checked<T: DeserializeOwned>(path: &str, body: &[u8]) -> Result<T> {
    let mut status = Status::default();
    super::parsing();
    let de = &mut serde_json::Deserializer::from_slice(body);
    let decoded = Checked {
        status: &mut status,
        value: PhantomData::<T>,
    }
    .deserialize(&mut *de)
    .and_then(|value| de.end().map(|()| value));
    match (decoded, status.errcode) {
        (Ok(value), None | Some(0)) => Ok(value),
        (Ok(_), Some(code)) => Err(Error::Api {
            code: ErrCode(code),
            message: status.errmsg.map(Cow::into_owned).unwrap_or_default(),
            path: path.to_owned(),
        }),
        // An error answer rarely fits `T`; `check` names its errcode, else the body is malformed.
        (Err(_), _) => {
            check(path, body)?;
            decode(path, body)
        }
    }
}

/// The envelope's fields as the single pass met them, borrowed from the body where it can.
#[derive(Default)]
struct Status<'de> {
    errcode: Option<i64>,
    errmsg: Option<Cow<'de, str>>,
}

/// Decodes `T` from a JSON object, noting its envelope fields on the way.
struct Checked<'s, 'de, T> {
    status: &'s mut Status<'de>,
    value: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Checked<'_, 'de, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> std::result::Result<T, D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Checked<'_, 'de, T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(Noting {
            inner: map,
            status: self.status,
            forward: None,
        }))
    }
}

/// The object's entries, passed on to `T` unchanged, `errcode` and `errmsg` noted on the way.
struct Noting<'s, 'de, A> {
    inner: A,
    status: &'s mut Status<'de>,
    /// The value of the envelope field whose key `T` was just given.
    forward: Option<Forward<'de>>,
}

enum Forward<'de> {
    Code(i64),
    Message(Cow<'de, str>),
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Noting<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> std::result::Result<Option<K::Value>, A::Error> {
        let Some(Text(key)) = self.inner.next_key::<Text<'de>>()? else {
            return Ok(None);
        };
        match &*key {
            "errcode" => {
                let code: i64 = self.inner.next_value()?;
                self.status.errcode = Some(code);
                self.forward = Some(Forward::Code(code));
            }
            "errmsg" => {
                let Text(message) = self.inner.next_value()?;
                self.status.errmsg = Some(message.clone());
                self.forward = Some(Forward::Message(message));
            }
            _ => {}
        }
        match key {
            Cow::Borrowed(key) => seed.deserialize(BorrowedStrDeserializer::new(key)),
            Cow::Owned(key) => seed.deserialize(StringDeserializer::new(key)),
        }
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> std::result::Result<V::Value, A::Error> {
        match self.forward.take() {
            None => self.inner.next_value_seed(seed),
            Some(Forward::Code(code)) => seed.deserialize(code.into_deserializer()),
            Some(Forward::Message(Cow::Borrowed(message))) => {
                seed.deserialize(BorrowedStrDeserializer::new(message))
            }
            Some(Forward::Message(Cow::Owned(message))) => {
                seed.deserialize(StringDeserializer::new(message))
            }
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A JSON string, borrowed from the body unless it holds escapes.
struct Text<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(de: D) -> std::result::Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, text: &'de str) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }

            fn visit_str<E>(self, text: &str) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E>(self, text: String) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }
        de.deserialize_str(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Page {
        items: Vec<u32>,
        #[serde(default)]
        next_cursor: String,
    }

    /// An answer that keeps the envelope fields, as a few of WeCom's typed answers do.
    #[derive(Debug, PartialEq, Deserialize)]
    struct Kept {
        errcode: i64,
        errmsg: String,
        items: Vec<u32>,
    }

    /// The value and the number of parses it took.
    fn decoded<T: DeserializeOwned>(body: &str) -> (Result<T>, usize) {
        super::super::PARSES.with(|n| n.set(0));
        let result = decode_checked::<T>("/p", body.as_bytes());
        (result, super::super::PARSES.with(std::cell::Cell::get))
    }

    #[test]
    fn a_success_is_parsed_once_whatever_the_whitespace_and_key_order() {
        let expected = Page {
            items: vec![1, 2],
            next_cursor: "c".into(),
        };
        for body in [
            r#"{"errcode":0,"errmsg":"ok","items":[1,2],"next_cursor":"c"}"#,
            r#"{"errcode": 0, "errmsg": "ok", "items": [1, 2], "next_cursor": "c"}"#,
            "{\n  \"items\" : [1,2],\n  \"next_cursor\": \"c\",\n  \"errmsg\": \"ok\",\n  \"errcode\": 0\n}",
            r#"{"next_cursor":"c","items":[1,2],"errcode":0}"#,
            r#"{"items":[1,2],"next_cursor":"c"}"#,
            r#"{"items":[1,2],"err\u0063ode":0,"errmsg":"\u006fk","next_cursor":"c"}"#,
        ] {
            let (page, parses) = decoded::<Page>(body);
            assert_eq!(page.unwrap(), expected, "{body}");
            assert_eq!(parses, 1, "{body}");
        }
        // Checking the envelope first, as before, parsed a body whose errcode is not first twice.
        super::super::PARSES.with(|n| n.set(0));
        let body = br#"{"items":[1,2],"errcode":0}"#;
        check("/p", body).unwrap();
        decode::<Page>("/p", body).unwrap();
        assert_eq!(super::super::PARSES.with(std::cell::Cell::get), 2);
    }

    #[test]
    fn the_envelope_fields_still_reach_an_answer_that_keeps_them() {
        for body in [
            r#"{"errcode":0,"errmsg":"ok","items":[3]}"#,
            r#"{"items":[3],"errmsg":"\u006fk","errcode":0}"#,
        ] {
            let (kept, parses) = decoded::<Kept>(body);
            let expected = Kept {
                errcode: 0,
                errmsg: "ok".into(),
                items: vec![3],
            };
            assert_eq!((kept.unwrap(), parses), (expected, 1), "{body}");
        }
    }

    #[test]
    fn a_nonzero_errcode_is_an_api_error_wherever_it_stands() {
        for (body, code, message) in [
            (
                r#"{"errcode":40003,"errmsg":"invalid userid"}"#,
                40003,
                "invalid userid",
            ),
            (r#"{"errmsg": "busy", "errcode": -1}"#, -1, "busy"),
            (
                r#"{"items":[],"errcode":84061,"errmsg":"\u4e0d\u5b58\u5728"}"#,
                84061,
                "不存在",
            ),
            (r#"{"errcode":45009}"#, 45009, ""),
        ] {
            // `Page` needs `items`, which an error answer lacks; `Kept` fits it, wrongly: both are errors.
            for result in [
                decoded::<Page>(body).0.map(drop),
                decoded::<Kept>(body).0.map(drop),
            ] {
                match result {
                    Err(Error::Api {
                        code: c,
                        message: m,
                        path,
                    }) => {
                        assert_eq!(
                            (c, m.as_str(), path.as_str()),
                            (ErrCode(code), message, "/p")
                        );
                    }
                    other => panic!("{body}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn a_malformed_body_is_a_decode_error_naming_the_field() {
        for (body, field) in [
            (r#"{"errcode":0,"items":[1,"x"]}"#, "items[1]"),
            (r#"{"items":[1],"errcode":"0"}"#, "errcode"),
            // An array fits no envelope: the envelope's own decode names the element it tripped on.
            (r#"[1,2]"#, "[1]"),
            (r#"{"errcode":0,"items":[1]} trailing"#, "."),
            ("", "."),
        ] {
            match decoded::<Page>(body).0 {
                Err(Error::Decode { field: f, path, .. }) => {
                    assert_eq!((f.as_str(), path.as_str()), (field, "/p"), "{body}");
                }
                other => panic!("{body}: {other:?}"),
            }
        }
    }
}
