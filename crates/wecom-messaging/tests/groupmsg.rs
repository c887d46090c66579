//! get_groupmsg_list_v2, get_groupmsg_task, get_groupmsg_send_result and their streams.

use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_core::Error;
use wecom_messaging::{
    Attachment, ChatType, CreateType, FilterType, GetGroupMsgListV2Request,
    GetGroupMsgSendResultRequest, GetGroupMsgTaskRequest, MessagingExt, SendStatus, TaskStatus,
    MAX_LIST_SPAN_SECS,
};

const LIST: &str = "/cgi-bin/externalcontact/get_groupmsg_list_v2";
const TASK: &str = "/cgi-bin/externalcontact/get_groupmsg_task";
const RESULT: &str = "/cgi-bin/externalcontact/get_groupmsg_send_result";

#[tokio::test]
async fn get_groupmsg_list_v2_sends_exact_body_and_decodes_every_field() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({
            "chat_type": "single",
            "start_time": 1605171726,
            "end_time": 1605172726,
            "creator": "zhangshan",
            "filter_type": 1,
            "limit": 50,
            "cursor": "CURSOR"
        }),
        include_str!("fixtures/get_groupmsg_list_v2.json"),
    )
    .await;
    let req = GetGroupMsgListV2Request::new(ChatType::Single, 1605171726, 1605172726)
        .creator("zhangshan")
        .filter_type(FilterType::Personal)
        .limit(50)
        .cursor("CURSOR");
    let resp = client(&server.base_url())
        .messaging()
        .get_groupmsg_list_v2(&req)
        .await
        .unwrap();
    assert_eq!(resp.next_cursor, "CURSOR_PAGE_2");
    assert_eq!(resp.group_msg_list.len(), 2);
    let first = &resp.group_msg_list[0];
    assert_eq!(first.msgid, "msgGCAAAXtWyujaWJHDDGi0mACAAAA");
    assert_eq!(first.creator.as_deref(), Some("zhangsan"));
    assert_eq!(first.create_time, 1605172726);
    assert_eq!(first.create_type, CreateType::Personal);
    assert_eq!(
        first.text.as_ref().unwrap().content,
        "亲爱的会员，双十一限时特惠今晚八点开始"
    );
    let kinds: Vec<&str> = first.attachments.iter().map(Attachment::msgtype).collect();
    assert_eq!(kinds, ["image", "link", "miniprogram", "video", "file"]);
    match &first.attachments[0] {
        Attachment::Image(image) => {
            assert_eq!(
                image.media_id.as_deref(),
                Some("3lpV9jXxEFFrjQwL4tKGOx1RE8pRTMw_AI-Gg6vN6nWNI4x4OCwSJbMgHt04sWd4T")
            );
            assert_eq!(
                image.pic_url.as_deref(),
                Some("http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0")
            );
        }
        other => panic!("expected an image, got {other:?}"),
    }
    match &first.attachments[1] {
        Attachment::Link(link) => {
            assert_eq!(link.title, "双十一活动规则");
            assert_eq!(link.picurl.as_deref(), Some("https://example.pic.com/path"));
            assert_eq!(link.desc.as_deref(), Some("点击查看满减规则"));
            assert_eq!(link.url, "https://example.link.com/path");
        }
        other => panic!("expected a link, got {other:?}"),
    }
    match &first.attachments[2] {
        Attachment::MiniProgram(mp) => {
            assert_eq!(mp.title, "会员商城");
            assert_eq!(
                mp.pic_media_id,
                "2-G6nrLmr5EC3MNb_-zL1dDdzkd0p7cNliYu9V5w7o8K0"
            );
            assert_eq!(mp.appid, "wx8bd80126147dfAAA");
            assert_eq!(mp.page, "/path/index.html");
        }
        other => panic!("expected a miniprogram, got {other:?}"),
    }
    assert!(matches!(&first.attachments[3],
        Attachment::Video(v) if v.media_id == "1Yv-zXfHjSjU-7LH-GwtYqDGS-zz6w22KmWAT5COgP7o"));
    assert!(matches!(&first.attachments[4],
        Attachment::File(f) if f.media_id == "1Yv-zXfHjSjU-7LH-GwtYqDGS-zz6w22KmWAT5COgP7p"));
    let second = &resp.group_msg_list[1];
    assert_eq!(second.create_type, CreateType::Corp);
    assert_eq!(second.creator.as_deref(), Some("lisi"));
    assert!(second.attachments.is_empty());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_groupmsg_list_v2_omits_unset_options() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({"chat_type": "group", "start_time": 1700000000, "end_time": 1700086400}),
        include_str!("fixtures/get_groupmsg_list_v2.json"),
    )
    .await;
    let req = GetGroupMsgListV2Request::new(ChatType::Group, 1700000000, 1700086400);
    let resp = client(&server.base_url())
        .messaging()
        .get_groupmsg_list_v2(&req)
        .await
        .unwrap();
    assert_eq!(
        resp.group_msg_list[1].msgid,
        "msgGCAAAXtWyujaWJHDDGi0mACBBBB"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_groupmsg_task_sends_exact_body_and_decodes() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        TASK,
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA", "limit": 50, "cursor": "CURSOR"}),
        include_str!("fixtures/get_groupmsg_task.json"),
    )
    .await;
    let req = GetGroupMsgTaskRequest::new("msgGCAAAXtWyujaWJHDDGi0mACAAAA")
        .limit(50)
        .cursor("CURSOR");
    let resp = client(&server.base_url())
        .messaging()
        .get_groupmsg_task(&req)
        .await
        .unwrap();
    assert_eq!(resp.next_cursor, "CURSOR_TASK_2");
    assert_eq!(resp.task_list.len(), 2);
    assert_eq!(resp.task_list[0].userid, "zhangsan");
    assert_eq!(resp.task_list[0].status, TaskStatus::Sent);
    assert_eq!(resp.task_list[0].send_time, Some(1552536375));
    assert_eq!(resp.task_list[1].userid, "lisi");
    assert_eq!(resp.task_list[1].status, TaskStatus::NotSent);
    assert_eq!(resp.task_list[1].send_time, None);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_groupmsg_task_is_retried_on_502() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, TASK, 502).await;
    let err = client(&server.base_url())
        .messaging()
        .get_groupmsg_task(&GetGroupMsgTaskRequest::new(
            "msgGCAAAXtWyujaWJHDDGi0mACAAAA",
        ))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(3).await;
}

