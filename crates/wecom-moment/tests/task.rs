//! add_moment_task, get_moment_task_result and cancel_moment_task against a mock WeCom.

use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_get, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::Error;
use wecom_moment::*;

const ADD: &str = "/cgi-bin/externalcontact/add_moment_task";
const RESULT: &str = "/cgi-bin/externalcontact/get_moment_task_result";
const CANCEL: &str = "/cgi-bin/externalcontact/cancel_moment_task";

#[tokio::test]
async fn add_moment_task_sends_text_attachments_and_range() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({
            "text": {"content": "文本消息内容"},
            "attachments": [
                {"msgtype": "image", "image": {"media_id": "MEDIA_1"}},
                {"msgtype": "image", "image": {"media_id": "MEDIA_2"}}
            ],
            "visible_range": {
                "sender_list": {"user_list": ["zhangshan", "lisi"], "department_list": [2, 3]},
                "external_contact_list": {"tag_list": ["etXXXXXXXXXX", "etYYYYYYYYYY"]}
            }
        }),
        include_str!("fixtures/add_moment_task.json"),
    )
    .await;
    let req = AddMomentTaskRequest::new()
        .text("文本消息内容")
        .attachment(Attachment::image_media("MEDIA_1"))
        .attachment(Attachment::image_media("MEDIA_2"))
        .senders(["zhangshan", "lisi"])
        .sender_departments([2, 3])
        .customer_tags(["etXXXXXXXXXX", "etYYYYYYYYYY"]);
    let job = client(&server.base_url())
        .moment()
        .add_moment_task(&req)
        .await
        .unwrap();
    assert_eq!(job.jobid, "xxxx_job_5f1c4c1e");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_moment_task_with_a_link_sends_only_what_is_set() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({
            "attachments": [{"msgtype": "link", "link": {
                "title": "消息标题", "url": "https://example.link.com/path", "media_id": "COVER"}}]
        }),
        include_str!("fixtures/add_moment_task.json"),
    )
    .await;
    let req = AddMomentTaskRequest::new()
        .attachment(Link::new("消息标题", "https://example.link.com/path").media_id("COVER"));
    client(&server.base_url())
        .moment()
        .add_moment_task(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_moment_task_is_never_resent_after_a_502() {
    let server = MockServer::start_async().await;
    let gateway = mock_status(&server, ADD, 502).await;
    let err = client(&server.base_url())
        .moment()
        .add_moment_task(&AddMomentTaskRequest::new().text("hi"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    gateway.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_moment_task_reports_a_non_zero_errcode() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({"attachments": [{"msgtype": "video", "video": {"media_id": "EXPIRED"}}]}),
        &wecom_error(40007, "invalid media_id"),
    )
    .await;
    let result = client(&server.base_url())
        .moment()
        .add_moment_task(&AddMomentTaskRequest::new().attachment(Attachment::video("EXPIRED")))
        .await;
    assert_api_error(result, 40007, ADD);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_moment_task_result_is_a_get_with_the_jobid_and_decodes_the_outcome() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        RESULT,
        &[("jobid", "xxxx_job_5f1c4c1e")],
        include_str!("fixtures/get_moment_task_result.json"),
    )
    .await;
    let result = client(&server.base_url())
        .moment()
        .get_moment_task_result(&GetMomentTaskResultRequest::new("xxxx_job_5f1c4c1e"))
        .await
        .unwrap();
    assert_eq!(result.status, MomentTaskStatus::Done);
    assert_eq!(result.task_type, "add_moment_task");
    let outcome = result.result.unwrap();
    assert_eq!(outcome.errcode, 0);
    assert_eq!(outcome.moment_id, "momxxx_5f1c4c1e");
    let senders = outcome.invalid_sender_list.unwrap();
    assert_eq!(senders.user_list, ["zhangshan", "lisi"]);
    assert_eq!(senders.department_list, [2, 3]);
    assert_eq!(
        outcome.invalid_external_contact_list.unwrap().tag_list,
        ["xxx"]
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_moment_task_result_of_a_running_job_has_no_result() {
    let server = MockServer::start_async().await;
    mock_get(
        &server,
        RESULT,
        &[("jobid", "J")],
        include_str!("fixtures/get_moment_task_result_running.json"),
    )
    .await;
    let result = client(&server.base_url())
        .moment()
        .get_moment_task_result(&GetMomentTaskResultRequest::new("J"))
        .await
        .unwrap();
    assert_eq!(result.status, MomentTaskStatus::Running);
    assert_eq!(result.result, None);
}

#[tokio::test]
async fn get_moment_task_result_reports_a_non_zero_errcode() {
    let server = MockServer::start_async().await;
    mock_get(
        &server,
        RESULT,
        &[("jobid", "UNKNOWN")],
        &wecom_error(40058, "invalid jobid"),
    )
    .await;
    let result = client(&server.base_url())
        .moment()
        .get_moment_task_result(&GetMomentTaskResultRequest::new("UNKNOWN"))
        .await;
    assert_api_error(result, 40058, RESULT);
}

#[tokio::test]
async fn cancel_moment_task_sends_the_moment_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CANCEL,
        json!({"moment_id": "momxxx"}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    client(&server.base_url())
        .moment()
        .cancel_moment_task(&CancelMomentTaskRequest::new("momxxx"))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn cancel_moment_task_reports_a_non_zero_errcode_and_is_retried_on_502() {
    let server = MockServer::start_async().await;
    let gateway = mock_status(&server, CANCEL, 502).await;
    let _ = client(&server.base_url())
        .moment()
        .cancel_moment_task(&CancelMomentTaskRequest::new("momxxx"))
        .await;
    gateway.assert_calls_async(3).await;
    gateway.delete_async().await;
    mock_post(
        &server,
        CANCEL,
        json!({"moment_id": "momzzz"}),
        &wecom_error(40058, "invalid moment_id"),
    )
    .await;
    let result = client(&server.base_url())
        .moment()
        .cancel_moment_task(&CancelMomentTaskRequest::new("momzzz"))
        .await;
    assert_api_error(result, 40058, CANCEL);
}

#[test]
fn the_answers_round_trip_without_losing_a_field() {
    let job: AddMomentTaskResponse =
        assert_round_trip(include_str!("fixtures/add_moment_task.json"));
    assert_eq!(job.jobid, "xxxx_job_5f1c4c1e");
    assert_round_trip::<MomentTaskResult>(include_str!("fixtures/get_moment_task_result.json"));
    assert_round_trip::<MomentTaskResult>(include_str!(
        "fixtures/get_moment_task_result_running.json"
    ));
}
