//! The endpoints the sandbox serves, one module per domain.

use axum::http::Method;

use crate::reply::{Input, Reply};
use crate::Shared;

/// One served endpoint.
pub(crate) struct Endpoint {
    pub(crate) method: Method,
    pub(crate) handler: fn(&Shared, Input<'_>) -> Reply,
}

/// What calls created, per domain.
#[derive(Debug, Default)]
pub(crate) struct Created {}

/// The endpoint served at `path`, if any.
pub(crate) fn route(path: &str) -> Option<Endpoint> {
    let _ = path;
    None
}