#[tokio::test]
async fn get_groupmsg_send_result_sends_exact_body_and_decodes() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESULT,
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA", "userid": "zhangsan", "limit": 1000}),
        include_str!("fixtures/get_groupmsg_send_result.json"),
    )
    .await;
    let req =
        GetGroupMsgSendResultRequest::new("msgGCAAAXtWyujaWJHDDGi0mACAAAA", "zhangsan").limit(1000);
    let resp = client(&server.base_url())
        .messaging()
        .get_groupmsg_send_result(&req)
        .await
        .unwrap();
    assert_eq!(resp.next_cursor, "");
    let list = &resp.send_list;
    assert_eq!(list.len(), 3);
    assert_eq!(
        list[0].external_userid.as_deref(),
        Some("wmqfasd1e19278asdasAAAA")
    );
    assert_eq!(list[0].chat_id, None);
    assert_eq!(list[0].userid, "zhangsan");
    assert_eq!(list[0].status, SendStatus::Sent);
    assert_eq!(list[0].send_time, Some(1552536375));
    assert_eq!(list[1].status, SendStatus::NotFriend);
    assert_eq!(list[1].send_time, None);
    assert_eq!(
        list[2].chat_id.as_deref(),
        Some("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA")
    );
    assert_eq!(list[2].external_userid, None);
    assert_eq!(list[2].status, SendStatus::QuotaReached);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_groupmsg_list_v2_with_an_unknown_creator_is_errcode_40003() {
    // `creator` must be a member's userid; one that is not in the address book answers 40003.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({
            "chat_type": "single",
            "start_time": 1605171726,
            "end_time": 1605172726,
            "creator": "zhangshan_typo"
        }),
        &wecom_error(40003, "invalid userid"),
    )
    .await;
    let req = GetGroupMsgListV2Request::new(ChatType::Single, 1605171726, 1605172726)
        .creator("zhangshan_typo");
    let result = client(&server.base_url())
        .messaging()
        .get_groupmsg_list_v2(&req)
        .await;
    assert_api_error(result, 40003, LIST);
    // A business errcode is final: the idempotent read is not retried.
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_groupmsg_task_while_dispatching_is_errcode_41063() {
    // Right after add_msg_template, WeCom is still dispatching the message to the members' tasks
    // and answers 41063 (群发消息正在被派发中，请稍后再试). The caller waits; the SDK does not loop.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        TASK,
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA", "limit": 1000}),
        &wecom_error(41063, "msg is dispatching, please try again later"),
    )
    .await;
    let req = GetGroupMsgTaskRequest::new("msgGCAAAXtWyujaWJHDDGi0mACAAAA").limit(1000);
    let result = client(&server.base_url())
        .messaging()
        .get_groupmsg_task(&req)
        .await;
    assert_api_error(result, 41063, TASK);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_groupmsg_send_result_while_dispatching_is_errcode_41063() {
    // The same 41063 from the per-member result of a message that is still being dispatched.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESULT,
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA", "userid": "zhangsan"}),
        &wecom_error(41063, "msg is dispatching, please try again later"),
    )
    .await;
    let req = GetGroupMsgSendResultRequest::new("msgGCAAAXtWyujaWJHDDGi0mACAAAA", "zhangsan");
    let result = client(&server.base_url())
        .messaging()
        .get_groupmsg_send_result(&req)
        .await;
    assert_api_error(result, 41063, RESULT);
    mock.assert_calls_async(1).await;
}

