//! groupchat/list, groupchat/get and opengid_to_chatid against a mock WeCom.

use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::{ErrCode, Error};
use wecom_group_chat::*;

const LIST: &str = "/cgi-bin/externalcontact/groupchat/list";
const GET: &str = "/cgi-bin/externalcontact/groupchat/get";
const OPENGID: &str = "/cgi-bin/externalcontact/opengid_to_chatid";

#[tokio::test]
async fn list_sends_filters_and_decodes_a_page() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({
            "status_filter": 1,
            "owner_filter": {"userid_list": ["abel", "张三"]},
            "cursor": "r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI",
            "limit": 10
        }),
        include_str!("fixtures/groupchat_list.json"),
    )
    .await;
    let req = GroupChatListRequest::new(10)
        .status_filter(StatusFilter::ResignedPending)
        .owner_filter(["abel", "张三"])
        .cursor("r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI");
    let resp = client(&server.base_url())
        .group_chat()
        .list(&req)
        .await
        .unwrap();
    assert_eq!(resp.group_chat_list.len(), 2);
    assert_eq!(
        resp.group_chat_list[0].chat_id,
        "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"
    );
    assert_eq!(resp.group_chat_list[0].status, GroupChatStatus::Normal);
    assert_eq!(
        resp.group_chat_list[1].chat_id,
        "wrOgQhDgAAcwMTB7YmDkbeBsAAAA"
    );
    assert_eq!(
        resp.group_chat_list[1].status,
        GroupChatStatus::OwnerResigned
    );
    assert_eq!(
        resp.next_cursor,
        "tJzlB9tdqfh-g7i_J-ehOz_TWcd7dSKa39_AqCIeMFw"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_sends_only_limit_when_nothing_else_is_set() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({"limit": 1000}),
        include_str!("fixtures/groupchat_list.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .group_chat()
        .list(&GroupChatListRequest::new(1000))
        .await
        .unwrap();
    assert_eq!(resp.group_chat_list.len(), 2);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_stream_walks_three_pages() {
    let server = MockServer::start_async().await;
    let page = |chats: &[(&str, i64)], next: &str| {
        json!({
            "errcode": 0, "errmsg": "ok",
            "group_chat_list": chats.iter().map(|(id, s)| json!({"chat_id": id, "status": s})).collect::<Vec<_>>(),
            "next_cursor": next
        })
        .to_string()
    };
    let first = mock_post(
        &server,
        LIST,
        json!({"owner_filter": {"userid_list": ["zhangsan"]}, "limit": 2}),
        &page(&[("wrChat1", 0), ("wrChat2", 0)], "CURSOR_2"),
    )
    .await;
    let second = mock_post(
        &server,
        LIST,
        json!({"owner_filter": {"userid_list": ["zhangsan"]}, "cursor": "CURSOR_2", "limit": 2}),
        &page(&[("wrChat3", 2), ("wrChat4", 3)], "CURSOR_3"),
    )
    .await;
    let third = mock_post(
        &server,
        LIST,
        json!({"owner_filter": {"userid_list": ["zhangsan"]}, "cursor": "CURSOR_3", "limit": 2}),
        &page(&[("wrChat5", 1)], ""),
    )
    .await;
    let items: Vec<GroupChatListItem> = client(&server.base_url())
        .group_chat()
        .list_stream(GroupChatListRequest::new(2).owner_filter(["zhangsan"]))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = items.iter().map(|c| c.chat_id.as_str()).collect();
    assert_eq!(ids, ["wrChat1", "wrChat2", "wrChat3", "wrChat4", "wrChat5"]);
    assert_eq!(items[2].status, GroupChatStatus::Transferring);
    assert_eq!(items[3].status, GroupChatStatus::Transferred);
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
    third.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_without_owner_filter_reports_81017() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({"limit": 100}),
        include_str!("fixtures/error_81017.json"),
    )
    .await;
    let err = client(&server.base_url())
        .group_chat()
        .list(&GroupChatListRequest::new(100))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(81017)));
    assert_eq!(err.code(), Some(ErrCode::VISIBLE_RANGE_EXCEEDED));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_limits_are_checked_before_sending() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(&server, LIST, include_str!("fixtures/groupchat_list.json")).await;
    let api_client = client(&server.base_url());
    for limit in [0, 1001] {
        let err = api_client
            .group_chat()
            .list(&GroupChatListRequest::new(limit))
            .await
            .unwrap_err();
        match err {
            Error::InvalidRequest(msg) => assert!(msg.contains("limit"), "{msg}"),
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }
    let owners: Vec<String> = (0..101).map(|i| format!("user{i}")).collect();
    let err = api_client
        .group_chat()
        .list(&GroupChatListRequest::new(10).owner_filter(owners))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("userid_list")),
        "{err:?}"
    );
    mock.assert_calls_async(0).await;
    // The bounds themselves are accepted.
    assert!(GroupChatListRequest::new(1).check().is_ok());
    assert!(GroupChatListRequest::new(1000).check().is_ok());
}

