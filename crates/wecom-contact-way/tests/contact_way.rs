//! One test per single-call endpoint: exact method, path, token and body; decoded fields; one hit.

use serde_json::json;
use wecom_contact_way::{
    AddContactWayRequest, CloseTempChatRequest, ConclusionLink, ConclusionMiniProgram, Conclusions,
    ContactWayExt, ContactWayScene, ContactWayStyle, ContactWayType, DelContactWayRequest,
    GetContactWayRequest, UpdateContactWayRequest,
};
use wecom_core::test_util::{client, mock::mock_post, mock::mock_status};
use wecom_core::{EmptyResponse, Error};

#[tokio::test]
async fn add_contact_way_sends_every_field_and_decodes_the_answer() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/add_contact_way",
        json!({
            "type": 1,
            "scene": 2,
            "style": 1,
            "remark": "华南门店导购",
            "skip_verify": true,
            "state": "store-gz-001",
            "user": ["zhangsan"],
            "is_temp": true,
            "expires_in": 86400,
            "chat_expires_in": 172800,
            "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA",
            "is_exclusive": true,
            "mark_source": true,
            "conclusions": {
                "text": {"content": "感谢您的咨询"},
                "image": {"media_id": "MEDIA_ID_IMG"},
                "link": {
                    "title": "就诊须知",
                    "picurl": "https://example.pic.com/path",
                    "desc": "就诊前请仔细阅读",
                    "url": "https://example.link.com/path"
                },
                "miniprogram": {
                    "title": "预约挂号",
                    "pic_media_id": "MEDIA_ID_MP",
                    "appid": "wx8bd80126147dfAAA",
                    "page": "/path/index"
                }
            }
        }),
        include_str!("fixtures/add_contact_way.json"),
    )
    .await;
    let req = AddContactWayRequest::new(ContactWayType::Single, ContactWayScene::QrCode)
        .style(ContactWayStyle::Style1)
        .remark("华南门店导购")
        .skip_verify(true)
        .state("store-gz-001")
        .user(["zhangsan"])
        .temp(86_400, 172_800)
        .unionid("oxTWIuGaIt6gTKsQRLau2M0AAAA")
        .is_exclusive(true)
        .mark_source(true)
        .conclusions(
            Conclusions::new()
                .text("感谢您的咨询")
                .image("MEDIA_ID_IMG")
                .link(
                    ConclusionLink::new("就诊须知", "https://example.link.com/path")
                        .picurl("https://example.pic.com/path")
                        .desc("就诊前请仔细阅读"),
                )
                .miniprogram(ConclusionMiniProgram::new(
                    "预约挂号",
                    "MEDIA_ID_MP",
                    "wx8bd80126147dfAAA",
                    "/path/index",
                )),
        );

    let resp = client(&server.base_url())
        .contact_way()
        .add_contact_way(&req)
        .await
        .unwrap();

    assert_eq!(resp.config_id, "42b34949e138eb6e027c123cba77fad7");
    assert_eq!(
        resp.qr_code.as_deref(),
        Some("http://p.qpic.cn/wwhead/duc2TvpEgSdicZ9RrdUtBkv2UiaA/0")
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_contact_way_minimal_multi_sends_only_what_is_set() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/add_contact_way",
        json!({"type": 2, "scene": 1, "user": ["lisi", "wangwu"], "party": [2, 3]}),
        include_str!("fixtures/add_contact_way_miniprogram.json"),
    )
    .await;
    let req = AddContactWayRequest::new(ContactWayType::Multi, ContactWayScene::MiniProgram)
        .user(["lisi", "wangwu"])
        .party([2, 3]);

    let resp = client(&server.base_url())
        .contact_way()
        .add_contact_way(&req)
        .await
        .unwrap();

    assert_eq!(resp.config_id, "9ad7fa5cdaa6511298498f979c472aaa");
    assert_eq!(resp.qr_code, None);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_contact_way_is_not_resent_after_a_502() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_status(&server, "/cgi-bin/externalcontact/add_contact_way", 502).await;
    let req = AddContactWayRequest::new(ContactWayType::Single, ContactWayScene::QrCode)
        .user(["zhangsan"]);

    let err = client(&server.base_url())
        .contact_way()
        .add_contact_way(&req)
        .await
        .unwrap_err();

    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_contact_way_decodes_the_configuration() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/get_contact_way",
        json!({"config_id": "42b34949e138eb6e027c123cba77fad7"}),
        include_str!("fixtures/get_contact_way.json"),
    )
    .await;

    let way = client(&server.base_url())
        .contact_way()
        .get_contact_way(&GetContactWayRequest::new(
            "42b34949e138eb6e027c123cba77fad7",
        ))
        .await
        .unwrap()
        .contact_way;

    assert_eq!(way.config_id, "42b34949e138eb6e027c123cba77fad7");
    assert_eq!(way.r#type, ContactWayType::Single);
    assert_eq!(way.scene, ContactWayScene::QrCode);
    assert_eq!(way.style, None);
    assert_eq!(way.remark, "华南门店导购");
    assert!(way.skip_verify);
    assert_eq!(way.state, "store-gz-001");
    assert_eq!(
        way.qr_code.as_deref(),
        Some("http://p.qpic.cn/wwhead/duc2TvpEgSdicZ9RrdUtBkv2UiaA/0")
    );
    assert_eq!(way.user, ["zhangsan"]);
    assert!(way.party.is_empty());
    assert!(way.is_temp);
    assert_eq!(way.expires_in, Some(86_400));
    assert_eq!(way.chat_expires_in, Some(172_800));
    assert_eq!(way.unionid.as_deref(), Some("oxTWIuGaIt6gTKsQRLau2M0AAAA"));
    assert_eq!(way.is_exclusive, Some(false));
    assert_eq!(way.mark_source, Some(true));
    let c = way.conclusions.expect("conclusions");
    assert_eq!(
        c.text.unwrap().content,
        "感谢您的咨询，如有疑问请再次扫码联系我们"
    );
    let image = c.image.unwrap();
    assert_eq!(image.media_id, None);
    assert_eq!(
        image.pic_url.as_deref(),
        Some("http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0")
    );
    let link = c.link.unwrap();
    assert_eq!(link.title, "就诊须知");
    assert_eq!(link.picurl.as_deref(), Some("https://example.pic.com/path"));
    assert_eq!(link.desc.as_deref(), Some("就诊前请仔细阅读"));
    assert_eq!(link.url, "https://example.link.com/path");
    let mp = c.miniprogram.unwrap();
    assert_eq!(
        (
            mp.title.as_str(),
            mp.pic_media_id.as_str(),
            mp.appid.as_str(),
            mp.page.as_str()
        ),
        ("预约挂号", "MEDIA_ID", "wx8bd80126147dfAAA", "/path/index")
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn update_contact_way_sends_config_id_and_changed_fields() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/update_contact_way",
        json!({
            "config_id": "42b34949e138eb6e027c123cba77fad7",
            "remark": "华南门店导购（新）",
            "skip_verify": false,
            "style": 2,
            "state": "store-gz-002",
            "user": ["lisi"],
            "party": [5],
            "expires_in": 3600,
            "chat_expires_in": 7200,
            "unionid": "oxTWIuGaIt6gTKsQRLau2M0BBBB",
            "mark_source": false,
            "conclusions": {"text": {"content": "本次会话已结束"}}
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = UpdateContactWayRequest::new("42b34949e138eb6e027c123cba77fad7")
        .remark("华南门店导购（新）")
        .skip_verify(false)
        .style(ContactWayStyle::Style2)
        .state("store-gz-002")
        .user(["lisi"])
        .party([5])
        .expires_in(3600)
        .chat_expires_in(7200)
        .unionid("oxTWIuGaIt6gTKsQRLau2M0BBBB")
        .mark_source(false)
        .conclusions(Conclusions::new().text("本次会话已结束"));

    let resp = client(&server.base_url())
        .contact_way()
        .update_contact_way(&req)
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_contact_way_sends_the_config_id() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/del_contact_way",
        json!({"config_id": "42b34949e138eb6e027c123cba77fad7"}),
        include_str!("fixtures/ok.json"),
    )
    .await;

    let resp = client(&server.base_url())
        .contact_way()
        .del_contact_way(&DelContactWayRequest::new(
            "42b34949e138eb6e027c123cba77fad7",
        ))
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn close_temp_chat_sends_both_ids() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/close_temp_chat",
        json!({"userid": "zhangyisheng", "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"}),
        include_str!("fixtures/ok.json"),
    )
    .await;

    let resp = client(&server.base_url())
        .contact_way()
        .close_temp_chat(&CloseTempChatRequest::new(
            "zhangyisheng",
            "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
        ))
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}
