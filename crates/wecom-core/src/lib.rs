#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

pub mod authorization;
mod builder;
pub mod check;
mod client;
mod empty;
mod endpoint;
mod envelope;
mod errcode;
mod error;
mod execute;
pub mod lenient;
mod limits;
mod macros;
pub mod pagination;
mod redact;
pub mod retry;
mod secret;
pub mod token;
mod transport;
pub mod upload;

#[cfg(feature = "test-util")]
pub mod test_util;

pub use client::{ClientBuilder, WecomClient, DEFAULT_BASE_URL};
pub use empty::EmptyResponse;
pub use endpoint::{Endpoint, HttpMethod, Idempotency};
pub use errcode::ErrCode;
pub use error::Error;
pub use pagination::{CursorPage, CursorRequest, OffsetPage, OffsetRequest, Page, Paginator};
pub use retry::RetryPolicy;
pub use secret::AccessToken;
pub use token::{
    Lease, MemoryStore, MemoryTicketStore, StaticToken, StoredToken, SuiteTicketStore, TokenKind,
    TokenProvider, TokenStore,
};
pub use upload::{Upload, UploadSource};

/// The result type of every fallible call of the SDK.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[doc(hidden)]
pub mod __private {
    //! Re-exports for the macros; not part of the API.
    pub use serde;
}
