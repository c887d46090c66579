//! hand_over_leaver: reads the whole unassigned list, keeps the leaver's customers, transfers them and
//! the groups given, and reports both.

mod common;

use common::{customer_answer, RESIGNED_CHATS, RESIGNED_TRANSFER, UNASSIGNED};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::client;
use wecom_core::test_util::mock::{mock_any_body, mock_post};
use wecom_core::Error;
use wecom_transfer::{codes, TransferExt, TransferOutcome};

fn page(entries: &[(&str, &str)], is_last: bool, next_cursor: &str) -> String {
    let info: Vec<_> = entries
        .iter()
        .map(|(handover, id)| json!({"handover_userid": handover, "external_userid": id, "dimission_time": 1700000000}))
        .collect();
    json!({"errcode": 0, "errmsg": "ok", "info": info, "is_last": is_last, "next_cursor": next_cursor})
        .to_string()
}

#[tokio::test]
async fn a_leavers_customers_and_groups_go_to_the_successor_in_one_call() {
    let server = MockServer::start_async().await;
    let list_1 = mock_post(
        &server,
        UNASSIGNED,
        json!({}),
        &page(
            &[("zhangsan", "wmA"), ("wangwu", "wmW"), ("zhangsan", "wmB")],
            false,
            "C1",
        ),
    )
    .await;
    let list_2 = mock_post(
        &server,
        UNASSIGNED,
        json!({"cursor": "C1"}),
        &page(&[("zhangsan", "wmC"), ("zhangsan", "wmA")], true, ""),
    )
    .await;
    let ids = ["wmA".to_owned(), "wmB".to_owned(), "wmC".to_owned()];
    let transfer = mock_post(
        &server,
        RESIGNED_TRANSFER,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "external_userid": ids}),
        &customer_answer(&ids, &[("wmC", 40129)]),
    )
    .await;
    let groups = mock_post(
        &server,
        RESIGNED_CHATS,
        json!({"chat_id_list": ["wrG1", "wrG2"], "new_owner": "lisi"}),
        r#"{"errcode":0,"errmsg":"ok","failed_chat_list":[{"chat_id":"wrG2","errcode":90508,"errmsg":"already transferred"}]}"#,
    )
    .await;
    let report = client(&server.base_url())
        .transfer()
        .hand_over_leaver("zhangsan", "lisi", ["wrG1", "wrG2"])
        .await
        .unwrap();
    list_1.assert_calls_async(1).await;
    list_2.assert_calls_async(1).await;
    transfer.assert_calls_async(1).await;
    groups.assert_calls_async(1).await;

    assert_eq!(
        report.customers.accepted().collect::<Vec<_>>(),
        ["wmA", "wmB"]
    );
    assert_eq!(
        report.customers.outcome("wmC").and_then(|o| o.code()),
        Some(codes::TRANSFER_PENDING)
    );
    assert_eq!(
        report.customers.outcome("wmW"),
        None,
        "another leaver's customer is left alone"
    );
    assert_eq!(report.group_chats.accepted().collect::<Vec<_>>(), ["wrG1"]);
    assert_eq!(
        report.group_chats.outcome("wrG2"),
        Some(&TransferOutcome::Rejected {
            code: codes::GROUP_ALREADY_TRANSFERRED,
            message: "already transferred".into()
        })
    );
}

#[tokio::test]
async fn a_list_that_cannot_be_read_transfers_nothing() {
    let server = MockServer::start_async().await;
    let list = mock_any_body(
        &server,
        UNASSIGNED,
        r#"{"errcode":48002,"errmsg":"api forbidden"}"#,
    )
    .await;
    let transfer =
        mock_any_body(&server, RESIGNED_TRANSFER, r#"{"errcode":0,"errmsg":"ok"}"#).await;
    let groups = mock_any_body(&server, RESIGNED_CHATS, r#"{"errcode":0,"errmsg":"ok"}"#).await;
    let err = client(&server.base_url())
        .transfer()
        .hand_over_leaver("zhangsan", "lisi", ["wrG1"])
        .await
        .unwrap_err();
    assert_eq!(err.code().map(|c| c.get()), Some(48002));
    list.assert_calls_async(1).await;
    transfer.assert_calls_async(0).await;
    groups.assert_calls_async(0).await;
}

#[tokio::test]
async fn a_leaver_with_nothing_left_sends_no_transfer_and_no_successor_reads_nothing() {
    let server = MockServer::start_async().await;
    let list = mock_post(
        &server,
        UNASSIGNED,
        json!({}),
        &page(&[("wangwu", "wmW")], true, ""),
    )
    .await;
    let transfer =
        mock_any_body(&server, RESIGNED_TRANSFER, r#"{"errcode":0,"errmsg":"ok"}"#).await;
    let groups = mock_any_body(&server, RESIGNED_CHATS, r#"{"errcode":0,"errmsg":"ok"}"#).await;
    let api = client(&server.base_url());
    let report = api
        .transfer()
        .hand_over_leaver("zhangsan", "lisi", Vec::<String>::new())
        .await
        .unwrap();
    assert!(report.customers.items.is_empty() && report.group_chats.items.is_empty());
    list.assert_calls_async(1).await;

    let err = api
        .transfer()
        .hand_over_leaver("zhangsan", "", ["wrG1"])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    list.assert_calls_async(1).await;
    transfer.assert_calls_async(0).await;
    groups.assert_calls_async(0).await;
}
