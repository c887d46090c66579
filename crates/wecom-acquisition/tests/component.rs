//! The third-party side: 获取客户可建联成员, and the 获客助手组件 (组件授权信息, 代支付key, 代支付流水 with
//! the suite token), against a mock WeCom.

mod common;

use common::{mock_post_suite, suite_client};
use futures::{StreamExt, TryStreamExt};
use httpmock::MockServer;
use serde_json::json;
use wecom_acquisition::*;
use wecom_core::test_util::mock::{mock_get, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::{Error, TokenKind};

const PERMIT: &str = "/cgi-bin/externalcontact/customer_acquisition_app/get_permit";
const AUTH_INFO: &str = "/cgi-bin/externalcontact/customer_acquisition/get_comp_auth_info";
const ONCE_KEY: &str = "/cgi-bin/externalcontact/customer_acquisition/create_once_key";
const BILLS: &str = "/cgi-bin/service/customer_acquisition/get_bill_list";

#[tokio::test]
async fn get_permit_is_a_get_and_decodes_members_departments_and_tags() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        PERMIT,
        &[],
        include_str!("fixtures/get_permit.json"),
    )
    .await;
    let permit = client(&server.base_url())
        .customer_acquisition()
        .get_permit()
        .await
        .unwrap();
    assert_eq!(permit.user_list, ["jack", "rose"]);
    assert_eq!(permit.department_list, [0, 1]);
    assert_eq!(permit.tag_list, [0, 1]);
    assert_round_trip::<GetPermitResponse>(include_str!("fixtures/get_permit.json"));
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_get(&server, PERMIT, &[], &wecom_error(48002, "api forbidden")).await;
    let result = client(&server.base_url())
        .customer_acquisition()
        .get_permit()
        .await;
    assert_api_error(result, 48002, PERMIT);
}

#[tokio::test]
async fn get_comp_auth_info_posts_an_empty_body_and_decodes_the_pay_mode() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        AUTH_INFO,
        json!({}),
        include_str!("fixtures/get_comp_auth_info.json"),
    )
    .await;
    let info = client(&server.base_url())
        .customer_acquisition()
        .get_comp_auth_info()
        .await
        .unwrap();
    assert_eq!(info.pay_mode, PayMode::Provider);
    assert_eq!(info.price, Some(3000));
    assert_eq!(info.link_auth_mode, LinkAuthMode::Automatic);
    assert_eq!(info.auth_apps, [AuthApp { agentid: 1000002 }]);
    assert_round_trip::<GetCompAuthInfoResponse>(include_str!("fixtures/get_comp_auth_info.json"));
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_post(
        &server,
        AUTH_INFO,
        json!({}),
        &wecom_error(48002, "api forbidden"),
    )
    .await;
    let result = client(&server.base_url())
        .customer_acquisition()
        .get_comp_auth_info()
        .await;
    assert_api_error(result, 48002, AUTH_INFO);
}

