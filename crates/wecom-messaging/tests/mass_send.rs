//! add_msg_template, remind_groupmsg_send, cancel_groupmsg_send: bodies, answers, validation, and the
//! promise that a mass message is never sent twice.

use std::sync::Arc;
use std::time::Duration;

use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, client, fast_retries, wecom_error, TEST_TOKEN};
use wecom_core::{ErrCode, Error, StaticToken, WecomClient};
use wecom_messaging::{AddMsgTemplateRequest, Attachment, ChatType, Link, MessagingExt, TagFilter};

const PATH: &str = "/cgi-bin/externalcontact/add_msg_template";
const REMIND: &str = "/cgi-bin/externalcontact/remind_groupmsg_send";
const CANCEL: &str = "/cgi-bin/externalcontact/cancel_groupmsg_send";

fn full_request() -> AddMsgTemplateRequest {
    AddMsgTemplateRequest::to_customers([
        "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
        "wmqfasd1e1927831123109rBAAAA",
    ])
    .chat_id_list(["wr2GCAAAXtWyujaWJHDDGasdadAAA"])
    .tag_filter(TagFilter::new([
        vec!["ete19278asuMT123109rBAAAA", "ete19MT12278109UYteaBAAAA"],
        vec!["eteIlKKHSDfuMT18Kg9rBAAAA"],
    ]))
    .sender("zhangsan")
    .allow_select(true)
    .text("文本消息内容")
    .attachment(Attachment::image_media("MEDIA_ID"))
    .attachment(
        Link::new("消息标题", "https://example.link.com/path")
            .picurl("https://example.pic.com/path")
            .desc("消息描述"),
    )
    .attachment(Attachment::miniprogram(
        "消息标题",
        "MEDIA_ID",
        "wx8bd80126147dfAAA",
        "/path/index.html",
    ))
    .attachment(Attachment::video("VIDEO_MEDIA_ID"))
    .attachment(Attachment::file("FILE_MEDIA_ID"))
}

fn full_body() -> serde_json::Value {
    json!({
        "chat_type": "single",
        "external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "wmqfasd1e1927831123109rBAAAA"],
        "chat_id_list": ["wr2GCAAAXtWyujaWJHDDGasdadAAA"],
        "tag_filter": {"group_list": [
            {"tag_list": ["ete19278asuMT123109rBAAAA", "ete19MT12278109UYteaBAAAA"]},
            {"tag_list": ["eteIlKKHSDfuMT18Kg9rBAAAA"]}
        ]},
        "sender": "zhangsan",
        "allow_select": true,
        "text": {"content": "文本消息内容"},
        "attachments": [
            {"msgtype": "image", "image": {"media_id": "MEDIA_ID"}},
            {"msgtype": "link", "link": {
                "title": "消息标题", "picurl": "https://example.pic.com/path",
                "desc": "消息描述", "url": "https://example.link.com/path"}},
            {"msgtype": "miniprogram", "miniprogram": {
                "title": "消息标题", "pic_media_id": "MEDIA_ID",
                "appid": "wx8bd80126147dfAAA", "page": "/path/index.html"}},
            {"msgtype": "video", "video": {"media_id": "VIDEO_MEDIA_ID"}},
            {"msgtype": "file", "file": {"media_id": "FILE_MEDIA_ID"}}
        ]
    })
}

