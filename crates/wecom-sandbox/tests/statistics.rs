//! Statistics are derived from the sandbox's own customers, chats and messages, not from the request.

use std::collections::BTreeMap;

use serde_json::{json, Value};
use wecom_external_contact::WecomClient;
use wecom_sandbox::{Clock, Sandbox, SandboxConfig};

const DAY: i64 = 86_400;
const EC: &str = "/cgi-bin/externalcontact/";
/// 2001-01-01 00:00 +08:00, long before any generated customer.
const Y2001: i64 = 978_278_400;
/// 2026-03-15 10:30:00 +08:00, and 0:00 of that day.
const T0: i64 = 1_773_541_800;
const T0_DAY: i64 = 1_773_504_000;
/// The 30 days before T0's day.
const FROM: i64 = T0_DAY - 30 * DAY;
/// add_way values of a request the member sent (搜索手机号, 群聊, 通讯录, 微信联系人, 邮箱, 共享, 分配).
const MEMBER_REQUESTS: [i64; 7] = [2, 4, 5, 6, 9, 201, 202];

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
        .post_raw_idempotent(&format!("{EC}{name}"), &body)
        .await
        .unwrap()
}

#[tokio::test]
async fn nothing_happened_in_2001() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let users: Vec<String> = sandbox.follow_users().into_iter().map(|(u, _)| u).collect();
    let behavior = post(
        &client,
        "get_user_behavior_data",
        json!({"userid": users, "start_time": Y2001, "end_time": Y2001 + 6 * DAY}),
    )
    .await;
    let expected: Vec<Value> = (0..7)
        .map(|d| {
            json!({
                "stat_time": Y2001 + d * DAY,
                "chat_cnt": 0,
                "message_cnt": 0,
                "negative_feedback_cnt": 0,
                "new_apply_cnt": 0,
                "new_contact_cnt": 0,
            })
        })
        .collect();
    assert_eq!(behavior["behavior_data"], json!(expected));

    let zero = json!({
        "new_chat_cnt": 0, "chat_total": 0, "chat_has_msg": 0, "new_member_cnt": 0,
        "member_total": 0, "member_has_msg": 0, "msg_total": 0, "migrate_trainee_chat_cnt": 0,
    });
    let by_owner = post(
        &client,
        "groupchat/statistic",
        json!({"day_begin_time": Y2001, "day_end_time": Y2001 + 2 * DAY, "limit": 1000}),
    )
    .await;
    let items = by_owner["items"].as_array().unwrap();
    assert_eq!(items.len(), users.len());
    assert!(items.iter().all(|i| i["data"] == zero), "{by_owner}");

    let by_day = post(
        &client,
        "groupchat/statistic_group_by_day",
        json!({"day_begin_time": Y2001, "day_end_time": Y2001 + 2 * DAY}),
    )
    .await;
    let expected: Vec<Value> = (0..3)
        .map(|d| json!({"stat_time": Y2001 + d * DAY, "data": zero}))
        .collect();
    assert_eq!(by_day["items"], json!(expected));
}

/// Every (userid, createtime, add_way) of the follow relations, read through batch/get_by_user.
async fn follows(client: &WecomClient, users: &[String]) -> Vec<(String, i64, i64)> {
    let mut cursor = String::new();
    let mut out = Vec::new();
    loop {
        let page = post(
            client,
            "batch/get_by_user",
            json!({"userid_list": users, "cursor": cursor, "limit": 100}),
        )
        .await;
        for item in page["external_contact_list"].as_array().unwrap() {
            let f = &item["follow_info"];
            out.push((
                f["userid"].as_str().unwrap().to_owned(),
                f["createtime"].as_i64().unwrap(),
                f["add_way"].as_i64().unwrap(),
            ));
        }
        cursor = page["next_cursor"].as_str().unwrap().to_owned();
        if cursor.is_empty() {
            return out;
        }
    }
}

#[tokio::test]
async fn recent_behavior_is_counted_from_the_customers() {
    let sandbox = fixed_at(T0).await;
    let client = sandbox.client_builder().build().unwrap();
    let users: Vec<String> = sandbox.follow_users().into_iter().map(|(u, _)| u).collect();
    let follows = follows(&client, &users).await;
    let answer = post(
        &client,
        "get_user_behavior_data",
        json!({"userid": users, "start_time": FROM, "end_time": T0_DAY - 1}),
    )
    .await;
    let days = answer["behavior_data"].as_array().unwrap();
    assert_eq!(days.len(), 30);
    let mut expected_contacts = 0;
    for (d, day) in (0..).zip(days) {
        let start = FROM + d * DAY;
        assert_eq!(day["stat_time"], start);
        let that_day: Vec<_> = follows
            .iter()
            .filter(|(_, t, _)| (start..start + DAY).contains(t))
            .collect();
        let applied = that_day
            .iter()
            .filter(|(_, _, way)| MEMBER_REQUESTS.contains(way))
            .count();
        assert_eq!(day["new_contact_cnt"], that_day.len(), "day {d}");
        assert_eq!(day["new_apply_cnt"], applied, "day {d}");
        assert_eq!(day["negative_feedback_cnt"], 0);
        expected_contacts += that_day.len();
    }
    let sum = |key: &str| days.iter().map(|d| d[key].as_u64().unwrap()).sum::<u64>();
    assert!(expected_contacts > 50, "the recent past has customers");
    assert!(sum("message_cnt") > sum("chat_cnt") && sum("chat_cnt") > 0);
    assert!(days
        .iter()
        .any(|d| d["reply_percentage"].as_f64().unwrap_or(0.0) > 0.0));
}

