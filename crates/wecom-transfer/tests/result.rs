//! transfer_result and resigned/transfer_result: bodies, statuses (unknown ones kept), errcodes, streams.

mod common;

use common::{result_page, RESIGNED_RESULT, RESULT};
use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_transfer::{
    ResignedTransferResultRequest, TakeoverStatus, TransferExt, TransferResultRequest,
};

#[tokio::test]
async fn transfer_result_sends_both_members_and_the_cursor_and_decodes_statuses() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESULT,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "cursor": "CURSOR"}),
        include_str!("fixtures/transfer_result.json"),
    )
    .await;
    let req = TransferResultRequest::new("zhangsan", "lisi").cursor("CURSOR");
    let resp = client(&server.base_url())
        .transfer()
        .transfer_result(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    let got: Vec<(&str, TakeoverStatus, i64)> = resp
        .customer
        .iter()
        .map(|c| (c.external_userid.as_str(), c.status, c.takeover_time))
        .collect();
    assert_eq!(
        got,
        [
            (
                "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC",
                TakeoverStatus::Done,
                1588262400
            ),
            (
                "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB",
                TakeoverStatus::Waiting,
                1588482400
            ),
            (
                "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
                TakeoverStatus::Refused,
                0
            ),
        ]
    );
    assert_eq!(resp.next_cursor, "NEXT_CURSOR");
}

#[tokio::test]
async fn transfer_result_decodes_limit_no_record_and_unknown_statuses() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESULT,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi"}),
        &result_page(&[("wmA", 4, 0), ("wmB", 5, 0), ("wmC", 9, 7)], ""),
    )
    .await;
    let resp = client(&server.base_url())
        .transfer()
        .transfer_result(&TransferResultRequest::new("zhangsan", "lisi"))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    let statuses: Vec<TakeoverStatus> = resp.customer.iter().map(|c| c.status).collect();
    assert_eq!(
        statuses,
        [
            TakeoverStatus::TakeoverLimitReached,
            TakeoverStatus::NoRecord,
            TakeoverStatus::Unknown(9)
        ]
    );
    assert!(statuses.iter().all(|s| s.is_final()));
    assert!(!TakeoverStatus::Waiting.is_final());
    assert_eq!(resp.customer[2].takeover_time, 7);
}

#[tokio::test]
async fn transfer_result_outside_the_visible_range_is_errcode_60011() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESULT,
        json!({"handover_userid": "zhangsan", "takeover_userid": "outsider"}),
        &wecom_error(60011, "no privilege to access/modify contact/party/agent"),
    )
    .await;
    let result = client(&server.base_url())
        .transfer()
        .transfer_result(&TransferResultRequest::new("zhangsan", "outsider"))
        .await;
    assert_api_error(result, 60011, RESULT);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn transfer_result_stream_walks_every_page_passing_the_cursor() {
    let server = MockServer::start_async().await;
    let first = mock_post(
        &server,
        RESULT,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi"}),
        &result_page(&[("wmA", 1, 100), ("wmB", 2, 200)], "C1"),
    )
    .await;
    let second = mock_post(
        &server,
        RESULT,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "cursor": "C1"}),
        &result_page(&[("wmC", 3, 0)], ""),
    )
    .await;
    let all: Vec<_> = client(&server.base_url())
        .transfer()
        .transfer_result_stream(TransferResultRequest::new("zhangsan", "lisi"))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|c| c.external_userid.as_str()).collect();
    assert_eq!(ids, ["wmA", "wmB", "wmC"]);
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
}

#[tokio::test]
async fn resigned_transfer_result_sends_both_members_and_decodes() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESIGNED_RESULT,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "cursor": "CURSOR"}),
        include_str!("fixtures/transfer_result.json"),
    )
    .await;
    let req = ResignedTransferResultRequest::new("zhangsan", "lisi").cursor("CURSOR");
    let resp = client(&server.base_url())
        .transfer()
        .resigned_transfer_result(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    assert_eq!(resp.customer.len(), 3);
    assert_eq!(resp.customer[1].status, TakeoverStatus::Waiting);
    assert_eq!(resp.customer[1].takeover_time, 1588482400);
    assert_eq!(resp.next_cursor, "NEXT_CURSOR");
}

#[tokio::test]
async fn resigned_transfer_result_with_an_unknown_member_is_errcode_60111() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESIGNED_RESULT,
        json!({"handover_userid": "nobody", "takeover_userid": "lisi"}),
        &wecom_error(60111, "userid not found"),
    )
    .await;
    let result = client(&server.base_url())
        .transfer()
        .resigned_transfer_result(&ResignedTransferResultRequest::new("nobody", "lisi"))
        .await;
    assert_api_error(result, 60111, RESIGNED_RESULT);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn resigned_transfer_result_stream_walks_every_page() {
    let server = MockServer::start_async().await;
    let first = mock_post(
        &server,
        RESIGNED_RESULT,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi"}),
        &result_page(&[("wmA", 2, 100)], "C1"),
    )
    .await;
    let second = mock_post(
        &server,
        RESIGNED_RESULT,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "cursor": "C1"}),
        &result_page(&[("wmB", 1, 50)], ""),
    )
    .await;
    let all: Vec<_> = client(&server.base_url())
        .transfer()
        .resigned_transfer_result_stream(ResignedTransferResultRequest::new("zhangsan", "lisi"))
        .try_collect()
        .await
        .unwrap();
    let got: Vec<(&str, TakeoverStatus)> = all
        .iter()
        .map(|c| (c.external_userid.as_str(), c.status))
        .collect();
    assert_eq!(
        got,
        [
            ("wmA", TakeoverStatus::Waiting),
            ("wmB", TakeoverStatus::Done)
        ]
    );
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
}
