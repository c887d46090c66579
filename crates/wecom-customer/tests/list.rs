//! list, list_or_empty, get_follow_user_list and the errcode path.

mod common;

use common::{FOLLOW_USERS, LIST};
use httpmock::MockServer;
use wecom_core::test_util::mock::mock_get;
use wecom_core::test_util::{assert_api_error, client};
use wecom_core::ErrCode;
use wecom_customer::CustomerExt;

#[tokio::test]
async fn list_sends_userid_and_decodes_external_userids() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        LIST,
        &[("userid", "zhangsan")],
        include_str!("fixtures/list.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .customer()
        .list("zhangsan")
        .await
        .unwrap();
    assert_eq!(
        resp.external_userid,
        [
            "woAJ2GCAAAXtWyujaWJHDDGi0mACAAA",
            "wmqfasd1e1927831291723123109rAAA"
        ]
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_84061_is_a_typed_error_easy_to_match() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        LIST,
        &[("userid", "newcomer")],
        include_str!("fixtures/errcode_84061.json"),
    )
    .await;
    let err = client(&server.base_url())
        .customer()
        .list("newcomer")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(84061)));
    assert_eq!(err.code(), Some(ErrCode::NO_EXTERNAL_CONTACT));
    assert!(!err.is_retryable());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_or_empty_maps_84061_to_an_empty_vec() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        LIST,
        &[("userid", "newcomer")],
        include_str!("fixtures/errcode_84061.json"),
    )
    .await;
    let ids = client(&server.base_url())
        .customer()
        .list_or_empty("newcomer")
        .await
        .unwrap();
    assert!(ids.is_empty());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_or_empty_returns_the_ids_when_there_are_some() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        LIST,
        &[("userid", "zhangsan")],
        include_str!("fixtures/list.json"),
    )
    .await;
    let ids = client(&server.base_url())
        .customer()
        .list_or_empty("zhangsan")
        .await
        .unwrap();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[1], "wmqfasd1e1927831291723123109rAAA");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_or_empty_passes_other_errors_through() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        LIST,
        &[("userid", "outsider")],
        r#"{"errcode":60011,"errmsg":"no privilege to access/modify contact/party/agent"}"#,
    )
    .await;
    let err = client(&server.base_url())
        .customer()
        .list_or_empty("outsider")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::NO_PRIVILEGE));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_follow_user_list_decodes_the_members() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        FOLLOW_USERS,
        &[],
        include_str!("fixtures/get_follow_user_list.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .customer()
        .get_follow_user_list()
        .await
        .unwrap();
    assert_eq!(resp.follow_user, ["zhangsan", "lisi", "wangwu"]);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_follow_user_list_with_a_secret_not_allowed_to_call_it_is_errcode_48002() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        FOLLOW_USERS,
        &[],
        include_str!("fixtures/errcode_48002.json"),
    )
    .await;
    let result = client(&server.base_url())
        .customer()
        .get_follow_user_list()
        .await;
    assert_api_error(result, 48002, FOLLOW_USERS);
    mock.assert_calls_async(1).await;
}
