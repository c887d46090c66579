//! Every created object's time and every time rule read the sandbox's clock, and the generated history
//! lies in the clock's recent past.

use std::time::Duration;

use serde_json::{json, Value};
use wecom_external_contact::{ErrCode, WecomClient};
use wecom_sandbox::{Clock, Sandbox, SandboxConfig};

const EC: &str = "/cgi-bin/externalcontact/";
const DAY: i64 = 86_400;
/// 2026-03-15 10:30:00 +08:00.
const T0: i64 = 1_773_541_800;
/// 0:00 +08:00 of T0's day.
const T0_DAY: i64 = 1_773_504_000;

async fn fixed_at(t: i64) -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        clock: Clock::fixed(t),
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

async fn post(client: &WecomClient, name: &str, body: Value) -> Value {
    client
        .post_raw(&format!("{EC}{name}"), &body)
        .await
        .unwrap()
}

#[tokio::test]
async fn tag_groups_created_a_second_apart_are_a_second_apart() {
    let sandbox = fixed_at(T0).await;
    let client = sandbox.client_builder().build().unwrap();
    let first = post(
        &client,
        "add_corp_tag",
        json!({"group_name": "会员等级", "tag": [{"name": "金卡"}]}),
    )
    .await;
    sandbox.clock().advance(Duration::from_secs(1));
    let second = post(
        &client,
        "add_corp_tag",
        json!({"group_name": "购买意向", "tag": [{"name": "高"}]}),
    )
    .await;
    let ids = [&first, &second].map(|g| g["tag_group"]["group_id"].clone());
    let listed = post(&client, "get_corp_tag_list", json!({"group_id": ids})).await;
    let times: Vec<(i64, i64)> = listed["tag_group"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let group = g["create_time"].as_i64().unwrap();
            (group, g["tag"][0]["create_time"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(times, [(T0, T0), (T0 + 1, T0 + 1)]);
}

#[tokio::test]
async fn a_real_clock_stamps_objects_with_the_present() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let before = sandbox.clock().now();
    let created = post(
        &client,
        "add_corp_tag",
        json!({"group_name": "会员等级", "tag": [{"name": "金卡"}]}),
    )
    .await;
    let stamped = created["tag_group"]["create_time"].as_i64().unwrap();
    assert!((before..=sandbox.clock().now()).contains(&stamped));
}

#[tokio::test]
async fn a_welcome_code_expires_20_seconds_later_on_the_clock() {
    let sandbox = fixed_at(T0).await;
    let client = sandbox.client_builder().build().unwrap();
    let send = |code: String| json!({"welcome_code": code, "text": {"content": "你好"}});
    let in_time = sandbox.issue_welcome_code("zhangsan", "wm_any");
    sandbox.clock().advance(Duration::from_secs(20));
    post(&client, "send_welcome_msg", send(in_time)).await;
    let late = sandbox.issue_welcome_code("zhangsan", "wm_any");
    sandbox.clock().advance(Duration::from_millis(20_001));
    let err = client
        .post_raw(&format!("{EC}send_welcome_msg"), &send(late))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(41051)));
    assert_eq!(sandbox.welcome_messages_sent(), 1);
}

#[tokio::test]
async fn mass_messages_are_stamped_and_listed_by_the_clock() {
    let sandbox = fixed_at(T0).await;
    let client = sandbox.client_builder().build().unwrap();
    let msgid = post(
        &client,
        "add_msg_template",
        json!({"chat_type": "single", "sender": "zhangsan", "text": {"content": "上新"}}),
    )
    .await["msgid"]
        .clone();
    let listed = post(
        &client,
        "get_groupmsg_list_v2",
        json!({"chat_type": "single", "start_time": T0 - DAY, "end_time": T0}),
    )
    .await;
    let list = listed["group_msg_list"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["msgid"], msgid);
    assert_eq!(list[0]["create_time"], T0.to_string());
    let tasks = post(&client, "get_groupmsg_task", json!({"msgid": msgid})).await;
    assert_eq!(tasks["task_list"][0]["send_time"], T0);
}

#[tokio::test]
async fn the_history_ends_at_midnight_of_the_clocks_day() {
    let sandbox = fixed_at(T0).await;
    let client = sandbox.client_builder().build().unwrap();
    let users: Vec<String> = sandbox.follow_users().into_iter().map(|(u, _)| u).collect();
    let mut cursor = String::new();
    let mut times = Vec::new();
    loop {
        let page = post(
            &client,
            "batch/get_by_user",
            json!({"userid_list": users, "cursor": cursor, "limit": 100}),
        )
        .await;
        for item in page["external_contact_list"].as_array().unwrap() {
            times.push(item["follow_info"]["createtime"].as_i64().unwrap());
        }
        cursor = page["next_cursor"].as_str().unwrap().to_owned();
        if cursor.is_empty() {
            break;
        }
    }
    assert_eq!(times.len(), 1_000);
    let history = T0_DAY - 180 * DAY..T0_DAY;
    assert!(times.iter().all(|t| history.contains(t)), "{times:?}");
    let last_30_days = times.iter().filter(|&&t| t >= T0_DAY - 30 * DAY).count();
    assert!(
        (100..=250).contains(&last_30_days),
        "spread over the history: {last_30_days} of 1000 in its last 30 days"
    );
}
