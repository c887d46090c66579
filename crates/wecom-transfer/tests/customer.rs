//! transfer_customer and resigned/transfer_customer: exact bodies, per-customer errcodes, errcodes for
//! the call, no re-send, validation.

mod common;

use common::{ids, RESIGNED_TRANSFER, TRANSFER};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_core::{ErrCode, Error};
use wecom_transfer::{
    codes, ResignedTransferCustomerRequest, TransferCustomerRequest, TransferExt,
};

#[tokio::test]
async fn transfer_customer_sends_every_field_and_decodes_each_customers_errcode() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        TRANSFER,
        json!({
            "handover_userid": "zhangsan",
            "takeover_userid": "lisi",
            "external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB"],
            "transfer_success_msg": "您好，您的服务已升级，后续将由我的同事李四@腾讯接替我的工作，继续为您服务。"
        }),
        include_str!("fixtures/transfer_customer.json"),
    )
    .await;
    let req = TransferCustomerRequest::new(
        "zhangsan",
        "lisi",
        [
            "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
            "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB",
        ],
    )
    .transfer_success_msg(
        "您好，您的服务已升级，后续将由我的同事李四@腾讯接替我的工作，继续为您服务。",
    );
    let resp = client(&server.base_url())
        .transfer()
        .transfer_customer(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    assert_eq!(resp.customer.len(), 2);
    assert_eq!(
        resp.customer[0].external_userid,
        "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"
    );
    assert_eq!(resp.customer[0].errcode, codes::INVALID_EXTERNAL_USERID);
    assert_eq!(
        resp.customer[1].external_userid,
        "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB"
    );
    assert_eq!(resp.customer[1].errcode, ErrCode::OK);
}

#[tokio::test]
async fn transfer_customer_without_a_message_leaves_it_out() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        TRANSFER,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "external_userid": ["wmCUST0000"]}),
        &common::customer_answer(&ids(1), &[]),
    )
    .await;
    let req = TransferCustomerRequest::new("zhangsan", "lisi", ["wmCUST0000"]);
    let resp = client(&server.base_url())
        .transfer()
        .transfer_customer(&req)
        .await
        .unwrap();
    assert_eq!(resp.customer[0].errcode, ErrCode::OK);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn transfer_customer_without_permission_is_errcode_48002() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(&server, TRANSFER, &wecom_error(48002, "api forbidden")).await;
    let req = TransferCustomerRequest::new("zhangsan", "lisi", ["wmCUST0000"]);
    let result = client(&server.base_url())
        .transfer()
        .transfer_customer(&req)
        .await;
    assert_api_error(result, 48002, TRANSFER);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn transfer_customer_is_not_resent_after_a_502_or_a_minus_1() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, TRANSFER, 502).await;
    let req = TransferCustomerRequest::new("zhangsan", "lisi", ["wmCUST0000"]);
    let api = client(&server.base_url());
    let err = api.transfer().transfer_customer(&req).await.unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
    mock.delete_async().await;

    let busy = mock_any_body(
        &server,
        TRANSFER,
        r#"{"errcode":-1,"errmsg":"system busy"}"#,
    )
    .await;
    let err = api.transfer().transfer_customer(&req).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::SYSTEM_BUSY));
    busy.assert_calls_async(1).await;
}

#[tokio::test]
async fn resigned_transfer_customer_sends_the_three_fields_and_decodes() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESIGNED_TRANSFER,
        json!({
            "handover_userid": "zhangsan",
            "takeover_userid": "lisi",
            "external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB", "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"]
        }),
        include_str!("fixtures/resigned_transfer_customer.json"),
    )
    .await;
    let req = ResignedTransferCustomerRequest::new(
        "zhangsan",
        "lisi",
        [
            "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB",
            "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
        ],
    );
    let resp = client(&server.base_url())
        .transfer()
        .resigned_transfer_customer(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    let codes: Vec<(&str, i64)> = resp
        .customer
        .iter()
        .map(|c| (c.external_userid.as_str(), c.errcode.get()))
        .collect();
    assert_eq!(
        codes,
        [
            ("woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB", 0),
            ("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", 40096)
        ]
    );
}

#[tokio::test]
async fn resigned_transfer_customer_of_a_member_in_service_is_errcode_40097() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESIGNED_TRANSFER,
        json!({"handover_userid": "wangwu", "takeover_userid": "lisi", "external_userid": ["wmCUST0000"]}),
        &wecom_error(40097, "member not resigned"),
    )
    .await;
    let req = ResignedTransferCustomerRequest::new("wangwu", "lisi", ["wmCUST0000"]);
    let result = client(&server.base_url())
        .transfer()
        .resigned_transfer_customer(&req)
        .await;
    assert_api_error(result, 40097, RESIGNED_TRANSFER);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn invalid_transfers_are_never_sent() {
    let server = MockServer::start_async().await;
    let onjob = mock_any_body(&server, TRANSFER, r#"{"errcode":0,"errmsg":"ok"}"#).await;
    let resigned =
        mock_any_body(&server, RESIGNED_TRANSFER, r#"{"errcode":0,"errmsg":"ok"}"#).await;
    let api = client(&server.base_url());
    let invalid = [
        TransferCustomerRequest::new("zhangsan", "lisi", ids(101)),
        TransferCustomerRequest::new("zhangsan", "lisi", Vec::<String>::new()),
        TransferCustomerRequest::new("", "lisi", ids(1)),
        TransferCustomerRequest::new("zhangsan", "", ids(1)),
        TransferCustomerRequest::new("zhangsan", "lisi", ids(1))
            .transfer_success_msg("好".repeat(201)),
    ];
    for req in &invalid {
        let err = api.transfer().transfer_customer(req).await.unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    }
    for req in [
        ResignedTransferCustomerRequest::new("zhangsan", "lisi", ids(101)),
        ResignedTransferCustomerRequest::new("zhangsan", "lisi", Vec::<String>::new()),
        ResignedTransferCustomerRequest::new("", "lisi", ids(1)),
    ] {
        let err = api
            .transfer()
            .resigned_transfer_customer(&req)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    }
    onjob.assert_calls_async(0).await;
    resigned.assert_calls_async(0).await;

    // The limits themselves are allowed.
    let at_limit = TransferCustomerRequest::new("zhangsan", "lisi", ids(100))
        .transfer_success_msg("好".repeat(200));
    assert!(at_limit.check().is_ok());
    assert!(ResignedTransferCustomerRequest::new("a", "b", ids(100))
        .check()
        .is_ok());
}
