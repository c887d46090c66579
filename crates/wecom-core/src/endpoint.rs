//! How one WeCom API is described: once, beside its request struct.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{Result, TokenKind};

/// The HTTP method of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    /// The request struct is sent as the query string.
    Get,
    /// The request struct is sent as the JSON body.
    Post,
}

/// Whether sending a request twice has the same effect as sending it once.
///
/// The executor retries an ambiguous failure (timeout, HTTP 5xx, errcode -1 or 45033) only for
/// [`Idempotency::Idempotent`] endpoints; a create or send call is never re-sent once it may have reached
/// WeCom, so a mass message is never sent twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
    /// Reads, updates to a given value, deletes.
    Idempotent,
    /// Creates or sends something.
    NotIdempotent,
}

/// One WeCom API: the request struct knows where it goes and what comes back.
///
/// ```
/// use serde::{Deserialize, Serialize};
/// use wecom_core::{Endpoint, HttpMethod, Idempotency};
///
/// #[derive(Serialize)]
/// struct GetFollowUserList {}
///
/// #[derive(Deserialize)]
/// struct FollowUsers { follow_user: Vec<String> }
///
/// impl Endpoint for GetFollowUserList {
///     const METHOD: HttpMethod = HttpMethod::Get;
///     const PATH: &'static str = "/cgi-bin/externalcontact/get_follow_user_list";
///     const IDEMPOTENCY: Idempotency = Idempotency::Idempotent;
///     type Response = FollowUsers;
/// }
/// ```
pub trait Endpoint: Serialize + Send + Sync {
    /// GET (the struct is the query) or POST (the struct is the JSON body).
    const METHOD: HttpMethod;
    /// The path under the base URL, e.g. `/cgi-bin/externalcontact/get_corp_tag_list`.
    const PATH: &'static str;
    /// Whether an ambiguous failure may be retried.
    const IDEMPOTENCY: Idempotency;
    /// The typed answer (without `errcode` / `errmsg`, which the executor checks).
    type Response: DeserializeOwned + Send + 'static;
    /// The token the endpoint takes, and so its query name; the corp's `access_token` unless said.
    const TOKEN: TokenKind = TokenKind::Corp;

    /// Checks the limits WeCom documents before anything is sent; the default accepts everything.
    fn validate(&self) -> Result<()> {
        Ok(())
    }
}
