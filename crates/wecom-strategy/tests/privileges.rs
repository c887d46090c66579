//! Privileges are typed to the last documented flag, and a flag WeCom adds tomorrow survives a
//! read-modify-write; every fixture decodes and encodes back unchanged.

mod common;

use common::{customer, moment};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{assert_round_trip, client};
use wecom_core::EmptyResponse;
use wecom_strategy::{
    CustomerPrivilege, CustomerStrategyExt, MomentPrivilege, MomentStrategyExt,
    StrategyCreateResponse, StrategyEditRequest, StrategyGetRangeResponse, StrategyGetRequest,
    StrategyGetResponse, StrategyListResponse,
};

#[tokio::test]
async fn a_read_modify_write_keeps_a_flag_this_sdk_does_not_know() {
    let server = MockServer::start_async().await;
    let get = mock_post(
        &server,
        &customer("get"),
        json!({"strategy_id": 7}),
        include_str!("fixtures/customer_get_with_a_new_flag.json"),
    )
    .await;
    let mut expected: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/customer_get_with_a_new_flag.json")).unwrap();
    let mut privilege = expected["strategy"]["privilege"].take();
    privilege["edit_welcome_msg"] = json!(true);
    let edit = mock_post(
        &server,
        &customer("edit"),
        json!({"strategy_id": 7, "privilege": privilege}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let api_client = client(&server.base_url());

    let mut strategy = api_client
        .customer_strategy()
        .get(&StrategyGetRequest::new(7))
        .await
        .unwrap()
        .strategy;
    assert_eq!(strategy.parent_id, 1);
    assert_eq!(strategy.privilege.edit_welcome_msg, Some(false));
    assert_eq!(
        strategy.privilege.get("manage_customer_acquisition_link"),
        Some(false)
    );
    strategy.privilege.edit_welcome_msg = Some(true);
    let resp = api_client
        .customer_strategy()
        .edit(&StrategyEditRequest::new(7).privilege(strategy.privilege))
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    get.assert_calls_async(1).await;
    edit.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_moment_privilege_keeps_unknown_flags_too() {
    let server = MockServer::start_async().await;
    let answer = json!({
        "errcode": 0, "errmsg": "ok",
        "strategy": {"strategy_id": 2, "parent_id": 0, "strategy_name": "华东朋友圈",
            "create_time": 1557838900, "admin_list": ["zhangsan"],
            "privilege": {"view_moment_list": true, "send_moment": true,
                "manage_moment_cover_and_sign": true, "view_moment_statistics": true}}
    });
    let get = mock_post(
        &server,
        &moment("get"),
        json!({"strategy_id": 2}),
        &answer.to_string(),
    )
    .await;
    let edit = mock_post(
        &server,
        &moment("edit"),
        json!({"strategy_id": 2, "privilege": {"view_moment_list": true, "send_moment": false,
            "manage_moment_cover_and_sign": true, "view_moment_statistics": true}}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let api_client = client(&server.base_url());

    let mut privilege = api_client
        .moment_strategy()
        .get(&StrategyGetRequest::new(2))
        .await
        .unwrap()
        .strategy
        .privilege;
    privilege.set("send_moment", false);
    api_client
        .moment_strategy()
        .edit(&StrategyEditRequest::new(2).privilege(privilege))
        .await
        .unwrap();

    get.assert_calls_async(1).await;
    edit.assert_calls_async(1).await;
}

#[test]
fn every_documented_flag_is_named() {
    assert_eq!(
        CustomerPrivilege::FLAGS,
        [
            "view_customer_list",
            "view_customer_data",
            "view_room_list",
            "contact_me",
            "join_room",
            "share_customer",
            "oper_resign_customer",
            "oper_resign_group",
            "send_customer_msg",
            "edit_welcome_msg",
            "view_behavior_data",
            "view_room_data",
            "send_group_msg",
            "room_deduplication",
            "rapid_reply",
            "onjob_customer_transfer",
            "edit_anti_spam_rule",
            "export_customer_list",
            "export_customer_data",
            "export_customer_group_list",
            "manage_customer_tag",
        ]
    );
    assert_eq!(
        MomentPrivilege::FLAGS,
        [
            "view_moment_list",
            "send_moment",
            "manage_moment_cover_and_sign"
        ]
    );
    // `all` sets each named flag, and `get` reads each back by its JSON name.
    let all = serde_json::to_value(CustomerPrivilege::all(true)).unwrap();
    assert_eq!(all.as_object().unwrap().len(), 21);
    for flag in CustomerPrivilege::FLAGS {
        assert_eq!(all[flag], true, "{flag}");
        assert_eq!(
            CustomerPrivilege::all(false).get(flag),
            Some(false),
            "{flag}"
        );
    }
}

#[test]
fn an_unset_privilege_sends_nothing_and_set_fills_the_named_field() {
    assert_eq!(
        serde_json::to_string(&CustomerPrivilege::default()).unwrap(),
        "{}"
    );
    let mut p = MomentPrivilege::default();
    p.set("send_moment", true);
    p.set("a_new_flag", false);
    assert_eq!(p.send_moment, Some(true));
    assert_eq!(p.other.len(), 1);
    assert_eq!(
        serde_json::to_value(&p).unwrap(),
        json!({"send_moment": true, "a_new_flag": false})
    );
}

#[test]
fn every_fixture_round_trips() {
    let list = assert_round_trip::<StrategyListResponse>(include_str!("fixtures/list.json"));
    assert_eq!(list.strategy.len(), 2);
    let last =
        assert_round_trip::<StrategyListResponse>(include_str!("fixtures/list_last_page.json"));
    assert_eq!(last.next_cursor, "");
    let c = assert_round_trip::<StrategyGetResponse<CustomerPrivilege>>(include_str!(
        "fixtures/customer_get.json"
    ));
    assert_eq!(c.strategy.privilege.share_customer, Some(false));
    let n = assert_round_trip::<StrategyGetResponse<CustomerPrivilege>>(include_str!(
        "fixtures/customer_get_with_a_new_flag.json"
    ));
    assert_eq!(n.strategy.privilege.other.len(), 1);
    let m = assert_round_trip::<StrategyGetResponse<MomentPrivilege>>(include_str!(
        "fixtures/moment_get.json"
    ));
    assert_eq!(m.strategy.privilege.send_moment, Some(false));
    let r = assert_round_trip::<StrategyGetRangeResponse>(include_str!("fixtures/get_range.json"));
    assert_eq!(r.range.len(), 2);
    let created = assert_round_trip::<StrategyCreateResponse>(include_str!("fixtures/create.json"));
    assert_eq!(created.strategy_id, 1);
    assert_eq!(
        assert_round_trip::<EmptyResponse>(include_str!("fixtures/ok.json")),
        EmptyResponse {}
    );
}
