//! The group bulk helpers: chunks of 100 chats, failed_chat_list merged per chat, whole-chunk failures
//! marked failed or unknown.

mod common;

use common::{ONJOB_CHATS, RESIGNED_CHATS};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{client, wecom_error};
use wecom_core::ErrCode;
use wecom_transfer::{
    codes, GroupChatOnjobTransferRequest, GroupChatTransferRequest, TransferExt, TransferOutcome,
};

fn chats(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("wrCHAT{i:04}")).collect()
}

#[tokio::test]
async fn group_chunks_merge_failed_chats_and_an_ambiguous_chunk_is_unknown() {
    let server = MockServer::start_async().await;
    let all = chats(150);
    let first = mock_post(
        &server,
        RESIGNED_CHATS,
        json!({"chat_id_list": &all[..100], "new_owner": "lisi"}),
        &json!({"errcode": 0, "errmsg": "ok", "failed_chat_list": [
            {"chat_id": "wrCHAT0007", "errcode": 90500, "errmsg": "the owner of this chat is not resigned"},
            {"chat_id": "wrCHAT0008", "errcode": 0, "errmsg": ""}
        ]})
        .to_string(),
    )
    .await;
    let second = server
        .mock_async(|when, then| {
            when.method(httpmock::Method::POST)
                .path(RESIGNED_CHATS)
                .json_body(json!({"chat_id_list": &all[100..], "new_owner": "lisi"}));
            then.status(503).body("unavailable");
        })
        .await;
    let report = client(&server.base_url())
        .transfer()
        .resigned_transfer_groupchats(&GroupChatTransferRequest::new(&all, "lisi"))
        .await
        .unwrap();
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
    assert_eq!(
        report.outcome("wrCHAT0007"),
        Some(&TransferOutcome::Rejected {
            code: codes::OWNER_NOT_RESIGNED,
            message: "the owner of this chat is not resigned".into()
        })
    );
    assert!(matches!(
        report.outcome("wrCHAT0008"),
        Some(TransferOutcome::Rejected {
            code: ErrCode(0),
            ..
        })
    ));
    let accepted: Vec<&str> = report.accepted().collect();
    let expected: Vec<&str> = all[..100]
        .iter()
        .filter(|id| *id != "wrCHAT0007" && *id != "wrCHAT0008")
        .map(String::as_str)
        .collect();
    assert_eq!(accepted, expected);
    assert_eq!(
        report.unknown().collect::<Vec<_>>(),
        all[100..].iter().map(String::as_str).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn onjob_group_chunks_go_to_onjob_transfer_and_a_failed_call_marks_its_chats_failed() {
    let server = MockServer::start_async().await;
    let all = chats(101);
    let first = mock_post(
        &server,
        ONJOB_CHATS,
        json!({"chat_id_list": &all[..100], "new_owner": "lisi"}),
        r#"{"errcode":0,"errmsg":"ok","failed_chat_list":[]}"#,
    )
    .await;
    let second = mock_post(
        &server,
        ONJOB_CHATS,
        json!({"chat_id_list": &all[100..], "new_owner": "lisi"}),
        &wecom_error(48002, "api forbidden"),
    )
    .await;
    let report = client(&server.base_url())
        .transfer()
        .transfer_groupchats(&GroupChatOnjobTransferRequest::new(&all, "lisi"))
        .await
        .unwrap();
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
    assert_eq!(report.accepted().count(), 100);
    assert_eq!(report.items[100].id, "wrCHAT0100");
    assert_eq!(
        report.items[100].outcome.code(),
        Some(ErrCode::API_FORBIDDEN)
    );
    assert!(matches!(
        report.items[100].outcome,
        TransferOutcome::Failed { .. }
    ));
}
