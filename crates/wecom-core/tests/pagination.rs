//! Cursor and offset pagination as streams.

use futures::{StreamExt, TryStreamExt};
use httpmock::{Method, Mock, MockServer};
use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, OffsetPage, OffsetRequest, Page};
use wecom_core::test_util::{client, TEST_TOKEN};
use wecom_core::{ErrCode, Error};

const PATH: &str = "/cgi-bin/externalcontact/list_things";

#[derive(Debug, Clone, Serialize)]
struct ListThings {
    limit: u32,
    #[serde(skip_serializing_if = "String::is_empty")]
    cursor: String,
}

#[derive(Debug, Deserialize)]
struct Things {
    things: Vec<String>,
    #[serde(default)]
    next_cursor: String,
}

impl Page for Things {
    type Item = String;
    fn into_items(self) -> Vec<String> {
        self.things
    }
}

impl CursorPage for Things {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

impl CursorRequest for ListThings {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = cursor.to_owned();
    }
}

wecom_core::impl_endpoint!(ListThings => Things, Post "/cgi-bin/externalcontact/list_things", Idempotent);

async fn page<'a>(server: &'a MockServer, cursor: Option<&str>, answer: &str) -> Mock<'a> {
    let body = match cursor {
        Some(c) => serde_json::json!({"limit": 2, "cursor": c}),
        None => serde_json::json!({"limit": 2}),
    };
    let answer = answer.to_owned();
    server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path(PATH)
                .query_param("access_token", TEST_TOKEN)
                .json_body(body);
            then.status(200).body(answer);
        })
        .await
}

fn first() -> ListThings {
    ListThings {
        limit: 2,
        cursor: String::new(),
    }
}

#[tokio::test]
async fn three_pages_then_an_empty_cursor() {
    let server = MockServer::start_async().await;
    let p1 = page(
        &server,
        None,
        r#"{"errcode":0,"errmsg":"ok","things":["a","b"],"next_cursor":"C1"}"#,
    )
    .await;
    let p2 = page(
        &server,
        Some("C1"),
        r#"{"errcode":0,"errmsg":"ok","things":["c","d"],"next_cursor":"C2"}"#,
    )
    .await;
    let p3 = page(
        &server,
        Some("C2"),
        r#"{"errcode":0,"errmsg":"ok","things":["e"],"next_cursor":""}"#,
    )
    .await;
    let client = client(&server.base_url());

    let items: Vec<String> = client
        .paginate(first())
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, ["a", "b", "c", "d", "e"]);
    for mock in [&p1, &p2, &p3] {
        mock.assert_calls_async(1).await;
    }

    let pages: Vec<Things> = client
        .paginate(first())
        .pages()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 3);
    assert_eq!(pages[2].next_cursor, "");
}

#[tokio::test]
async fn a_missing_next_cursor_ends_the_walk() {
    let server = MockServer::start_async().await;
    let p1 = page(
        &server,
        None,
        r#"{"errcode":0,"errmsg":"ok","things":["a"]}"#,
    )
    .await;
    let client = client(&server.base_url());
    let items: Vec<String> = client
        .paginate(first())
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, ["a"]);
    p1.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_repeated_cursor_stops_instead_of_looping() {
    let server = MockServer::start_async().await;
    let p1 = page(
        &server,
        None,
        r#"{"errcode":0,"errmsg":"ok","things":["a"],"next_cursor":"C1"}"#,
    )
    .await;
    let p2 = page(
        &server,
        Some("C1"),
        r#"{"errcode":0,"errmsg":"ok","things":["b"],"next_cursor":"C2"}"#,
    )
    .await;
    // C2 points back at C1: a server bug that would loop forever.
    let p3 = page(
        &server,
        Some("C2"),
        r#"{"errcode":0,"errmsg":"ok","things":["c"],"next_cursor":"C1"}"#,
    )
    .await;
    let client = client(&server.base_url());
    let items: Vec<String> = client
        .paginate(first())
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, ["a", "b", "c"]);
    p1.assert_calls_async(1).await;
    p2.assert_calls_async(1).await;
    p3.assert_calls_async(1).await;
}

#[tokio::test]
async fn an_error_on_page_two_is_yielded_once_and_ends_the_stream() {
    let server = MockServer::start_async().await;
    let p1 = page(
        &server,
        None,
        r#"{"errcode":0,"errmsg":"ok","things":["a","b"],"next_cursor":"C1"}"#,
    )
    .await;
    let p2 = page(
        &server,
        Some("C1"),
        r#"{"errcode":60011,"errmsg":"no privilege"}"#,
    )
    .await;
    let client = client(&server.base_url());
    let results: Vec<Result<String, Error>> = client.paginate(first()).items().collect().await;
    assert_eq!(results.len(), 3);
    assert_eq!(results[0].as_ref().unwrap(), "a");
    assert_eq!(results[1].as_ref().unwrap(), "b");
    assert_eq!(
        results[2].as_ref().unwrap_err().code(),
        Some(ErrCode::NO_PRIVILEGE)
    );
    p1.assert_calls_async(1).await;
    p2.assert_calls_async(1).await;
}

#[derive(Debug, Clone, Serialize)]
struct Stats {
    offset: u64,
    limit: u64,
}

#[derive(Debug, Deserialize)]
struct StatsPage {
    total: u64,
    next_offset: u64,
    items: Vec<u32>,
}

impl Page for StatsPage {
    type Item = u32;
    fn into_items(self) -> Vec<u32> {
        self.items
    }
}

impl OffsetPage for StatsPage {
    fn next_offset(&self) -> Option<u64> {
        (self.next_offset < self.total && !self.items.is_empty()).then_some(self.next_offset)
    }
}

impl OffsetRequest for Stats {
    fn set_offset(&mut self, offset: u64) {
        self.offset = offset;
    }
}

wecom_core::impl_endpoint!(Stats => StatsPage, Post "/cgi-bin/externalcontact/stats", Idempotent);

#[tokio::test]
async fn offset_pages() {
    let server = MockServer::start_async().await;
    let mut mocks = Vec::new();
    for (offset, answer) in [
        (
            0,
            r#"{"errcode":0,"errmsg":"ok","total":5,"next_offset":2,"items":[1,2]}"#,
        ),
        (
            2,
            r#"{"errcode":0,"errmsg":"ok","total":5,"next_offset":4,"items":[3,4]}"#,
        ),
        (
            4,
            r#"{"errcode":0,"errmsg":"ok","total":5,"next_offset":5,"items":[5]}"#,
        ),
    ] {
        mocks.push(
            server
                .mock_async(|when, then| {
                    when.method(Method::POST)
                        .path("/cgi-bin/externalcontact/stats")
                        .json_body(serde_json::json!({"offset": offset, "limit": 2}));
                    then.status(200).body(answer);
                })
                .await,
        );
    }
    let client = client(&server.base_url());
    let items: Vec<u32> = client
        .paginate_offset(Stats {
            offset: 0,
            limit: 2,
        })
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, [1, 2, 3, 4, 5]);
    for mock in &mocks {
        mock.assert_calls_async(1).await;
    }
}
