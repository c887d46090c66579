//! Caller-supplied times, counts and limits never panic, wrap or loop in the sandbox: absurd values are
//! answered at once with WeCom's invalid-parameter errcode (40058), and the sandbox keeps serving.

use std::time::Duration;

use serde_json::{json, Value};
use wecom_external_contact::{ErrCode, RetryPolicy};
use wecom_sandbox::Sandbox;

const DAY: i64 = 86_400;
const EC: &str = "/cgi-bin/externalcontact/";

/// Bodies that held the global lock for ever (a day loop from a wrapped start), panicked in debug
/// builds (`end - start`, `t + 8 h`, `end - 90 days` overflowing), or passed a check by wrapping.
fn absurd_requests() -> Vec<(&'static str, Value)> {
    let user = json!(["zhangsan"]);
    vec![
        (
            "get_user_behavior_data",
            json!({"userid": user, "start_time": i64::MAX - DAY, "end_time": i64::MAX}),
        ),
        (
            "get_user_behavior_data",
            json!({"userid": user, "start_time": -1, "end_time": i64::MAX}),
        ),
        (
            "get_user_behavior_data",
            json!({"userid": user, "start_time": i64::MIN, "end_time": 0}),
        ),
        (
            "groupchat/statistic",
            json!({"day_begin_time": i64::MAX - DAY, "day_end_time": i64::MAX}),
        ),
        (
            "groupchat/statistic",
            json!({"day_begin_time": -1, "day_end_time": i64::MAX}),
        ),
        (
            "groupchat/statistic_group_by_day",
            json!({"day_begin_time": i64::MAX - 3 * DAY, "day_end_time": i64::MAX}),
        ),
        (
            "groupchat/statistic_group_by_day",
            json!({"day_begin_time": i64::MIN, "day_end_time": i64::MIN + DAY}),
        ),
        (
            "get_groupmsg_list_v2",
            json!({"chat_type": "single", "start_time": -1, "end_time": i64::MAX}),
        ),
        ("list_contact_way", json!({"end_time": i64::MIN})),
        (
            "list_contact_way",
            json!({"start_time": i64::MAX - DAY, "end_time": i64::MAX}),
        ),
    ]
}

#[tokio::test]
async fn absurd_time_ranges_are_answered_40058_at_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox
        .client_builder()
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    for (name, body) in absurd_requests() {
        let path = format!("{EC}{name}");
        let answer = tokio::time::timeout(
            Duration::from_secs(2),
            client.post_raw_idempotent(&path, &body),
        )
        .await
        .unwrap_or_else(|_| panic!("{name} {body} did not answer within 2 s"));
        let err = answer.expect_err(&format!("{name} {body} was accepted"));
        assert_eq!(err.code(), Some(ErrCode(40058)), "{name} {body}: {err:?}");
    }
    // Nothing was left locked or poisoned: the sandbox still answers.
    let users = client
        .get_raw(&format!("{EC}get_follow_user_list"), &[])
        .await
        .unwrap();
    assert_eq!(users["follow_user"].as_array().map(Vec::len), Some(20));
}

#[tokio::test]
async fn ranges_within_wecoms_rules_still_answer() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    // 2024-12-01 00:00 +08:00, a 7-day range: one entry per day.
    let start = 1_732_982_400;
    let answer = client
        .post_raw_idempotent(
            &format!("{EC}get_user_behavior_data"),
            &json!({"userid": ["zhangsan"], "start_time": start, "end_time": start + 6 * DAY}),
        )
        .await
        .unwrap();
    let days: Vec<i64> = answer["behavior_data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["stat_time"].as_i64().unwrap())
        .collect();
    assert_eq!(days, (0..7).map(|d| start + d * DAY).collect::<Vec<_>>());
}
