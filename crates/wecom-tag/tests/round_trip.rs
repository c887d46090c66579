//! Every response fixture decodes and encodes back unchanged; unknown fields are tolerated.

use wecom_core::test_util::assert_round_trip;
use wecom_core::EmptyResponse;
use wecom_tag::{AddCorpTagResponse, GetCorpTagListResponse};

#[test]
fn get_corp_tag_list_fixtures_round_trip() {
    let all = assert_round_trip::<GetCorpTagListResponse>(include_str!(
        "fixtures/get_corp_tag_list.json"
    ));
    assert_eq!(all.tag_group.len(), 2);
    let filtered = assert_round_trip::<GetCorpTagListResponse>(include_str!(
        "fixtures/get_corp_tag_list_filtered.json"
    ));
    assert_eq!(filtered.tag_group[0].tag[0].deleted, Some(true));
}

#[test]
fn add_corp_tag_fixture_round_trips() {
    let resp = assert_round_trip::<AddCorpTagResponse>(include_str!("fixtures/add_corp_tag.json"));
    assert_eq!(resp.tag_group.tag.len(), 2);
}

#[test]
fn strategy_tag_fixtures_round_trip_keeping_strategy_id() {
    let list = assert_round_trip::<GetCorpTagListResponse>(include_str!(
        "fixtures/get_strategy_tag_list.json"
    ));
    assert_eq!(list.tag_group[0].strategy_id, Some(1));
    let added =
        assert_round_trip::<AddCorpTagResponse>(include_str!("fixtures/add_strategy_tag.json"));
    assert_eq!(added.tag_group.strategy_id, None);
}

#[test]
fn ok_fixture_round_trips() {
    assert_eq!(
        assert_round_trip::<EmptyResponse>(include_str!("fixtures/ok.json")),
        EmptyResponse {}
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let resp: GetCorpTagListResponse =
        serde_json::from_str(include_str!("fixtures/get_corp_tag_list_extra_fields.json")).unwrap();
    let group = &resp.tag_group[0];
    assert_eq!(group.group_id, "etAJ2GCAAAGNxG0kZ3F8DW4KLzsFCCCC");
    assert_eq!(group.group_name, "意向程度");
    assert_eq!(group.order, 3);
    assert_eq!(group.tag[0].name, "高意向");
    assert_eq!(group.tag[0].order, 5);
}

#[test]
fn the_seed_spelling_group_order_is_not_order() {
    // The seed's Go struct tags the group's order as `group_order`; WeCom sends `order`.
    let resp: GetCorpTagListResponse =
        serde_json::from_str(r#"{"tag_group":[{"group_id":"g","group_order":7,"order":3}]}"#)
            .unwrap();
    assert_eq!(resp.tag_group[0].order, 3);
}
