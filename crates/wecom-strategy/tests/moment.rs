//! moment_strategy/* (doc 94890), one test per endpoint: exact method, path, token and body; every
//! decoded field and privilege flag; a non-zero errcode for each endpoint; one hit each.

mod common;

use common::moment;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_core::{EmptyResponse, Error};
use wecom_strategy::{
    MomentPrivilege, MomentStrategyExt, RangeNode, StrategyCreateRequest, StrategyDelRequest,
    StrategyEditRequest, StrategyGetRangeRequest, StrategyGetRequest, StrategyListRequest,
};

#[tokio::test]
async fn list_sends_cursor_and_limit_and_decodes_the_ids() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &moment("list"),
        json!({"cursor": "CURSOR", "limit": 1000}),
        include_str!("fixtures/list.json"),
    )
    .await;

    let page = client(&server.base_url())
        .moment_strategy()
        .list(&StrategyListRequest::new().cursor("CURSOR").limit(1000))
        .await
        .unwrap();

    let ids: Vec<i64> = page.strategy.iter().map(|s| s.strategy_id).collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(page.next_cursor, "NEXT_CURSOR");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_decodes_the_group_and_every_privilege_flag() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &moment("get"),
        json!({"strategy_id": 2}),
        include_str!("fixtures/moment_get.json"),
    )
    .await;

    let s = client(&server.base_url())
        .moment_strategy()
        .get(&StrategyGetRequest::new(2))
        .await
        .unwrap()
        .strategy;

    assert_eq!(s.strategy_id, 2);
    assert_eq!(s.parent_id, 0);
    assert_eq!(s.strategy_name, "华东朋友圈");
    assert_eq!(s.create_time, 1_557_838_900);
    assert_eq!(s.admin_list, ["zhangsan"]);
    assert_eq!(s.privilege.view_moment_list, Some(true));
    assert_eq!(s.privilege.send_moment, Some(false));
    assert_eq!(s.privilege.manage_moment_cover_and_sign, Some(true));
    assert!(s.privilege.other.is_empty());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_range_sends_the_group_and_paging_and_decodes_the_nodes() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &moment("get_range"),
        json!({"strategy_id": 2, "limit": 1000}),
        include_str!("fixtures/get_range.json"),
    )
    .await;

    let page = client(&server.base_url())
        .moment_strategy()
        .get_range(&StrategyGetRangeRequest::new(2).limit(1000))
        .await
        .unwrap();

    assert_eq!(
        page.range,
        [RangeNode::member("zhangsan"), RangeNode::department(1)]
    );
    assert_eq!(page.next_cursor, "NEXT_CURSOR");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn create_sends_every_field_and_is_not_resent_after_a_502() {
    let server = MockServer::start_async().await;
    let body = json!({
        "parent_id": 1,
        "strategy_name": "华东朋友圈",
        "admin_list": ["zhangsan", "lisi"],
        "privilege": {"view_moment_list": true, "send_moment": true, "manage_moment_cover_and_sign": false},
        "range": [{"type": 1, "userid": "zhangsan"}, {"type": 2, "partyid": 1}]
    });
    let mock = mock_post(
        &server,
        &moment("create"),
        body,
        include_str!("fixtures/create.json"),
    )
    .await;
    let req = StrategyCreateRequest::new("华东朋友圈", ["zhangsan", "lisi"])
        .parent_id(1)
        .privilege(MomentPrivilege {
            manage_moment_cover_and_sign: Some(false),
            ..MomentPrivilege::all(true)
        })
        .range([RangeNode::member("zhangsan"), RangeNode::department(1)]);
    let api_client = client(&server.base_url());

    let created = api_client.moment_strategy().create(&req).await.unwrap();
    assert_eq!(created.strategy_id, 1);
    mock.assert_calls_async(1).await;

    let failing = MockServer::start_async().await;
    let status = mock_status(&failing, &moment("create"), 502).await;
    let err = client(&failing.base_url())
        .moment_strategy()
        .create(&req)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    status.assert_calls_async(1).await;
}

#[tokio::test]
async fn edit_sends_every_field() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &moment("edit"),
        json!({
            "strategy_id": 2,
            "strategy_name": "华东朋友圈（新）",
            "admin_list": ["lisi"],
            "privilege": {"view_moment_list": true, "send_moment": false, "manage_moment_cover_and_sign": true},
            "range_add": [{"type": 1, "userid": "zhangsan"}],
            "range_del": [{"type": 2, "partyid": 2}]
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = StrategyEditRequest::new(2)
        .strategy_name("华东朋友圈（新）")
        .admin_list(["lisi"])
        .privilege(MomentPrivilege {
            send_moment: Some(false),
            ..MomentPrivilege::all(true)
        })
        .range_add([RangeNode::member("zhangsan")])
        .range_del([RangeNode::department(2)]);

    let resp = client(&server.base_url())
        .moment_strategy()
        .edit(&req)
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_sends_the_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        &moment("del"),
        json!({"strategy_id": 2}),
        include_str!("fixtures/ok.json"),
    )
    .await;

    let resp = client(&server.base_url())
        .moment_strategy()
        .del(&StrategyDelRequest::new(2))
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn every_endpoint_reports_its_errcode() {
    let cases: [(&str, serde_json::Value, i64); 6] = [
        ("list", json!({}), 48002),
        ("get", json!({"strategy_id": 404}), 40058),
        ("get_range", json!({"strategy_id": 404}), 40058),
        (
            "create",
            json!({"strategy_name": "N", "admin_list": ["stranger"]}),
            60011,
        ),
        (
            "edit",
            json!({"strategy_id": 404, "strategy_name": "N"}),
            40058,
        ),
        ("del", json!({"strategy_id": 404}), 40058),
    ];
    for (name, body, code) in cases {
        let server = MockServer::start_async().await;
        let path = moment(name);
        let mock = mock_post(&server, &path, body, &wecom_error(code, "refused")).await;
        let api_client = client(&server.base_url());
        let api = api_client.moment_strategy();
        let result = match name {
            "list" => api.list(&StrategyListRequest::new()).await.map(drop),
            "get" => api.get(&StrategyGetRequest::new(404)).await.map(drop),
            "get_range" => api
                .get_range(&StrategyGetRangeRequest::new(404))
                .await
                .map(drop),
            "create" => api
                .create(&StrategyCreateRequest::new("N", ["stranger"]))
                .await
                .map(drop),
            "edit" => api
                .edit(&StrategyEditRequest::new(404).strategy_name("N"))
                .await
                .map(drop),
            _ => api.del(&StrategyDelRequest::new(404)).await.map(drop),
        };
        assert_api_error(result, code, &path);
        mock.assert_calls_async(1).await;
    }
}
