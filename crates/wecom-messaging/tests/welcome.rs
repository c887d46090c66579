//! send_welcome_msg and the group welcome template endpoints.

use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_core::{ErrCode, Error};
use wecom_messaging::{
    AddGroupWelcomeTemplateRequest, Attachment, DelGroupWelcomeTemplateRequest,
    EditGroupWelcomeTemplateRequest, GetGroupWelcomeTemplateRequest, GroupWelcomeContent, Image,
    Link, MessagingExt, MiniProgram, Notify, SendWelcomeMsgRequest,
};

const SEND: &str = "/cgi-bin/externalcontact/send_welcome_msg";
const ADD: &str = "/cgi-bin/externalcontact/group_welcome_template/add";
const EDIT: &str = "/cgi-bin/externalcontact/group_welcome_template/edit";
const GET: &str = "/cgi-bin/externalcontact/group_welcome_template/get";
const DEL: &str = "/cgi-bin/externalcontact/group_welcome_template/del";

fn welcome() -> SendWelcomeMsgRequest {
    SendWelcomeMsgRequest::new("CALLBACK_CODE")
        .text("您好，我是您的专属顾问张三，有问题随时找我")
        .attachment(Attachment::image_url(
            "http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0",
        ))
        .attachment(Attachment::link(
            "新客礼包",
            "https://example.link.com/gift",
        ))
}

#[tokio::test]
async fn send_welcome_msg_sends_exact_body() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        SEND,
        json!({
            "welcome_code": "CALLBACK_CODE",
            "text": {"content": "您好，我是您的专属顾问张三，有问题随时找我"},
            "attachments": [
                {"msgtype": "image", "image": {"pic_url": "http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0"}},
                {"msgtype": "link", "link": {"title": "新客礼包", "url": "https://example.link.com/gift"}}
            ]
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    client(&server.base_url())
        .messaging()
        .send_welcome_msg(&welcome())
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn send_welcome_msg_502_is_not_resent() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, SEND, 502).await;
    let err = client(&server.base_url())
        .messaging()
        .send_welcome_msg(&welcome())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn send_welcome_msg_used_code_is_a_typed_error() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(&server, SEND, include_str!("fixtures/errcode_41051.json")).await;
    let err = client(&server.base_url())
        .messaging()
        .send_welcome_msg(&welcome())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(41051)));
    match &err {
        Error::Api { message, path, .. } => {
            assert!(
                message.contains("externaluser has started chatting"),
                "{message}"
            );
            assert_eq!(path, SEND);
        }
        other => panic!("expected Api, got {other:?}"),
    }
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn send_welcome_msg_is_validated_before_sending() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(&server, SEND, include_str!("fixtures/ok.json")).await;
    let api_client = client(&server.base_url());
    let ten = SendWelcomeMsgRequest::new("CALLBACK_CODE")
        .attachments((0..10).map(|i| Attachment::video(format!("VIDEO_{i}"))));
    let empty = SendWelcomeMsgRequest::new("CALLBACK_CODE");
    let no_code = SendWelcomeMsgRequest::new("").text("欢迎");
    for bad in [ten, empty, no_code] {
        let err = api_client
            .messaging()
            .send_welcome_msg(&bad)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{bad:?}: {err:?}");
    }
    mock.assert_calls_async(0).await;
}

#[tokio::test]
async fn add_group_welcome_template_sends_exact_body_and_decodes() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({
            "text": {"content": "亲爱的%NICKNAME%用户，你好"},
            "miniprogram": {
                "title": "消息标题", "pic_media_id": "MEDIA_ID",
                "appid": "wx8bd80126147dfAAA", "page": "/path/index"
            },
            "agentid": 1000014,
            "notify": 1
        }),
        include_str!("fixtures/add_group_welcome_template.json"),
    )
    .await;
    let req = AddGroupWelcomeTemplateRequest::new(
        GroupWelcomeContent::default()
            .text("亲爱的%NICKNAME%用户，你好")
            .miniprogram(MiniProgram::new(
                "消息标题",
                "MEDIA_ID",
                "wx8bd80126147dfAAA",
                "/path/index",
            )),
    )
    .agentid(1000014)
    .notify(Notify::Notify);
    let resp = client(&server.base_url())
        .messaging()
        .add_group_welcome_template(&req)
        .await
        .unwrap();
    assert_eq!(resp.template_id, "msgXXXXXXX");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_group_welcome_template_502_is_not_resent() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, ADD, 502).await;
    let req = AddGroupWelcomeTemplateRequest::new(GroupWelcomeContent::default().text("欢迎"));
    let err = client(&server.base_url())
        .messaging()
        .add_group_welcome_template(&req)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn group_welcome_templates_are_validated_before_sending() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(
        &server,
        ADD,
        include_str!("fixtures/add_group_welcome_template.json"),
    )
    .await;
    let api_client = client(&server.base_url());
    let two_kinds = GroupWelcomeContent::default()
        .file("FILE_MEDIA_ID")
        .video("VIDEO_MEDIA_ID");
    let long_text = GroupWelcomeContent::default().text("好".repeat(1_001)); // 3003 bytes
    for bad in [GroupWelcomeContent::default(), two_kinds.clone(), long_text] {
        let err = api_client
            .messaging()
            .add_group_welcome_template(&AddGroupWelcomeTemplateRequest::new(bad.clone()))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{bad:?}: {err:?}");
    }
    mock.assert_calls_async(0).await;
    assert!(
        EditGroupWelcomeTemplateRequest::new("msgXXXXXXX", two_kinds)
            .check()
            .is_err()
    );
    assert!(
        EditGroupWelcomeTemplateRequest::new("", GroupWelcomeContent::default())
            .check()
            .is_err()
    );
    assert!(AddGroupWelcomeTemplateRequest::new(
        GroupWelcomeContent::default().text("a".repeat(3_000))
    )
    .check()
    .is_ok());
}

