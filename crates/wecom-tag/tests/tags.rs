//! One test per endpoint: exact method, path, token and body; decoded fields; one hit.

use serde_json::json;
use wecom_core::test_util::{assert_api_error, client, mock::mock_post, mock::mock_status};
use wecom_core::{EmptyResponse, ErrCode, Error};
use wecom_tag::{
    AddCorpTagRequest, DelCorpTagRequest, EditCorpTagRequest, GetCorpTagListRequest,
    MarkTagRequest, NewCorpTag, TagExt,
};

#[tokio::test]
async fn get_corp_tag_list_without_filters_sends_an_empty_body() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/get_corp_tag_list",
        json!({}),
        include_str!("fixtures/get_corp_tag_list.json"),
    )
    .await;

    let groups = client(&server.base_url())
        .tag()
        .get_corp_tag_list(&GetCorpTagListRequest::new())
        .await
        .unwrap()
        .tag_group;

    assert_eq!(groups.len(), 2);
    let g = &groups[0];
    assert_eq!(g.group_id, "etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA");
    assert_eq!(g.group_name, "客户等级");
    assert_eq!(g.create_time, 1_557_838_797);
    assert_eq!(g.order, 2);
    assert_eq!(g.deleted, None);
    assert_eq!(g.tag.len(), 2);
    assert_eq!(g.tag[1].id, "etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9BBB");
    assert_eq!(g.tag[1].name, "重要");
    assert_eq!(g.tag[1].create_time, 1_557_838_798);
    assert_eq!(g.tag[1].order, 2);
    assert_eq!(g.tag[1].deleted, None);
    assert_eq!(groups[1].group_name, "来源渠道");
    assert_eq!(groups[1].tag[0].name, "线下门店");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_corp_tag_list_with_filters_decodes_deleted_flags() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/get_corp_tag_list",
        json!({
            "tag_id": ["etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9BBB"],
            "group_id": ["etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA"]
        }),
        include_str!("fixtures/get_corp_tag_list_filtered.json"),
    )
    .await;
    let req = GetCorpTagListRequest::new()
        .tag_id(["etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9BBB"])
        .group_id(["etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA"]);

    let groups = client(&server.base_url())
        .tag()
        .get_corp_tag_list(&req)
        .await
        .unwrap()
        .tag_group;

    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].deleted, Some(false));
    assert_eq!(groups[0].tag[0].name, "重要");
    assert_eq!(groups[0].tag[0].deleted, Some(true));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_corp_tag_creates_a_named_group() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/add_corp_tag",
        json!({
            "group_name": "客户等级",
            "order": 1,
            "tag": [{"name": "一般"}, {"name": "重要", "order": 9}],
            "agentid": 1000014
        }),
        include_str!("fixtures/add_corp_tag.json"),
    )
    .await;
    let req = AddCorpTagRequest::new_group("客户等级", ["一般"])
        .tag(NewCorpTag::new("重要").order(9))
        .order(1)
        .agentid(1_000_014);

    let group = client(&server.base_url())
        .tag()
        .add_corp_tag(&req)
        .await
        .unwrap()
        .tag_group;

    assert_eq!(group.group_id, "etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA");
    assert_eq!(group.group_name, "客户等级");
    assert_eq!(group.create_time, 1_557_838_797);
    assert_eq!(group.order, 1);
    assert_eq!(group.deleted, None);
    let names: Vec<(&str, &str, i64)> = group
        .tag
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str(), t.order))
        .collect();
    assert_eq!(
        names,
        [
            ("etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA", "一般", 0),
            ("etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9BBB", "重要", 9)
        ]
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_corp_tag_to_an_existing_group_sends_group_id() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/add_corp_tag",
        json!({"group_id": "etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA", "tag": [{"name": "核心"}]}),
        include_str!("fixtures/add_corp_tag.json"),
    )
    .await;

    let resp = client(&server.base_url())
        .tag()
        .add_corp_tag(&AddCorpTagRequest::in_group(
            "etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA",
            ["核心"],
        ))
        .await
        .unwrap();

    assert_eq!(resp.tag_group.tag.len(), 2);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_corp_tag_is_not_resent_after_a_502() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_status(&server, "/cgi-bin/externalcontact/add_corp_tag", 502).await;

    let err = client(&server.base_url())
        .tag()
        .add_corp_tag(&AddCorpTagRequest::new_group("客户等级", ["一般"]))
        .await
        .unwrap_err();

    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn edit_corp_tag_sends_agentid_not_agent_id() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/edit_corp_tag",
        json!({
            "id": "etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9BBB",
            "name": "重要客户",
            "order": 5,
            "agentid": 1000014
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = EditCorpTagRequest::new("etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9BBB")
        .name("重要客户")
        .order(5)
        .agentid(1_000_014);

    let resp = client(&server.base_url())
        .tag()
        .edit_corp_tag(&req)
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_corp_tag_sends_ids_and_agentid() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/del_corp_tag",
        json!({
            "tag_id": ["TAG_ID_1", "TAG_ID_2"],
            "group_id": ["GROUP_ID_1"],
            "agentid": 1000014
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = DelCorpTagRequest::new()
        .tag_id(["TAG_ID_1", "TAG_ID_2"])
        .group_id(["GROUP_ID_1"])
        .agentid(1_000_014);

    let resp = client(&server.base_url())
        .tag()
        .del_corp_tag(&req)
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn mark_tag_sends_added_and_removed_tags() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/mark_tag",
        json!({
            "userid": "zhangsan",
            "external_userid": "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA",
            "add_tag": ["TAGID1", "TAGID2"],
            "remove_tag": ["TAGID3"]
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = MarkTagRequest::new("zhangsan", "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA")
        .add_tag(["TAGID1", "TAGID2"])
        .remove_tag(["TAGID3"]);

    let resp = client(&server.base_url())
        .tag()
        .mark_tag(&req)
        .await
        .unwrap();

    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn mark_tag_on_a_non_customer_is_errcode_84061() {
    let server = httpmock::MockServer::start_async().await;
    let mock = mock_post(
        &server,
        "/cgi-bin/externalcontact/mark_tag",
        json!({"userid": "zhangsan", "external_userid": "wm_stranger", "add_tag": ["TAGID1"]}),
        include_str!("fixtures/error_84061.json"),
    )
    .await;

    let err = client(&server.base_url())
        .tag()
        .mark_tag(&MarkTagRequest::new("zhangsan", "wm_stranger").add_tag(["TAGID1"]))
        .await
        .unwrap_err();

    assert_eq!(err.code(), Some(ErrCode(84061)));
    assert_eq!(err.code(), Some(ErrCode::NO_EXTERNAL_CONTACT));
    assert!(!err.is_retryable());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_corp_tag_list_without_customer_contact_permission_is_errcode_84074() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/get_corp_tag_list";
    let mock = mock_post(
        &server,
        path,
        json!({"group_id": ["etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA"]}),
        include_str!("fixtures/error_84074.json"),
    )
    .await;

    let result = client(&server.base_url())
        .tag()
        .get_corp_tag_list(
            &GetCorpTagListRequest::new().group_id(["etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA"]),
        )
        .await;

    assert_api_error(result, 84074, path);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_corp_tag_with_a_name_already_in_the_group_is_errcode_40071() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/add_corp_tag";
    let mock = mock_post(
        &server,
        path,
        json!({"group_id": "etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA", "tag": [{"name": "重要"}]}),
        include_str!("fixtures/error_40071.json"),
    )
    .await;

    let result = client(&server.base_url())
        .tag()
        .add_corp_tag(&AddCorpTagRequest::in_group(
            "etAJ2GCAAAGNxG0kZ3F8DW4KLzsFAAAA",
            ["重要"],
        ))
        .await;

    assert_api_error(result, 40071, path);
    // Not retryable, and add_corp_tag is never re-sent anyway: exactly one request.
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn edit_corp_tag_with_an_unknown_tag_id_is_errcode_40068() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/edit_corp_tag";
    let mock = mock_post(
        &server,
        path,
        json!({"id": "etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9ZZZ", "name": "重要客户"}),
        include_str!("fixtures/error_40068.json"),
    )
    .await;

    let result = client(&server.base_url())
        .tag()
        .edit_corp_tag(
            &EditCorpTagRequest::new("etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9ZZZ").name("重要客户"),
        )
        .await;

    assert_api_error(result, 40068, path);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_corp_tag_of_an_already_deleted_tag_is_errcode_40068() {
    let server = httpmock::MockServer::start_async().await;
    let path = "/cgi-bin/externalcontact/del_corp_tag";
    let mock = mock_post(
        &server,
        path,
        json!({"tag_id": ["etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9ZZZ"]}),
        include_str!("fixtures/error_40068.json"),
    )
    .await;

    let result = client(&server.base_url())
        .tag()
        .del_corp_tag(&DelCorpTagRequest::new().tag_id(["etAJ2GCAAAd1NPGHKSD4wKmE8Aabj9ZZZ"]))
        .await;

    assert_api_error(result, 40068, path);
    mock.assert_calls_async(1).await;
}
