//! customer_strategy/list, get and get_range (doc 94883): exact method, path, token and body; every
//! decoded field, every privilege flag; a non-zero errcode; one hit each.

mod common;

use common::customer;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_strategy::{
    CustomerStrategyExt, RangeNode, RangeType, StrategyGetRangeRequest, StrategyGetRequest,
    StrategyListRequest,
};

#[tokio::test]
async fn list_sends_cursor_and_limit_and_decodes_the_ids() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &customer("list"),
        json!({"cursor": "CURSOR", "limit": 1000}),
        include_str!("fixtures/list.json"),
    )
    .await;

    let page = client(&server.base_url())
        .customer_strategy()
        .list(&StrategyListRequest::new().cursor("CURSOR").limit(1000))
        .await
        .unwrap();

    let ids: Vec<i64> = page.strategy.iter().map(|s| s.strategy_id).collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(page.next_cursor, "NEXT_CURSOR");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_without_paging_sends_an_empty_body_and_reads_a_missing_cursor_as_empty() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &customer("list"),
        json!({}),
        include_str!("fixtures/list_last_page.json"),
    )
    .await;

    let page = client(&server.base_url())
        .customer_strategy()
        .list(&StrategyListRequest::new())
        .await
        .unwrap();

    assert_eq!(page.strategy.len(), 1);
    assert_eq!(page.strategy[0].strategy_id, 3);
    assert_eq!(page.next_cursor, "");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_from_an_app_without_the_permission_is_errcode_48002() {
    let server = MockServer::start_async().await;
    let path = customer("list");
    let mock = mock_post(
        &server,
        &path,
        json!({"limit": 10}),
        &wecom_error(48002, "api forbidden"),
    )
    .await;

    let result = client(&server.base_url())
        .customer_strategy()
        .list(&StrategyListRequest::new().limit(10))
        .await;

    assert_api_error(result, 48002, &path);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_decodes_the_group_and_every_privilege_flag() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &customer("get"),
        json!({"strategy_id": 1}),
        include_str!("fixtures/customer_get.json"),
    )
    .await;

    let s = client(&server.base_url())
        .customer_strategy()
        .get(&StrategyGetRequest::new(1))
        .await
        .unwrap()
        .strategy;

    assert_eq!(s.strategy_id, 1);
    assert_eq!(s.parent_id, 0);
    assert_eq!(s.strategy_name, "华南区");
    assert_eq!(s.create_time, 1_557_838_797);
    assert_eq!(s.admin_list, ["zhangsan", "lisi"]);
    let p = &s.privilege;
    assert_eq!(p.view_customer_list, Some(true));
    assert_eq!(p.view_customer_data, Some(true));
    assert_eq!(p.view_room_list, Some(true));
    assert_eq!(p.contact_me, Some(true));
    assert_eq!(p.join_room, Some(true));
    assert_eq!(p.share_customer, Some(false));
    assert_eq!(p.oper_resign_customer, Some(true));
    assert_eq!(p.oper_resign_group, Some(true));
    assert_eq!(p.send_customer_msg, Some(true));
    assert_eq!(p.edit_welcome_msg, Some(true));
    assert_eq!(p.view_behavior_data, Some(true));
    assert_eq!(p.view_room_data, Some(true));
    assert_eq!(p.send_group_msg, Some(true));
    assert_eq!(p.room_deduplication, Some(true));
    assert_eq!(p.rapid_reply, Some(true));
    assert_eq!(p.onjob_customer_transfer, Some(true));
    assert_eq!(p.edit_anti_spam_rule, Some(true));
    assert_eq!(p.export_customer_list, Some(true));
    assert_eq!(p.export_customer_data, Some(true));
    assert_eq!(p.export_customer_group_list, Some(true));
    assert_eq!(p.manage_customer_tag, Some(true));
    assert!(
        p.other.is_empty(),
        "every documented flag has a field: {:?}",
        p.other
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_of_an_unknown_group_is_errcode_40058() {
    let server = MockServer::start_async().await;
    let path = customer("get");
    let mock = mock_post(
        &server,
        &path,
        json!({"strategy_id": 404}),
        &wecom_error(40058, "invalid strategy_id"),
    )
    .await;

    let result = client(&server.base_url())
        .customer_strategy()
        .get(&StrategyGetRequest::new(404))
        .await;

    assert_api_error(result, 40058, &path);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_range_sends_the_group_and_paging_and_decodes_members_and_departments() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &customer("get_range"),
        json!({"strategy_id": 1, "cursor": "CURSOR", "limit": 2}),
        include_str!("fixtures/get_range.json"),
    )
    .await;

    let page = client(&server.base_url())
        .customer_strategy()
        .get_range(&StrategyGetRangeRequest::new(1).cursor("CURSOR").limit(2))
        .await
        .unwrap();

    assert_eq!(
        page.range,
        [RangeNode::member("zhangsan"), RangeNode::department(1)]
    );
    assert_eq!(page.range[0].kind, RangeType::Member);
    assert_eq!(page.range[1].kind, RangeType::Department);
    assert_eq!(page.next_cursor, "NEXT_CURSOR");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_range_of_an_unknown_group_is_errcode_40058() {
    let server = MockServer::start_async().await;
    let path = customer("get_range");
    let mock = mock_post(
        &server,
        &path,
        json!({"strategy_id": 404}),
        &wecom_error(40058, "invalid strategy_id"),
    )
    .await;

    let result = client(&server.base_url())
        .customer_strategy()
        .get_range(&StrategyGetRangeRequest::new(404))
        .await;

    assert_api_error(result, 40058, &path);
    mock.assert_calls_async(1).await;
}
