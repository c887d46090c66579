//! httpmock helpers for the endpoint tests of the domain crates: one mock per WeCom call, matching the
//! exact method, path, `access_token` and (for [`mock_post`]) the exact JSON body.

use super::TEST_TOKEN;
use httpmock::{
    Method::{GET, POST},
    Mock, MockServer,
};
use serde_json::Value;

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

/// A mock of `GET path?access_token=TEST_TOKEN&<query>` (each pair exactly; `cursor` must be absent
/// unless given), answering `answer` as JSON.
pub async fn mock_get<'a>(
    server: &'a MockServer,
    path: &str,
    query: &[(&str, &str)],
    answer: &str,
) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            let mut when = when
                .method(GET)
                .path(path)
                .query_param("access_token", TEST_TOKEN);
            for (name, value) in query {
                when = when.query_param(*name, *value);
            }
            if !query.iter().any(|(name, _)| *name == "cursor") {
                when.query_param_missing("cursor");
            }
            then.status(200)
                .header("content-type", "application/json")
                .body(answer);
        })
        .await
}
