//! Get endpoints answer in WeCom's documented shape, not with what the client sent: images come back as
//! `pic_url` (docs 92228, 92366), defaults are filled in, undocumented keys are not echoed (doc 92229).

use serde_json::{json, Value};
use wecom_external_contact::{ErrCode, WecomClient};
use wecom_sandbox::{image_url_for_media, Sandbox};

const EC: &str = "/cgi-bin/externalcontact/";

async fn post(client: &WecomClient, name: &str, body: Value) -> Value {
    client
        .post_raw_idempotent(&format!("{EC}{name}"), &body)
        .await
        .unwrap()
}

#[tokio::test]
async fn get_contact_way_answers_conclusions_as_wecom_does() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let created = post(
        &client,
        "add_contact_way",
        json!({
            "type": 1, "scene": 2, "user": ["zhangsan"], "state": "store_001", "is_temp": true,
            "conclusions": {
                "text": {"content": "感谢咨询"},
                "image": {"media_id": "MEDIA_IMAGE_1"},
                "link": {"title": "会员权益", "picurl": "https://example.com/p.png",
                         "desc": "点击查看", "url": "https://example.com/vip"},
                "miniprogram": {"title": "商城", "pic_media_id": "MEDIA_COVER_1",
                                "appid": "wx8bd80126147dfAAA", "page": "/pages/index"},
            },
            "not_a_wecom_field": 1,
        }),
    )
    .await;
    let config_id = created["config_id"].as_str().unwrap();
    let qr_code = created["qr_code"].as_str().unwrap();
    let got = post(&client, "get_contact_way", json!({"config_id": config_id})).await;
    assert_eq!(
        got["contact_way"],
        json!({
            "config_id": config_id,
            "type": 1,
            "scene": 2,
            "remark": "",
            "skip_verify": true,
            "state": "store_001",
            "qr_code": qr_code,
            "user": ["zhangsan"],
            "party": [],
            "is_temp": true,
            "expires_in": 7 * 86_400,
            "chat_expires_in": 86_400,
            "conclusions": {
                "text": {"content": "感谢咨询"},
                "image": {"pic_url": image_url_for_media("MEDIA_IMAGE_1")},
                "link": {"title": "会员权益", "picurl": "https://example.com/p.png",
                         "desc": "点击查看", "url": "https://example.com/vip"},
                "miniprogram": {"title": "商城", "pic_media_id": "MEDIA_COVER_1",
                                "appid": "wx8bd80126147dfAAA", "page": "/pages/index"},
            },
        })
    );
    assert_ne!(
        image_url_for_media("MEDIA_IMAGE_1"),
        image_url_for_media("MEDIA_IMAGE_2")
    );
}

#[tokio::test]
async fn get_join_way_answers_documented_fields_with_defaults() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let chats = post(&client, "groupchat/list", json!({"limit": 2})).await;
    let chat_id = chats["group_chat_list"][0]["chat_id"].as_str().unwrap();
    let created = post(
        &client,
        "groupchat/add_join_way",
        json!({"scene": 2, "chat_id_list": [chat_id], "remark": "门店", "not_a_wecom_field": 1}),
    )
    .await;
    let config_id = created["config_id"].as_str().unwrap();
    let got = post(
        &client,
        "groupchat/get_join_way",
        json!({"config_id": config_id}),
    )
    .await;
    assert_eq!(
        got["join_way"],
        json!({
            "config_id": config_id,
            "scene": 2,
            "remark": "门店",
            "auto_create_room": 1,
            "chat_id_list": [chat_id],
            "state": "",
            "mark_source": true,
            "qr_code": format!("https://wework.qpic.cn/wwpic/sandbox/{config_id}/0"),
        })
    );
}

#[tokio::test]
async fn update_join_way_overwrites_the_whole_configuration() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let chats = post(&client, "groupchat/list", json!({"limit": 2})).await;
    let first = chats["group_chat_list"][0]["chat_id"].as_str().unwrap();
    let second = chats["group_chat_list"][1]["chat_id"].as_str().unwrap();
    let created = post(
        &client,
        "groupchat/add_join_way",
        json!({"scene": 2, "chat_id_list": [first], "remark": "门店", "state": "s1"}),
    )
    .await;
    let config_id = created["config_id"].as_str().unwrap();
    post(
        &client,
        "groupchat/update_join_way",
        json!({"config_id": config_id, "scene": 1, "chat_id_list": [second]}),
    )
    .await;
    let got = post(
        &client,
        "groupchat/get_join_way",
        json!({"config_id": config_id}),
    )
    .await;
    assert_eq!(
        got["join_way"],
        json!({
            "config_id": config_id,
            "scene": 1,
            "remark": "",
            "auto_create_room": 1,
            "chat_id_list": [second],
            "state": "",
            "mark_source": true,
        })
    );
    let partial = client
        .post_raw(
            "/cgi-bin/externalcontact/groupchat/update_join_way",
            &json!({"config_id": config_id, "remark": "只改备注"}),
        )
        .await
        .unwrap_err();
    assert_eq!(partial.code(), Some(ErrCode(40058)), "{partial}");
}

#[tokio::test]
async fn group_welcome_template_get_answers_pic_url_and_one_attachment() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let created = post(
        &client,
        "group_welcome_template/add",
        json!({
            "text": {"content": "亲爱的%NICKNAME%，欢迎入群"},
            "image": {"media_id": "MEDIA_WELCOME", "pic_url": "https://p.qpic.cn/sent"},
            "link": {"title": "群规", "url": "https://example.com/rules"},
            "agentid": 1000014,
            "notify": 1,
        }),
    )
    .await;
    let template_id = created["template_id"].as_str().unwrap();
    let got = post(
        &client,
        "group_welcome_template/get",
        json!({"template_id": template_id}),
    )
    .await;
    let mut answer = got.as_object().unwrap().clone();
    answer.remove("errcode");
    answer.remove("errmsg");
    // media_id wins over pic_url, and image over link (按image、link、miniprogram、file、video的优先顺序).
    assert_eq!(
        Value::Object(answer),
        json!({
            "text": {"content": "亲爱的%NICKNAME%，欢迎入群"},
            "image": {"pic_url": image_url_for_media("MEDIA_WELCOME")},
        })
    );
}
