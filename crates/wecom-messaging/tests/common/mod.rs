//! Helpers shared by this crate's tests.
#![allow(dead_code)]

use httpmock::{Method::POST, Mock, MockServer};
use serde_json::Value;
use wecom_core::test_util::TEST_TOKEN;

/// A mock of `POST path?access_token=TEST_TOKEN` with exactly `body`, answering `answer` as JSON.
pub async fn mock_post<'a>(
    server: &'a MockServer,
    path: &str,
    body: Value,
    answer: &str,
) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path(path)
                .query_param("access_token", TEST_TOKEN)
                .json_body(body);
            then.status(200)
                .header("content-type", "application/json")
                .body(answer);
        })
        .await
}

/// A mock of `POST path` (any body) answering with HTTP `status`.
pub async fn mock_status<'a>(server: &'a MockServer, path: &str, status: u16) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path(path)
                .query_param("access_token", TEST_TOKEN);
            then.status(status).body("<html>502 Bad Gateway</html>");
        })
        .await
}

/// A mock of `POST path` (any body) answering `answer` as JSON.
pub async fn mock_any_body<'a>(server: &'a MockServer, path: &str, answer: &str) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path(path)
                .query_param("access_token", TEST_TOKEN);
            then.status(200)
                .header("content-type", "application/json")
                .body(answer);
        })
        .await
}
