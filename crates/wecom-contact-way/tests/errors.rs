//! WeCom's non-zero errcodes come back as typed errors.

use serde_json::json;
use wecom_contact_way::{
    AddContactWayRequest, CloseTempChatRequest, ContactWayExt, ContactWayScene, ContactWayType,
    DelContactWayRequest, GetContactWayRequest, ListContactWayRequest, UpdateContactWayRequest,
};
use wecom_core::test_util::{assert_api_error, client, mock::mock_post};
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

#[tokio::test]
async fn add_contact_way_for_a_member_without_real_name_verification_is_errcode_40098() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/add_contact_way";
    let mock = mock_post(
        &server,
        path,
        json!({"type": 1, "scene": 2, "state": "store-gz-001", "user": ["unverified_member"]}),
        include_str!("fixtures/error_40098.json"),
    )
    .await;
    let req = AddContactWayRequest::new(ContactWayType::Single, ContactWayScene::QrCode)
        .state("store-gz-001")
        .user(["unverified_member"]);

    let result = client(&server.base_url())
        .contact_way()
        .add_contact_way(&req)
        .await;

    assert_api_error(result, 40098, path);
    // Not retryable, and add_contact_way is never re-sent anyway: exactly one request.
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_contact_way_with_an_unknown_config_id_is_errcode_41044() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/get_contact_way";
    let mock = mock_post(
        &server,
        path,
        json!({"config_id": "cfg_deleted_or_never_created"}),
        include_str!("fixtures/error_41044.json"),
    )
    .await;

    let result = client(&server.base_url())
        .contact_way()
        .get_contact_way(&GetContactWayRequest::new("cfg_deleted_or_never_created"))
        .await;

    assert_api_error(result, 41044, path);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn update_contact_way_to_a_member_not_yet_activated_is_errcode_41054() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/update_contact_way";
    let mock = mock_post(
        &server,
        path,
        json!({"config_id": "42b34949e138eb6e027c123cba77fad7", "user": ["invited_not_joined"]}),
        include_str!("fixtures/error_41054.json"),
    )
    .await;
    let req = UpdateContactWayRequest::new("42b34949e138eb6e027c123cba77fad7")
        .user(["invited_not_joined"]);

    let result = client(&server.base_url())
        .contact_way()
        .update_contact_way(&req)
        .await;

    assert_api_error(result, 41054, path);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_contact_way_without_customer_contact_permission_is_errcode_84074() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/list_contact_way";
    let mock = mock_post(
        &server,
        path,
        json!({"start_time": 1622476800, "end_time": 1625068800, "limit": 100}),
        include_str!("fixtures/error_84074.json"),
    )
    .await;
    let req = ListContactWayRequest::new()
        .start_time(1_622_476_800)
        .end_time(1_625_068_800)
        .limit(100);

    let result = client(&server.base_url())
        .contact_way()
        .list_contact_way(&req)
        .await;

    assert_api_error(result, 84074, path);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_contact_way_of_an_already_deleted_config_id_is_errcode_41044() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/del_contact_way";
    let mock = mock_post(
        &server,
        path,
        json!({"config_id": "42b34949e138eb6e027c123cba77fad7"}),
        include_str!("fixtures/error_41044.json"),
    )
    .await;

    let result = client(&server.base_url())
        .contact_way()
        .del_contact_way(&DelContactWayRequest::new(
            "42b34949e138eb6e027c123cba77fad7",
        ))
        .await;

    assert_api_error(result, 41044, path);
    mock.assert_calls_async(1).await;
}
