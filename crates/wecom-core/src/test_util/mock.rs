//! httpmock helpers for the endpoint tests of the domain crates: one mock per WeCom call, matching the
//! exact method, path, the exact query (`access_token` and nothing else unless named: an extra or
//! repeated parameter does not match) and (for [`mock_post`]) the exact JSON body.

use super::TEST_TOKEN;
use httpmock::{
    Method::{GET, POST},
    Mock, MockServer, When,
};
use serde_json::Value;

/// Matches only a query that is exactly `access_token=TEST_TOKEN` plus `pairs`, in any order, each once.
fn exact_query(when: When, pairs: &[(&str, &str)]) -> When {
    let mut expected: Vec<(String, String)> = pairs
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    expected.push(("access_token".to_owned(), TEST_TOKEN.to_owned()));
    expected.sort();
    when.is_true(move |request| {
        let mut got = request.query_params();
        got.sort();
        got == expected
    })
}

/// A mock of `POST path?access_token=TEST_TOKEN` with exactly `body`, answering `answer` as JSON.
pub async fn mock_post<'a>(
    server: &'a MockServer,
    path: &str,
    body: Value,
    answer: &str,
) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            exact_query(when.method(POST).path(path), &[]).json_body(body);
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
            exact_query(when.method(POST).path(path), &[]);
            then.status(status).body("<html>502 Bad Gateway</html>");
        })
        .await
}

/// A mock of `POST path` (any body) answering `answer` as JSON.
pub async fn mock_any_body<'a>(server: &'a MockServer, path: &str, answer: &str) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            exact_query(when.method(POST).path(path), &[]);
            then.status(200)
                .header("content-type", "application/json")
                .body(answer);
        })
        .await
}

/// A mock of `GET path?access_token=TEST_TOKEN&<query>`: exactly these parameters, each once (so an
/// absent `cursor` must be absent), answering `answer` as JSON.
pub async fn mock_get<'a>(
    server: &'a MockServer,
    path: &str,
    query: &[(&str, &str)],
    answer: &str,
) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            exact_query(when.method(GET).path(path), query);
            then.status(200)
                .header("content-type", "application/json")
                .body(answer);
        })
        .await
}
