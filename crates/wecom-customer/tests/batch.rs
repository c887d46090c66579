//! batch_get_by_user, its streams, and its validation.

mod common;

use common::BATCH;
use futures::{StreamExt, TryStreamExt};
use httpmock::MockServer;
use serde_json::{json, Value};
use wecom_core::test_util::client;
use wecom_core::test_util::mock::{mock_any_body, mock_post};
use wecom_core::{ErrCode, Error};
use wecom_customer::{
    AddWay, BatchGetByUserRequest, CustomerExt, CustomerType, CustomerWithFollowInfo, Gender,
    WechatChannelsSource,
};

/// A one-customer page whose customer is `id`, followed by `userid`.
fn page(id: &str, userid: &str, next_cursor: &str) -> String {
    json!({
        "errcode": 0,
        "errmsg": "ok",
        "external_contact_list": [{
            "external_contact": {"external_userid": id, "name": format!("客户{id}"), "type": 1, "gender": 0},
            "follow_info": {"userid": userid, "remark": "", "description": "", "createtime": 1700000000,
                            "tag_id": [], "remark_mobiles": [], "oper_userid": userid, "add_way": 1}
        }],
        "next_cursor": next_cursor
    })
    .to_string()
}

#[tokio::test]
async fn batch_get_by_user_sends_exact_body_and_decodes_every_field() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        BATCH,
        json!({"userid_list": ["zhangsan", "lisi"], "cursor": "CURSOR", "limit": 100}),
        include_str!("fixtures/batch_get_by_user.json"),
    )
    .await;
    let req = BatchGetByUserRequest::new(["zhangsan", "lisi"])
        .cursor("CURSOR")
        .limit(100);
    let resp = client(&server.base_url())
        .customer()
        .batch_get_by_user(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;

    assert_eq!(resp.external_contact_list.len(), 2);
    let first = &resp.external_contact_list[0];
    let c = &first.external_contact;
    assert_eq!(c.external_userid, "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA");
    assert_eq!(c.name, "李四");
    assert_eq!(c.position.as_deref(), Some("Manager"));
    assert_eq!(c.corp_name.as_deref(), Some("腾讯"));
    assert_eq!(c.corp_full_name.as_deref(), Some("腾讯科技有限公司"));
    assert_eq!(c.customer_type, CustomerType::WecomUser);
    assert_eq!(c.gender, Gender::Male);
    let attrs = &c.external_profile.as_ref().unwrap().external_attr;
    assert_eq!(attrs.len(), 3);
    assert_eq!(
        attrs[2].miniprogram.as_ref().unwrap().title,
        "my miniprogram"
    );
    let f = &first.follow_info;
    assert_eq!(f.userid, "rocky");
    assert_eq!(f.remark, "李部长");
    assert_eq!(f.description, "对接采购事务");
    assert_eq!(f.createtime, 1525779812);
    assert_eq!(f.tag_id, ["etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"]);
    assert_eq!(f.remark_corp_name.as_deref(), Some("腾讯科技"));
    assert_eq!(f.remark_mobiles, ["13800000001", "13000000002"]);
    assert_eq!(f.oper_userid, "rocky");
    assert_eq!(f.add_way, AddWay::QrCode);
    assert_eq!(f.wechat_channels, None);
    assert_eq!(f.state.as_deref(), Some("春季活动"));

    let second = &resp.external_contact_list[1];
    assert_eq!(
        second.external_contact.customer_type,
        CustomerType::WechatUser
    );
    assert_eq!(second.external_contact.gender, Gender::Female);
    assert_eq!(second.external_contact.position, None);
    assert_eq!(second.external_contact.external_profile, None);
    assert_eq!(second.follow_info.tag_id.len(), 2);
    assert_eq!(second.follow_info.add_way, AddWay::WechatChannels);
    let wc = second.follow_info.wechat_channels.as_ref().unwrap();
    assert_eq!(wc.nickname, "视频号名称");
    assert_eq!(wc.source, WechatChannelsSource::Profile);
    assert_eq!(second.follow_info.state, None);

    assert_eq!(
        resp.next_cursor,
        "r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI"
    );
    assert_eq!(
        resp.fail_info.unwrap().unlicensed_userid_list,
        ["zhangshan", "lisi"]
    );
}

