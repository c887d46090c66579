//! wait_for_transfer_result / wait_for_resigned_transfer_result: polling with backoff to final statuses
//! or the deadline.

mod common;

use std::time::{Duration, Instant};

use common::{result_page, RESIGNED_RESULT, RESULT};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::client;
use wecom_core::test_util::mock::{mock_post, mock_status};
use wecom_transfer::{PollOptions, TakeoverItem, TakeoverStatus, TransferExt};

fn quick(deadline_ms: u64) -> PollOptions {
    PollOptions::new(
        Duration::from_millis(deadline_ms),
        Duration::from_millis(20),
        Duration::from_millis(80),
    )
}

fn body() -> serde_json::Value {
    json!({"handover_userid": "zhangsan", "takeover_userid": "lisi"})
}

#[tokio::test]
async fn polls_until_every_customer_has_a_final_status_and_reports_each() {
    let server = MockServer::start_async().await;
    // The first answers: A done, B waiting (on the second page), C refused.
    let waiting_1 = mock_post(
        &server,
        RESULT,
        body(),
        &result_page(&[("wmA", 1, 100), ("wmX", 2, 0)], "P2"),
    )
    .await;
    let waiting_2 = mock_post(
        &server,
        RESULT,
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "cursor": "P2"}),
        &result_page(&[("wmB", 2, 500), ("wmC", 3, 0)], ""),
    )
    .await;
    let api = client(&server.base_url());
    let opts = quick(5_000);
    let task = tokio::spawn(async move {
        api.transfer()
            .wait_for_transfer_result("zhangsan", "lisi", ["wmA", "wmB", "wmC", "wmA"], &opts)
            .await
    });
    // Once WeCom has been asked twice, B's takeover completes.
    while waiting_1.calls_async().await < 2 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let done = mock_post(
        &server,
        RESULT,
        body(),
        &result_page(&[("wmA", 1, 100), ("wmB", 1, 500), ("wmC", 3, 0)], ""),
    )
    .await;
    waiting_1.delete_async().await;
    let report = task.await.unwrap().unwrap();
    waiting_2.delete_async().await;

    assert!(report.complete);
    assert!(report.polls >= 3, "{}", report.polls);
    assert_eq!(
        report.customers,
        [
            TakeoverItem {
                external_userid: "wmA".into(),
                status: Some(TakeoverStatus::Done),
                takeover_time: 100
            },
            TakeoverItem {
                external_userid: "wmB".into(),
                status: Some(TakeoverStatus::Done),
                takeover_time: 500
            },
            TakeoverItem {
                external_userid: "wmC".into(),
                status: Some(TakeoverStatus::Refused),
                takeover_time: 0
            },
        ]
    );
    assert_eq!(
        report.status("wmX"),
        None,
        "only the customers asked about are reported"
    );
    assert!(done.calls_async().await >= 1);
}

#[tokio::test]
async fn the_deadline_ends_polling_with_the_last_statuses() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESIGNED_RESULT,
        body(),
        &result_page(&[("wmA", 2, 900), ("wmB", 1, 800)], ""),
    )
    .await;
    let started = Instant::now();
    let report = client(&server.base_url())
        .transfer()
        .wait_for_resigned_transfer_result("zhangsan", "lisi", ["wmA", "wmB", "wmZ"], &quick(300))
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert!(!report.complete);
    assert!(elapsed >= Duration::from_millis(300), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
    assert_eq!(report.status("wmA"), Some(TakeoverStatus::Waiting));
    assert_eq!(report.status("wmB"), Some(TakeoverStatus::Done));
    assert_eq!(report.customers[2].status, None, "never listed");
    assert!(!report.customers[2].is_final());
    // Backoff: waits of 20, 40, 80, 80... ms within 300 ms is at most 6 polls, far fewer than a busy loop.
    let polls = mock.calls_async().await;
    assert_eq!(polls, report.polls as usize);
    assert!((2..=7).contains(&polls), "{polls}");
}

#[tokio::test]
async fn transient_failures_are_polled_again_and_other_errors_end_the_wait() {
    let server = MockServer::start_async().await;
    let failing = mock_status(&server, RESULT, 502).await;
    let api = client(&server.base_url());
    let opts = quick(5_000);
    let task = {
        let api = api.clone();
        tokio::spawn(async move {
            api.transfer()
                .wait_for_transfer_result("zhangsan", "lisi", ["wmA"], &opts)
                .await
        })
    };
    while failing.calls_async().await < 4 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let done = mock_post(&server, RESULT, body(), &result_page(&[("wmA", 4, 0)], "")).await;
    failing.delete_async().await;
    let report = task.await.unwrap().unwrap();
    assert!(report.complete);
    assert_eq!(
        report.status("wmA"),
        Some(TakeoverStatus::TakeoverLimitReached)
    );
    done.delete_async().await;

    let forbidden = mock_post(
        &server,
        RESULT,
        body(),
        r#"{"errcode":48002,"errmsg":"api forbidden"}"#,
    )
    .await;
    let err = api
        .transfer()
        .wait_for_transfer_result("zhangsan", "lisi", ["wmA"], &quick(5_000))
        .await
        .unwrap_err();
    assert_eq!(err.code().map(|c| c.get()), Some(48002));
    forbidden.assert_calls_async(1).await;
}

#[tokio::test]
async fn nothing_to_wait_for_sends_nothing() {
    let server = MockServer::start_async().await;
    let mock = mock_post(&server, RESULT, body(), &result_page(&[], "")).await;
    let report = client(&server.base_url())
        .transfer()
        .wait_for_transfer_result("zhangsan", "lisi", Vec::<String>::new(), &quick(1_000))
        .await
        .unwrap();
    assert!(report.complete && report.customers.is_empty());
    mock.assert_calls_async(0).await;
}

#[test]
fn delays_double_up_to_the_cap() {
    let opts = PollOptions::new(
        Duration::from_secs(60),
        Duration::from_secs(2),
        Duration::from_secs(20),
    );
    let waits: Vec<u64> = (1..=6).map(|r| opts.delay(r).as_secs()).collect();
    assert_eq!(waits, [2, 4, 8, 16, 20, 20]);
    assert_eq!(opts.delay(200), Duration::from_secs(20), "no overflow");
    let defaults = PollOptions::default();
    assert_eq!(defaults.deadline, Duration::from_secs(25 * 3600));
}