#[tokio::test]
async fn add_msg_template_sends_exact_body_and_decodes_answer() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        PATH,
        full_body(),
        include_str!("fixtures/add_msg_template.json"),
    )
    .await;
    let client = client(&server.base_url());
    let resp = client
        .messaging()
        .add_msg_template(&full_request())
        .await
        .unwrap();
    assert_eq!(resp.msgid, "msgGCAAAXtWyujaWJHDDGi0mACAAAA");
    assert_eq!(resp.fail_list, vec!["wmqfasd1e1927831291723123109rAAA"]);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_msg_template_to_groups_sends_only_given_fields() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        PATH,
        json!({
            "chat_type": "group",
            "chat_id_list": ["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"],
            "sender": "lisi",
            "text": {"content": "本周六门店会员日，全场八折"}
        }),
        include_str!("fixtures/add_msg_template.json"),
    )
    .await;
    let req = AddMsgTemplateRequest::to_groups("lisi")
        .chat_id_list(["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"])
        .text("本周六门店会员日，全场八折");
    assert_eq!(req.chat_type, ChatType::Group);
    let resp = client(&server.base_url())
        .messaging()
        .add_msg_template(&req)
        .await
        .unwrap();
    assert_eq!(resp.msgid, "msgGCAAAXtWyujaWJHDDGi0mACAAAA");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_msg_template_502_is_not_resent() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, PATH, 502).await;
    let err = client(&server.base_url())
        .messaging()
        .add_msg_template(&full_request())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_msg_template_system_busy_is_not_resent() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(&server, PATH, r#"{"errcode":-1,"errmsg":"system busy"}"#).await;
    let err = client(&server.base_url())
        .messaging()
        .add_msg_template(&full_request())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::SYSTEM_BUSY));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_msg_template_with_no_sendable_customer_is_errcode_41048_and_not_resent() {
    // None of the listed customers can receive it (not the sender's customers, or past their
    // monthly quota): WeCom answers 41048 (无可发送的客户). The SDK does not send it again.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        PATH,
        json!({
            "chat_type": "single",
            "external_userid": ["wmqfasd1e1927831123109rBAAAA"],
            "sender": "zhangsan",
            "text": {"content": "本周六门店会员日，全场八折"}
        }),
        &wecom_error(41048, "no customer to send"),
    )
    .await;
    let req = AddMsgTemplateRequest::to_customers(["wmqfasd1e1927831123109rBAAAA"])
        .sender("zhangsan")
        .text("本周六门店会员日，全场八折");
    let result = client(&server.base_url())
        .messaging()
        .add_msg_template(&req)
        .await;
    assert_api_error(result, 41048, PATH);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_msg_template_timeout_is_not_resent() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(httpmock::Method::POST)
                .path(PATH)
                .query_param("access_token", TEST_TOKEN);
            then.status(200)
                .header("content-type", "application/json")
                .body(include_str!("fixtures/add_msg_template.json"))
                .delay(Duration::from_millis(1_000));
        })
        .await;
    let client = WecomClient::builder()
        .base_url(server.base_url())
        .token_provider(Arc::new(StaticToken::new(TEST_TOKEN)))
        .timeout(Duration::from_millis(200))
        .retry_policy(fast_retries())
        .build()
        .unwrap();
    let err = client
        .messaging()
        .add_msg_template(&full_request())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    // Give a (wrong) retry time to arrive before counting.
    tokio::time::sleep(Duration::from_millis(300)).await;
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_msg_template_rejects_ten_attachments_before_sending() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(
        &server,
        PATH,
        include_str!("fixtures/add_msg_template.json"),
    )
    .await;
    let req = AddMsgTemplateRequest::to_customers(["wmqfasd1e1927831123109rBAAAA"])
        .attachments((0..10).map(|i| Attachment::image_media(format!("MEDIA_{i}"))));
    let err = client(&server.base_url())
        .messaging()
        .add_msg_template(&req)
        .await
        .unwrap_err();
    match err {
        Error::InvalidRequest(msg) => {
            assert!(msg.contains("attachments") && msg.contains('9'), "{msg}")
        }
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    mock.assert_calls_async(0).await;

    // Nine is allowed.
    let nine = AddMsgTemplateRequest::to_customers(["wmqfasd1e1927831123109rBAAAA"])
        .attachments((0..9).map(|i| Attachment::image_media(format!("MEDIA_{i}"))));
    assert!(nine.check().is_ok());
}

#[tokio::test]
async fn add_msg_template_rejects_empty_content_before_sending() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(
        &server,
        PATH,
        include_str!("fixtures/add_msg_template.json"),
    )
    .await;
    let empty = AddMsgTemplateRequest::to_customers(["wmqfasd1e1927831123109rBAAAA"]);
    let err = client(&server.base_url())
        .messaging()
        .add_msg_template(&empty)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("empty")),
        "{err:?}"
    );
    // An empty string is no content either.
    assert!(empty.clone().text("").check().is_err());
    // A lone attachment is content.
    assert!(empty.attachment(Attachment::file("FILE")).check().is_ok());
    mock.assert_calls_async(0).await;
}

