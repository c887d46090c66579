//! get_moment_task, get_moment_customer_list, get_moment_send_result and get_moment_comments against a
//! mock WeCom.

use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_moment::*;

const TASK: &str = "/cgi-bin/externalcontact/get_moment_task";
const CUSTOMERS: &str = "/cgi-bin/externalcontact/get_moment_customer_list";
const SENT: &str = "/cgi-bin/externalcontact/get_moment_send_result";
const COMMENTS: &str = "/cgi-bin/externalcontact/get_moment_comments";

#[tokio::test]
async fn get_moment_task_sends_the_moment_and_decodes_the_tasks() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        TASK,
        json!({"moment_id": "momxxx", "cursor": "CURSOR", "limit": 10}),
        include_str!("fixtures/get_moment_task.json"),
    )
    .await;
    let page = client(&server.base_url())
        .moment()
        .get_moment_task(
            &GetMomentTaskRequest::new("momxxx")
                .cursor("CURSOR")
                .limit(10),
        )
        .await
        .unwrap();
    assert_eq!(page.next_cursor, "CURSOR");
    assert_eq!(
        page.task_list,
        [
            MomentTask {
                userid: "zhangsan".into(),
                publish_status: PublishStatus::Published
            },
            MomentTask {
                userid: "lisi".into(),
                publish_status: PublishStatus::NotPublished
            }
        ]
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_moment_task_stream_follows_the_cursor() {
    let server = MockServer::start_async().await;
    let first = mock_post(
        &server,
        TASK,
        json!({"moment_id": "m"}),
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"C2","task_list":[{"userid":"a","publish_status":1}]}"#,
    )
    .await;
    let second = mock_post(
        &server,
        TASK,
        json!({"moment_id": "m", "cursor": "C2"}),
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","task_list":[{"userid":"b","publish_status":0}]}"#,
    )
    .await;
    let tasks: Vec<MomentTask> = client(&server.base_url())
        .moment()
        .get_moment_task_stream(GetMomentTaskRequest::new("m"))
        .try_collect()
        .await
        .unwrap();
    let users: Vec<&str> = tasks.iter().map(|t| t.userid.as_str()).collect();
    assert_eq!(users, ["a", "b"]);
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_moment_customer_list_sends_the_member_and_decodes_the_customers() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CUSTOMERS,
        json!({"moment_id": "momxxx", "userid": "zhangsan", "limit": 1000}),
        include_str!("fixtures/get_moment_customer_list.json"),
    )
    .await;
    let page = client(&server.base_url())
        .moment()
        .get_moment_customer_list(
            &GetMomentCustomerListRequest::new("momxxx", "zhangsan").limit(1000),
        )
        .await
        .unwrap();
    assert_eq!(
        page.customer_list,
        [MomentCustomer {
            userid: "zhangsan".into(),
            external_userid: "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC".into()
        }]
    );
    assert_eq!(page.next_cursor, "CURSOR");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_moment_customer_list_stream_ends_on_an_empty_cursor() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CUSTOMERS,
        json!({"moment_id": "m", "userid": "u"}),
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","customer_list":[{"userid":"u","external_userid":"wm1"}]}"#,
    )
    .await;
    let customers: Vec<MomentCustomer> = client(&server.base_url())
        .moment()
        .get_moment_customer_list_stream(GetMomentCustomerListRequest::new("m", "u"))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(customers.len(), 1);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_moment_send_result_decodes_the_customers_reached() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        SENT,
        json!({"moment_id": "momxxx", "userid": "zhangsan", "cursor": "CURSOR", "limit": 5000}),
        include_str!("fixtures/get_moment_send_result.json"),
    )
    .await;
    let page = client(&server.base_url())
        .moment()
        .get_moment_send_result(
            &GetMomentSendResultRequest::new("momxxx", "zhangsan")
                .cursor("CURSOR")
                .limit(5000),
        )
        .await
        .unwrap();
    assert_eq!(
        page.customer_list,
        [MomentSentCustomer {
            external_userid: "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC".into()
        }]
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_moment_send_result_stream_walks_two_pages() {
    let server = MockServer::start_async().await;
    mock_post(
        &server,
        SENT,
        json!({"moment_id": "m", "userid": "u"}),
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"N","customer_list":[{"external_userid":"wm1"}]}"#,
    )
    .await;
    mock_post(
        &server,
        SENT,
        json!({"moment_id": "m", "userid": "u", "cursor": "N"}),
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","customer_list":[{"external_userid":"wm2"}]}"#,
    )
    .await;
    let reached: Vec<MomentSentCustomer> = client(&server.base_url())
        .moment()
        .get_moment_send_result_stream(GetMomentSendResultRequest::new("m", "u"))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = reached.iter().map(|c| c.external_userid.as_str()).collect();
    assert_eq!(ids, ["wm1", "wm2"]);
}

