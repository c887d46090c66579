//! get, get_all_follow_users, and the decoding of customers and their follow users.

mod common;

use common::GET_PATH;
use futures::TryStreamExt;
use httpmock::MockServer;
use wecom_core::test_util::mock::mock_get;
use wecom_core::test_util::{assert_api_error, client};
use wecom_customer::{
    AddWay, CustomerExt, CustomerType, ExternalAttrType, ExternalContact, FollowUser, Gender,
    GetRequest, GetResponse, TagType, WechatChannelsSource, WechatChannelsStatus,
};

const ID: &str = "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA";

#[tokio::test]
async fn get_sends_external_userid_and_decodes_every_field() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        GET_PATH,
        &[("external_userid", ID)],
        include_str!("fixtures/get.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .customer()
        .get(ID, None)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;

    let c = &resp.external_contact;
    assert_eq!(c.external_userid, ID);
    assert_eq!(c.name, "李四");
    assert_eq!(c.position.as_deref(), Some("采购经理"));
    assert_eq!(
        c.avatar.as_deref(),
        Some("https://p.qlogo.cn/bizmail/IcsdgagqefergqerhewSdage/0")
    );
    assert_eq!(c.corp_name.as_deref(), Some("腾讯"));
    assert_eq!(c.corp_full_name.as_deref(), Some("腾讯科技有限公司"));
    assert_eq!(c.customer_type, CustomerType::WecomUser);
    assert_eq!(c.gender, Gender::Male);
    assert_eq!(c.unionid.as_deref(), Some("ozynqsulJFCZ2z1aYeS8h-nuasdAAA"));

    // external_profile is an object (the seed's string would not decode it).
    let profile = c.external_profile.as_ref().expect("external_profile");
    assert_eq!(profile.external_corp_name.as_deref(), Some("腾讯科技"));
    let channels = profile.wechat_channels.as_ref().unwrap();
    assert_eq!(channels.nickname, "腾讯视频号");
    assert_eq!(channels.status, WechatChannelsStatus::Pending);
    let attrs = &profile.external_attr;
    assert_eq!(attrs.len(), 3);
    assert_eq!(attrs[0].attr_type, ExternalAttrType::Text);
    assert_eq!(attrs[0].name, "文本名称");
    assert_eq!(attrs[0].text.as_ref().unwrap().value, "文本");
    assert_eq!(attrs[1].attr_type, ExternalAttrType::Web);
    let web = attrs[1].web.as_ref().unwrap();
    assert_eq!(
        (web.url.as_str(), web.title.as_str()),
        ("https://www.test.com", "标题")
    );
    assert_eq!(attrs[2].attr_type, ExternalAttrType::Miniprogram);
    let mp = attrs[2].miniprogram.as_ref().unwrap();
    assert_eq!(mp.appid, "wx8bd80126147df384");
    assert_eq!(mp.pagepath, "/index");
    assert_eq!(mp.title, "我的小程序");

    assert_eq!(resp.follow_user.len(), 2);
    let rocky = &resp.follow_user[0];
    assert_eq!(rocky.userid, "rocky");
    assert_eq!(rocky.remark, "李部长");
    assert_eq!(rocky.description, "对接采购事务");
    assert_eq!(rocky.createtime, 1525779812);
    assert_eq!(rocky.tags.len(), 3);
    assert_eq!(rocky.tags[0].group_name, "客户等级");
    assert_eq!(rocky.tags[0].tag_name, "重点客户");
    assert_eq!(
        rocky.tags[0].tag_id.as_deref(),
        Some("etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA")
    );
    assert_eq!(rocky.tags[0].tag_type, TagType::Corp);
    assert_eq!(rocky.tags[1].tag_id, None);
    assert_eq!(rocky.tags[1].tag_type, TagType::Personal);
    assert_eq!(rocky.tags[2].tag_type, TagType::Strategy);
    assert_eq!(rocky.remark_corp_name.as_deref(), Some("腾讯科技"));
    assert_eq!(rocky.remark_mobiles, ["13800000001", "13000000002"]);
    assert_eq!(rocky.oper_userid, "rocky");
    assert_eq!(rocky.add_way, AddWay::WechatChannels);
    let wc = rocky.wechat_channels.as_ref().unwrap();
    assert_eq!(wc.nickname, "腾讯视频号");
    assert_eq!(wc.source, WechatChannelsSource::Profile);
    assert_eq!(rocky.state.as_deref(), Some("外联二维码1"));

    let tommy = &resp.follow_user[1];
    assert_eq!(tommy.userid, "tommy");
    assert_eq!(tommy.createtime, 1525881637);
    assert!(tommy.tags.is_empty());
    assert_eq!(tommy.remark_corp_name, None);
    assert_eq!(tommy.oper_userid, ID);
    assert_eq!(tommy.add_way, AddWay::BusinessCard);
    assert_eq!(tommy.wechat_channels, None);
    assert_eq!(resp.next_cursor, "NEXT_CURSOR");
}

