//! Serde adapters for fields WeCom has sent in two forms: a number or a string, an object or a string
//! holding its JSON.
//!
//! Use with `#[serde(deserialize_with = "…")]`, usually with `#[serde(default)]`:
//!
//! ```
//! #[derive(serde::Deserialize)]
//! struct FollowUser {
//!     #[serde(default, deserialize_with = "wecom_core::lenient::i64_from_any")]
//!     createtime: i64,
//!     #[serde(default, deserialize_with = "wecom_core::lenient::string_from_any")]
//!     source: String,
//! }
//! let a: FollowUser = serde_json::from_str(r#"{"createtime":"1525779812","source":7}"#).unwrap();
//! let b: FollowUser = serde_json::from_str(r#"{"createtime":1525779812,"source":"7"}"#).unwrap();
//! assert_eq!((a.createtime, a.source.as_str()), (b.createtime, b.source.as_str()));
//! ```

use std::fmt;

use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};

/// An integer from a JSON number or a numeric string (an empty string or `null` is 0).
pub fn i64_from_any<'de, D: Deserializer<'de>>(de: D) -> Result<i64, D::Error> {
    struct AnyI64;
    impl Visitor<'_> for AnyI64 {
        type Value = i64;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an integer or a string holding one")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v).map_err(|_| E::custom("integer out of range"))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
            if v.fract() == 0.0 && v.abs() < 9.0e15 {
                Ok(v as i64)
            } else {
                Err(E::custom("expected an integer"))
            }
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
            let v = v.trim();
            if v.is_empty() {
                return Ok(0);
            }
            v.parse()
                .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
        }
        fn visit_unit<E: de::Error>(self) -> Result<i64, E> {
            Ok(0)
        }
    }
    de.deserialize_any(AnyI64)
}

/// A string from a JSON string or number (`null` is the empty string).
pub fn string_from_any<'de, D: Deserializer<'de>>(de: D) -> Result<String, D::Error> {
    struct AnyString;
    impl Visitor<'_> for AnyString {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_unit<E: de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
    }
    de.deserialize_any(AnyString)
}

/// An object from a JSON object or from a string holding one's JSON (an empty string or `null` is `None`),
/// for fields such as `external_profile` that some answers send encoded. A string that is not such an
/// object is an error, never a silent `None`.
pub fn object_or_json_string<'de, D, T>(de: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    struct AnyObject<T>(PhantomData<T>);
    impl<'de, T: DeserializeOwned> Visitor<'de> for AnyObject<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object or a string holding one")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<T>, E> {
            if v.trim().is_empty() {
                return Ok(None);
            }
            serde_json::from_str(v).map(Some).map_err(E::custom)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, de: D2) -> Result<Option<T>, D2::Error> {
            de.deserialize_any(self)
        }
    }
    de.deserialize_any(AnyObject(PhantomData))
}
