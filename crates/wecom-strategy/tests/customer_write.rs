//! customer_strategy/create, edit and del (doc 94883): exact method, path, token and body (every
//! privilege flag by name); the answer; a non-zero errcode; one hit each.

mod common;

use common::customer;
use httpmock::MockServer;
use serde_json::{json, Value};
use wecom_core::test_util::mock::{mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_core::{EmptyResponse, Error};
use wecom_strategy::{
    CustomerPrivilege, CustomerStrategyExt, RangeNode, StrategyCreateRequest, StrategyDelRequest,
    StrategyEditRequest,
};

/// Every documented flag true, but `share_customer`, as in WeCom's sample.
fn sample_privilege() -> (CustomerPrivilege, Value) {
    let privilege = CustomerPrivilege {
        share_customer: Some(false),
        ..CustomerPrivilege::all(true)
    };
    let json = json!({
        "view_customer_list": true, "view_customer_data": true, "view_room_list": true,
        "contact_me": true, "join_room": true, "share_customer": false,
        "oper_resign_customer": true, "oper_resign_group": true, "send_customer_msg": true,
        "edit_welcome_msg": true, "view_behavior_data": true, "view_room_data": true,
        "send_group_msg": true, "room_deduplication": true, "rapid_reply": true,
        "onjob_customer_transfer": true, "edit_anti_spam_rule": true, "export_customer_list": true,
        "export_customer_data": true, "export_customer_group_list": true, "manage_customer_tag": true
    });
    (privilege, json)
}

#[tokio::test]
async fn create_sends_every_field_and_every_privilege_flag() {
    let server = MockServer::start_async().await;
    let (privilege, privilege_json) = sample_privilege();
    let mock = mock_post(
        &server,
        &customer("create"),
        json!({
            "parent_id": 3,
            "strategy_name": "华南区",
            "admin_list": ["zhangsan", "lisi"],
            "privilege": privilege_json,
            "range": [{"type": 1, "userid": "zhangsan"}, {"type": 2, "partyid": 1}]
        }),
        include_str!("fixtures/create.json"),
    )
    .await;
    let req = StrategyCreateRequest::new("华南区", ["zhangsan", "lisi"])
        .parent_id(3)
        .privilege(privilege)
        .range([RangeNode::member("zhangsan"), RangeNode::department(1)]);

    let created = client(&server.base_url())
        .customer_strategy()
        .create(&req)
        .await
        .unwrap();

    assert_eq!(created.strategy_id, 1);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn create_minimal_sends_only_the_name_and_the_admins() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &customer("create"),
        json!({"strategy_name": "华南区", "admin_list": ["zhangsan"]}),
        include_str!("fixtures/create.json"),
    )
    .await;

    let created = client(&server.base_url())
        .customer_strategy()
        .create(&StrategyCreateRequest::new("华南区", ["zhangsan"]))
        .await
        .unwrap();

    assert_eq!(created.strategy_id, 1);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn create_is_not_resent_after_a_502() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, &customer("create"), 502).await;

    let err = client(&server.base_url())
        .customer_strategy()
        .create(&StrategyCreateRequest::new("华南区", ["zhangsan"]))
        .await
        .unwrap_err();

    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn create_with_a_range_outside_the_apps_visibility_is_errcode_60011() {
    let server = MockServer::start_async().await;
    let path = customer("create");
    let mock = mock_post(
        &server,
        &path,
        json!({"strategy_name": "华南区", "admin_list": ["zhangsan"], "range": [{"type": 2, "partyid": 99}]}),
        &wecom_error(60011, "no privilege to access/modify contact/party/agent"),
    )
    .await;
    let req = StrategyCreateRequest::new("华南区", ["zhangsan"]).range([RangeNode::department(99)]);

    let result = client(&server.base_url())
        .customer_strategy()
        .create(&req)
        .await;

    assert_api_error(result, 60011, &path);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn edit_sends_every_field() {
    let server = MockServer::start_async().await;
    let (privilege, privilege_json) = sample_privilege();
    let mock = mock_post(
        &server,
        &customer("edit"),
        json!({
            "strategy_id": 1,
            "strategy_name": "华南区（新）",
            "admin_list": ["zhangsan", "lisi"],
            "privilege": privilege_json,
            "range_add": [{"type": 1, "userid": "zhangsan"}, {"type": 2, "partyid": 1}],
            "range_del": [{"type": 1, "userid": "lisi"}, {"type": 2, "partyid": 2}]
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = StrategyEditRequest::new(1)
        .strategy_name("华南区（新）")
        .admin_list(["zhangsan", "lisi"])
        .privilege(privilege)
        .range_add([RangeNode::member("zhangsan"), RangeNode::department(1)])
        .range_del([RangeNode::member("lisi"), RangeNode::department(2)]);

    let resp = client(&server.base_url())
        .customer_strategy()
        .edit(&req)
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn edit_adding_a_member_outside_the_apps_visibility_is_errcode_60011() {
    let server = MockServer::start_async().await;
    let path = customer("edit");
    let mock = mock_post(
        &server,
        &path,
        json!({"strategy_id": 1, "range_add": [{"type": 1, "userid": "stranger"}]}),
        &wecom_error(60011, "no privilege to access/modify contact/party/agent"),
    )
    .await;

    let result = client(&server.base_url())
        .customer_strategy()
        .edit(&StrategyEditRequest::new(1).range_add([RangeNode::member("stranger")]))
        .await;

    assert_api_error(result, 60011, &path);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_sends_the_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &customer("del"),
        json!({"strategy_id": 1}),
        include_str!("fixtures/ok.json"),
    )
    .await;

    let resp = client(&server.base_url())
        .customer_strategy()
        .del(&StrategyDelRequest::new(1))
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_of_an_unknown_group_is_errcode_40058() {
    let server = MockServer::start_async().await;
    let path = customer("del");
    let mock = mock_post(
        &server,
        &path,
        json!({"strategy_id": 404}),
        &wecom_error(40058, "invalid strategy_id"),
    )
    .await;

    let result = client(&server.base_url())
        .customer_strategy()
        .del(&StrategyDelRequest::new(404))
        .await;

    assert_api_error(result, 40058, &path);
    mock.assert_calls_async(1).await;
}
