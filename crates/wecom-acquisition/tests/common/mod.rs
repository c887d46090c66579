//! A suite-token client and mock for `get_bill_list`, which test_util's helpers (corp `access_token`
//! only) do not cover.

#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use httpmock::{Method::POST, Mock, MockServer};
use serde_json::Value;
use wecom_core::test_util::fast_retries;
use wecom_core::{StaticToken, TokenKind, WecomClient};

pub const SUITE_TOKEN: &str = "TEST_SUITE_ACCESS_TOKEN";

/// A client that has only a suite token, always [`SUITE_TOKEN`].
pub fn suite_client(base_url: &str) -> WecomClient {
    WecomClient::builder()
        .base_url(base_url)
        .token_provider_for(TokenKind::Suite, Arc::new(StaticToken::new(SUITE_TOKEN)))
        .timeout(Duration::from_secs(5))
        .retry_policy(fast_retries())
        .build()
        .expect("a valid test client")
}

/// A mock of `POST path?suite_access_token=SUITE_TOKEN` (that parameter and nothing else) with exactly
/// `body`, answering `answer`.
pub async fn mock_post_suite<'a>(
    server: &'a MockServer,
    path: &str,
    body: Value,
    answer: &str,
) -> Mock<'a> {
    let expected = vec![("suite_access_token".to_owned(), SUITE_TOKEN.to_owned())];
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path(path)
                .is_true(move |req| req.query_params() == expected)
                .json_body(body);
            then.status(200)
                .header("content-type", "application/json")
                .body(answer);
        })
        .await
}