#[tokio::test]
async fn edit_group_welcome_template_sends_exact_body() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/group_welcome_template/edit",
        json!({
            "template_id": "msgXXXXXXX",
            "text": {"content": "欢迎加入会员群，群公告里有福利"},
            "link": {
                "title": "会员福利", "picurl": "https://example.pic.com/path",
                "desc": "每周三会员日", "url": "https://example.link.com/path"
            }
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = EditGroupWelcomeTemplateRequest::new(
        "msgXXXXXXX",
        GroupWelcomeContent::default()
            .text("欢迎加入会员群，群公告里有福利")
            .link(
                Link::new("会员福利", "https://example.link.com/path")
                    .picurl("https://example.pic.com/path")
                    .desc("每周三会员日"),
            ),
    );
    client(&server.base_url())
        .messaging()
        .edit_group_welcome_template(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_group_welcome_template_decodes_content() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/group_welcome_template/get",
        json!({"template_id": "msgXXXXXXX"}),
        include_str!("fixtures/get_group_welcome_template.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .messaging()
        .get_group_welcome_template(&GetGroupWelcomeTemplateRequest::new("msgXXXXXXX"))
        .await
        .unwrap();
    assert_eq!(
        resp.text.as_ref().unwrap().content,
        "亲爱的%NICKNAME%用户，欢迎加入会员群"
    );
    assert_eq!(
        resp.image,
        Some(Image {
            media_id: None,
            pic_url: Some("http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0".into()),
        })
    );
    assert!(resp.link.is_none() && resp.miniprogram.is_none());
    assert!(resp.file.is_none() && resp.video.is_none());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_group_welcome_template_sends_exact_body() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/group_welcome_template/del",
        json!({"template_id": "msgXXXXXXX", "agentid": 1000014}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    client(&server.base_url())
        .messaging()
        .del_group_welcome_template(
            &DelGroupWelcomeTemplateRequest::new("msgXXXXXXX").agentid(1000014),
        )
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_group_welcome_template_over_the_100_limit_is_errcode_41055_and_not_resent() {
    // The corp's library holds at most 100 templates; one more answers 41055
    // (群欢迎语模板数量达到上限). Nothing was created, and the call is not repeated.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({"text": {"content": "欢迎加入会员群"}, "notify": 0}),
        &wecom_error(41055, "group welcome template count exceed limit"),
    )
    .await;
    let req =
        AddGroupWelcomeTemplateRequest::new(GroupWelcomeContent::default().text("欢迎加入会员群"))
            .notify(Notify::Silent);
    let result = client(&server.base_url())
        .messaging()
        .add_group_welcome_template(&req)
        .await;
    assert_api_error(result, 41055, ADD);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn edit_group_welcome_template_of_another_app_is_errcode_40058() {
    // An app may edit only the templates it created; another template_id is an invalid parameter.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        EDIT,
        json!({"template_id": "msgYYYYYYY", "text": {"content": "新的欢迎语"}}),
        &wecom_error(40058, "invalid Request Parameter"),
    )
    .await;
    let req = EditGroupWelcomeTemplateRequest::new(
        "msgYYYYYYY",
        GroupWelcomeContent::default().text("新的欢迎语"),
    );
    let result = client(&server.base_url())
        .messaging()
        .edit_group_welcome_template(&req)
        .await;
    assert_api_error(result, 40058, EDIT);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_group_welcome_template_with_an_unknown_template_id_is_errcode_40058() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        GET,
        json!({"template_id": "msgDELETED"}),
        &wecom_error(40058, "invalid Request Parameter"),
    )
    .await;
    let result = client(&server.base_url())
        .messaging()
        .get_group_welcome_template(&GetGroupWelcomeTemplateRequest::new("msgDELETED"))
        .await;
    assert_api_error(result, 40058, GET);
    // A business errcode is final: the idempotent read is not retried.
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_group_welcome_template_without_api_permission_is_errcode_48002() {
    // A token of an app that is not among 「客户联系」's 可调用接口的应用 answers 48002.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        DEL,
        json!({"template_id": "msgXXXXXXX"}),
        &wecom_error(48002, "api forbidden"),
    )
    .await;
    let result = client(&server.base_url())
        .messaging()
        .del_group_welcome_template(&DelGroupWelcomeTemplateRequest::new("msgXXXXXXX"))
        .await;
    assert_api_error(result, 48002, DEL);
    mock.assert_calls_async(1).await;
}
