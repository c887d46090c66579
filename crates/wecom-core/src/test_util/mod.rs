//! Helpers for tests of crates built on wecom-core (feature `test-util`).
//!
//! Domain tests use a fixed token, so that their mocks match `access_token` exactly and token behaviour
//! stays the business of wecom-core's own tests.

mod fixed_server;
pub mod mock;
pub mod multipart;

use std::sync::Arc;
use std::time::Duration;

use crate::{Error, RetryPolicy, StaticToken, TokenKind, WecomClient};

pub use fixed_server::FixedResponseServer;

/// The token [`client`] sends.
pub const TEST_TOKEN: &str = "TEST_ACCESS_TOKEN";

/// The suite token [`client_for`] sends.
pub const TEST_SUITE_TOKEN: &str = "TEST_SUITE_ACCESS_TOKEN";

/// The provider token [`client_for`] sends.
pub const TEST_PROVIDER_TOKEN: &str = "TEST_PROVIDER_ACCESS_TOKEN";

/// The fixed token of `kind` that test clients send and the mocks expect.
pub fn test_token(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Suite => TEST_SUITE_TOKEN,
        TokenKind::Provider => TEST_PROVIDER_TOKEN,
        _ => TEST_TOKEN,
    }
}

/// A client pointed at `base_url` that always sends [`TEST_TOKEN`], retries quickly, and times out
/// after 5 s.
pub fn client(base_url: &str) -> WecomClient {
    client_for(base_url, TokenKind::Corp)
}

/// Like [`client`], holding only a token of `kind` ([`test_token`]): for suite and provider endpoints.
pub fn client_for(base_url: &str, kind: TokenKind) -> WecomClient {
    WecomClient::builder()
        .base_url(base_url)
        .token_provider_for(kind, Arc::new(StaticToken::new(test_token(kind))))
        .timeout(Duration::from_secs(5))
        .retry_policy(fast_retries())
        .build()
        .expect("a valid test client")
}

/// Three attempts, a millisecond apart: retries without slowing tests.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
    }
}

/// Decodes `fixture` (a WeCom answer) as `T`, encodes it again, and panics with both sides unless the
/// result equals the fixture less `errcode` and `errmsg`: proof that no field is silently dropped.
/// Returns the decoded value for further checks.
pub fn assert_round_trip<T>(fixture: &str) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let mut expected: serde_json::Value =
        serde_json::from_str(fixture).expect("the fixture is JSON");
    if let Some(object) = expected.as_object_mut() {
        object.remove("errcode");
        object.remove("errmsg");
    }
    let decoded: T = match serde_json::from_str(fixture) {
        Ok(decoded) => decoded,
        Err(err) => panic!("fixture does not decode: {err}"),
    };
    let encoded = serde_json::to_value(&decoded).expect("encodes");
    assert_eq!(
        encoded, expected,
        "round trip changed the fixture\nencoded:  {}\nfixture:  {}",
        encoded, expected
    );
    decoded
}

/// Panics unless `result` is the API error `code` of the endpoint at `path` (errmsg kept as sent).
pub fn assert_api_error<T: std::fmt::Debug>(result: crate::Result<T>, code: i64, path: &str) {
    match result {
        Err(Error::Api {
            code: got,
            path: got_path,
            message,
        }) => {
            assert_eq!(got.0, code, "errcode (errmsg {message:?})");
            assert_eq!(got_path, path, "the error names the endpoint");
            assert!(!message.is_empty(), "errmsg is kept");
        }
        other => panic!("expected API error {code} from {path}, got {other:?}"),
    }
}

/// A WeCom error answer for `code`, its errmsg in WeCom's shape: `text`, a hint, the caller's ip and
/// the link to the errcode's documentation.
pub fn wecom_error(code: i64, text: &str) -> String {
    serde_json::json!({
        "errcode": code,
        "errmsg": format!(
            "{text}, hint: [1700000000_96_0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b], from ip: 203.0.113.8, \
             more info at https://open.work.weixin.qq.com/devtool/query?e={code}"
        )
    })
    .to_string()
}
