//! httpmock helpers for the endpoint tests of the domain crates: one mock per WeCom call, matching the
//! exact method, path, the exact query (`access_token` and nothing else unless named: an extra or
//! repeated parameter does not match) and (for [`mock_post`]) the exact JSON body.

use super::test_token;
use crate::TokenKind;
use httpmock::{
    Method::{GET, POST},
    Mock, MockServer, When,
};
use serde_json::Value;

/// Matches only a query that is exactly `access_token=TEST_TOKEN` plus `pairs`, in any order, each once.
fn exact_query(when: When, pairs: &[(&str, &str)]) -> When {
    exact_query_for(when, TokenKind::Corp, pairs)
}

/// Matches only a query that is exactly the `kind` token under its name plus `pairs`, each once.
fn exact_query_for(when: When, kind: TokenKind, pairs: &[(&str, &str)]) -> When {
    let mut expected: Vec<(String, String)> = pairs
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    expected.push((kind.query_name().to_owned(), test_token(kind).to_owned()));
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
    mock_post_for(server, TokenKind::Corp, path, body, answer).await
}

/// Like [`mock_post`] for an endpoint taking a token of `kind`: the query is exactly that token
/// ([`test_token`](super::test_token)) under its name (`suite_access_token`, …) and nothing else.
pub async fn mock_post_for<'a>(
    server: &'a MockServer,
    kind: TokenKind,
    path: &str,
    body: Value,
    answer: &str,
) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            exact_query_for(when.method(POST).path(path), kind, &[]).json_body(body);
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

/// The one file part an upload must send, and the query besides `access_token`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedUpload {
    /// The query parameters besides `access_token` (e.g. `type=image`), each once, in any order.
    pub query: Vec<(String, String)>,
    /// The form field (`media` for WeCom).
    pub field: String,
    /// The part's `filename`.
    pub file_name: String,
    /// The part's `Content-Type`.
    pub content_type: String,
    /// The file's bytes (the part's `filelength` must be their count).
    pub bytes: Vec<u8>,
}

impl ExpectedUpload {
    /// Field `media` holding `bytes` as `file_name` of `content_type`, with `query` besides the token.
    pub fn media(
        query: &[(&str, &str)],
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> Self {
        Self {
            query: query
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            field: "media".to_owned(),
            file_name: file_name.to_owned(),
            content_type: content_type.to_owned(),
            bytes: bytes.to_vec(),
        }
    }

    /// Why `request` is not this upload, or `None` when it is: one part exactly as expected, a
    /// `multipart/form-data` content type, and a `Content-Length` (not chunked) equal to the body.
    pub fn mismatch(&self, request: &httpmock::HttpMockRequest) -> Option<String> {
        let header = |name: &str| {
            request
                .headers_vec()
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let body = request.body_ref();
        if header("content-length") != Some(body.len().to_string()) {
            return Some(format!(
                "Content-Length {:?} for a body of {} bytes",
                header("content-length"),
                body.len()
            ));
        }
        let content_type = header("content-type").unwrap_or_default();
        let parts = match super::multipart::parse(&content_type, body) {
            Ok(parts) => parts,
            Err(err) => return Some(err),
        };
        let expected = super::multipart::FormPart {
            name: self.field.clone(),
            file_name: Some(self.file_name.clone()),
            file_length: Some(self.bytes.len() as u64),
            content_type: Some(self.content_type.clone()),
            bytes: self.bytes.clone(),
        };
        (parts != [expected]).then(|| format!("form parts differ: {parts:?}"))
    }
}

/// A mock of `POST path?access_token=TEST_TOKEN&<query>` whose `multipart/form-data` body holds exactly
/// the `expected` file part, answering `answer` as JSON.
pub async fn mock_upload<'a>(
    server: &'a MockServer,
    path: &str,
    expected: ExpectedUpload,
    answer: &str,
) -> Mock<'a> {
    let query: Vec<(&str, &str)> = expected
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    server
        .mock_async(|when, then| {
            let expected = expected.clone();
            exact_query(when.method(POST).path(path), &query)
                .is_true(move |request| expected.mismatch(request).is_none());
            then.status(200)
                .header("content-type", "application/json")
                .body(answer);
        })
        .await
}