#[tokio::test]
async fn what_the_api_sends_counts_today() {
    let sandbox = fixed_at(T0).await;
    let client = sandbox.client_builder().build().unwrap();
    let today = || {
        let client = client.clone();
        async move {
            let answer = post(
                &client,
                "get_user_behavior_data",
                json!({"userid": ["zhangsan"], "start_time": T0, "end_time": T0}),
            )
            .await;
            let day = &answer["behavior_data"][0];
            assert_eq!(day["stat_time"], T0_DAY);
            (
                day["chat_cnt"].as_u64().unwrap(),
                day["message_cnt"].as_u64().unwrap(),
            )
        }
    };
    assert_eq!(
        today().await,
        (0, 0),
        "nothing is generated for the clock's day"
    );
    let msgid = client
        .post_raw(
            &format!("{EC}add_msg_template"),
            &json!({"chat_type": "single", "sender": "zhangsan", "text": {"content": "上新"}}),
        )
        .await
        .unwrap()["msgid"]
        .clone();
    let sent = post(
        &client,
        "get_groupmsg_send_result",
        json!({"msgid": msgid, "userid": "zhangsan", "limit": 1000}),
    )
    .await;
    let sent = sent["send_list"].as_array().unwrap();
    let delivered = sent.iter().filter(|r| r["status"] == 1).count() as u64;
    assert_eq!(delivered, sent.len() as u64, "the sender confirms at once");
    assert_eq!(today().await, (delivered, delivered));

    let customer = sent[0]["external_userid"].as_str().unwrap();
    let code = sandbox.issue_welcome_code("zhangsan", customer);
    client
        .post_raw(
            &format!("{EC}send_welcome_msg"),
            &json!({"welcome_code": code, "text": {"content": "你好"}}),
        )
        .await
        .unwrap();
    assert_eq!(
        today().await,
        (delivered, delivered + 1),
        "a second message in the same chat"
    );
}

#[tokio::test]
async fn group_chat_figures_are_counted_from_the_chats() {
    let sandbox = fixed_at(T0).await;
    let client = sandbox.client_builder().build().unwrap();
    let (from, to) = (FROM, T0_DAY);
    // owner -> [new_chat_cnt, chat_total, new_member_cnt, member_total], from groupchat/get.
    let mut expected: BTreeMap<String, [u64; 4]> = BTreeMap::new();
    let list = post(&client, "groupchat/list", json!({"limit": 1000})).await;
    for chat in list["group_chat_list"].as_array().unwrap() {
        let got = post(
            &client,
            "groupchat/get",
            json!({"chat_id": chat["chat_id"]}),
        )
        .await;
        let chat = &got["group_chat"];
        let created = chat["create_time"].as_i64().unwrap();
        let e = expected
            .entry(chat["owner"].as_str().unwrap().to_owned())
            .or_default();
        if created < to {
            e[0] += u64::from(created >= from);
            e[1] += 1;
            for m in chat["member_list"].as_array().unwrap() {
                let joined = m["join_time"].as_i64().unwrap();
                e[2] += u64::from((from..to).contains(&joined));
                e[3] += u64::from(joined < to);
            }
        }
    }
    let by_owner = post(
        &client,
        "groupchat/statistic",
        json!({"day_begin_time": from, "day_end_time": to - 1, "limit": 1000}),
    )
    .await;
    let items = by_owner["items"].as_array().unwrap();
    assert_eq!(items.len(), 20);
    let mut msg_total = 0;
    for item in items {
        let owner = item["owner"].as_str().unwrap();
        let d = &item["data"];
        let got = [
            "new_chat_cnt",
            "chat_total",
            "new_member_cnt",
            "member_total",
        ]
        .map(|k| d[k].as_u64().unwrap());
        assert_eq!(
            got,
            expected.get(owner).copied().unwrap_or_default(),
            "{owner}"
        );
        assert!(d["chat_has_msg"].as_u64() <= d["chat_total"].as_u64());
        assert!(d["member_has_msg"].as_u64() <= d["member_total"].as_u64());
        msg_total += d["msg_total"].as_u64().unwrap();
    }
    assert!(msg_total > 0, "the chats were active");

    // The same messages and new chats, counted day by day.
    let by_day = post(
        &client,
        "groupchat/statistic_group_by_day",
        json!({"day_begin_time": from, "day_end_time": to - 1}),
    )
    .await;
    let days = by_day["items"].as_array().unwrap();
    assert_eq!(days.len(), 30);
    let per_day = |k: &str| {
        days.iter()
            .map(|d| d["data"][k].as_u64().unwrap())
            .sum::<u64>()
    };
    let per_owner = |k: &str| {
        items
            .iter()
            .map(|i| i["data"][k].as_u64().unwrap())
            .sum::<u64>()
    };
    assert_eq!(per_day("msg_total"), msg_total);
    assert_eq!(per_day("new_chat_cnt"), per_owner("new_chat_cnt"));
    assert_eq!(per_day("new_member_cnt"), per_owner("new_member_cnt"));
}
