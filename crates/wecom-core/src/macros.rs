//! Small macros that let a domain crate describe an endpoint, an accessor or an integer code once.

/// Implements [`Endpoint`](crate::Endpoint) for a request struct.
///
/// ```
/// # use serde::{Deserialize, Serialize};
/// # #[derive(Serialize)] struct DelThing { id: String }
/// # impl DelThing { fn check(&self) -> wecom_core::Result<()> { Ok(()) } }
/// wecom_core::impl_endpoint!(DelThing => wecom_core::EmptyResponse,
///     Post "/cgi-bin/externalcontact/del_thing", Idempotent, validate = DelThing::check);
/// ```
#[macro_export]
macro_rules! impl_endpoint {
    ($req:ty => $resp:ty, $method:ident $path:literal, $idem:ident $(, token = $token:ident)? $(, validate = $validate:path)? $(,)?) => {
        impl $crate::Endpoint for $req {
            const METHOD: $crate::HttpMethod = $crate::HttpMethod::$method;
            const PATH: &'static str = $path;
            const IDEMPOTENCY: $crate::Idempotency = $crate::Idempotency::$idem;
            type Response = $resp;
            $(const TOKEN: $crate::TokenKind = $crate::TokenKind::$token;)?
            $(
                fn validate(&self) -> $crate::Result<()> {
                    $validate(self)
                }
            )?
        }
    };
}

/// Declares a domain's borrowed sub-client (`TagApi<'a>`) and the extension trait that adds its accessor
/// to [`WecomClient`](crate::WecomClient) (`client.tag()`).
///
/// ```
/// wecom_core::accessor! {
///     /// Corp customer tags.
///     TagApi, TagExt, tag
/// }
/// # fn f(client: &wecom_core::WecomClient) { let _api: TagApi<'_> = client.tag(); }
/// ```
#[macro_export]
macro_rules! accessor {
    ($(#[$meta:meta])* $api:ident, $ext:ident, $method:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        pub struct $api<'a> {
            client: &'a $crate::WecomClient,
        }

        impl<'a> $api<'a> {
            /// Wraps a client; usually reached through the extension trait's accessor instead.
            pub fn new(client: &'a $crate::WecomClient) -> Self {
                Self { client }
            }

            /// The client this API's calls go through.
            pub fn client(&self) -> &'a $crate::WecomClient {
                self.client
            }
        }

        #[doc = concat!("Adds [`", stringify!($method), "()`](", stringify!($ext), "::", stringify!($method), ") to [`WecomClient`](", stringify!($crate), "::WecomClient).")]
        pub trait $ext {
            #[doc = concat!("The [`", stringify!($api), "`] of this client.")]
            fn $method(&self) -> $api<'_>;
        }

        impl $ext for $crate::WecomClient {
            fn $method(&self) -> $api<'_> {
                $api::new(self)
            }
        }
    };
}

/// Declares an integer code as an enum with an `Unknown(i64)` variant, so a value WeCom adds later
/// still decodes (and encodes back unchanged).
///
/// ```
/// wecom_core::int_enum! {
///     /// 性别.
///     pub enum Gender {
///         /// 0: 未知.
///         Unspecified = 0,
///         /// 1: 男性.
///         Male = 1,
///     }
/// }
/// assert_eq!(serde_json::from_str::<Gender>("1").unwrap(), Gender::Male);
/// assert_eq!(serde_json::from_str::<Gender>("7").unwrap(), Gender::Unknown(7));
/// assert_eq!(serde_json::to_string(&Gender::Unknown(7)).unwrap(), "7");
/// ```
#[macro_export]
macro_rules! int_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, $crate::__private::serde::Serialize, $crate::__private::serde::Deserialize)]
        #[serde(from = "i64", into = "i64", crate = "wecom_core::__private::serde")]
        $vis enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this SDK does not know yet, kept as sent.
            Unknown(i64),
        }

        impl From<i64> for $name {
            fn from(value: i64) -> Self {
                match value {
                    $($value => Self::$variant,)+
                    other => Self::Unknown(other),
                }
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                match value {
                    $($name::$variant => $value,)+
                    $name::Unknown(other) => other,
                }
            }
        }
    };
}
