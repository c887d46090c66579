//! The Attachment enum's JSON, and decode → encode round trips of every response fixture.

use serde_json::{json, Value};
use wecom_core::test_util::assert_round_trip;
use wecom_core::EmptyResponse;
use wecom_messaging::{
    AddGroupWelcomeTemplateResponse, AddMsgTemplateResponse, Attachment, CreateType,
    GetGroupMsgListV2Response, GetGroupMsgSendResultResponse, GetGroupMsgTaskResponse,
    GetGroupWelcomeTemplateResponse, Image, Link, Media, MiniProgram,
};

fn round_trip(value: Value) -> Attachment {
    let decoded: Attachment = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&decoded).unwrap(), value);
    decoded
}

#[test]
fn every_attachment_kind_round_trips() {
    let image = round_trip(json!({"msgtype": "image", "image": {
        "media_id": "MEDIA_ID", "pic_url": "http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0"}}));
    assert_eq!(
        image,
        Attachment::Image(Image {
            media_id: Some("MEDIA_ID".into()),
            pic_url: Some("http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0".into()),
        })
    );

    let link = round_trip(json!({"msgtype": "link", "link": {
        "title": "消息标题", "picurl": "https://example.pic.com/path", "desc": "消息描述",
        "url": "https://example.link.com/path", "media_id": "COVER_MEDIA_ID"}}));
    assert_eq!(
        link,
        Attachment::Link(
            Link::new("消息标题", "https://example.link.com/path")
                .picurl("https://example.pic.com/path")
                .desc("消息描述")
                .media_id("COVER_MEDIA_ID")
        )
    );

    let mp = round_trip(json!({"msgtype": "miniprogram", "miniprogram": {
        "title": "消息标题", "pic_media_id": "MEDIA_ID", "appid": "wx8bd80126147dfAAA",
        "page": "/path/index.html"}}));
    assert_eq!(
        mp,
        Attachment::MiniProgram(MiniProgram::new(
            "消息标题",
            "MEDIA_ID",
            "wx8bd80126147dfAAA",
            "/path/index.html"
        ))
    );

    let video = round_trip(json!({"msgtype": "video", "video": {"media_id": "VIDEO_ID"}}));
    assert_eq!(video, Attachment::Video(Media::new("VIDEO_ID")));
    let file = round_trip(json!({"msgtype": "file", "file": {"media_id": "FILE_ID"}}));
    assert_eq!(file, Attachment::File(Media::new("FILE_ID")));
}

#[test]
fn constructors_encode_wecom_json() {
    let cases = [
        (
            Attachment::image_media("M"),
            json!({"msgtype": "image", "image": {"media_id": "M"}}),
        ),
        (
            Attachment::image_url("https://p/0"),
            json!({"msgtype": "image", "image": {"pic_url": "https://p/0"}}),
        ),
        (
            Attachment::link("标题", "https://u"),
            json!({"msgtype": "link", "link": {"title": "标题", "url": "https://u"}}),
        ),
        (
            Attachment::video("V"),
            json!({"msgtype": "video", "video": {"media_id": "V"}}),
        ),
        (
            Attachment::file("F"),
            json!({"msgtype": "file", "file": {"media_id": "F"}}),
        ),
    ];
    for (attachment, expected) in cases {
        assert_eq!(serde_json::to_value(&attachment).unwrap(), expected);
    }
}

#[test]
fn unknown_msgtype_is_kept_raw_and_encoded_unchanged() {
    let raw = json!({"msgtype": "channels", "channels": {"feed_id": "export/UzFfAgtgekIEAQAAAAAA", "nickname": "企业微信视频号"}, "extra": [1, 2]});
    let decoded = round_trip(raw.clone());
    match &decoded {
        Attachment::Unknown { msgtype, raw: kept } => {
            assert_eq!(msgtype, "channels");
            assert_eq!(kept, &raw);
        }
        other => panic!("expected Unknown, got {other:?}"),
    }
    assert_eq!(decoded.msgtype(), "channels");

    // A known msgtype without its payload is kept raw as well, rather than invented.
    let missing = round_trip(json!({"msgtype": "image"}));
    assert!(matches!(missing, Attachment::Unknown { ref msgtype, .. } if msgtype == "image"));
    // No msgtype at all.
    let untyped = round_trip(json!({"foo": "bar"}));
    assert!(matches!(untyped, Attachment::Unknown { ref msgtype, .. } if msgtype.is_empty()));
    // Not an object: an error.
    assert!(serde_json::from_value::<Attachment>(json!("image")).is_err());
}

#[test]
fn every_response_fixture_round_trips() {
    assert_round_trip::<AddMsgTemplateResponse>(include_str!("fixtures/add_msg_template.json"));
    let list = assert_round_trip::<GetGroupMsgListV2Response>(include_str!(
        "fixtures/get_groupmsg_list_v2.json"
    ));
    assert_eq!(list.group_msg_list[0].attachments.len(), 5);
    assert_round_trip::<GetGroupMsgTaskResponse>(include_str!("fixtures/get_groupmsg_task.json"));
    assert_round_trip::<GetGroupMsgSendResultResponse>(include_str!(
        "fixtures/get_groupmsg_send_result.json"
    ));
    assert_round_trip::<AddGroupWelcomeTemplateResponse>(include_str!(
        "fixtures/add_group_welcome_template.json"
    ));
    let template = assert_round_trip::<GetGroupWelcomeTemplateResponse>(include_str!(
        "fixtures/get_group_welcome_template.json"
    ));
    assert!(template.image.is_some());
    assert_round_trip::<EmptyResponse>(include_str!("fixtures/ok.json"));
}

#[test]
fn fixture_with_unknown_fields_still_decodes() {
    let page: GetGroupMsgListV2Response = serde_json::from_str(include_str!(
        "fixtures/get_groupmsg_list_v2_unknown_fields.json"
    ))
    .unwrap();
    assert_eq!(page.next_cursor, "");
    let msg = &page.group_msg_list[0];
    assert_eq!(msg.msgid, "msgGCAAAXtWyujaWJHDDGi0mACCCCC");
    assert_eq!(msg.create_time, 1605174000, "a numeric string decodes");
    assert_eq!(msg.create_type, CreateType::Unknown(5));
    assert_eq!(msg.text.as_ref().unwrap().content, "春节放假通知");
    assert!(
        matches!(&msg.attachments[0], Attachment::Unknown { msgtype, raw }
        if msgtype == "channels" && raw["channels"]["nickname"] == "企业微信视频号")
    );
    assert!(
        matches!(&msg.attachments[1], Attachment::Image(Image { media_id: None, pic_url: Some(u) })
        if u == "https://wework.qpic.cn/wwpic/123/0")
    );
    // The unknown attachment encodes back exactly as it came.
    let encoded = serde_json::to_value(&msg.attachments[0]).unwrap();
    let fixture: Value = serde_json::from_str(include_str!(
        "fixtures/get_groupmsg_list_v2_unknown_fields.json"
    ))
    .unwrap();
    assert_eq!(encoded, fixture["group_msg_list"][0]["attachments"][0]);
}
