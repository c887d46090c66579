//! Each documented limit is checked before sending: the request never reaches the server.

use httpmock::Method::POST;
use wecom_contact_way::{
    AddContactWayRequest, ConclusionLink, ConclusionMiniProgram, Conclusions, ContactWayExt,
    ContactWayScene, ContactWayType, ListContactWayRequest, UpdateContactWayRequest,
    MAX_TEMP_EXPIRES_IN,
};
use wecom_core::test_util::client;
use wecom_core::Error;

fn single() -> AddContactWayRequest {
    AddContactWayRequest::new(ContactWayType::Single, ContactWayScene::QrCode).user(["zhangsan"])
}

fn multi() -> AddContactWayRequest {
    AddContactWayRequest::new(ContactWayType::Multi, ContactWayScene::QrCode)
}

fn message(result: wecom_core::Result<()>) -> String {
    match result {
        Err(Error::InvalidRequest(msg)) => msg,
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

#[test]
fn state_is_at_most_30_characters() {
    assert!(single().state("渠".repeat(30)).check().is_ok());
    let msg = message(single().state("渠".repeat(31)).check());
    assert!(msg.contains("state") && msg.contains("30"), "{msg}");
    let msg = message(
        UpdateContactWayRequest::new("cfg")
            .state("s".repeat(31))
            .check(),
    );
    assert!(msg.contains("state"), "{msg}");
}

#[test]
fn remark_is_at_most_30_characters() {
    assert!(single().remark("备".repeat(30)).check().is_ok());
    let msg = message(single().remark("备".repeat(31)).check());
    assert!(msg.contains("remark") && msg.contains("30"), "{msg}");
    let msg = message(
        UpdateContactWayRequest::new("cfg")
            .remark("r".repeat(31))
            .check(),
    );
    assert!(msg.contains("remark"), "{msg}");
}

#[test]
fn user_is_at_most_100_entries() {
    let users = |n: usize| (0..n).map(|i| format!("user{i}")).collect::<Vec<_>>();
    assert!(multi().user(users(100)).check().is_ok());
    let msg = message(multi().user(users(101)).check());
    assert!(msg.contains("user") && msg.contains("100"), "{msg}");
    let msg = message(UpdateContactWayRequest::new("cfg").user(users(101)).check());
    assert!(msg.contains("user"), "{msg}");
}

#[test]
fn party_is_at_most_100_entries() {
    assert!(multi().party(1..=100).check().is_ok());
    let msg = message(multi().party(1..=101).check());
    assert!(msg.contains("party") && msg.contains("100"), "{msg}");
    let msg = message(UpdateContactWayRequest::new("cfg").party(1..=101).check());
    assert!(msg.contains("party"), "{msg}");
}

#[test]
fn single_needs_exactly_one_user() {
    let none = AddContactWayRequest::new(ContactWayType::Single, ContactWayScene::QrCode);
    let msg = message(none.check());
    assert!(msg.contains("exactly one"), "{msg}");
    let two = none.clone().user(["zhangsan", "lisi"]);
    assert!(message(two.check()).contains("got 2"));
    // Departments do not stand in for the one member of a 单人 way.
    assert!(message(none.party([2]).check()).contains("exactly one"));
    assert!(single().check().is_ok());
}

#[test]
fn temporary_chat_is_single_only() {
    let msg = message(multi().user(["zhangsan"]).is_temp(true).check());
    assert!(msg.contains("is_temp"), "{msg}");
    assert!(single().is_temp(true).check().is_ok());
}

#[test]
fn temporary_lifetimes_are_at_most_14_days() {
    assert_eq!(MAX_TEMP_EXPIRES_IN, 1_209_600);
    assert!(single()
        .temp(MAX_TEMP_EXPIRES_IN, MAX_TEMP_EXPIRES_IN)
        .check()
        .is_ok());
    let msg = message(single().temp(MAX_TEMP_EXPIRES_IN + 1, 60).check());
    assert!(msg.contains("expires_in"), "{msg}");
    let msg = message(single().temp(60, MAX_TEMP_EXPIRES_IN + 1).check());
    assert!(msg.contains("chat_expires_in"), "{msg}");
    let msg = message(
        UpdateContactWayRequest::new("cfg")
            .chat_expires_in(MAX_TEMP_EXPIRES_IN + 1)
            .check(),
    );
    assert!(msg.contains("chat_expires_in"), "{msg}");
}

#[test]
fn conclusions_may_not_be_empty_and_texts_have_byte_limits() {
    let msg = message(single().conclusions(Conclusions::new()).check());
    assert!(msg.contains("may not all be empty"), "{msg}");

    // 4000 bytes: 1333 three-byte characters fit, 1334 do not.
    assert!(single()
        .conclusions(Conclusions::new().text("谢".repeat(1333)))
        .check()
        .is_ok());
    let msg = message(
        single()
            .conclusions(Conclusions::new().text("谢".repeat(1334)))
            .check(),
    );
    assert!(
        msg.contains("conclusions.text.content") && msg.contains("4000"),
        "{msg}"
    );

    let link = |title: String, desc: String| {
        Conclusions::new().link(ConclusionLink::new(title, "https://example.com").desc(desc))
    };
    let msg = message(
        single()
            .conclusions(link("t".repeat(129), String::new()))
            .check(),
    );
    assert!(msg.contains("conclusions.link.title"), "{msg}");
    let msg = message(
        single()
            .conclusions(link("t".into(), "d".repeat(513)))
            .check(),
    );
    assert!(msg.contains("conclusions.link.desc"), "{msg}");

    let mp = |title: String| {
        Conclusions::new().miniprogram(ConclusionMiniProgram::new(title, "MEDIA", "wx1", "/p"))
    };
    assert!(single().conclusions(mp("m".repeat(64))).check().is_ok());
    let msg = message(single().conclusions(mp("m".repeat(65))).check());
    assert!(msg.contains("conclusions.miniprogram.title"), "{msg}");

    let msg = message(
        UpdateContactWayRequest::new("cfg")
            .conclusions(Conclusions::new())
            .check(),
    );
    assert!(msg.contains("may not all be empty"), "{msg}");
}

#[test]
fn list_limit_is_at_most_1000() {
    assert!(ListContactWayRequest::new().limit(1000).check().is_ok());
    let msg = message(ListContactWayRequest::new().limit(1001).check());
    assert!(msg.contains("limit") && msg.contains("1000"), "{msg}");
}

#[tokio::test]
async fn invalid_requests_are_never_sent() {
    let server = httpmock::MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.method(POST);
            then.status(200).body(r#"{"errcode":0,"errmsg":"ok"}"#);
        })
        .await;
    let client = client(&server.base_url());
    let api = client.contact_way();

    let err = api
        .add_contact_way(&single().state("s".repeat(31)))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    let err = api
        .update_contact_way(&UpdateContactWayRequest::new("cfg").party(1..=101))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    let err = api
        .list_contact_way(&ListContactWayRequest::new().limit(5000))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");

    any.assert_calls_async(0).await;
}
