//! End to end: upload an image from a file, publish a moment with it, follow the job to its end, and
//! read who published it, who sees it and what they did — against the sandbox, with WeCom busy on the
//! reads.

use std::time::Duration;

use futures::TryStreamExt;
use wecom_external_contact::moment::{
    AddMomentTaskRequest, Attachment, FollowOptions, GetMomentCommentsRequest,
    GetMomentSendResultRequest, GetMomentTaskRequest, PublishStatus,
};
use wecom_external_contact::prelude::*;
use wecom_external_contact::RetryPolicy;
use wecom_sandbox::{FaultRule, Sandbox};

const ADD: &str = "/cgi-bin/externalcontact/add_moment_task";
const RESULT: &str = "/cgi-bin/externalcontact/get_moment_task_result";
const COMMENTS: &str = "/cgi-bin/externalcontact/get_moment_comments";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_image_becomes_a_moment_followed_to_its_end_with_its_interactions() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_moment_job_delay(Duration::from_millis(300));
    // Reads meet errcode -1 a third of the time; they are retried, the publishing call is not.
    sandbox.set_fault(RESULT, FaultRule::none().system_busy(0.3));
    sandbox.set_fault(COMMENTS, FaultRule::none().system_busy(0.3));
    let client = sandbox
        .client_builder()
        .retry_policy(RetryPolicy {
            max_attempts: 8,
            base_delay: Duration::from_millis(2),
            max_delay: Duration::from_millis(10),
        })
        .build()
        .unwrap();

    // 1. Upload the image (上传附件资源 for moments) straight from a file.
    let dir = std::env::temp_dir().join(format!("wecom-e2e-moments-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("新品.png");
    let png: Vec<u8> = (0..120_000u32).map(|i| (i % 253) as u8).collect();
    std::fs::write(&path, &png).unwrap();
    let photo = client
        .media()
        .moment_attachment_from_file(&path)
        .await
        .unwrap();
    let Attachment::Image(image) = &photo else {
        panic!("a PNG is an image attachment: {photo:?}");
    };
    let media_id = image.media_id.clone().unwrap();
    let kept = sandbox.uploaded(&media_id).unwrap();
    assert_eq!(
        (kept.file_name.as_str(), kept.length, kept.attachment_type),
        ("新品.png", 120_000, Some(1))
    );

    // 2. Publish it through two members.
    let members: Vec<String> = sandbox
        .follow_users()
        .into_iter()
        .take(2)
        .map(|(userid, _)| userid)
        .collect();
    let req = AddMomentTaskRequest::new()
        .text("新品上市，欢迎到店体验")
        .attachment(photo)
        .senders(&members);
    let job = client.moment().add_moment_task(&req).await.unwrap();

    // 3. Follow the job to its end.
    let options = FollowOptions {
        first_delay: Duration::from_millis(50),
        max_delay: Duration::from_millis(200),
        deadline: Duration::from_secs(20),
    };
    let done = client
        .moment()
        .follow_moment_task(&job.jobid, &options)
        .await
        .unwrap();
    assert!(!done.moment_id.is_empty());
    assert!(done
        .invalid_sender_list
        .unwrap_or_default()
        .user_list
        .is_empty());

    // 4. Who published it, who sees it, and what they did.
    let tasks: Vec<_> = client
        .moment()
        .get_moment_task_stream(GetMomentTaskRequest::new(&done.moment_id))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(tasks.len(), 2);
    let published: Vec<&str> = tasks
        .iter()
        .filter(|t| t.publish_status == PublishStatus::Published)
        .map(|t| t.userid.as_str())
        .collect();
    assert!(!published.is_empty());
    let mut likes = 0;
    for userid in published {
        let reached: Vec<String> = client
            .moment()
            .get_moment_send_result_stream(GetMomentSendResultRequest::new(&done.moment_id, userid))
            .map_ok(|c| c.external_userid)
            .try_collect()
            .await
            .unwrap();
        let interactions = client
            .moment()
            .get_moment_comments(&GetMomentCommentsRequest::new(&done.moment_id, userid))
            .await
            .unwrap();
        for like in &interactions.like_list {
            assert!(reached.contains(like.external_userid.as_ref().unwrap()));
        }
        likes += interactions.like_list.len();
    }
    assert!(likes > 0, "the customers reached liked it");

    // The moment was created once, whatever the faults did to the reads.
    assert_eq!(sandbox.hits(ADD), 1);
    assert_eq!(sandbox.moment_jobs_created(), 1);
    assert_eq!(sandbox.moments_published(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}