#[tokio::test]
async fn get_moment_comments_decodes_customers_and_members() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        COMMENTS,
        json!({"moment_id": "momxxx", "userid": "zhangsan"}),
        include_str!("fixtures/get_moment_comments.json"),
    )
    .await;
    let interactions = client(&server.base_url())
        .moment()
        .get_moment_comments(&GetMomentCommentsRequest::new("momxxx", "zhangsan"))
        .await
        .unwrap();
    assert_eq!(
        interactions.comment_list,
        [
            MomentInteraction {
                external_userid: Some("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA".into()),
                userid: None,
                create_time: 1_605_172_726
            },
            MomentInteraction {
                external_userid: None,
                userid: Some("zhangshan".into()),
                create_time: 1_605_172_729
            }
        ]
    );
    assert_eq!(interactions.like_list.len(), 2);
    assert_eq!(
        interactions.like_list[0].external_userid.as_deref(),
        Some("woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB")
    );
    assert_eq!(interactions.like_list[1].create_time, 1_605_172_720);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn each_read_reports_a_non_zero_errcode() {
    let server = MockServer::start_async().await;
    let api = client(&server.base_url());
    mock_post(
        &server,
        TASK,
        json!({"moment_id": "x"}),
        &wecom_error(40058, "invalid moment_id"),
    )
    .await;
    assert_api_error(
        api.moment()
            .get_moment_task(&GetMomentTaskRequest::new("x"))
            .await,
        40058,
        TASK,
    );
    mock_post(
        &server,
        CUSTOMERS,
        json!({"moment_id": "x", "userid": "u"}),
        &wecom_error(60011, "no privilege"),
    )
    .await;
    assert_api_error(
        api.moment()
            .get_moment_customer_list(&GetMomentCustomerListRequest::new("x", "u"))
            .await,
        60011,
        CUSTOMERS,
    );
    mock_post(
        &server,
        SENT,
        json!({"moment_id": "x", "userid": "u"}),
        &wecom_error(60011, "no privilege"),
    )
    .await;
    assert_api_error(
        api.moment()
            .get_moment_send_result(&GetMomentSendResultRequest::new("x", "u"))
            .await,
        60011,
        SENT,
    );
    mock_post(
        &server,
        COMMENTS,
        json!({"moment_id": "x", "userid": "u"}),
        &wecom_error(40058, "invalid moment_id"),
    )
    .await;
    assert_api_error(
        api.moment()
            .get_moment_comments(&GetMomentCommentsRequest::new("x", "u"))
            .await,
        40058,
        COMMENTS,
    );
}

#[test]
fn the_answers_round_trip_without_losing_a_field() {
    assert_round_trip::<GetMomentTaskResponse>(include_str!("fixtures/get_moment_task.json"));
    assert_round_trip::<GetMomentCustomerListResponse>(include_str!(
        "fixtures/get_moment_customer_list.json"
    ));
    assert_round_trip::<GetMomentSendResultResponse>(include_str!(
        "fixtures/get_moment_send_result.json"
    ));
    assert_round_trip::<GetMomentCommentsResponse>(include_str!(
        "fixtures/get_moment_comments.json"
    ));
}
