//! A mass message is never created twice, whatever the network does.

use std::time::Duration;

use wecom_external_contact::messaging::{AddMsgTemplateRequest, GetGroupMsgTaskRequest};
use wecom_external_contact::prelude::*;
use wecom_sandbox::{FaultRule, Sandbox};

const ADD: &str = "/cgi-bin/externalcontact/add_msg_template";

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
    let req = AddMsgTemplateRequest::to_customers(Vec::<String>::new())
        .sender("zhangsan")
        .text("新品上市，欢迎咨询");
    let created = client.messaging().add_msg_template(&req).await.unwrap();
    let tasks: Vec<_> = futures::TryStreamExt::try_collect::<Vec<_>>(
        client
            .messaging()
            .get_groupmsg_task_stream(GetGroupMsgTaskRequest::new(created.msgid.clone())),
    )
    .await
    .unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].userid, "zhangsan");
}
