//! Every response fixture decodes and encodes back to itself (less errcode / errmsg).

use wecom_core::test_util::assert_round_trip;
use wecom_core::EmptyResponse;
use wecom_customer::{
    BatchGetByUserResponse, GetFollowUserListResponse, GetResponse, ListResponse,
};

#[test]
fn list_round_trips() {
    let resp = assert_round_trip::<ListResponse>(include_str!("fixtures/list.json"));
    assert_eq!(resp.external_userid.len(), 2);
}

#[test]
fn get_follow_user_list_round_trips() {
    let resp = assert_round_trip::<GetFollowUserListResponse>(include_str!(
        "fixtures/get_follow_user_list.json"
    ));
    assert_eq!(resp.follow_user.len(), 3);
}

#[test]
fn get_round_trips() {
    let resp = assert_round_trip::<GetResponse>(include_str!("fixtures/get.json"));
    assert_eq!(resp.follow_user.len(), 2);
}

#[test]
fn get_last_page_decodes_and_round_trips_but_for_the_string_createtime() {
    // The fixture sends createtime as a string; it is encoded back as WeCom's usual number.
    let fixture = include_str!("fixtures/get_last_page.json");
    let normalized = fixture.replace(
        r#""createtime": "1600000000""#,
        r#""createtime": 1600000000"#,
    );
    assert_ne!(fixture, normalized);
    let resp = assert_round_trip::<GetResponse>(&normalized);
    assert_eq!(resp.follow_user[0].createtime, 1600000000);
}

#[test]
fn batch_get_by_user_round_trips() {
    let resp = assert_round_trip::<BatchGetByUserResponse>(include_str!(
        "fixtures/batch_get_by_user.json"
    ));
    assert!(resp.fail_info.is_some());
}

#[test]
fn batch_get_by_user_page10_round_trips() {
    let resp = assert_round_trip::<BatchGetByUserResponse>(include_str!(
        "fixtures/batch_get_by_user_page10.json"
    ));
    assert_eq!(resp.external_contact_list.len(), 10);
}

#[test]
fn ok_round_trips() {
    assert_round_trip::<EmptyResponse>(include_str!("fixtures/ok.json"));
}
