//! The message shapes, the notify flag and their limits are the shared ones of `wecom-content`, under
//! the names this crate has always used; and mass messages check the URL limit only their page gives.

use httpmock::MockServer;
use wecom_core::test_util::client;
use wecom_core::test_util::mock::mock_any_body;
use wecom_core::Error;
use wecom_messaging::*;

#[test]
fn the_names_are_the_shared_types() {
    let link: wecom_content::Link = Link::new("标题", "https://u");
    let attachment: wecom_content::Attachment = Attachment::from(link);
    let notify: wecom_content::Flag = Notify::Silent;
    assert_eq!(notify, wecom_content::Flag::No);
    assert_eq!(Notify::Notify, wecom_content::Flag::Yes);
    assert_eq!(attachment.msgtype(), "link");
    assert_eq!(
        (MAX_MSG_TEXT_BYTES, MAX_WELCOME_TEXT_BYTES, MAX_ATTACHMENTS),
        (
            wecom_content::MAX_TEXT_CONTENT_BYTES,
            wecom_content::MAX_TEXT_CONTENT_BYTES,
            wecom_content::MAX_ATTACHMENTS
        )
    );
}

fn url(bytes: usize) -> String {
    format!("https://e.com/{}", "a".repeat(bytes - 14))
}

#[tokio::test]
async fn a_mass_message_link_url_over_2048_bytes_is_never_sent() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(
        &server,
        "/cgi-bin/externalcontact/add_msg_template",
        include_str!("fixtures/add_msg_template.json"),
    )
    .await;
    let client = client(&server.base_url());
    let with = |link: Link| {
        AddMsgTemplateRequest::to_customers(["wm1"])
            .text("hi")
            .attachment(Attachment::video("V"))
            .attachment(link)
    };
    for (req, expected) in [
        (
            with(Link::new("t", url(2_049))),
            "attachments[1].link.url is 2049 bytes; at most 2048 allowed",
        ),
        (
            with(Link::new("t", "https://u").picurl(url(2_049))),
            "attachments[1].link.picurl is 2049 bytes; at most 2048 allowed",
        ),
    ] {
        let err = client.messaging().add_msg_template(&req).await.unwrap_err();
        match err {
            Error::InvalidRequest(m) => assert!(m.ends_with(expected), "{m}"),
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }
    mock.assert_calls_async(0).await;
    assert!(with(Link::new("t", url(2_048)).picurl(url(2_048)))
        .check()
        .is_ok());
}

#[test]
fn welcome_messages_and_templates_keep_their_link_urls_unchecked() {
    // Docs 92137 and 92366 give no URL limit, so none is enforced there.
    let welcome = SendWelcomeMsgRequest::new("CODE").attachment(Link::new("t", url(3_000)));
    assert!(welcome.check().is_ok());
    let template = AddGroupWelcomeTemplateRequest::new(
        GroupWelcomeContent::default().link(Link::new("t", url(3_000))),
    );
    assert!(template.check().is_ok());
    // Their titles are still checked, by the shared Link check.
    let long = AddGroupWelcomeTemplateRequest::new(
        GroupWelcomeContent::default().link(Link::new("a".repeat(129), "https://u")),
    );
    assert!(
        matches!(long.check(), Err(Error::InvalidRequest(m)) if m == "link.title is 129 bytes; at most 128 allowed")
    );
}
