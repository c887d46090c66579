//! `list_contact_way` and its stream.

use futures::TryStreamExt;
use httpmock::Method::POST;
use serde_json::json;
use wecom_contact_way::{ContactWayExt, ListContactWayRequest};
use wecom_core::test_util::{client, mock::mock_post, TEST_TOKEN};

#[tokio::test]
async fn list_contact_way_sends_the_filters_and_decodes_a_page() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/list_contact_way",
        json!({"start_time": 1622476800, "end_time": 1625068800, "cursor": "CURSOR", "limit": 1000}),
        include_str!("fixtures/list_contact_way_page1.json"),
    )
    .await;
    let req = ListContactWayRequest::new()
        .start_time(1_622_476_800)
        .end_time(1_625_068_800)
        .cursor("CURSOR")
        .limit(1000);

    let page = client(&server.base_url())
        .contact_way()
        .list_contact_way(&req)
        .await
        .unwrap();

    let ids: Vec<&str> = page
        .contact_way
        .iter()
        .map(|w| w.config_id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "534b63270045c9ABiKEE814ef56d91c62f",
            "87bBiKEE811c62f63270041c62f5c9A4ef"
        ]
    );
    assert_eq!(page.next_cursor, "CURSOR_PAGE_2");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_contact_way_stream_walks_three_pages_passing_the_cursor() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/list_contact_way";
    let first = mock_post(
        &server,
        path,
        json!({"start_time": 1622476800, "limit": 2}),
        include_str!("fixtures/list_contact_way_page1.json"),
    )
    .await;
    let second = mock_post(
        &server,
        path,
        json!({"start_time": 1622476800, "limit": 2, "cursor": "CURSOR_PAGE_2"}),
        include_str!("fixtures/list_contact_way_page2.json"),
    )
    .await;
    let third = mock_post(
        &server,
        path,
        json!({"start_time": 1622476800, "limit": 2, "cursor": "CURSOR_PAGE_3"}),
        include_str!("fixtures/list_contact_way_page3.json"),
    )
    .await;
    // Anything else (e.g. a fourth request) fails loudly.
    let stray = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(path)
                .query_param("access_token", TEST_TOKEN);
            then.status(418).body("unexpected request");
        })
        .await;

    let ids: Vec<String> = client(&server.base_url())
        .contact_way()
        .list_contact_way_stream(
            ListContactWayRequest::new()
                .start_time(1_622_476_800)
                .limit(2),
        )
        .map_ok(|way| way.config_id)
        .try_collect()
        .await
        .unwrap();

    assert_eq!(
        ids,
        [
            "534b63270045c9ABiKEE814ef56d91c62f",
            "87bBiKEE811c62f63270041c62f5c9A4ef",
            "42b34949e138eb6e027c123cba77fad7",
            "9ad7fa5cdaa6511298498f979c472aaa",
        ]
    );
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
    third.assert_calls_async(1).await;
    stray.assert_calls_async(0).await;
}
