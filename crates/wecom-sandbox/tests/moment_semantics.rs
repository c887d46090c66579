//! Moments in the sandbox: jobs that finish after the configured delay on its clock, media ids it must
//! have issued (and not let expire), invalid senders and tags reported, and the reads that follow.

use std::time::Duration;

use futures::TryStreamExt;
use wecom_external_contact::media::{AttachmentMediaType, AttachmentType, MediaType};
use wecom_external_contact::media::{UploadAttachmentRequest, UploadMediaRequest, UploadSource};
use wecom_external_contact::moment::*;
use wecom_external_contact::prelude::*;
use wecom_external_contact::tag::GetCorpTagListRequest;
use wecom_external_contact::{ErrCode, WecomClient};
use wecom_sandbox::{Clock, Sandbox, SandboxConfig};

const NOW: i64 = 1_767_225_600;
const ADD: &str = "/cgi-bin/externalcontact/add_moment_task";

async fn fixed() -> (Sandbox, WecomClient) {
    let sandbox = Sandbox::start_with(SandboxConfig {
        clock: Clock::fixed(NOW),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let client = sandbox.client_builder().build().unwrap();
    (sandbox, client)
}

async fn moment_image(client: &WecomClient, name: &str) -> String {
    let req = UploadAttachmentRequest::new(
        AttachmentMediaType::Image,
        AttachmentType::Moment,
        UploadSource::bytes(name, vec![9u8; 2_000]),
    );
    client
        .media()
        .upload_attachment(&req)
        .await
        .unwrap()
        .media_id
}

async fn status(client: &WecomClient, jobid: &str) -> MomentTaskStatus {
    client
        .moment()
        .get_moment_task_result(&GetMomentTaskResultRequest::new(jobid))
        .await
        .unwrap()
        .status
}

#[tokio::test]
async fn a_job_goes_through_its_states_on_the_sandbox_clock() {
    let (sandbox, client) = fixed().await;
    sandbox.set_moment_job_delay(Duration::from_secs(10));
    let image = moment_image(&client, "a.jpg").await;
    let job = client
        .moment()
        .add_moment_task(&AddMomentTaskRequest::new().attachment(Attachment::image_media(&image)))
        .await
        .unwrap();
    assert_eq!(status(&client, &job.jobid).await, MomentTaskStatus::Started);
    sandbox.clock().advance(Duration::from_secs(6));
    assert_eq!(status(&client, &job.jobid).await, MomentTaskStatus::Running);
    assert_eq!(sandbox.moments_published(), 0);
    sandbox.clock().advance(Duration::from_secs(4));
    let result = client
        .moment()
        .get_moment_task_result(&GetMomentTaskResultRequest::new(&job.jobid))
        .await
        .unwrap();
    assert_eq!(result.status, MomentTaskStatus::Done);
    assert!(result.result.unwrap().moment_id.starts_with("momSbx"));
    assert_eq!(sandbox.moments_published(), 1);
    assert_eq!(sandbox.moment_jobs_created(), 1);
}

#[tokio::test]
async fn attachments_must_be_media_ids_the_sandbox_issued_and_still_alive() {
    let (sandbox, client) = fixed().await;
    let add = |attachment: Attachment| {
        let client = client.clone();
        async move {
            client
                .moment()
                .add_moment_task(&AddMomentTaskRequest::new().attachment(attachment))
                .await
        }
    };
    let err = add(Attachment::image_media("NEVER_ISSUED"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::INVALID_MEDIA_ID));
    // A product album's image and a video are not a moment's image.
    let album = client
        .media()
        .upload_attachment(&UploadAttachmentRequest::new(
            AttachmentMediaType::Image,
            AttachmentType::ProductAlbum,
            UploadSource::bytes("sku.png", vec![1u8; 100]),
        ))
        .await
        .unwrap();
    assert_eq!(
        add(Attachment::image_media(&album))
            .await
            .unwrap_err()
            .code(),
        Some(ErrCode::INVALID_MEDIA_ID)
    );
    let video = client
        .media()
        .upload(&UploadMediaRequest::new(
            MediaType::Video,
            UploadSource::bytes("v.mp4", vec![1u8; 100]),
        ))
        .await
        .unwrap();
    assert_eq!(
        add(Attachment::image_media(&video))
            .await
            .unwrap_err()
            .code(),
        Some(ErrCode::INVALID_MEDIA_ID)
    );
    add(Attachment::video(&video)).await.unwrap();
    // Three days later the image no longer works.
    let image = moment_image(&client, "b.png").await;
    sandbox.clock().advance(Duration::from_secs(3 * 86_400));
    let err = add(Attachment::image_media(&image)).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::INVALID_MEDIA_ID));
    assert!(err.to_string().contains(ADD), "{err}");
    assert_eq!(sandbox.moment_jobs_created(), 1);
}