#[tokio::test]
async fn batch_get_by_user_sends_no_cursor_or_limit_unless_set() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        BATCH,
        json!({"userid_list": ["zhangsan"]}),
        &page("wm1", "zhangsan", ""),
    )
    .await;
    let ids = vec!["zhangsan".to_owned()];
    let resp = client(&server.base_url())
        .customer()
        .batch_get_by_user(&BatchGetByUserRequest::new(ids))
        .await
        .unwrap();
    assert_eq!(
        resp.external_contact_list[0]
            .external_contact
            .external_userid,
        "wm1"
    );
    assert_eq!(resp.next_cursor, "");
    assert_eq!(resp.fail_info, None);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn batch_get_by_user_stream_walks_three_pages_in_order() {
    let server = MockServer::start_async().await;
    let p1 = mock_post(
        &server,
        BATCH,
        json!({"userid_list": ["zhangsan", "lisi"], "limit": 1}),
        &page("wm1", "zhangsan", "C1"),
    )
    .await;
    let p2 = mock_post(
        &server,
        BATCH,
        json!({"userid_list": ["zhangsan", "lisi"], "limit": 1, "cursor": "C1"}),
        &page("wm2", "zhangsan", "C2"),
    )
    .await;
    let p3 = mock_post(
        &server,
        BATCH,
        json!({"userid_list": ["zhangsan", "lisi"], "limit": 1, "cursor": "C2"}),
        &page("wm3", "lisi", ""),
    )
    .await;
    let items: Vec<CustomerWithFollowInfo> = client(&server.base_url())
        .customer()
        .batch_get_by_user_stream(BatchGetByUserRequest::new(["zhangsan", "lisi"]).limit(1))
        .try_collect()
        .await
        .unwrap();
    let got: Vec<(&str, &str)> = items
        .iter()
        .map(|i| {
            (
                i.external_contact.external_userid.as_str(),
                i.follow_info.userid.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("wm1", "zhangsan"), ("wm2", "zhangsan"), ("wm3", "lisi")]
    );
    p1.assert_calls_async(1).await;
    p2.assert_calls_async(1).await;
    p3.assert_calls_async(1).await;
}

fn ids(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|i| format!("user{i:03}")).collect()
}

