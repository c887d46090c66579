//! Each documented rule is checked before sending: the request never reaches the server.

use httpmock::Method::POST;
use wecom_core::test_util::client;
use wecom_core::Error;
use wecom_tag::{
    AddCorpTagRequest, AddStrategyTagRequest, DelCorpTagRequest, DelStrategyTagRequest,
    EditCorpTagRequest, EditStrategyTagRequest, MarkTagRequest, NewCorpTag, TagExt,
    MAX_TAG_NAME_CHARS,
};

fn message(result: wecom_core::Result<()>) -> String {
    match result {
        Err(Error::InvalidRequest(msg)) => msg,
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

#[test]
fn add_needs_a_group_id_or_name() {
    let mut req = AddCorpTagRequest::new_group("客户等级", ["一般"]);
    assert!(req.check().is_ok());
    req.group_name = None;
    let msg = message(req.check());
    assert!(msg.contains("group_id or group_name"), "{msg}");
    req.group_name = Some(String::new());
    assert!(message(req.check()).contains("group_id or group_name"));
    assert!(AddCorpTagRequest::in_group("GROUP_ID", ["一般"])
        .check()
        .is_ok());
}

#[test]
fn add_needs_at_least_one_tag() {
    let msg = message(AddCorpTagRequest::new_group("客户等级", Vec::<NewCorpTag>::new()).check());
    assert!(msg.contains("at least one tag"), "{msg}");
}

#[test]
fn add_names_are_required_and_at_most_30_characters() {
    assert_eq!(MAX_TAG_NAME_CHARS, 30);
    assert!(
        AddCorpTagRequest::new_group("组".repeat(30), ["签".repeat(30)])
            .check()
            .is_ok()
    );
    let msg = message(AddCorpTagRequest::new_group("组".repeat(31), ["一般"]).check());
    assert!(msg.contains("group_name") && msg.contains("30"), "{msg}");
    let msg = message(AddCorpTagRequest::new_group("组", ["一般", &"签".repeat(31)]).check());
    assert!(msg.contains("tag[1].name") && msg.contains("30"), "{msg}");
    let msg = message(AddCorpTagRequest::new_group("组", [""]).check());
    assert!(msg.contains("tag[0].name is required"), "{msg}");
}

#[test]
fn edit_name_is_at_most_30_characters() {
    assert!(EditCorpTagRequest::new("TAG")
        .name("签".repeat(30))
        .check()
        .is_ok());
    assert!(EditCorpTagRequest::new("TAG").order(1).check().is_ok());
    let msg = message(EditCorpTagRequest::new("TAG").name("签".repeat(31)).check());
    assert!(msg.contains("name") && msg.contains("30"), "{msg}");
}

#[test]
fn del_needs_tag_id_or_group_id() {
    let msg = message(DelCorpTagRequest::new().agentid(1).check());
    assert!(msg.contains("tag_id and group_id"), "{msg}");
    assert!(DelCorpTagRequest::new().tag_id(["T"]).check().is_ok());
    assert!(DelCorpTagRequest::new().group_id(["G"]).check().is_ok());
}

#[test]
fn mark_needs_add_tag_or_remove_tag() {
    let msg = message(MarkTagRequest::new("zhangsan", "wm1").check());
    assert!(msg.contains("add_tag and remove_tag"), "{msg}");
    assert!(MarkTagRequest::new("zhangsan", "wm1")
        .add_tag(["T"])
        .check()
        .is_ok());
    assert!(MarkTagRequest::new("zhangsan", "wm1")
        .remove_tag(["T"])
        .check()
        .is_ok());
}

#[test]
fn strategy_tags_follow_the_corp_tag_rules() {
    assert!(
        AddStrategyTagRequest::new_group(1, "组".repeat(30), ["签".repeat(30)])
            .check()
            .is_ok()
    );
    let msg = message(AddStrategyTagRequest::new_group(1, "组".repeat(31), ["一般"]).check());
    assert!(msg.contains("group_name") && msg.contains("30"), "{msg}");
    let msg =
        message(AddStrategyTagRequest::new_group(1, "组", ["一般", &"签".repeat(31)]).check());
    assert!(msg.contains("tag[1].name") && msg.contains("30"), "{msg}");
    let msg = message(AddStrategyTagRequest::new_group(1, "", ["一般"]).check());
    assert!(msg.contains("group_id or group_name"), "{msg}");
    let msg = message(AddStrategyTagRequest::in_group(1, "G", Vec::<NewCorpTag>::new()).check());
    assert!(msg.contains("at least one tag"), "{msg}");
    let msg = message(
        EditStrategyTagRequest::new("T")
            .name("签".repeat(31))
            .check(),
    );
    assert!(msg.contains("name") && msg.contains("30"), "{msg}");
    assert!(EditStrategyTagRequest::new("T").order(1).check().is_ok());
    let msg = message(DelStrategyTagRequest::new().check());
    assert!(msg.contains("tag_id and group_id"), "{msg}");
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
    let api = client.tag();

    let errs = [
        api.add_corp_tag(&AddCorpTagRequest::new_group(
            "组",
            Vec::<NewCorpTag>::new(),
        ))
        .await
        .map(drop),
        api.edit_corp_tag(&EditCorpTagRequest::new("T").name("签".repeat(31)))
            .await
            .map(drop),
        api.del_corp_tag(&DelCorpTagRequest::new()).await.map(drop),
        api.mark_tag(&MarkTagRequest::new("zhangsan", "wm1"))
            .await
            .map(drop),
        api.add_strategy_tag(&AddStrategyTagRequest::new_group(1, "组", [""]))
            .await
            .map(drop),
        api.edit_strategy_tag(&EditStrategyTagRequest::new("T").name("签".repeat(31)))
            .await
            .map(drop),
        api.del_strategy_tag(&DelStrategyTagRequest::new())
            .await
            .map(drop),
    ];
    for err in errs {
        assert!(matches!(err, Err(Error::InvalidRequest(_))), "{err:?}");
    }
    any.assert_calls_async(0).await;
}
