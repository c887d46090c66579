//! get_user_behavior_data against a mock WeCom.

use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post};
use wecom_core::test_util::{assert_round_trip, client};
use wecom_core::{ErrCode, Error};
use wecom_statistics::*;

const PATH: &str = "/cgi-bin/externalcontact/get_user_behavior_data";
const DAY: i64 = 86_400;

#[tokio::test]
async fn get_user_behavior_data_sends_ids_and_decodes_days() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        PATH,
        json!({
            "userid": ["zhangsan", "lisi"],
            "partyid": [1001, 1002],
            "start_time": 1536508800,
            "end_time": 1536595200
        }),
        include_str!("fixtures/get_user_behavior_data.json"),
    )
    .await;
    let req = GetUserBehaviorDataRequest::new(1536508800, 1536595200)
        .userid(["zhangsan", "lisi"])
        .partyid([1001, 1002]);
    let days = client(&server.base_url())
        .statistics()
        .get_user_behavior_data(&req)
        .await
        .unwrap()
        .behavior_data;
    assert_eq!(days.len(), 2);
    let first = &days[0];
    assert_eq!(first.stat_time, 1536508800);
    assert_eq!(first.chat_cnt, 100);
    assert_eq!(first.message_cnt, 80);
    assert_eq!(first.reply_percentage, Some(60.25));
    assert_eq!(first.avg_reply_time, Some(1));
    assert_eq!(first.negative_feedback_cnt, 0);
    assert_eq!(first.new_apply_cnt, 6);
    assert_eq!(first.new_contact_cnt, 5);
    let second = &days[1];
    assert_eq!(second.stat_time, 1536595200);
    assert_eq!(second.chat_cnt, 20);
    assert_eq!(second.message_cnt, 40);
    assert_eq!(second.reply_percentage, None);
    assert_eq!(second.avg_reply_time, None);
    assert_eq!(second.negative_feedback_cnt, 2);
    assert_eq!(second.new_apply_cnt, 0);
    assert_eq!(second.new_contact_cnt, 1);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_user_behavior_data_with_departments_only() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        PATH,
        json!({"partyid": [2], "start_time": 1536508800, "end_time": 1536508800 + 30 * DAY}),
        include_str!("fixtures/get_user_behavior_data.json"),
    )
    .await;
    // Exactly 30 days is allowed.
    let req = GetUserBehaviorDataRequest::new(1536508800, 1536508800 + 30 * DAY).partyid([2]);
    let resp = client(&server.base_url())
        .statistics()
        .get_user_behavior_data(&req)
        .await
        .unwrap();
    assert_eq!(resp.behavior_data.len(), 2);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_user_behavior_data_reports_errcodes() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        PATH,
        json!({"userid": ["outsider"], "start_time": 1536508800, "end_time": 1536508800}),
        include_str!("fixtures/error_60011.json"),
    )
    .await;
    let req = GetUserBehaviorDataRequest::new(1536508800, 1536508800).userid(["outsider"]);
    let err = client(&server.base_url())
        .statistics()
        .get_user_behavior_data(&req)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(60011)));
    assert_eq!(err.code(), Some(ErrCode::NO_PRIVILEGE));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_user_behavior_data_limits_are_checked_before_sending() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(
        &server,
        PATH,
        include_str!("fixtures/get_user_behavior_data.json"),
    )
    .await;
    let api_client = client(&server.base_url());
    let start = 1536508800;
    let cases = [
        (
            GetUserBehaviorDataRequest::new(start, start + 31 * DAY).userid(["zhangsan"]),
            "30 days",
        ),
        (
            GetUserBehaviorDataRequest::new(start, start + 30 * DAY + 1).userid(["zhangsan"]),
            "30 days",
        ),
        (
            GetUserBehaviorDataRequest::new(start, start - DAY).userid(["zhangsan"]),
            "before",
        ),
        (
            GetUserBehaviorDataRequest::new(start, start + DAY),
            "userid and partyid",
        ),
        (
            GetUserBehaviorDataRequest::new(start, start).userid((0..101).map(|i| format!("u{i}"))),
            "userid holds 101",
        ),
        (
            GetUserBehaviorDataRequest::new(start, start).partyid(1..=101),
            "partyid holds 101",
        ),
    ];
    for (req, expected) in cases {
        let err = api_client
            .statistics()
            .get_user_behavior_data(&req)
            .await
            .unwrap_err();
        match err {
            Error::InvalidRequest(msg) => assert!(msg.contains(expected), "{msg} lacks {expected}"),
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }
    mock.assert_calls_async(0).await;
}

#[test]
fn the_older_negative_fee_back_cnt_name_decodes() {
    let legacy = json!({
        "stat_time": 1536508800, "chat_cnt": 3, "message_cnt": 9,
        "negative_fee_back_cnt": 4, "new_apply_cnt": 1, "new_contact_cnt": 2
    });
    let day: BehaviorData = serde_json::from_value(legacy).unwrap();
    assert_eq!(day.negative_feedback_cnt, 4);
    assert_eq!(day.message_cnt, 9);
    // Encoded under the current name only.
    let back = serde_json::to_value(&day).unwrap();
    assert_eq!(back["negative_feedback_cnt"], 4);
    assert!(back.get("negative_fee_back_cnt").is_none());

    // Both names at once: the current one wins, and decoding does not fail on a "duplicate field".
    let both: BehaviorData =
        serde_json::from_str(r#"{"negative_feedback_cnt": 7, "negative_fee_back_cnt": 4}"#)
            .unwrap();
    assert_eq!(both.negative_feedback_cnt, 7);

    // Inside a whole answer too.
    let resp: GetUserBehaviorDataResponse = serde_json::from_str(
        r#"{"errcode":0,"errmsg":"ok","behavior_data":[{"stat_time":1,"negative_fee_back_cnt":5,"extra_field":"新字段"}]}"#,
    )
    .unwrap();
    assert_eq!(resp.behavior_data[0].negative_feedback_cnt, 5);
}

#[test]
fn fixtures_round_trip() {
    let resp = assert_round_trip::<GetUserBehaviorDataResponse>(include_str!(
        "fixtures/get_user_behavior_data.json"
    ));
    assert_eq!(resp.behavior_data[0].reply_percentage, Some(60.25));
    assert_eq!(resp.behavior_data[1].avg_reply_time, None);
}
