//! follow_moment_task: polls get_moment_task_result with backoff until the job is done, or a deadline.

use std::time::Duration;

use httpmock::{Method::GET, MockServer};
use wecom_core::test_util::{client, TEST_TOKEN};
use wecom_core::{ErrCode, Error};
use wecom_moment::*;

const RESULT: &str = "/cgi-bin/externalcontact/get_moment_task_result";

fn quick() -> FollowOptions {
    FollowOptions {
        first_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(40),
        deadline: Duration::from_secs(5),
    }
}

/// Answers `body` to the job's polls, at most `times` times (then the next mock answers).
async fn poll_answer<'a>(
    server: &'a MockServer,
    body: &str,
    times: Option<usize>,
) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method(GET)
                .path(RESULT)
                .query_param("access_token", TEST_TOKEN)
                .query_param("jobid", "JOB");
            let then = then.status(200).body(body);
            if let Some(n) = times {
                then.up_to_n_times(n);
            }
        })
        .await
}

#[tokio::test]
async fn follows_the_job_through_its_states_to_the_outcome() {
    let server = MockServer::start_async().await;
    let started = poll_answer(
        &server,
        r#"{"errcode":0,"errmsg":"ok","status":1,"type":"add_moment_task"}"#,
        Some(1),
    )
    .await;
    let running = poll_answer(
        &server,
        include_str!("fixtures/get_moment_task_result_running.json"),
        Some(3),
    )
    .await;
    let done = poll_answer(
        &server,
        include_str!("fixtures/get_moment_task_result.json"),
        None,
    )
    .await;
    let outcome = client(&server.base_url())
        .moment()
        .follow_moment_task("JOB", &quick())
        .await
        .unwrap();
    assert_eq!(outcome.moment_id, "momxxx_5f1c4c1e");
    assert_eq!(
        outcome.invalid_sender_list.unwrap().user_list,
        ["zhangshan", "lisi"]
    );
    assert_eq!(
        outcome.invalid_external_contact_list.unwrap().tag_list,
        ["xxx"]
    );
    started.assert_calls_async(1).await;
    running.assert_calls_async(3).await;
    done.assert_calls_async(1).await;
}

#[tokio::test]
async fn polls_are_spaced_by_a_growing_backoff() {
    let server = MockServer::start_async().await;
    poll_answer(
        &server,
        include_str!("fixtures/get_moment_task_result_running.json"),
        Some(4),
    )
    .await;
    poll_answer(
        &server,
        include_str!("fixtures/get_moment_task_result.json"),
        None,
    )
    .await;
    let options = FollowOptions {
        first_delay: Duration::from_millis(50),
        max_delay: Duration::from_millis(100),
        deadline: Duration::from_secs(5),
    };
    let started = std::time::Instant::now();
    client(&server.base_url())
        .moment()
        .follow_moment_task("JOB", &options)
        .await
        .unwrap();
    // 50 + 100 + 100 + 100 ms between the five polls.
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(350), "{took:?}");
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[tokio::test]
async fn a_job_that_failed_is_its_errcode() {
    let server = MockServer::start_async().await;
    poll_answer(
        &server,
        r#"{"errcode":0,"errmsg":"ok","status":3,"type":"add_moment_task",
            "result":{"errcode":40007,"errmsg":"invalid media_id","moment_id":""}}"#,
        None,
    )
    .await;
    let err = client(&server.base_url())
        .moment()
        .follow_moment_task("JOB", &quick())
        .await
        .unwrap_err();
    match err {
        Error::Api {
            code,
            message,
            path,
        } => {
            assert_eq!(code, ErrCode::INVALID_MEDIA_ID);
            assert_eq!(message, "invalid media_id");
            assert_eq!(path, RESULT);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_job_not_done_by_the_deadline_is_a_timeout() {
    let server = MockServer::start_async().await;
    let running = poll_answer(
        &server,
        include_str!("fixtures/get_moment_task_result_running.json"),
        None,
    )
    .await;
    let options = FollowOptions {
        first_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(20),
        deadline: Duration::from_millis(150),
    };
    let err = client(&server.base_url())
        .moment()
        .follow_moment_task("JOB", &options)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Timeout { path, after } if path == RESULT && *after == Duration::from_millis(150)),
        "{err:?}"
    );
    let polls = running.calls_async().await;
    assert!((5..=9).contains(&polls), "{polls} polls");
}

#[tokio::test]
async fn an_error_while_polling_ends_the_follow() {
    let server = MockServer::start_async().await;
    poll_answer(
        &server,
        r#"{"errcode":40058,"errmsg":"invalid jobid"}"#,
        None,
    )
    .await;
    let err = client(&server.base_url())
        .moment()
        .follow_moment_task("JOB", &quick())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(40058)));
}
