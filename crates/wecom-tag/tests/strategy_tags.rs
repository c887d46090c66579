//! 规则组标签 (doc 94882), one test per endpoint: exact method, path, token and body; decoded fields
//! (the corp tag model with its `strategy_id`); a non-zero errcode; one hit.

use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_core::{EmptyResponse, Error};
use wecom_tag::{
    AddStrategyTagRequest, DelStrategyTagRequest, EditStrategyTagRequest,
    GetStrategyTagListRequest, NewCorpTag, TagExt,
};

const LIST: &str = "/cgi-bin/externalcontact/get_strategy_tag_list";
const ADD: &str = "/cgi-bin/externalcontact/add_strategy_tag";
const EDIT: &str = "/cgi-bin/externalcontact/edit_strategy_tag";
const DEL: &str = "/cgi-bin/externalcontact/del_strategy_tag";
const GROUP: &str = "etAJ2GCAAAStrGroup0000000000AAAA";

#[tokio::test]
async fn get_strategy_tag_list_sends_the_strategy_and_filters_and_decodes_strategy_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({"strategy_id": 1, "tag_id": ["etAJ2GCAAAStrTag00000000000000AAA"], "group_id": [GROUP]}),
        include_str!("fixtures/get_strategy_tag_list.json"),
    )
    .await;
    let req = GetStrategyTagListRequest::new(1)
        .tag_id(["etAJ2GCAAAStrTag00000000000000AAA"])
        .group_id([GROUP]);

    let groups = client(&server.base_url())
        .tag()
        .get_strategy_tag_list(&req)
        .await
        .unwrap()
        .tag_group;

    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!(g.group_id, GROUP);
    assert_eq!(g.group_name, "华南客户");
    assert_eq!(g.create_time, 1_557_838_797);
    assert_eq!(g.order, 1);
    assert_eq!(g.strategy_id, Some(1));
    assert_eq!(g.deleted, None);
    let tags: Vec<(&str, &str, i64, i64)> = g
        .tag
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str(), t.create_time, t.order))
        .collect();
    assert_eq!(
        tags,
        [
            (
                "etAJ2GCAAAStrTag00000000000000AAA",
                "广州",
                1_557_838_797,
                1
            ),
            (
                "etAJ2GCAAAStrTag00000000000000BBB",
                "深圳",
                1_557_838_798,
                2
            )
        ]
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_strategy_tag_list_without_a_strategy_sends_an_empty_body() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({}),
        include_str!("fixtures/get_strategy_tag_list.json"),
    )
    .await;

    let resp = client(&server.base_url())
        .tag()
        .get_strategy_tag_list(&GetStrategyTagListRequest::default())
        .await
        .unwrap();

    assert_eq!(resp.tag_group[0].strategy_id, Some(1));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_strategy_tag_list_without_customer_contact_permission_is_errcode_84074() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({"strategy_id": 7}),
        include_str!("fixtures/error_84074.json"),
    )
    .await;

    let result = client(&server.base_url())
        .tag()
        .get_strategy_tag_list(&GetStrategyTagListRequest::new(7))
        .await;

    assert_api_error(result, 84074, LIST);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_strategy_tag_creates_a_named_group_in_the_rules_group() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({
            "strategy_id": 1,
            "group_name": "华南客户",
            "order": 1,
            "tag": [{"name": "广州", "order": 1}, {"name": "深圳", "order": 2}]
        }),
        include_str!("fixtures/add_strategy_tag.json"),
    )
    .await;
    let req = AddStrategyTagRequest::new_group(1, "华南客户", [NewCorpTag::new("广州").order(1)])
        .tag(NewCorpTag::new("深圳").order(2))
        .order(1);

    let group = client(&server.base_url())
        .tag()
        .add_strategy_tag(&req)
        .await
        .unwrap()
        .tag_group;

    assert_eq!(group.group_id, GROUP);
    assert_eq!(group.group_name, "华南客户");
    assert_eq!(group.create_time, 1_557_838_797);
    assert_eq!(group.order, 1);
    assert_eq!(
        group.strategy_id, None,
        "the add answer names no strategy_id"
    );
    let names: Vec<(&str, &str, i64)> = group
        .tag
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str(), t.order))
        .collect();
    assert_eq!(
        names,
        [
            ("etAJ2GCAAAStrTag00000000000000AAA", "广州", 1),
            ("etAJ2GCAAAStrTag00000000000000BBB", "深圳", 2)
        ]
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_strategy_tag_to_an_existing_group_sends_group_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({"strategy_id": 3, "group_id": GROUP, "tag": [{"name": "佛山"}]}),
        include_str!("fixtures/add_strategy_tag.json"),
    )
    .await;

    let resp = client(&server.base_url())
        .tag()
        .add_strategy_tag(&AddStrategyTagRequest::in_group(3, GROUP, ["佛山"]))
        .await
        .unwrap();

    assert_eq!(resp.tag_group.tag.len(), 2);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_strategy_tag_is_not_resent_after_a_502() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, ADD, 502).await;

    let err = client(&server.base_url())
        .tag()
        .add_strategy_tag(&AddStrategyTagRequest::new_group(1, "华南客户", ["广州"]))
        .await
        .unwrap_err();

    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_strategy_tag_beyond_3000_tags_is_errcode_40126() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({"strategy_id": 1, "group_id": GROUP, "tag": [{"name": "珠海"}]}),
        &wecom_error(40126, "corp tag count exceed limit"),
    )
    .await;

    let result = client(&server.base_url())
        .tag()
        .add_strategy_tag(&AddStrategyTagRequest::in_group(1, GROUP, ["珠海"]))
        .await;

    assert_api_error(result, 40126, ADD);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn edit_strategy_tag_sends_id_name_and_order_only() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        EDIT,
        json!({"id": "etAJ2GCAAAStrTag00000000000000AAA", "name": "广州天河", "order": 5}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = EditStrategyTagRequest::new("etAJ2GCAAAStrTag00000000000000AAA")
        .name("广州天河")
        .order(5);

    let resp = client(&server.base_url())
        .tag()
        .edit_strategy_tag(&req)
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn edit_strategy_tag_to_a_name_taken_in_its_group_is_errcode_40071() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        EDIT,
        json!({"id": "etAJ2GCAAAStrTag00000000000000AAA", "name": "深圳"}),
        include_str!("fixtures/error_40071.json"),
    )
    .await;

    let result = client(&server.base_url())
        .tag()
        .edit_strategy_tag(
            &EditStrategyTagRequest::new("etAJ2GCAAAStrTag00000000000000AAA").name("深圳"),
        )
        .await;

    assert_api_error(result, 40071, EDIT);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_strategy_tag_sends_tag_and_group_ids() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        DEL,
        json!({"tag_id": ["TAG_ID_1", "TAG_ID_2"], "group_id": ["GROUP_ID_1"]}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = DelStrategyTagRequest::new()
        .tag_id(["TAG_ID_1", "TAG_ID_2"])
        .group_id(["GROUP_ID_1"]);

    let resp = client(&server.base_url())
        .tag()
        .del_strategy_tag(&req)
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_strategy_tag_of_an_unknown_tag_is_errcode_40068() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        DEL,
        json!({"tag_id": ["etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9ZZZ"]}),
        include_str!("fixtures/error_40068.json"),
    )
    .await;

    let result = client(&server.base_url())
        .tag()
        .del_strategy_tag(
            &DelStrategyTagRequest::new().tag_id(["etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9ZZZ"]),
        )
        .await;

    assert_api_error(result, 40068, DEL);
    mock.assert_calls_async(1).await;
}
