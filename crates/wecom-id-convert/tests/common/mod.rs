//! Clients and mocks for the endpoints that take a suite or provider token.

#![allow(dead_code)]

use httpmock::{Method::POST, Mock, MockServer};
use serde_json::Value;
use wecom_core::test_util::client_for;
use wecom_core::{TokenKind, WecomClient};

/// The suite token [`suite_client`] sends.
pub const SUITE_TOKEN: &str = wecom_core::test_util::TEST_SUITE_TOKEN;
/// The provider token [`provider_client`] sends.
pub const PROVIDER_TOKEN: &str = wecom_core::test_util::TEST_PROVIDER_TOKEN;

/// A client with only a suite token.
pub fn suite_client(base_url: &str) -> WecomClient {
    client_for(base_url, TokenKind::Suite)
}

/// A client with only a provider token.
pub fn provider_client(base_url: &str) -> WecomClient {
    client_for(base_url, TokenKind::Provider)
}

/// A mock of `POST path?<query_name>=<token>` (that parameter and nothing else) with exactly `body`,
/// answering `answer`. The query name is spelled out here rather than taken from `TokenKind`, so the
/// tests also check the SDK's query names against WeCom's.
pub async fn mock_post_token<'a>(
    server: &'a MockServer,
    path: &str,
    query_name: &str,
    token: &str,
    body: Value,
    answer: &str,
) -> Mock<'a> {
    let expected = vec![(query_name.to_owned(), token.to_owned())];
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
