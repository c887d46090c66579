//! contact_list (and its stream) and check_follow_user against a mock WeCom.

mod common;

use common::{CHECK_FOLLOW_USER, CONTACT_LIST};
use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::Error;
use wecom_customer::{
    CheckFollowUserRequest, CheckFollowUserResponse, ContactListRequest, ContactListResponse,
    CustomerExt,
};

#[tokio::test]
async fn contact_list_sends_cursor_and_limit_and_decodes_every_kind_of_entry() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CONTACT_LIST,
        json!({"cursor": "CURSOR", "limit": 1000}),
        include_str!("fixtures/contact_list.json"),
    )
    .await;
    let req = ContactListRequest::new().cursor("CURSOR").limit(1000);
    let resp = client(&server.base_url())
        .customer()
        .contact_list(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    assert_eq!(resp.info_list.len(), 4);
    assert_eq!(resp.next_cursor, "NEXT_CURSOR");

    let other = &resp.info_list[0];
    assert!(!other.is_customer);
    assert_eq!(other.name.as_deref(), Some("***开"));
    assert_eq!(other.tmp_openid, "TMP_ID");
    assert_eq!(other.follow_userid.as_deref(), Some("USER_ID"));
    assert_eq!(other.chat_name.as_deref(), Some("外联群1"));
    assert_eq!(other.external_userid, None);
    assert_eq!(other.add_time, 1694418699);

    let customer = &resp.info_list[1];
    assert!(customer.is_customer);
    assert_eq!(
        customer.external_userid.as_deref(),
        Some("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA")
    );
    assert_eq!(customer.name, None);

    let in_group = &resp.info_list[2];
    assert_eq!(in_group.chat_id.as_deref(), Some("CHATID"));
    assert_eq!(in_group.follow_userid, None);
}

#[tokio::test]
async fn contact_list_first_page_sends_an_empty_body() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CONTACT_LIST,
        json!({}),
        r#"{"errcode":0,"errmsg":"ok","info_list":[],"next_cursor":""}"#,
    )
    .await;
    let resp = client(&server.base_url())
        .customer()
        .contact_list(&ContactListRequest::new())
        .await
        .unwrap();
    assert!(resp.info_list.is_empty());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn contact_list_from_a_third_party_app_is_errcode_48002() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(&server, CONTACT_LIST, &wecom_error(48002, "api forbidden")).await;
    let result = client(&server.base_url())
        .customer()
        .contact_list(&ContactListRequest::new())
        .await;
    assert_api_error(result, 48002, CONTACT_LIST);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn contact_list_stream_walks_every_page_passing_the_cursor() {
    let server = MockServer::start_async().await;
    let entry = |id: &str| json!({"is_customer": true, "tmp_openid": format!("TMP_{id}"), "external_userid": id, "follow_userid": "zhangsan", "add_time": 1});
    let first = mock_post(
        &server,
        CONTACT_LIST,
        json!({"limit": 2}),
        &json!({"errcode": 0, "errmsg": "ok", "info_list": [entry("wmA"), entry("wmB")], "next_cursor": "C1"}).to_string(),
    )
    .await;
    let second = mock_post(
        &server,
        CONTACT_LIST,
        json!({"limit": 2, "cursor": "C1"}),
        &json!({"errcode": 0, "errmsg": "ok", "info_list": [entry("wmC")], "next_cursor": ""})
            .to_string(),
    )
    .await;
    let all: Vec<_> = client(&server.base_url())
        .customer()
        .contact_list_stream(ContactListRequest::new().limit(2))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = all
        .iter()
        .filter_map(|c| c.external_userid.as_deref())
        .collect();
    assert_eq!(ids, ["wmA", "wmB", "wmC"]);
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
}

#[tokio::test]
async fn check_follow_user_sends_members_and_departments_and_decodes_both_sides() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CHECK_FOLLOW_USER,
        json!({"userid": ["zhangsan", "lissi"], "partyid": [1]}),
        include_str!("fixtures/check_follow_user.json"),
    )
    .await;
    let req = CheckFollowUserRequest::new(["zhangsan", "lissi"]).partyid([1]);
    let resp = client(&server.base_url())
        .customer()
        .check_follow_user(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    assert_eq!(resp.authorized.userid, ["lisi"]);
    assert!(resp.authorized.partyid.is_empty());
    assert_eq!(resp.unauthorized.userid, ["zhangsan"]);
    assert_eq!(resp.unauthorized.partyid, [1]);
}

#[tokio::test]
async fn check_follow_user_of_departments_only_leaves_userid_out() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CHECK_FOLLOW_USER,
        json!({"partyid": [2, 3]}),
        r#"{"errcode":0,"errmsg":"ok","authorized":{"partyid":[2,3]},"unauthorized":{}}"#,
    )
    .await;
    let req = CheckFollowUserRequest::new(Vec::<String>::new()).partyid([2, 3]);
    let resp = client(&server.base_url())
        .customer()
        .check_follow_user(&req)
        .await
        .unwrap();
    assert_eq!(resp.authorized.partyid, [2, 3]);
    assert!(resp.unauthorized.userid.is_empty());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn check_follow_user_from_a_self_built_app_is_errcode_48002_and_empty_asks_are_never_sent() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(
        &server,
        CHECK_FOLLOW_USER,
        &wecom_error(48002, "api forbidden"),
    )
    .await;
    let api = client(&server.base_url());
    let result = api
        .customer()
        .check_follow_user(&CheckFollowUserRequest::new(["zhangsan"]))
        .await;
    assert_api_error(result, 48002, CHECK_FOLLOW_USER);
    let err = api
        .customer()
        .check_follow_user(&CheckFollowUserRequest::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    mock.assert_calls_async(1).await;
}

#[test]
fn fixtures_round_trip() {
    let list = assert_round_trip::<ContactListResponse>(include_str!("fixtures/contact_list.json"));
    assert_eq!(list.info_list.len(), 4);
    let check = assert_round_trip::<CheckFollowUserResponse>(include_str!(
        "fixtures/check_follow_user.json"
    ));
    assert_eq!(check.unauthorized.partyid, [1]);
}