#[tokio::test]
async fn batch_get_by_users_stream_splits_250_ids_into_100_100_50() {
    let server = MockServer::start_async().await;
    let mut mocks = Vec::new();
    for (n, range) in [0..100, 100..200, 200..250].into_iter().enumerate() {
        let chunk = ids(range);
        let body = json!({"userid_list": chunk, "limit": 100});
        let answer = page(&format!("wm{n}"), &chunk[0], "");
        mocks.push(mock_post(&server, BATCH, body, &answer).await);
    }
    let stream = client(&server.base_url())
        .customer()
        .batch_get_by_users_stream(ids(0..250), Some(100));
    let items: Vec<CustomerWithFollowInfo> = stream.try_collect().await.unwrap();
    let got: Vec<(&str, &str)> = items
        .iter()
        .map(|i| {
            (
                i.external_contact.external_userid.as_str(),
                i.follow_info.userid.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("wm0", "user000"), ("wm1", "user100"), ("wm2", "user200")]
    );
    for mock in &mocks {
        mock.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn batch_get_by_users_stream_is_lazy_and_stops_at_the_first_error() {
    let server = MockServer::start_async().await;
    let first = mock_post(
        &server,
        BATCH,
        json!({"userid_list": ids(0..100)}),
        &page("wm0", "user000", ""),
    )
    .await;
    let failing = mock_post(
        &server,
        BATCH,
        json!({"userid_list": ids(100..200)}),
        r#"{"errcode":60011,"errmsg":"no privilege"}"#,
    )
    .await;
    let never = mock_post(
        &server,
        BATCH,
        json!({"userid_list": ids(200..201)}),
        &page("wm2", "user200", ""),
    )
    .await;
    let client = client(&server.base_url());
    let mut stream = Box::pin(
        client
            .customer()
            .batch_get_by_users_stream(ids(0..201), None),
    );
    // Nothing is fetched before the stream is polled.
    first.assert_calls_async(0).await;
    let item = stream.next().await.unwrap().unwrap();
    assert_eq!(item.external_contact.external_userid, "wm0");
    let err = stream.next().await.unwrap().unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::NO_PRIVILEGE));
    assert!(stream.next().await.is_none());
    first.assert_calls_async(1).await;
    failing.assert_calls_async(1).await;
    never.assert_calls_async(0).await;
}

#[tokio::test]
async fn batch_get_by_users_stream_of_no_ids_sends_nothing() {
    let server = MockServer::start_async().await;
    let any = mock_any_body(&server, BATCH, &page("wm0", "x", "")).await;
    let items: Vec<CustomerWithFollowInfo> = client(&server.base_url())
        .customer()
        .batch_get_by_users_stream(Vec::<String>::new(), Some(100))
        .try_collect()
        .await
        .unwrap();
    assert!(items.is_empty());
    any.assert_calls_async(0).await;
}

async fn assert_invalid(req: BatchGetByUserRequest, expected: &str) {
    let server = MockServer::start_async().await;
    let any = mock_any_body(&server, BATCH, &page("wm0", "x", "")).await;
    let err = client(&server.base_url())
        .customer()
        .batch_get_by_user(&req)
        .await
        .unwrap_err();
    match &err {
        Error::InvalidRequest(msg) => assert!(msg.contains(expected), "{msg}"),
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    any.assert_calls_async(0).await;
}

#[tokio::test]
async fn batch_get_by_user_rejects_zero_userids() {
    assert_invalid(
        BatchGetByUserRequest::new(Vec::<String>::new()),
        "userid_list holds 0 entries; 1 to 100 allowed",
    )
    .await;
}

#[tokio::test]
async fn batch_get_by_user_rejects_101_userids() {
    // The executor names the endpoint before the check's own words.
    assert_invalid(
        BatchGetByUserRequest::new(ids(0..101)),
        "/cgi-bin/externalcontact/batch/get_by_user: userid_list holds 101 entries; 1 to 100 allowed",
    )
    .await;
}

#[tokio::test]
async fn batch_get_by_user_rejects_limit_0_and_101() {
    assert_invalid(
        BatchGetByUserRequest::new(["a"]).limit(0),
        "limit is 0; 1 to 100 allowed",
    )
    .await;
    assert_invalid(
        BatchGetByUserRequest::new(["a"]).limit(101),
        "limit is 101; 1 to 100 allowed",
    )
    .await;
}

#[test]
fn limits_at_the_edges_are_accepted() {
    assert!(BatchGetByUserRequest::new(ids(0..100))
        .limit(100)
        .check()
        .is_ok());
    assert!(BatchGetByUserRequest::new(["a"]).limit(1).check().is_ok());
}

#[tokio::test]
async fn batch_get_by_users_stream_with_a_bad_limit_yields_one_error_and_sends_nothing() {
    let server = MockServer::start_async().await;
    let any = mock_any_body(&server, BATCH, &page("wm0", "x", "")).await;
    let results: Vec<_> = client(&server.base_url())
        .customer()
        .batch_get_by_users_stream(ids(0..250), Some(0))
        .collect()
        .await;
    assert_eq!(results.len(), 1);
    assert!(matches!(results[0], Err(Error::InvalidRequest(_))));
    any.assert_calls_async(0).await;
}

#[test]
fn new_accepts_any_iterable_of_strings_and_clones() {
    let from_array = BatchGetByUserRequest::new(["zhangsan"]);
    let from_vec = BatchGetByUserRequest::new(vec![String::from("zhangsan")]);
    let from_iter = BatchGetByUserRequest::new("zhangsan".split(','));
    assert_eq!(from_array, from_vec);
    assert_eq!(from_vec, from_iter.clone());
    let body: Value = serde_json::to_value(&from_array).unwrap();
    assert_eq!(body, json!({"userid_list": ["zhangsan"]}));
}

#[tokio::test]
async fn batch_get_by_users_pages_keeps_each_pages_fail_info() {
    let server = MockServer::start_async().await;
    let mut first: Value = serde_json::from_str(&page("wm0", "user000", "")).unwrap();
    first["fail_info"] = json!({"unlicensed_userid_list": ["user001", "user002"]});
    let mocks = [
        mock_post(
            &server,
            BATCH,
            json!({"userid_list": ids(0..100), "limit": 100}),
            &first.to_string(),
        )
        .await,
        mock_post(
            &server,
            BATCH,
            json!({"userid_list": ids(100..150), "limit": 100}),
            &page("wm1", "user100", ""),
        )
        .await,
    ];
    let pages: Vec<_> = client(&server.base_url())
        .customer()
        .batch_get_by_users_pages(ids(0..150), Some(100))
        .try_collect()
        .await
        .unwrap();
    let unlicensed: Vec<Vec<String>> = pages
        .iter()
        .map(|p| {
            p.fail_info
                .as_ref()
                .map(|f| f.unlicensed_userid_list.clone())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(unlicensed, [vec!["user001", "user002"], vec![]]);
    let customers: Vec<&str> = pages
        .iter()
        .flat_map(|p| &p.external_contact_list)
        .map(|c| c.external_contact.external_userid.as_str())
        .collect();
    assert_eq!(customers, ["wm0", "wm1"]);
    for mock in &mocks {
        mock.assert_calls_async(1).await;
    }
}
