//! WeCom's non-zero errcodes come back as typed errors.

use serde_json::json;
use wecom_contact_way::{CloseTempChatRequest, ContactWayExt};
use wecom_core::test_util::{client, mock::mock_post};
use wecom_core::{ErrCode, Error};

#[tokio::test]
async fn close_temp_chat_with_an_invalid_external_userid_is_errcode_40096() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/close_temp_chat",
        json!({"userid": "zhangyisheng", "external_userid": "wm_not_a_customer"}),
        include_str!("fixtures/error_40096.json"),
    )
    .await;

    let err = client(&server.base_url())
        .contact_way()
        .close_temp_chat(&CloseTempChatRequest::new(
            "zhangyisheng",
            "wm_not_a_customer",
        ))
        .await
        .unwrap_err();

    assert_eq!(err.code(), Some(ErrCode(40096)));
    match &err {
        Error::Api { message, path, .. } => {
            assert!(message.starts_with("invalid external userid"), "{message}");
            assert_eq!(path, "/cgi-bin/externalcontact/close_temp_chat");
        }
        other => panic!("expected Error::Api, got {other:?}"),
    }
    mock.assert_calls_async(1).await;
}
