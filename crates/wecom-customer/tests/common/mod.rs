//! Helpers shared by this crate's tests.
#![allow(dead_code)]

use httpmock::{
    Method::{GET, POST},
    Mock, MockServer,
};
use serde_json::Value;
use wecom_core::test_util::TEST_TOKEN;

pub const LIST: &str = "/cgi-bin/externalcontact/list";
pub const GET_PATH: &str = "/cgi-bin/externalcontact/get";
pub const BATCH: &str = "/cgi-bin/externalcontact/batch/get_by_user";
pub const REMARK: &str = "/cgi-bin/externalcontact/remark";
pub const FOLLOW_USERS: &str = "/cgi-bin/externalcontact/get_follow_user_list";

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

/// A mock of any request to `path` answering HTTP `status`.
pub async fn mock_status<'a>(server: &'a MockServer, path: &str, status: u16) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            when.path(path).query_param("access_token", TEST_TOKEN);
            then.status(status).body("<html>502 Bad Gateway</html>");
        })
        .await
}

/// A mock of any request to `path` answering `answer` as JSON.
pub async fn mock_any<'a>(server: &'a MockServer, path: &str, answer: &str) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            when.path(path).query_param("access_token", TEST_TOKEN);
            then.status(200)
                .header("content-type", "application/json")
                .body(answer);
        })
        .await
}
