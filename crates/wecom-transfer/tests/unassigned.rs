//! get_unassigned_list and its stream: body, decoding, is_last, errcode, validation.

mod common;

use common::UNASSIGNED;
use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post};
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_core::Error;
use wecom_transfer::{GetUnassignedListRequest, TransferExt};

fn page(entries: &[(&str, &str)], is_last: bool, next_cursor: &str) -> String {
    let info: Vec<_> = entries
        .iter()
        .map(|(handover, id)| json!({"handover_userid": handover, "external_userid": id, "dimission_time": 1550838571}))
        .collect();
    json!({"errcode": 0, "errmsg": "ok", "info": info, "is_last": is_last, "next_cursor": next_cursor})
        .to_string()
}

#[tokio::test]
async fn get_unassigned_list_sends_cursor_and_page_size_and_decodes() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        UNASSIGNED,
        json!({"cursor": "CURSOR", "page_size": 100}),
        include_str!("fixtures/get_unassigned_list.json"),
    )
    .await;
    let req = GetUnassignedListRequest::new()
        .cursor("CURSOR")
        .page_size(100);
    let resp = client(&server.base_url())
        .transfer()
        .get_unassigned_list(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    assert_eq!(resp.info.len(), 2);
    assert_eq!(resp.info[0].handover_userid, "zhangsan");
    assert_eq!(
        resp.info[0].external_userid,
        "woAJ2GCAAAd4uL12hdfsdasassdDmAAAAA"
    );
    assert_eq!(resp.info[0].dimission_time, 1550838571);
    assert_eq!(resp.info[1].handover_userid, "lisi");
    assert_eq!(resp.info[1].dimission_time, 1550661468);
    assert!(!resp.is_last);
    assert_eq!(resp.next_cursor, "aSfwejksvhToiMMfFeIGZZ");
}

#[tokio::test]
async fn get_unassigned_list_by_page_id_sends_it_and_nothing_else() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        UNASSIGNED,
        json!({"page_id": 2}),
        &page(&[], true, ""),
    )
    .await;
    let resp = client(&server.base_url())
        .transfer()
        .get_unassigned_list(&GetUnassignedListRequest::new().page_id(2))
        .await
        .unwrap();
    assert!(resp.info.is_empty() && resp.is_last);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_unassigned_list_without_permission_is_errcode_48002() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        UNASSIGNED,
        json!({}),
        &wecom_error(48002, "api forbidden"),
    )
    .await;
    let result = client(&server.base_url())
        .transfer()
        .get_unassigned_list(&GetUnassignedListRequest::new())
        .await;
    assert_api_error(result, 48002, UNASSIGNED);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn the_stream_follows_the_cursor_and_stops_at_is_last_even_with_a_cursor() {
    let server = MockServer::start_async().await;
    let first = mock_post(
        &server,
        UNASSIGNED,
        json!({"page_size": 2}),
        &page(&[("zhangsan", "wmA"), ("zhangsan", "wmB")], false, "C1"),
    )
    .await;
    let last = mock_post(
        &server,
        UNASSIGNED,
        json!({"page_size": 2, "cursor": "C1"}),
        &page(&[("wangwu", "wmC")], true, "C2"),
    )
    .await;
    let beyond = mock_post(
        &server,
        UNASSIGNED,
        json!({"page_size": 2, "cursor": "C2"}),
        &page(&[("wangwu", "wmD")], true, ""),
    )
    .await;
    let all: Vec<_> = client(&server.base_url())
        .transfer()
        .get_unassigned_list_stream(GetUnassignedListRequest::new().page_size(2))
        .try_collect()
        .await
        .unwrap();
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|c| (c.handover_userid.as_str(), c.external_userid.as_str()))
        .collect();
    assert_eq!(
        got,
        [("zhangsan", "wmA"), ("zhangsan", "wmB"), ("wangwu", "wmC")]
    );
    first.assert_calls_async(1).await;
    last.assert_calls_async(1).await;
    beyond.assert_calls_async(0).await;
}

#[tokio::test]
async fn the_stream_drops_page_id_once_it_pages_by_cursor() {
    let server = MockServer::start_async().await;
    let first = mock_post(
        &server,
        UNASSIGNED,
        json!({"page_id": 0}),
        &page(&[("a", "wmA")], false, "C1"),
    )
    .await;
    let second = mock_post(
        &server,
        UNASSIGNED,
        json!({"cursor": "C1"}),
        &page(&[("a", "wmB")], true, ""),
    )
    .await;
    let all: Vec<_> = client(&server.base_url())
        .transfer()
        .get_unassigned_list_stream(GetUnassignedListRequest::new().page_id(0))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
}

#[tokio::test]
async fn page_sizes_outside_1_to_1000_are_never_sent() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(&server, UNASSIGNED, &page(&[], true, "")).await;
    for size in [0, 1001] {
        let err = client(&server.base_url())
            .transfer()
            .get_unassigned_list(&GetUnassignedListRequest::new().page_size(size))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    }
    mock.assert_calls_async(0).await;
    assert!(GetUnassignedListRequest::new()
        .page_size(1000)
        .check()
        .is_ok());
}