#[test]
fn add_msg_template_checks_sender_text_and_recipient_limits() {
    let no_sender = AddMsgTemplateRequest::new(ChatType::Group).text("群发");
    assert!(matches!(no_sender.check(), Err(Error::InvalidRequest(m)) if m.contains("sender")));

    let long_text = AddMsgTemplateRequest::to_customers(["wm1"]).text("好".repeat(1_334)); // 4002 bytes
    assert!(
        matches!(long_text.check(), Err(Error::InvalidRequest(m)) if m.contains("text.content"))
    );
    let max_text = AddMsgTemplateRequest::to_customers(["wm1"]).text("a".repeat(4_000));
    assert!(max_text.check().is_ok());

    let long_title = AddMsgTemplateRequest::to_customers(["wm1"])
        .attachment(Attachment::link("标".repeat(43), "https://example.com")); // 129 bytes
    assert!(
        matches!(long_title.check(), Err(Error::InvalidRequest(m)) if m.contains("attachments[0].link.title"))
    );

    let too_many =
        AddMsgTemplateRequest::to_customers((0..10_001).map(|i| format!("wm{i}"))).text("hi");
    assert!(
        matches!(too_many.check(), Err(Error::InvalidRequest(m)) if m.contains("external_userid"))
    );
    let too_many_chats = AddMsgTemplateRequest::to_groups("zhangsan")
        .chat_id_list((0..2_001).map(|i| format!("wr{i}")))
        .text("hi");
    assert!(
        matches!(too_many_chats.check(), Err(Error::InvalidRequest(m)) if m.contains("chat_id_list"))
    );
}

#[tokio::test]
async fn remind_groupmsg_send_sends_msgid() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/remind_groupmsg_send",
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA"}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    client(&server.base_url())
        .messaging()
        .remind_groupmsg_send("msgGCAAAXtWyujaWJHDDGi0mACAAAA")
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn remind_groupmsg_send_502_is_not_resent() {
    let server = MockServer::start_async().await;
    let mock = mock_status(
        &server,
        "/cgi-bin/externalcontact/remind_groupmsg_send",
        502,
    )
    .await;
    let err = client(&server.base_url())
        .messaging()
        .remind_groupmsg_send("msgGCAAAXtWyujaWJHDDGi0mACAAAA")
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn remind_groupmsg_send_with_an_invalid_msgid_is_errcode_41047_and_not_resent() {
    // A msgid WeCom does not know as a corp mass message answers 41047 (无效的企业群发消息id).
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        REMIND,
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACZZZZ"}),
        &wecom_error(41047, "invalid msgid"),
    )
    .await;
    let result = client(&server.base_url())
        .messaging()
        .remind_groupmsg_send("msgGCAAAXtWyujaWJHDDGi0mACZZZZ")
        .await;
    assert_api_error(result, 41047, REMIND);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn cancel_groupmsg_send_sends_msgid() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/cancel_groupmsg_send",
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA"}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    client(&server.base_url())
        .messaging()
        .cancel_groupmsg_send("msgGCAAAXtWyujaWJHDDGi0mACAAAA")
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn cancel_groupmsg_send_is_retried_on_502() {
    let server = MockServer::start_async().await;
    let mock = mock_status(
        &server,
        "/cgi-bin/externalcontact/cancel_groupmsg_send",
        502,
    )
    .await;
    let err = client(&server.base_url())
        .messaging()
        .cancel_groupmsg_send("msgGCAAAXtWyujaWJHDDGi0mACAAAA")
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(3).await;
}

#[tokio::test]
async fn cancel_groupmsg_send_with_an_invalid_msgid_is_errcode_41047() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CANCEL,
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACZZZZ"}),
        &wecom_error(41047, "invalid msgid"),
    )
    .await;
    let result = client(&server.base_url())
        .messaging()
        .cancel_groupmsg_send("msgGCAAAXtWyujaWJHDDGi0mACZZZZ")
        .await;
    assert_api_error(result, 41047, CANCEL);
    // Idempotent, yet a business errcode is final: one call, unlike the 502 (three).
    mock.assert_calls_async(1).await;
}
