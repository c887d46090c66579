//! Each documented rule is checked before sending: the request never reaches the server.

mod common;

use httpmock::Method::POST;
use wecom_core::test_util::client;
use wecom_core::Error;
use wecom_strategy::{
    CustomerFamily, CustomerStrategyExt, MomentFamily, MomentStrategyExt, RangeNode, RangeType,
    StrategyCreateRequest, StrategyEditRequest, StrategyGetRangeRequest, StrategyListRequest,
    MAX_ADMINS, MAX_LIST_LIMIT, MAX_RANGE_NODES_PER_CALL,
};

fn message(result: wecom_core::Result<()>) -> String {
    match result {
        Err(Error::InvalidRequest(msg)) => msg,
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

fn members(n: usize) -> Vec<RangeNode> {
    (0..n)
        .map(|i| RangeNode::member(format!("user{i}")))
        .collect()
}

type Create = StrategyCreateRequest<CustomerFamily>;
type Edit = StrategyEditRequest<MomentFamily>;

#[test]
fn limits_are_1_to_1000_when_set() {
    assert_eq!(MAX_LIST_LIMIT, 1000);
    assert!(StrategyListRequest::<CustomerFamily>::new().check().is_ok());
    assert!(StrategyListRequest::<CustomerFamily>::new()
        .limit(1)
        .check()
        .is_ok());
    assert!(StrategyListRequest::<CustomerFamily>::new()
        .limit(1000)
        .check()
        .is_ok());
    for limit in [0, 1001] {
        let msg = message(
            StrategyListRequest::<MomentFamily>::new()
                .limit(limit)
                .check(),
        );
        assert_eq!(msg, format!("limit is {limit}; 1 to 1000 allowed"));
        let msg = message(
            StrategyGetRangeRequest::<CustomerFamily>::new(1)
                .limit(limit)
                .check(),
        );
        assert_eq!(msg, format!("limit is {limit}; 1 to 1000 allowed"));
    }
}

#[test]
fn create_needs_a_name_1_to_20_admins_and_at_most_100_nodes() {
    assert_eq!((MAX_ADMINS, MAX_RANGE_NODES_PER_CALL), (20, 100));
    let admins: Vec<String> = (0..20).map(|i| format!("admin{i}")).collect();
    assert!(Create::new("华南区", admins.clone())
        .range(members(100))
        .check()
        .is_ok());
    assert_eq!(
        message(Create::new("", ["zhangsan"]).check()),
        "strategy_name is required"
    );
    assert_eq!(
        message(Create::new("华南区", Vec::<String>::new()).check()),
        "admin_list holds 0 entries; 1 to 20 allowed"
    );
    let too_many: Vec<String> = (0..21).map(|i| format!("admin{i}")).collect();
    assert_eq!(
        message(Create::new("华南区", too_many).check()),
        "admin_list holds 21 entries; 1 to 20 allowed"
    );
    assert_eq!(
        message(Create::new("华南区", ["zhangsan", ""]).check()),
        "admin_list[1] is an empty userid"
    );
    assert_eq!(
        message(
            Create::new("华南区", ["zhangsan"])
                .range(members(101))
                .check()
        ),
        "range holds 101 entries; at most 100 allowed"
    );
}

#[test]
fn nodes_name_their_member_or_department() {
    let bad_member = RangeNode {
        kind: RangeType::Member,
        userid: None,
        partyid: Some(1),
    };
    let bad_party = RangeNode {
        kind: RangeType::Department,
        userid: Some("x".into()),
        partyid: None,
    };
    let empty_member = RangeNode::member("");
    assert_eq!(
        message(
            Create::new("华南区", ["zhangsan"])
                .range([RangeNode::department(1), bad_member])
                .check()
        ),
        "range[1]: a member node (type 1) needs a userid"
    );
    assert_eq!(
        message(Edit::new(1).range_add([empty_member]).check()),
        "range_add[0]: a member node (type 1) needs a userid"
    );
    assert_eq!(
        message(Edit::new(1).range_del([bad_party]).check()),
        "range_del[0]: a department node (type 2) needs a partyid"
    );
    // A type this SDK does not know yet is WeCom's to judge.
    let future = RangeNode {
        kind: RangeType::Unknown(3),
        userid: None,
        partyid: None,
    };
    assert!(Edit::new(1).range_add([future]).check().is_ok());
}

#[test]
fn edit_limits_admins_and_each_range_change_to_100_nodes() {
    assert!(Edit::new(1).check().is_ok());
    assert!(Edit::new(1)
        .range_add(members(100))
        .range_del(members(100))
        .check()
        .is_ok());
    assert_eq!(
        message(Edit::new(1).range_add(members(101)).check()),
        "range_add holds 101 entries; at most 100 allowed"
    );
    assert_eq!(
        message(Edit::new(1).range_del(members(101)).check()),
        "range_del holds 101 entries; at most 100 allowed"
    );
    let too_many: Vec<String> = (0..21).map(|i| format!("admin{i}")).collect();
    assert_eq!(
        message(Edit::new(1).admin_list(too_many).check()),
        "admin_list holds 21 entries; at most 20 allowed"
    );
    assert_eq!(
        message(Edit::new(1).strategy_name("").check()),
        "strategy_name may not be empty (leave it out to keep the name)"
    );
}

#[tokio::test]
async fn invalid_requests_are_never_sent() {
    let server = httpmock::MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.method(POST);
            then.status(200).body(r#"{"errcode":0,"errmsg":"ok"}"#);
        })
        .await;
    let client = client(&server.base_url());
    let errs = [
        client
            .customer_strategy()
            .list(&StrategyListRequest::new().limit(0))
            .await
            .map(drop),
        client
            .moment_strategy()
            .get_range(&StrategyGetRangeRequest::new(1).limit(1001))
            .await
            .map(drop),
        client
            .customer_strategy()
            .create(&StrategyCreateRequest::new("", ["zhangsan"]))
            .await
            .map(drop),
        client
            .moment_strategy()
            .create(&StrategyCreateRequest::new("N", Vec::<String>::new()))
            .await
            .map(drop),
        client
            .customer_strategy()
            .edit(&StrategyEditRequest::new(1).range_add(members(101)))
            .await
            .map(drop),
        client
            .moment_strategy()
            .edit(&StrategyEditRequest::new(1).range_del(members(101)))
            .await
            .map(drop),
    ];
    for err in errs {
        assert!(matches!(err, Err(Error::InvalidRequest(_))), "{err:?}");
    }
    any.assert_calls_async(0).await;
}