fn page(next: &str, key: &str, items: serde_json::Value) -> String {
    json!({"errcode": 0, "errmsg": "ok", "next_cursor": next, key: items}).to_string()
}

#[tokio::test]
async fn get_groupmsg_list_v2_stream_walks_three_pages() {
    let server = MockServer::start_async().await;
    let base = json!({"chat_type": "single", "start_time": 1605171726, "end_time": 1605172726, "limit": 1});
    let with_cursor = |c: &str| {
        let mut b = base.clone();
        b["cursor"] = json!(c);
        b
    };
    let msg = |id: &str| json!([{"msgid": id, "creator": "zhangsan", "create_time": 1605172000, "create_type": 0, "text": {"content": "第一批"}}]);
    let m1 = mock_post(
        &server,
        LIST,
        base.clone(),
        &page("C2", "group_msg_list", msg("msg1")),
    )
    .await;
    let m2 = mock_post(
        &server,
        LIST,
        with_cursor("C2"),
        &page("C3", "group_msg_list", msg("msg2")),
    )
    .await;
    let m3 = mock_post(
        &server,
        LIST,
        with_cursor("C3"),
        &page("", "group_msg_list", msg("msg3")),
    )
    .await;
    let req = GetGroupMsgListV2Request::new(ChatType::Single, 1605171726, 1605172726).limit(1);
    let items: Vec<_> = client(&server.base_url())
        .messaging()
        .get_groupmsg_list_v2_stream(req)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = items.iter().map(|m| m.msgid.as_str()).collect();
    assert_eq!(ids, ["msg1", "msg2", "msg3"]);
    for m in [m1, m2, m3] {
        m.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn get_groupmsg_task_stream_walks_three_pages() {
    let server = MockServer::start_async().await;
    let body = |c: Option<&str>| match c {
        None => json!({"msgid": "msgA"}),
        Some(c) => json!({"msgid": "msgA", "cursor": c}),
    };
    let task = |u: &str| json!([{"userid": u, "status": 2, "send_time": 1552536375}]);
    let m1 = mock_post(
        &server,
        TASK,
        body(None),
        &page("T2", "task_list", task("zhangsan")),
    )
    .await;
    let m2 = mock_post(
        &server,
        TASK,
        body(Some("T2")),
        &page("T3", "task_list", task("lisi")),
    )
    .await;
    let m3 = mock_post(
        &server,
        TASK,
        body(Some("T3")),
        &page("", "task_list", task("wangwu")),
    )
    .await;
    let items: Vec<_> = client(&server.base_url())
        .messaging()
        .get_groupmsg_task_stream(GetGroupMsgTaskRequest::new("msgA"))
        .try_collect()
        .await
        .unwrap();
    let users: Vec<&str> = items.iter().map(|t| t.userid.as_str()).collect();
    assert_eq!(users, ["zhangsan", "lisi", "wangwu"]);
    assert!(items.iter().all(|t| t.status == TaskStatus::Sent));
    for m in [m1, m2, m3] {
        m.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn get_groupmsg_send_result_stream_walks_three_pages() {
    let server = MockServer::start_async().await;
    let body = |c: Option<&str>| match c {
        None => json!({"msgid": "msgA", "userid": "zhangsan", "limit": 1}),
        Some(c) => json!({"msgid": "msgA", "userid": "zhangsan", "limit": 1, "cursor": c}),
    };
    let sent = |e: &str| json!([{"external_userid": e, "userid": "zhangsan", "status": 1, "send_time": 1552536375}]);
    let m1 = mock_post(
        &server,
        RESULT,
        body(None),
        &page("R2", "send_list", sent("wm1")),
    )
    .await;
    let m2 = mock_post(
        &server,
        RESULT,
        body(Some("R2")),
        &page("R3", "send_list", sent("wm2")),
    )
    .await;
    let m3 = mock_post(
        &server,
        RESULT,
        body(Some("R3")),
        &page("", "send_list", sent("wm3")),
    )
    .await;
    let req = GetGroupMsgSendResultRequest::new("msgA", "zhangsan").limit(1);
    let items: Vec<_> = client(&server.base_url())
        .messaging()
        .get_groupmsg_send_result_stream(req)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = items
        .iter()
        .map(|r| r.external_userid.clone().unwrap())
        .collect();
    assert_eq!(ids, ["wm1", "wm2", "wm3"]);
    for m in [m1, m2, m3] {
        m.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn limits_and_time_range_are_checked_before_sending() {
    let server = MockServer::start_async().await;
    let any = mock_any_body(
        &server,
        LIST,
        include_str!("fixtures/get_groupmsg_list_v2.json"),
    )
    .await;
    let any_task = mock_any_body(
        &server,
        TASK,
        include_str!("fixtures/get_groupmsg_task.json"),
    )
    .await;
    let client = client(&server.base_url());
    let api = client.messaging();

    let list = |start, end| GetGroupMsgListV2Request::new(ChatType::Single, start, end);
    for bad in [
        list(1605172726, 1605171726),
        list(1605171726, 1605171726 + MAX_LIST_SPAN_SECS + 1),
        list(1605171726, 1605172726).limit(101),
        list(1605171726, 1605172726).limit(0),
    ] {
        let err = api.get_groupmsg_list_v2(&bad).await.unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{bad:?}: {err:?}");
    }
    assert!(list(1605171726, 1605171726 + MAX_LIST_SPAN_SECS)
        .limit(100)
        .check()
        .is_ok());
    assert!(list(1605171726, 1605171726).check().is_ok());

    let err = api
        .get_groupmsg_task(&GetGroupMsgTaskRequest::new("msgA").limit(1001))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("limit")),
        "{err:?}"
    );
    assert!(GetGroupMsgTaskRequest::new("msgA")
        .limit(1000)
        .check()
        .is_ok());
    assert!(GetGroupMsgSendResultRequest::new("msgA", "zhangsan")
        .limit(1001)
        .check()
        .is_err());
    assert!(GetGroupMsgSendResultRequest::new("msgA", "zhangsan")
        .limit(1000)
        .check()
        .is_ok());

    any.assert_calls_async(0).await;
    any_task.assert_calls_async(0).await;
}

#[test]
fn unknown_codes_decode_and_encode_unchanged() {
    assert_eq!(
        serde_json::from_str::<SendStatus>("9").unwrap(),
        SendStatus::Unknown(9)
    );
    assert_eq!(serde_json::to_string(&SendStatus::Unknown(9)).unwrap(), "9");
    assert_eq!(
        serde_json::from_str::<TaskStatus>("1").unwrap(),
        TaskStatus::Unknown(1)
    );
    assert_eq!(
        serde_json::from_str::<CreateType>("5").unwrap(),
        CreateType::Unknown(5)
    );
    assert_eq!(
        serde_json::from_str::<FilterType>("2").unwrap(),
        FilterType::All
    );
    assert_eq!(serde_json::to_string(&FilterType::Corp).unwrap(), "0");
}
