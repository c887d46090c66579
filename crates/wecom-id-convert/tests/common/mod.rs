//! Clients and mocks for the endpoints that take a suite or provider token, which test_util's helpers
//! (corp `access_token` only) do not cover.

#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use httpmock::{Method::POST, Mock, MockServer};
use serde_json::Value;
use wecom_core::test_util::fast_retries;
use wecom_core::{StaticToken, TokenKind, WecomClient};

pub const SUITE_TOKEN: &str = "TEST_SUITE_ACCESS_TOKEN";
pub const PROVIDER_TOKEN: &str = "TEST_PROVIDER_ACCESS_TOKEN";

/// A client that has only a token of `kind`, always `token`.
pub fn client_with(base_url: &str, kind: TokenKind, token: &str) -> WecomClient {
    WecomClient::builder()
        .base_url(base_url)
        .token_provider_for(kind, Arc::new(StaticToken::new(token)))
        .timeout(Duration::from_secs(5))
        .retry_policy(fast_retries())
        .build()
        .expect("a valid test client")
}

/// A client with only a suite token.
pub fn suite_client(base_url: &str) -> WecomClient {
    client_with(base_url, TokenKind::Suite, SUITE_TOKEN)
}

/// A client with only a provider token.
pub fn provider_client(base_url: &str) -> WecomClient {
    client_with(base_url, TokenKind::Provider, PROVIDER_TOKEN)
}

/// A mock of `POST path?<query_name>=<token>` (that parameter and nothing else) with exactly `body`,
/// answering `answer`.
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