#[tokio::test]
async fn wecoms_attachment_rules_are_answered_with_its_messages() {
    let (_sandbox, client) = fixed().await;
    let a = moment_image(&client, "a.png").await;
    let link = serde_json::json!({"attachments": [
        {"msgtype": "image", "image": {"media_id": a}},
        {"msgtype": "link", "link": {"title": "t", "url": "https://u", "media_id": a}}
    ]});
    let err = client.post_raw(ADD, &link).await.unwrap_err();
    assert!(
        err.to_string().contains("invalid attachments msgtype"),
        "{err}"
    );
    let long = serde_json::json!({"text": {"content": "字".repeat(2001)}});
    let err = client.post_raw(ADD, &long).await.unwrap_err();
    assert!(err.to_string().contains("invalid text size"), "{err}");
}

#[tokio::test]
async fn senders_customers_and_the_list_come_from_the_world() {
    let (sandbox, client) = fixed().await;
    sandbox.set_moment_job_delay(Duration::ZERO);
    let members: Vec<String> = sandbox.follow_users().into_iter().map(|(u, _)| u).collect();
    let tags = client
        .tag()
        .get_corp_tag_list(&GetCorpTagListRequest::new())
        .await
        .unwrap();
    let tag = tags.tag_group[0].tag[0].id.clone();
    let image = moment_image(&client, "a.png").await;
    let req = AddMomentTaskRequest::new()
        .text("新品上市")
        .attachment(Attachment::image_media(&image))
        .senders([members[0].as_str(), members[1].as_str(), "nobody"])
        .sender_departments([1_000])
        .customer_tags([tag.as_str(), "etNoSuchTag"]);
    let job = client.moment().add_moment_task(&req).await.unwrap();
    let fast = FollowOptions {
        first_delay: Duration::from_millis(5),
        ..FollowOptions::default()
    };
    let done = client
        .moment()
        .follow_moment_task(&job.jobid, &fast)
        .await
        .unwrap();
    let invalid = done.invalid_sender_list.unwrap();
    assert_eq!(invalid.user_list, ["nobody"]);
    assert_eq!(invalid.department_list, [1_000]);
    assert_eq!(
        done.invalid_external_contact_list.unwrap().tag_list,
        ["etNoSuchTag"]
    );
    let tasks: Vec<MomentTask> = client
        .moment()
        .get_moment_task_stream(GetMomentTaskRequest::new(&done.moment_id).limit(1))
        .try_collect()
        .await
        .unwrap();
    let senders: Vec<&str> = tasks.iter().map(|t| t.userid.as_str()).collect();
    assert_eq!(senders, [members[0].as_str(), members[1].as_str()]);
    assert_eq!(tasks[0].publish_status, PublishStatus::Published);
    assert_eq!(tasks[1].publish_status, PublishStatus::NotPublished);
    // Chosen: the sender's customers with the tag; reached: the same, once published.
    let chosen: Vec<MomentCustomer> = client
        .moment()
        .get_moment_customer_list_stream(GetMomentCustomerListRequest::new(
            &done.moment_id,
            &members[0],
        ))
        .try_collect()
        .await
        .unwrap();
    assert!(!chosen.is_empty());
    for c in &chosen {
        let customer = client
            .customer()
            .get(&c.external_userid, None)
            .await
            .unwrap();
        let follow = customer
            .follow_user
            .iter()
            .find(|f| f.userid == members[0])
            .unwrap();
        assert!(follow
            .tags
            .iter()
            .any(|t| t.tag_id.as_deref() == Some(tag.as_str())));
    }
    let reached: Vec<MomentSentCustomer> = client
        .moment()
        .get_moment_send_result_stream(GetMomentSendResultRequest::new(
            &done.moment_id,
            &members[0],
        ))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(reached.len(), chosen.len());
    let unpublished = client
        .moment()
        .get_moment_send_result(&GetMomentSendResultRequest::new(
            &done.moment_id,
            &members[1],
        ))
        .await
        .unwrap();
    assert!(unpublished.customer_list.is_empty());
    // The list shows it, partly visible, without a creator.
    let listed = client
        .moment()
        .get_moment_list(&GetMomentListRequest::new(NOW - 86_400, NOW + 86_400))
        .await
        .unwrap();
    assert_eq!(listed.moment_list.len(), 1);
    let moment = &listed.moment_list[0];
    assert_eq!(moment.moment_id, done.moment_id);
    assert_eq!(moment.creator, None);
    assert_eq!(moment.create_time, NOW);
    assert_eq!(moment.visible_type, VisibleType::Partial);
    assert_eq!(moment.text.as_ref().unwrap().content, "新品上市");
    assert_eq!(moment.image, [Media::new(&image)]);
    let personal = client
        .moment()
        .get_moment_list(
            &GetMomentListRequest::new(NOW - 86_400, NOW + 86_400)
                .filter_type(MomentFilter::Personal),
        )
        .await
        .unwrap();
    assert!(personal.moment_list.is_empty());
    client
        .moment()
        .cancel_moment_task(&CancelMomentTaskRequest::new(&done.moment_id))
        .await
        .unwrap();
    let err = client
        .moment()
        .cancel_moment_task(&CancelMomentTaskRequest::new("momNope"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(40058)));
}

