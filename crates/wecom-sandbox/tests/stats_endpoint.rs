//! `GET /sandbox/stats` shows, over plain HTTP and without a token, what the sandbox was asked and what
//! it created and sent, so apps in any language can prove exactly-once.

use serde_json::{json, Value};
use wecom_sandbox::Sandbox;

const EC: &str = "/cgi-bin/externalcontact/";

async fn stats(sandbox: &Sandbox) -> Value {
    let response = reqwest::get(format!("{}/sandbox/stats", sandbox.base_url()))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    serde_json::from_slice(&response.bytes().await.unwrap()).unwrap()
}

#[tokio::test]
async fn stats_count_hits_creations_and_sends() {
    let sandbox = Sandbox::start().await.unwrap();
    let empty = stats(&sandbox).await;
    assert_eq!(empty["total_hits"], 0, "reading the stats is not a hit");
    assert_eq!(empty["hits"], json!({}));

    let client = sandbox.client_builder().build().unwrap();
    let follow_users = format!("{EC}get_follow_user_list");
    client.get_raw(&follow_users, &[]).await.unwrap();
    client.get_raw(&follow_users, &[]).await.unwrap();
    client
        .post_raw(
            &format!("{EC}add_msg_template"),
            &json!({"chat_type": "single", "sender": "zhangsan", "text": {"content": "双十一"}}),
        )
        .await
        .unwrap();
    client
        .post_raw(
            &format!("{EC}add_contact_way"),
            &json!({"type": 1, "scene": 2, "user": ["zhangsan"]}),
        )
        .await
        .unwrap();
    client
        .post_raw(
            &format!("{EC}add_corp_tag"),
            &json!({"group_name": "会员等级", "tag": [{"name": "金卡"}, {"name": "银卡"}]}),
        )
        .await
        .unwrap();
    let code = sandbox.issue_welcome_code("zhangsan", "wm_not_a_customer");
    let send = json!({"welcome_code": code, "text": {"content": "你好"}});
    client
        .post_raw(&format!("{EC}send_welcome_msg"), &send)
        .await
        .unwrap();
    // The code was used: a second send is refused and sends nothing.
    client
        .post_raw(&format!("{EC}send_welcome_msg"), &send)
        .await
        .unwrap_err();

    let after = stats(&sandbox).await;
    assert_eq!(
        after["hits"],
        json!({
            "/cgi-bin/gettoken": 1,
            "/cgi-bin/externalcontact/get_follow_user_list": 2,
            "/cgi-bin/externalcontact/add_msg_template": 1,
            "/cgi-bin/externalcontact/add_contact_way": 1,
            "/cgi-bin/externalcontact/add_corp_tag": 1,
            "/cgi-bin/externalcontact/send_welcome_msg": 2,
        })
    );
    assert_eq!(after["total_hits"], 8);
    assert_eq!(
        after["created"],
        json!({
            "contact_ways": 1,
            "join_ways": 0,
            "tag_groups": 1,
            "tags": 2,
            "mass_messages": 1,
            "group_welcome_templates": 0,
        })
    );
    assert_eq!(after["sent"], json!({"welcome_messages": 1}));
    assert_eq!(
        after["limit_rejections"],
        json!({"concurrent": 0, "frequency": 0})
    );
    let now = after["now"].as_i64().unwrap();
    assert!(
        (now - sandbox.clock().now()).abs() <= 1,
        "the sandbox's clock"
    );
    assert_eq!(sandbox.mass_messages_created(), 1);
    assert_eq!(sandbox.welcome_messages_sent(), 1);
}
