//! groupchat/transfer (离职) and groupchat/onjob_transfer (在职): bodies, failed chats, errcodes,
//! validation, no re-send.

mod common;

use common::{ONJOB_CHATS, RESIGNED_CHATS};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_core::Error;
use wecom_transfer::{codes, GroupChatOnjobTransferRequest, GroupChatTransferRequest, TransferExt};

const CHATS: [&str; 2] = [
    "wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA",
    "wrOgQhDgAAMYQiS5ol9G7gK9JVQUAAAA",
];

#[tokio::test]
async fn groupchat_transfer_sends_the_chats_and_the_new_owner_and_decodes_failures() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESIGNED_CHATS,
        json!({"chat_id_list": CHATS, "new_owner": "zhangsan"}),
        include_str!("fixtures/groupchat_transfer.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .transfer()
        .groupchat_transfer(&GroupChatTransferRequest::new(CHATS, "zhangsan"))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    assert_eq!(resp.failed_chat_list.len(), 1);
    let failed = &resp.failed_chat_list[0];
    assert_eq!(failed.chat_id, "wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA");
    assert_eq!(failed.errcode, codes::OWNER_NOT_RESIGNED);
    assert_eq!(failed.errmsg, "the owner of this chat is not resigned");
}

#[tokio::test]
async fn groupchat_transfer_to_a_member_without_customer_contact_is_errcode_84074_and_not_resent() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESIGNED_CHATS,
        json!({"chat_id_list": CHATS, "new_owner": "intern"}),
        &wecom_error(84074, "no external contact permission"),
    )
    .await;
    let result = client(&server.base_url())
        .transfer()
        .groupchat_transfer(&GroupChatTransferRequest::new(CHATS, "intern"))
        .await;
    assert_api_error(result, 84074, RESIGNED_CHATS);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn groupchat_onjob_transfer_sends_the_chats_and_the_new_owner_and_decodes_failures() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ONJOB_CHATS,
        json!({"chat_id_list": CHATS, "new_owner": "zhangsan"}),
        include_str!("fixtures/groupchat_onjob_transfer.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .transfer()
        .groupchat_onjob_transfer(&GroupChatOnjobTransferRequest::new(CHATS, "zhangsan"))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    assert_eq!(resp.failed_chat_list.len(), 1);
    assert_eq!(
        resp.failed_chat_list[0].chat_id,
        "wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA"
    );
    assert_eq!(resp.failed_chat_list[0].errcode, codes::NOT_CUSTOMER_GROUP);
    assert_eq!(
        resp.failed_chat_list[0].errmsg,
        "chat is not external group chat"
    );
}

#[tokio::test]
async fn groupchat_onjob_transfer_is_not_resent_after_a_502() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, ONJOB_CHATS, 502).await;
    let err = client(&server.base_url())
        .transfer()
        .groupchat_onjob_transfer(&GroupChatOnjobTransferRequest::new(CHATS, "zhangsan"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn groupchat_onjob_transfer_without_permission_is_errcode_48002() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(&server, ONJOB_CHATS, &wecom_error(48002, "api forbidden")).await;
    let result = client(&server.base_url())
        .transfer()
        .groupchat_onjob_transfer(&GroupChatOnjobTransferRequest::new(CHATS, "zhangsan"))
        .await;
    assert_api_error(result, 48002, ONJOB_CHATS);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn invalid_group_transfers_are_never_sent() {
    let server = MockServer::start_async().await;
    let resigned = mock_any_body(&server, RESIGNED_CHATS, r#"{"errcode":0,"errmsg":"ok"}"#).await;
    let onjob = mock_any_body(&server, ONJOB_CHATS, r#"{"errcode":0,"errmsg":"ok"}"#).await;
    let api = client(&server.base_url());
    let many: Vec<String> = (0..101).map(|i| format!("wrCHAT{i:03}")).collect();
    for (chats, owner) in [
        (many.clone(), "lisi"),
        (Vec::new(), "lisi"),
        (many[..1].to_vec(), ""),
    ] {
        let err = api
            .transfer()
            .groupchat_transfer(&GroupChatTransferRequest::new(chats.clone(), owner))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
        let err = api
            .transfer()
            .groupchat_onjob_transfer(&GroupChatOnjobTransferRequest::new(chats, owner))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    }
    resigned.assert_calls_async(0).await;
    onjob.assert_calls_async(0).await;
    assert!(GroupChatTransferRequest::new(&many[..100], "lisi")
        .check()
        .is_ok());
}