#[tokio::test]
async fn get_passes_the_cursor() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        GET_PATH,
        &[("external_userid", ID), ("cursor", "NEXT_CURSOR")],
        include_str!("fixtures/get_last_page.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .customer()
        .get(ID, Some("NEXT_CURSOR"))
        .await
        .unwrap();
    assert_eq!(resp.follow_user.len(), 1);
    assert_eq!(resp.follow_user[0].userid, "wangwu");
    assert_eq!(resp.next_cursor, "");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_of_a_customer_no_longer_related_to_any_member_is_errcode_84061() {
    // WeCom's answer when every follow user has been deleted by the customer (or has deleted
    // the customer); it carries an empty follow_user, which must not hide the errcode.
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        GET_PATH,
        &[("external_userid", "wmH_mvCwAA9qN0iva70sM2tZ_p3cosVQ")],
        include_str!("fixtures/errcode_84061_get.json"),
    )
    .await;
    let result = client(&server.base_url())
        .customer()
        .get("wmH_mvCwAA9qN0iva70sM2tZ_p3cosVQ", None)
        .await;
    assert_api_error(result, 84061, GET_PATH);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_all_follow_users_follows_next_cursor_and_merges() {
    let server = MockServer::start_async().await;
    let first = mock_get(
        &server,
        GET_PATH,
        &[("external_userid", ID)],
        include_str!("fixtures/get.json"),
    )
    .await;
    let last = mock_get(
        &server,
        GET_PATH,
        &[("external_userid", ID), ("cursor", "NEXT_CURSOR")],
        include_str!("fixtures/get_last_page.json"),
    )
    .await;
    let all = client(&server.base_url())
        .customer()
        .get_all_follow_users(ID)
        .await
        .unwrap();
    let users: Vec<&str> = all.follow_user.iter().map(|f| f.userid.as_str()).collect();
    assert_eq!(users, ["rocky", "tommy", "wangwu"]);
    // The customer is the first page's, and the merged answer has no cursor left.
    assert_eq!(all.external_contact.position.as_deref(), Some("采购经理"));
    assert_eq!(all.next_cursor, "");
    first.assert_calls_async(1).await;
    last.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_request_paginates_follow_users_as_a_stream() {
    let server = MockServer::start_async().await;
    let first = mock_get(
        &server,
        GET_PATH,
        &[("external_userid", ID)],
        include_str!("fixtures/get.json"),
    )
    .await;
    let last = mock_get(
        &server,
        GET_PATH,
        &[("external_userid", ID), ("cursor", "NEXT_CURSOR")],
        include_str!("fixtures/get_last_page.json"),
    )
    .await;
    let users: Vec<FollowUser> = client(&server.base_url())
        .paginate(GetRequest::new(ID))
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(users.len(), 3);
    assert_eq!(users[2].add_way, AddWay::AdminAssignment);
    first.assert_calls_async(1).await;
    last.assert_calls_async(1).await;
}

#[test]
fn createtime_decodes_from_number_and_from_string() {
    let number: FollowUser =
        serde_json::from_str(r#"{"userid":"a","createtime":1525779812}"#).unwrap();
    let string: FollowUser =
        serde_json::from_str(r#"{"userid":"a","createtime":"1525779812"}"#).unwrap();
    assert_eq!(number.createtime, 1525779812);
    assert_eq!(string.createtime, 1525779812);
    // The seed's `create_time` is not WeCom's name: it is ignored, not taken for createtime.
    let seed: FollowUser =
        serde_json::from_str(r#"{"userid":"a","create_time":1525779812}"#).unwrap();
    assert_eq!(seed.createtime, 0);
}

#[test]
fn wechat_channels_source_decodes_from_number_and_from_string() {
    let number: FollowUser =
        serde_json::from_str(r#"{"add_way":10,"wechat_channels":{"nickname":"号","source":2}}"#)
            .unwrap();
    let string: FollowUser = serde_json::from_str(
        r#"{"add_way":"10","wechat_channels":{"nickname":"号","source":"2"}}"#,
    )
    .unwrap();
    for f in [&number, &string] {
        assert_eq!(f.add_way, AddWay::WechatChannels);
        assert_eq!(
            f.wechat_channels.as_ref().unwrap().source,
            WechatChannelsSource::LiveRoom
        );
    }
    // Encoded back as a number, WeCom's usual form.
    let encoded = serde_json::to_value(&string).unwrap();
    assert_eq!(encoded["wechat_channels"]["source"], 2);
    assert_eq!(encoded["add_way"], 10);
}

#[test]
fn unknown_codes_are_kept() {
    let f: FollowUser =
        serde_json::from_str(r#"{"add_way":99,"tags":[{"tag_name":"x","type":4}]}"#).unwrap();
    assert_eq!(f.add_way, AddWay::Unknown(99));
    assert_eq!(f.tags[0].tag_type, TagType::Unknown(4));
    assert_eq!(serde_json::to_value(f.add_way).unwrap(), 99);
    let c: ExternalContact = serde_json::from_str(r#"{"type":3,"gender":7}"#).unwrap();
    assert_eq!(c.customer_type, CustomerType::Unknown(3));
    assert_eq!(c.gender, Gender::Unknown(7));
    // Every documented add_way, including the newer ones, is named.
    for (code, way) in [
        (16, AddWay::AcquisitionLink),
        (17, AddWay::CustomDevelopment),
        (18, AddWay::RequirementReply),
        (21, AddWay::ThirdPartyPreSales),
        (22, AddWay::PotentialPartner),
        (24, AddWay::WechatFriendRequest),
        (201, AddWay::InternalShare),
        (202, AddWay::AdminAssignment),
    ] {
        assert_eq!(AddWay::from(code), way);
    }
    assert_eq!(AddWay::from(7), AddWay::Unknown(7));
}

#[test]
fn external_profile_decodes_from_an_object_or_a_string_holding_one() {
    let object = r#"{"external_profile":{"external_corp_name":"腾讯","external_attr":[{"type":0,"name":"职级","text":{"value":"高级"}}]}}"#;
    let string = r#"{"external_profile":"{\"external_corp_name\":\"腾讯\",\"external_attr\":[{\"type\":0,\"name\":\"职级\",\"text\":{\"value\":\"高级\"}}]}"}"#;
    let a = serde_json::from_str::<ExternalContact>(object).unwrap();
    let b = serde_json::from_str::<ExternalContact>(string).unwrap();
    let profile = a.external_profile.as_ref().expect("a profile");
    assert_eq!(profile.external_corp_name.as_deref(), Some("腾讯"));
    assert_eq!(profile.external_attr[0].name, "职级");
    assert_eq!(a, b);
    for none in [
        r#"{"external_profile":""}"#,
        r#"{"external_profile":null}"#,
        "{}",
    ] {
        let c = serde_json::from_str::<ExternalContact>(none).unwrap();
        assert_eq!(c.external_profile, None, "{none}");
    }
    // A string that is not a profile is a decode error, not a silent empty profile.
    assert!(serde_json::from_str::<ExternalContact>(r#"{"external_profile":"oops"}"#).is_err());
}

#[test]
fn fixture_with_unknown_fields_still_decodes() {
    let resp: GetResponse =
        serde_json::from_str(include_str!("fixtures/get_unknown_fields.json")).unwrap();
    let c = &resp.external_contact;
    assert_eq!(c.name, "王小明");
    assert_eq!(c.customer_type, CustomerType::WechatUser);
    assert_eq!(c.gender, Gender::Unknown(7));
    let attr = &c.external_profile.as_ref().unwrap().external_attr[0];
    assert_eq!(attr.attr_type, ExternalAttrType::Unknown(9));
    assert_eq!(attr.name, "新属性");
    let f = &resp.follow_user[0];
    assert_eq!(f.createtime, 1525779812);
    assert_eq!(f.add_way, AddWay::Unknown(99));
    assert_eq!(f.tags[0].tag_type, TagType::Unknown(4));
    assert_eq!(
        f.wechat_channels.as_ref().unwrap().source,
        WechatChannelsSource::LiveRoom
    );
    assert_eq!(f.state.as_deref(), Some("渠道A"));
}
