//! A mass message is never created twice, whatever the network does.

use std::time::Duration;

use futures::TryStreamExt;
use wecom_external_contact::messaging::{
    AddMsgTemplateRequest, GetGroupMsgSendResultRequest, GetGroupMsgTaskRequest, SendStatus,
    TaskStatus,
};
use wecom_external_contact::prelude::*;
use wecom_sandbox::{FaultRule, Sandbox};

const ADD: &str = "/cgi-bin/externalcontact/add_msg_template";
const RESULTS: &str = "/cgi-bin/externalcontact/get_groupmsg_send_result";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ambiguous_failures_never_create_a_message_twice() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox
        .client_builder()
        .timeout(Duration::from_millis(300))
        .retry_policy(wecom_external_contact::RetryPolicy {
            max_attempts: 5,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        })
        .build()
        .unwrap();
    // Every third answer lost to a 502, every third one late past the client's timeout.
    sandbox.set_fault(
        ADD,
        FaultRule::none()
            .http_502(0.33)
            .delay(Duration::from_millis(600), 0.5),
    );
    let (mut ok, mut failed) = (0u64, 0u64);
    for i in 0..30 {
        let req = AddMsgTemplateRequest::to_customers(Vec::<String>::new())
            .sender("zhangsan")
            .text(format!("双十一活动第{i}波：全场五折"));
        match client.messaging().add_msg_template(&req).await {
            Ok(answer) => {
                assert!(!answer.msgid.is_empty());
                ok += 1;
            }
            Err(err) => {
                assert!(
                    matches!(
                        err,
                        Error::HttpStatus { status: 502, .. } | Error::Timeout { .. }
                    ),
                    "{err:?}"
                );
                failed += 1;
            }
        }
    }
    assert!(
        ok > 0 && failed > 0,
        "the faults were drawn: {ok} ok, {failed} failed"
    );
    // One request per call, and one message per request: nothing was re-sent.
    assert_eq!(sandbox.hits(ADD), 30);
    assert_eq!(sandbox.mass_messages_created(), 30);
}

#[tokio::test]
async fn a_created_message_has_tasks_and_results() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let mut customers = client
        .customer()
        .list("zhangsan")
        .await
        .unwrap()
        .external_userid;
    customers.truncate(5);
    assert_eq!(
        customers.len(),
        5,
        "zhangsan has customers in the default sandbox"
    );
    let mut targets = customers.clone();
    targets.push("wm_not_a_customer".to_owned());
    let req = AddMsgTemplateRequest::to_customers(targets)
        .sender("zhangsan")
        .text("新品上市，欢迎咨询");
    let created = client.messaging().add_msg_template(&req).await.unwrap();
    assert_eq!(created.fail_list, ["wm_not_a_customer"]);

    let tasks: Vec<_> = client
        .messaging()
        .get_groupmsg_task_stream(GetGroupMsgTaskRequest::new(created.msgid.clone()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].userid, "zhangsan");
    assert_eq!(
        tasks[0].status,
        TaskStatus::Sent,
        "the sandbox confirms at once"
    );

    // Two a page: the results come back over three pages, one per customer the message reached.
    let results: Vec<_> = client
        .messaging()
        .get_groupmsg_send_result_stream(
            GetGroupMsgSendResultRequest::new(created.msgid.clone(), "zhangsan").limit(2),
        )
        .try_collect()
        .await
        .unwrap();
    let mut reached: Vec<String> = results
        .iter()
        .map(|r| r.external_userid.clone().unwrap_or_default())
        .collect();
    reached.sort();
    customers.sort();
    assert_eq!(reached, customers);
    for result in &results {
        assert_eq!(result.userid, "zhangsan");
        assert_eq!(result.status, SendStatus::Sent, "{result:?}");
        assert!(result.send_time.is_some_and(|t| t > 0), "{result:?}");
        assert_eq!(result.chat_id, None);
    }
    assert_eq!(sandbox.hits(RESULTS), 3);
}
