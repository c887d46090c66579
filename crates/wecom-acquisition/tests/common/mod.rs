//! The suite-token client and mock of `get_bill_list`, from core's test_util.

#![allow(dead_code)]

use httpmock::{Mock, MockServer};
use serde_json::Value;
use wecom_core::test_util::{client_for, mock::mock_post_for};
use wecom_core::{TokenKind, WecomClient};

/// The suite token [`suite_client`] sends.
pub const SUITE_TOKEN: &str = wecom_core::test_util::TEST_SUITE_TOKEN;

/// A client that has only a suite token, always [`SUITE_TOKEN`].
pub fn suite_client(base_url: &str) -> WecomClient {
    client_for(base_url, TokenKind::Suite)
}

/// A mock of `POST path?suite_access_token=SUITE_TOKEN` (that parameter and nothing else) with exactly
/// `body`, answering `answer`.
pub async fn mock_post_suite<'a>(
    server: &'a MockServer,
    path: &str,
    body: Value,
    answer: &str,
) -> Mock<'a> {
    mock_post_for(server, TokenKind::Suite, path, body, answer).await
}
