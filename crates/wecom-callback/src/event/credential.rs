//! Credentials WeCom pushes to a suite's callback ([`SuiteTicket`], [`AuthCode`]): `Debug` never shows
//! them, so an event can be logged with `{:?}` as it is.

use std::fmt;

use serde::Serialize;

/// A string credential: read with `expose()`, printed by `Debug` as `<redacted>`, serialized as its text
/// (so a durable handler can queue the event; keep such output out of logs).
macro_rules! credential {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Default, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a value (as WeCom sent it).
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The value itself, for the call that needs it.
            pub fn expose(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "(<redacted>)"))
            }
        }
    };
}

credential! {
    /// `SuiteTicket`: what `service/get_suite_token` takes with the suite's id and secret (at most 512
    /// bytes; WeCom pushes a new one every 10 minutes, each valid 30). `Debug` shows `<redacted>`.
    SuiteTicket
}

credential! {
    /// `AuthCode`: the temporary auth code (临时授权码, at most 512 bytes, valid 10 minutes) a provider
    /// exchanges once for the corp's permanent code with `service/v2/get_permanent_code`
    /// (wecom-core's `WecomClient::get_permanent_code`). `Debug` shows `<redacted>`.
    AuthCode
}
