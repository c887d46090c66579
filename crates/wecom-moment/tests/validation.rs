//! WeCom's documented rules, checked before anything is sent.

use httpmock::MockServer;
use wecom_core::test_util::client;
use wecom_core::Error;
use wecom_moment::*;

fn message<T: std::fmt::Debug>(result: wecom_core::Result<T>) -> String {
    match result {
        Err(Error::InvalidRequest(m)) => m,
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

#[tokio::test]
async fn invalid_requests_are_never_sent() {
    let server = MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(500);
        })
        .await;
    let api = client(&server.base_url());
    let moment = api.moment();
    let add = "/cgi-bin/externalcontact/add_moment_task";
    let images = |n: usize| {
        (0..n).fold(AddMomentTaskRequest::new(), |r, i| {
            r.attachment(Attachment::image_media(format!("M{i}")))
        })
    };
    for (req, expected) in [
        (
            AddMomentTaskRequest::new(),
            "the moment is empty: give text.content or at least one attachment",
        ),
        (
            AddMomentTaskRequest::new().text("字".repeat(2001)),
            "text.content has 2001 characters; at most 2000 allowed",
        ),
        (images(10), "attachments holds 10 entries; 1 to 9 allowed"),
        (
            images(1).attachment(Attachment::video("V")),
            "attachments[1] is a video, attachments[0] a image: a moment takes images, or one \
             video, or one link, not a mix",
        ),
        (
            AddMomentTaskRequest::new()
                .attachment(Attachment::video("V1"))
                .attachment(Attachment::video("V2")),
            "attachments holds 2 entries; 1 to 1 allowed",
        ),
        (
            AddMomentTaskRequest::new().attachment(Attachment::file("F")),
            "attachments[0].msgtype is \"file\"; a moment takes image, video or link",
        ),
        (
            AddMomentTaskRequest::new().attachment(Attachment::image_url("https://p.qpic.cn/x")),
            "attachments[0].image.media_id is required",
        ),
        (
            AddMomentTaskRequest::new().attachment(Attachment::video("")),
            "attachments[0].video.media_id is required",
        ),
        (
            AddMomentTaskRequest::new().attachment(Link::new("t", "https://u")),
            "attachments[0].link.media_id is required",
        ),
        (
            AddMomentTaskRequest::new().attachment(Link::new("t", "").media_id("C")),
            "attachments[0].link.url is required",
        ),
        (
            AddMomentTaskRequest::new()
                .attachment(Link::new("t", "https://u").media_id("C").desc("d")),
            "attachments[0].link takes title, url and media_id (the cover); picurl and desc \
             belong to messages",
        ),
        (
            AddMomentTaskRequest::new()
                .attachment(Link::new("标".repeat(22), "https://u").media_id("C")),
            "attachments[0].link.title is 66 bytes; at most 64 allowed",
        ),
        (
            AddMomentTaskRequest::new()
                .text("hi")
                .senders((0..100_001).map(|i| format!("u{i}"))),
            "visible_range.sender_list.user_list holds 100001 entries; at most 100000 allowed",
        ),
    ] {
        assert_eq!(
            message(moment.add_moment_task(&req).await),
            format!("{add}: {expected}")
        );
    }
    let list = "/cgi-bin/externalcontact/get_moment_list";
    assert_eq!(
        message(
            moment
                .get_moment_list(&GetMomentListRequest::new(0, 30 * 86_400 + 1))
                .await
        ),
        format!("{list}: start_time..end_time spans 2592001 seconds; at most 30 days (2592000 s) allowed")
    );
    assert_eq!(
        message(
            moment
                .get_moment_list(&GetMomentListRequest::new(0, 10).limit(21))
                .await
        ),
        format!("{list}: limit is 21; 1 to 20 allowed")
    );
    assert_eq!(
        message(
            moment
                .get_moment_task(&GetMomentTaskRequest::new("m").limit(1001))
                .await
        ),
        "/cgi-bin/externalcontact/get_moment_task: limit is 1001; 1 to 1000 allowed"
    );
    assert_eq!(
        message(
            moment
                .get_moment_customer_list(&GetMomentCustomerListRequest::new("m", "u").limit(0))
                .await
        ),
        "/cgi-bin/externalcontact/get_moment_customer_list: limit is 0; 1 to 1000 allowed"
    );
    assert_eq!(
        message(
            moment
                .get_moment_send_result(&GetMomentSendResultRequest::new("m", "u").limit(5001))
                .await
        ),
        "/cgi-bin/externalcontact/get_moment_send_result: limit is 5001; 1 to 5000 allowed"
    );
    any.assert_calls_async(0).await;
}

#[test]
fn the_limits_themselves_are_allowed() {
    let nine = (0..9).fold(AddMomentTaskRequest::new(), |r, i| {
        r.attachment(Attachment::image_media(format!("M{i}")))
    });
    assert!(nine.check().is_ok());
    assert!(AddMomentTaskRequest::new()
        .text("字".repeat(2000))
        .check()
        .is_ok());
    assert!(AddMomentTaskRequest::new()
        .attachment(Link::new("a".repeat(64), "https://u").media_id("C"))
        .check()
        .is_ok());
    assert!(GetMomentListRequest::new(0, 30 * 86_400)
        .limit(20)
        .check()
        .is_ok());
}
