//! Every response fixture decodes and encodes back unchanged; unknown fields and codes are tolerated.

use wecom_contact_way::{
    AddContactWayResponse, ContactWayScene, ContactWayStyle, ContactWayType, GetContactWayResponse,
    ListContactWayResponse,
};
use wecom_core::test_util::assert_round_trip;
use wecom_core::EmptyResponse;

#[test]
fn add_contact_way_fixtures_round_trip() {
    let qr =
        assert_round_trip::<AddContactWayResponse>(include_str!("fixtures/add_contact_way.json"));
    assert_eq!(qr.config_id, "42b34949e138eb6e027c123cba77fad7");
    let mp = assert_round_trip::<AddContactWayResponse>(include_str!(
        "fixtures/add_contact_way_miniprogram.json"
    ));
    assert_eq!(mp.qr_code, None);
}

#[test]
fn get_contact_way_fixture_round_trips() {
    let resp =
        assert_round_trip::<GetContactWayResponse>(include_str!("fixtures/get_contact_way.json"));
    assert_eq!(resp.contact_way.state, "store-gz-001");
}

#[test]
fn list_contact_way_fixtures_round_trip() {
    for fixture in [
        include_str!("fixtures/list_contact_way_page1.json"),
        include_str!("fixtures/list_contact_way_page2.json"),
        include_str!("fixtures/list_contact_way_page3.json"),
    ] {
        let page = assert_round_trip::<ListContactWayResponse>(fixture);
        assert!(!page.contact_way.is_empty());
    }
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
    let resp: GetContactWayResponse =
        serde_json::from_str(include_str!("fixtures/get_contact_way_extra_fields.json")).unwrap();
    let way = resp.contact_way;
    assert_eq!(way.config_id, "87bBiKEE811c62f63270041c62f5c9A4ef");
    assert_eq!(way.r#type, ContactWayType::Multi);
    assert_eq!(way.scene, ContactWayScene::MiniProgram);
    assert_eq!(way.style, Some(ContactWayStyle::Style2));
    assert_eq!(way.remark, "售后服务组");
    assert!(!way.skip_verify);
    assert_eq!(way.user, ["lisi", "wangwu"]);
    assert_eq!(way.party, [2, 3]);
    assert_eq!(way.qr_code, None);
    assert_eq!(way.conclusions, None);
}

#[test]
fn unknown_codes_decode_and_encode_unchanged() {
    let json = r#"{"contact_way":{"config_id":"c","type":3,"scene":9,"style":4,"remark":"","skip_verify":true,"state":"","user":[],"party":[],"is_temp":false}}"#;
    let resp = assert_round_trip::<GetContactWayResponse>(json);
    assert_eq!(resp.contact_way.r#type, ContactWayType::Unknown(3));
    assert_eq!(resp.contact_way.scene, ContactWayScene::Unknown(9));
    assert_eq!(resp.contact_way.style, Some(ContactWayStyle::Unknown(4)));
}

#[test]
fn a_missing_type_or_scene_is_unknown_zero() {
    let resp: GetContactWayResponse = serde_json::from_str(r#"{"contact_way":{}}"#).unwrap();
    assert_eq!(resp.contact_way.r#type, ContactWayType::Unknown(0));
    assert_eq!(resp.contact_way.scene, ContactWayScene::Unknown(0));
}
