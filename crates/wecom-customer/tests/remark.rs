//! remark: exact bodies, clearing mobiles, validation, retries.

mod common;

use common::REMARK;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::client;
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::{EmptyResponse, ErrCode, Error};
use wecom_customer::{CustomerExt, RemarkRequest};

const EXT: &str = "woAJ2GCAAAd1asdasdjO4wKmE8Aabj9AAA";

#[tokio::test]
async fn remark_sends_every_field() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        REMARK,
        json!({
            "userid": "zhangsan",
            "external_userid": EXT,
            "remark": "备注信息",
            "description": "描述信息",
            "remark_company": "腾讯科技",
            "remark_mobiles": ["13800000001", "13800000002"],
            "remark_pic_mediaid": "MEDIAID"
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = RemarkRequest::new("zhangsan", EXT)
        .remark("备注信息")
        .description("描述信息")
        .remark_company("腾讯科技")
        .remark_mobiles(["13800000001", "13800000002"])
        .remark_pic_mediaid("MEDIAID");
    let resp = client(&server.base_url())
        .customer()
        .remark(&req)
        .await
        .unwrap();
    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn remark_sends_only_what_is_set_and_clears_mobiles_with_an_empty_string() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        REMARK,
        json!({"userid": "zhangsan", "external_userid": EXT, "remark_mobiles": [""]}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = RemarkRequest::new("zhangsan", EXT).clear_remark_mobiles();
    client(&server.base_url())
        .customer()
        .remark(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn remark_84061_is_a_typed_error() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        REMARK,
        json!({"userid": "lisi", "external_userid": EXT, "remark": "王总"}),
        include_str!("fixtures/errcode_84061.json"),
    )
    .await;
    let err = client(&server.base_url())
        .customer()
        .remark(&RemarkRequest::new("lisi", EXT).remark("王总"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(84061)));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn remark_is_idempotent_so_a_502_is_retried() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, REMARK, 502).await;
    let err = client(&server.base_url())
        .customer()
        .remark(&RemarkRequest::new("zhangsan", EXT).remark("李部长"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    // test_util::client makes three attempts.
    mock.assert_calls_async(3).await;
}

async fn assert_invalid(req: RemarkRequest, expected: &str) {
    let server = MockServer::start_async().await;
    let any = mock_any_body(&server, REMARK, include_str!("fixtures/ok.json")).await;
    let err = client(&server.base_url())
        .customer()
        .remark(&req)
        .await
        .unwrap_err();
    match &err {
        Error::InvalidRequest(msg) => assert!(msg.contains(expected), "{msg}"),
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    any.assert_calls_async(0).await;
}

#[tokio::test]
async fn remark_validates_lengths_in_characters() {
    // 20 Chinese characters are 60 bytes but within the limit.
    assert!(RemarkRequest::new("u", "e")
        .remark("一".repeat(20))
        .remark_company("二".repeat(20))
        .description("三".repeat(150))
        .check()
        .is_ok());
    assert_invalid(
        RemarkRequest::new("u", "e").remark("一".repeat(21)),
        "remark has 21 characters; at most 20",
    )
    .await;
    assert_invalid(
        RemarkRequest::new("u", "e").description("描".repeat(151)),
        "description has 151 characters; at most 150",
    )
    .await;
    assert_invalid(
        RemarkRequest::new("u", "e").remark_company("公".repeat(21)),
        "remark_company has 21 characters; at most 20",
    )
    .await;
}

#[tokio::test]
async fn remark_needs_something_to_change_and_both_ids() {
    assert_invalid(RemarkRequest::new("u", "e"), "cannot all be empty").await;
    assert_invalid(RemarkRequest::new("", "e").remark("x"), "required").await;
    assert_invalid(RemarkRequest::new("u", "").remark("x"), "required").await;
}