#[tokio::test]
async fn get_sends_need_name_as_integer_and_decodes_members() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        GET,
        json!({"chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "need_name": 1}),
        include_str!("fixtures/groupchat_get.json"),
    )
    .await;
    let req = GroupChatGetRequest::new("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA").need_name(true);
    let chat = client(&server.base_url())
        .group_chat()
        .get(&req)
        .await
        .unwrap()
        .group_chat;
    assert_eq!(chat.chat_id, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
    assert_eq!(chat.name, "销售客服群");
    assert_eq!(chat.owner, "ZhuShengBen");
    assert_eq!(chat.create_time, 1572505490);
    assert_eq!(chat.notice.as_deref(), Some("文明沟通，拒绝脏话"));
    assert_eq!(
        chat.member_version.as_deref(),
        Some("71217227bbd112ecfe3a49c482195cb4")
    );
    assert_eq!(chat.member_list.len(), 2);

    let abel = &chat.member_list[0];
    assert_eq!(abel.userid, "abel");
    assert_eq!(abel.member_type, MemberType::Member);
    assert_eq!(abel.join_time, 1572505491);
    assert_eq!(abel.join_scene, JoinScene::DirectInvite);
    assert_eq!(
        abel.invitor.as_ref().map(|i| i.userid.as_str()),
        Some("jack")
    );
    assert_eq!(abel.group_nickname, "客服小张");
    assert_eq!(abel.name.as_deref(), Some("张三丰"));
    assert_eq!(abel.unionid, None);
    assert_eq!(abel.state, None);

    let customer = &chat.member_list[1];
    assert_eq!(customer.userid, "wmOgQhDgAAuXFJGwbve4g4iXknfOAAAA");
    assert_eq!(customer.member_type, MemberType::ExternalContact);
    assert_eq!(
        customer.unionid.as_deref(),
        Some("ozynqsulJFCZ2z1aYeS8h-nuasdAAA")
    );
    assert_eq!(customer.join_scene, JoinScene::QrCode);
    assert_eq!(customer.invitor, None);
    assert_eq!(customer.group_nickname, "顾客老王");
    assert_eq!(customer.name.as_deref(), Some("王语嫣"));
    assert_eq!(customer.state.as_deref(), Some("klsdup3kj3s1"));

    let admins: Vec<&str> = chat.admin_list.iter().map(|a| a.userid.as_str()).collect();
    assert_eq!(admins, ["sam", "pony"]);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_without_need_name_omits_it() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        GET,
        json!({"chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"}),
        include_str!("fixtures/groupchat_get.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .group_chat()
        .get(&GroupChatGetRequest::new("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"))
        .await
        .unwrap();
    assert_eq!(resp.group_chat.owner, "ZhuShengBen");
    mock.assert_calls_async(1).await;
    assert_eq!(
        serde_json::to_value(GroupChatGetRequest::new("c").need_name(false)).unwrap(),
        json!({"chat_id": "c", "need_name": 0})
    );
}

#[tokio::test]
async fn opengid_to_chatid_returns_the_chat_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        OPENGID,
        json!({"opengid": "oAAAAAAA"}),
        include_str!("fixtures/opengid_to_chatid.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .group_chat()
        .opengid_to_chatid("oAAAAAAA")
        .await
        .unwrap();
    assert_eq!(resp.chat_id, "ooAAAAAAAAAAAAAAAAAAAA");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_with_an_unknown_chat_id_is_errcode_40050() {
    // What WeCom answers for a chat_id it does not know (a typo, or an id of another corp).
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        GET,
        json!({"chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVQUAAAA", "need_name": 1}),
        &wecom_error(40050, "invalid group id"),
    )
    .await;
    let result = client(&server.base_url())
        .group_chat()
        .get(&GroupChatGetRequest::new("wrOgQhDgAAMYQiS5ol9G7gK9JVQUAAAA").need_name(true))
        .await;
    assert_api_error(result, 40050, GET);
    // A business errcode is final: the idempotent read is not retried.
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn opengid_to_chatid_of_a_non_customer_group_is_errcode_90501() {
    // Only customer groups (客户群) created by the corp's staff convert; an opengid of an ordinary
    // WeChat group answers 90501 (该群不是客户群).
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        OPENGID,
        json!({"opengid": "tGBcb35a1mZL7nYkGQ0x3Xx8qOAA"}),
        &wecom_error(90501, "chat is not external group chat"),
    )
    .await;
    let result = client(&server.base_url())
        .group_chat()
        .opengid_to_chatid("tGBcb35a1mZL7nYkGQ0x3Xx8qOAA")
        .await;
    assert_api_error(result, 90501, OPENGID);
    mock.assert_calls_async(1).await;
}

#[test]
fn unknown_fields_and_codes_still_decode() {
    let resp: GroupChatGetResponse =
        serde_json::from_str(include_str!("fixtures/groupchat_get_unknown_fields.json")).unwrap();
    let chat = resp.group_chat;
    assert_eq!(chat.name, "华东区VIP客户群");
    assert_eq!(chat.notice, None);
    assert_eq!(chat.member_list[0].join_scene, JoinScene::Unknown(7));
    assert_eq!(chat.member_list[0].member_type, MemberType::ExternalContact);
    assert!(chat.admin_list.is_empty());
    assert_eq!(chat.member_version.as_deref(), Some("1b0d0e2f0c3a"));
}

#[test]
fn unknown_codes_encode_back_unchanged() {
    let member: GroupChatMember = serde_json::from_value(
        json!({"userid": "u", "type": 5, "join_scene": 9, "join_time": 1, "group_nickname": ""}),
    )
    .unwrap();
    assert_eq!(member.member_type, MemberType::Unknown(5));
    assert_eq!(member.join_scene, JoinScene::Unknown(9));
    let back = serde_json::to_value(&member).unwrap();
    assert_eq!(back["type"], 5);
    assert_eq!(back["join_scene"], 9);
    let item: GroupChatListItem = serde_json::from_str(r#"{"chat_id":"c","status":8}"#).unwrap();
    assert_eq!(item.status, GroupChatStatus::Unknown(8));
}

#[test]
fn fixtures_round_trip() {
    let list =
        assert_round_trip::<GroupChatListResponse>(include_str!("fixtures/groupchat_list.json"));
    assert_eq!(list.group_chat_list.len(), 2);
    let get =
        assert_round_trip::<GroupChatGetResponse>(include_str!("fixtures/groupchat_get.json"));
    assert_eq!(get.group_chat.member_list.len(), 2);
    let conv = assert_round_trip::<OpengidToChatidResponse>(include_str!(
        "fixtures/opengid_to_chatid.json"
    ));
    assert_eq!(conv.chat_id, "ooAAAAAAAAAAAAAAAAAAAA");
}