#[tokio::test]
async fn create_once_key_sends_link_and_count_and_is_never_resent() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ONCE_KEY,
        json!({"link_id": "cawcdea7783d7330c6", "key_num": 2}),
        include_str!("fixtures/create_once_key.json"),
    )
    .await;
    let api_client = client(&server.base_url());
    let keys = api_client
        .customer_acquisition()
        .create_once_key(&CreateOnceKeyRequest::new("cawcdea7783d7330c6").key_num(2))
        .await
        .unwrap()
        .keys;
    assert_eq!(keys, ["ONCEKEY_0001", "ONCEKEY_0002"]);
    assert_round_trip::<CreateOnceKeyResponse>(include_str!("fixtures/create_once_key.json"));
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let lost = mock_status(&server, ONCE_KEY, 502).await;
    let err = client(&server.base_url())
        .customer_acquisition()
        .create_once_key(&CreateOnceKeyRequest::new("ca1"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    lost.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let refused = mock_post(
        &server,
        ONCE_KEY,
        json!({"link_id": "ca1"}),
        &wecom_error(48002, "corp pay mode is not provider"),
    )
    .await;
    let api_client = client(&server.base_url());
    let result = api_client
        .customer_acquisition()
        .create_once_key(&CreateOnceKeyRequest::new("ca1"))
        .await;
    assert_api_error(result, 48002, ONCE_KEY);
    refused.assert_calls_async(1).await;
    for req in [
        CreateOnceKeyRequest::new("ca1").key_num(0),
        CreateOnceKeyRequest::new("ca1").key_num(1001),
        CreateOnceKeyRequest::new(""),
    ] {
        let err = api_client
            .customer_acquisition()
            .create_once_key(&req)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{req:?}: {err:?}");
    }
    refused.assert_calls_async(1).await;
}

fn bills(begin: i64, end: i64) -> GetBillListRequest {
    GetBillListRequest::new("wwcorp0001", begin, end)
}

#[tokio::test]
async fn get_bill_list_takes_the_suite_token_and_decodes_each_bill() {
    let server = MockServer::start_async().await;
    let mock = mock_post_suite(
        &server,
        BILLS,
        json!({"auth_corpid": "wwcorp0001", "begin_time": 1709222401, "end_time": 1709308800,
            "cursor": "CURSOR", "limit": 1000}),
        include_str!("fixtures/get_bill_list.json"),
    )
    .await;
    let page = suite_client(&server.base_url())
        .customer_acquisition()
        .get_bill_list(&bills(1709222401, 1709308800).cursor("CURSOR").limit(1000))
        .await
        .unwrap();
    assert_eq!(
        page.bill_list,
        [
            Bill {
                timestamp: 1709222400,
                link_id: Some("cawcdea7783d7330c6".into()),
                state: Some("STATE".into()),
                price: 3000
            },
            Bill {
                timestamp: 1709226000,
                link_id: None,
                state: None,
                price: 3000
            }
        ]
    );
    assert_eq!(page.next_cursor, "CURSOR");
    assert_round_trip::<GetBillListResponse>(include_str!("fixtures/get_bill_list.json"));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_bill_list_stream_pages_with_the_suite_token_and_keeps_errcodes() {
    let server = MockServer::start_async().await;
    let first = mock_post_suite(
        &server,
        BILLS,
        json!({"auth_corpid": "wwcorp0001", "begin_time": 100, "end_time": 200}),
        r#"{"errcode":0,"errmsg":"ok","bill_list":[{"timestamp":150,"price":3000}],"next_cursor":"C2"}"#,
    )
    .await;
    let second = mock_post_suite(
        &server,
        BILLS,
        json!({"auth_corpid": "wwcorp0001", "begin_time": 100, "end_time": 200, "cursor": "C2"}),
        r#"{"errcode":0,"errmsg":"ok","bill_list":[{"timestamp":160,"link_id":"ca1","price":2500}]}"#,
    )
    .await;
    let all: Vec<Bill> = suite_client(&server.base_url())
        .customer_acquisition()
        .get_bill_list_stream(bills(100, 200))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        all.iter()
            .map(|b| (b.timestamp, b.price))
            .collect::<Vec<_>>(),
        [(150, 3000), (160, 2500)]
    );
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_post_suite(
        &server,
        BILLS,
        json!({"auth_corpid": "wwnotauthorized", "begin_time": 100, "end_time": 200}),
        &wecom_error(40013, "invalid auth_corpid"),
    )
    .await;
    let items: Vec<_> = suite_client(&server.base_url())
        .customer_acquisition()
        .get_bill_list_stream(GetBillListRequest::new("wwnotauthorized", 100, 200))
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert_api_error(items.into_iter().next().unwrap(), 40013, BILLS);
}

#[tokio::test]
async fn get_bill_list_never_goes_out_with_a_corp_token_nor_outside_its_limits() {
    let server = MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body(r#"{"errcode":0,"errmsg":"ok"}"#);
        })
        .await;
    // A corp client has no suite token: nothing is sent.
    match client(&server.base_url())
        .customer_acquisition()
        .get_bill_list(&bills(100, 200))
        .await
    {
        Err(Error::NoTokenFor { kind, path }) => {
            assert_eq!(kind, TokenKind::Suite);
            assert_eq!(path, BILLS);
        }
        other => panic!("expected NoTokenFor, got {other:?}"),
    }
    let suite = suite_client(&server.base_url());
    let day = 86_400;
    for (req, field) in [
        (bills(0, 31 * day + 1), "spans"),
        (bills(200, 100), "before"),
        (GetBillListRequest::new("", 100, 200), "auth_corpid"),
        (bills(100, 200).limit(1001), "limit"),
        (bills(100, 200).limit(0), "limit"),
    ] {
        let err = suite
            .customer_acquisition()
            .get_bill_list(&req)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains(field)),
            "{field}: {err:?}"
        );
    }
    any.assert_calls_async(0).await;
    assert!(bills(0, 31 * day).limit(1000).check().is_ok());
}