#[tokio::test]
async fn interactions_are_drawn_from_the_customers_reached() {
    let (sandbox, client) = fixed().await;
    sandbox.set_moment_job_delay(Duration::ZERO);
    let (member, customers) = sandbox.follow_users().remove(0);
    let image = moment_image(&client, "a.png").await;
    let req = AddMomentTaskRequest::new()
        .attachment(Attachment::image_media(&image))
        .senders([member.as_str()]);
    let job = client.moment().add_moment_task(&req).await.unwrap();
    let done = client
        .moment()
        .follow_moment_task(&job.jobid, &FollowOptions::default())
        .await
        .unwrap();
    let reached: Vec<String> = client
        .moment()
        .get_moment_send_result_stream(GetMomentSendResultRequest::new(&done.moment_id, &member))
        .map_ok(|c| c.external_userid)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        reached.len(),
        customers,
        "a public moment reaches all the sender's customers"
    );
    let req = GetMomentCommentsRequest::new(&done.moment_id, &member);
    let interactions = client.moment().get_moment_comments(&req).await.unwrap();
    assert!(!interactions.like_list.is_empty() && !interactions.comment_list.is_empty());
    assert!(interactions.like_list.len() < customers);
    for like in &interactions.like_list {
        assert!(reached.contains(like.external_userid.as_ref().unwrap()));
        assert!(like.create_time > NOW && like.create_time <= NOW + 3_660);
    }
    let by_customers = interactions
        .comment_list
        .iter()
        .filter(|c| c.external_userid.is_some())
        .count();
    let by_member = interactions
        .comment_list
        .iter()
        .filter(|c| c.userid.as_deref() == Some(member.as_str()))
        .count();
    assert_eq!(by_customers, by_member, "the member answers each comment");
    // The same answer every time.
    assert_eq!(
        client.moment().get_moment_comments(&req).await.unwrap(),
        interactions
    );
}
