//! The customers a link brought, and 多次收消息详情, against a mock WeCom.

use futures::{StreamExt, TryStreamExt};
use httpmock::MockServer;
use serde_json::json;
use wecom_acquisition::*;
use wecom_core::test_util::mock::{mock_any_body, mock_post};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::Error;

const CUSTOMER: &str = "/cgi-bin/externalcontact/customer_acquisition/customer";
const CHAT_INFO: &str = "/cgi-bin/externalcontact/customer_acquisition/get_chat_info";

#[tokio::test]
async fn customer_sends_link_limit_and_cursor_and_decodes_each_customer() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CUSTOMER,
        json!({"link_id": "LINK_ID", "limit": 1000, "cursor": "CURSOR"}),
        include_str!("fixtures/customer.json"),
    )
    .await;
    let page = client(&server.base_url())
        .customer_acquisition()
        .customer(
            &ListCustomerRequest::new("LINK_ID")
                .limit(1000)
                .cursor("CURSOR"),
        )
        .await
        .unwrap();
    assert_eq!(page.customer_list.len(), 3);
    assert_eq!(
        page.customer_list[2],
        AcquiredCustomer {
            external_userid: "woAJ2GCAAAXtWyujaWJHDDGi0mBCBBB".into(),
            userid: "rocky".into(),
            chat_status: ChatStatus::Started,
            state: Some("CHANNEL_A".into()),
        }
    );
    assert_eq!(page.customer_list[1].userid, "lisi");
    assert_eq!(page.customer_list[1].chat_status, ChatStatus::NotStarted);
    assert_eq!(page.next_cursor, "CURSOR");
    assert_round_trip::<ListCustomerResponse>(include_str!("fixtures/customer.json"));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn customer_chat_status_2_and_unknown_values_decode() {
    let page: ListCustomerResponse = serde_json::from_str(
        r#"{"customer_list":[{"external_userid":"wm1","userid":"u","chat_status":2},
            {"external_userid":"wm2","userid":"u","chat_status":9}],"next_cursor":""}"#,
    )
    .unwrap();
    assert_eq!(page.customer_list[0].chat_status, ChatStatus::Unclear);
    assert_eq!(page.customer_list[0].state, None);
    assert_eq!(page.customer_list[1].chat_status, ChatStatus::Unknown(9));
}

#[tokio::test]
async fn customer_stream_walks_the_pages_and_yields_the_first_error() {
    let server = MockServer::start_async().await;
    let first = mock_post(
        &server,
        CUSTOMER,
        json!({"link_id": "L", "limit": 2}),
        r#"{"errcode":0,"errmsg":"ok","customer_list":[
            {"external_userid":"wm1","userid":"a","chat_status":0},
            {"external_userid":"wm2","userid":"a","chat_status":1}],"next_cursor":"C2"}"#,
    )
    .await;
    let second = mock_post(
        &server,
        CUSTOMER,
        json!({"link_id": "L", "limit": 2, "cursor": "C2"}),
        &wecom_error(45009, "api freq out of limit"),
    )
    .await;
    let items: Vec<_> = client(&server.base_url())
        .customer_acquisition()
        .customer_stream(ListCustomerRequest::new("L").limit(2))
        .collect::<Vec<_>>()
        .await;
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().unwrap().external_userid, "wm1");
    assert_eq!(items[1].as_ref().unwrap().external_userid, "wm2");
    assert!(items[2].as_ref().unwrap_err().is_rate_limited());
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;

    // And to the end when every page answers.
    let server = MockServer::start_async().await;
    mock_post(
        &server,
        CUSTOMER,
        json!({"link_id": "L"}),
        r#"{"errcode":0,"errmsg":"ok","customer_list":[{"external_userid":"wm9","userid":"b","chat_status":0}],"next_cursor":""}"#,
    )
    .await;
    let all: Vec<AcquiredCustomer> = client(&server.base_url())
        .customer_acquisition()
        .customer_stream(ListCustomerRequest::new("L"))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].external_userid, "wm9");
}

#[tokio::test]
async fn customer_of_another_apps_link_is_its_errcode_and_limits_are_checked() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CUSTOMER,
        json!({"link_id": "OTHER"}),
        &wecom_error(40058, "invalid link_id"),
    )
    .await;
    let api_client = client(&server.base_url());
    let result = api_client
        .customer_acquisition()
        .customer(&ListCustomerRequest::new("OTHER"))
        .await;
    assert_api_error(result, 40058, CUSTOMER);
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let any = mock_any_body(&server, CUSTOMER, include_str!("fixtures/customer.json")).await;
    let api_client = client(&server.base_url());
    for req in [
        ListCustomerRequest::new(""),
        ListCustomerRequest::new("L").limit(0),
        ListCustomerRequest::new("L").limit(1001),
    ] {
        let err = api_client
            .customer_acquisition()
            .customer(&req)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{req:?}: {err:?}");
    }
    any.assert_calls_async(0).await;
    assert!(ListCustomerRequest::new("L").limit(1000).check().is_ok());
}

#[tokio::test]
async fn get_chat_info_sends_the_chat_key_and_decodes_the_conversation() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CHAT_INFO,
        json!({"chat_key": "CHAT_KEY"}),
        include_str!("fixtures/get_chat_info.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .customer_acquisition()
        .get_chat_info(&GetChatInfoRequest::new("CHAT_KEY"))
        .await
        .unwrap();
    assert_eq!(resp.userid.as_deref(), Some("zhangsan"));
    assert_eq!(
        resp.external_userid.as_deref(),
        Some("woAJ2GCAAAXtWyujaWJHDDGi0mACAAA")
    );
    assert_eq!(
        resp.chat_info,
        ChatInfo {
            recv_msg_cnt: 3,
            link_id: "caXXXXXXX".into(),
            state: Some("STATE".into()),
        }
    );
    assert_round_trip::<GetChatInfoResponse>(include_str!("fixtures/get_chat_info.json"));
    mock.assert_calls_async(1).await;

    // The component's answer has no userid / external_userid.
    let component: GetChatInfoResponse = serde_json::from_str(
        r#"{"errcode":0,"errmsg":"ok","chat_info":{"recv_msg_cnt":5,"link_id":"ca1"}}"#,
    )
    .unwrap();
    assert_eq!(
        (component.userid, component.chat_info.recv_msg_cnt),
        (None, 5)
    );
}

#[tokio::test]
async fn get_chat_info_with_an_expired_chat_key_is_its_errcode() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CHAT_INFO,
        json!({"chat_key": "OLD"}),
        &wecom_error(40058, "chat_key expired"),
    )
    .await;
    let result = client(&server.base_url())
        .customer_acquisition()
        .get_chat_info(&GetChatInfoRequest::new("OLD"))
        .await;
    assert_api_error(result, 40058, CHAT_INFO);
    mock.assert_calls_async(1).await;
}
