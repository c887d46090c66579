//! groupchat/statistic (offset-paged) and groupchat/statistic_group_by_day against a mock WeCom.

use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::pagination::OffsetPage;
use wecom_core::test_util::mock::{mock_any_body, mock_post};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::Error;
use wecom_statistics::*;

const STAT: &str = "/cgi-bin/externalcontact/groupchat/statistic";
const BY_DAY: &str = "/cgi-bin/externalcontact/groupchat/statistic_group_by_day";
const DAY: i64 = 86_400;

#[tokio::test]
async fn groupchat_statistic_sends_every_field_and_decodes_items() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        STAT,
        json!({
            "day_begin_time": 1600272000,
            "day_end_time": 1600444800,
            "owner_filter": {"userid_list": ["zhangsan"]},
            "order_by": 2,
            "order_asc": 0,
            "offset": 0,
            "limit": 1000
        }),
        include_str!("fixtures/groupchat_statistic.json"),
    )
    .await;
    let req = GroupChatStatisticRequest::new(1600272000)
        .day_end_time(1600444800)
        .owner_filter(["zhangsan"])
        .order_by(OrderBy::ChatTotal)
        .order_asc(SortOrder::Desc)
        .offset(0)
        .limit(1000);
    let resp = client(&server.base_url())
        .statistics()
        .groupchat_statistic(&req)
        .await
        .unwrap();
    assert_eq!(resp.total, 2);
    assert_eq!(resp.next_offset, 2);
    assert_eq!(resp.items.len(), 2);
    let zhangsan = &resp.items[0];
    assert_eq!(zhangsan.owner, "zhangsan");
    assert_eq!(zhangsan.data.new_chat_cnt, 2);
    assert_eq!(zhangsan.data.chat_total, 2);
    assert_eq!(zhangsan.data.chat_has_msg, 0);
    assert_eq!(zhangsan.data.new_member_cnt, 0);
    assert_eq!(zhangsan.data.member_total, 6);
    assert_eq!(zhangsan.data.member_has_msg, 0);
    assert_eq!(zhangsan.data.msg_total, 0);
    assert_eq!(zhangsan.data.migrate_trainee_chat_cnt, Some(3));
    let lisi = &resp.items[1];
    assert_eq!(lisi.owner, "lisi");
    assert_eq!(lisi.data.new_chat_cnt, 1);
    assert_eq!(lisi.data.chat_total, 3);
    assert_eq!(lisi.data.chat_has_msg, 2);
    assert_eq!(lisi.data.migrate_trainee_chat_cnt, None);
    // The last page: nothing follows.
    assert_eq!(resp.next_offset(), None);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn groupchat_statistic_minimal_body() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        STAT,
        json!({"day_begin_time": 1600272000}),
        include_str!("fixtures/groupchat_statistic.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .statistics()
        .groupchat_statistic(&GroupChatStatisticRequest::new(1600272000))
        .await
        .unwrap();
    assert_eq!(resp.items[1].owner, "lisi");
    mock.assert_calls_async(1).await;
}

fn stat_page(owners: &[&str], total: u64, next_offset: u64) -> String {
    let items: Vec<_> = owners
        .iter()
        .enumerate()
        .map(|(i, owner)| {
            json!({"owner": owner, "data": {
                "new_chat_cnt": i, "chat_total": 10 + i, "chat_has_msg": 1, "new_member_cnt": 2,
                "member_total": 50, "member_has_msg": 5, "msg_total": 99
            }})
        })
        .collect();
    json!({"errcode": 0, "errmsg": "ok", "total": total, "next_offset": next_offset, "items": items})
        .to_string()
}

#[tokio::test]
async fn groupchat_statistic_stream_walks_three_offset_pages() {
    let server = MockServer::start_async().await;
    let body = |offset: Option<u64>| {
        let mut body = json!({
            "day_begin_time": 1600272000,
            "owner_filter": {"userid_list": ["张三", "李四", "王五", "赵六", "钱七"]},
            "order_by": 4,
            "order_asc": 1,
            "limit": 2
        });
        if let Some(offset) = offset {
            body["offset"] = json!(offset);
        }
        body
    };
    let first = mock_post(
        &server,
        STAT,
        body(None),
        &stat_page(&["张三", "李四"], 5, 2),
    )
    .await;
    let second = mock_post(
        &server,
        STAT,
        body(Some(2)),
        &stat_page(&["王五", "赵六"], 5, 4),
    )
    .await;
    let third = mock_post(&server, STAT, body(Some(4)), &stat_page(&["钱七"], 5, 5)).await;
    let req = GroupChatStatisticRequest::new(1600272000)
        .owner_filter(["张三", "李四", "王五", "赵六", "钱七"])
        .order_by(OrderBy::MemberTotal)
        .order_asc(SortOrder::Asc)
        .limit(2);
    let items: Vec<GroupChatStatisticItem> = client(&server.base_url())
        .statistics()
        .groupchat_statistic_stream(req)
        .try_collect()
        .await
        .unwrap();
    let owners: Vec<&str> = items.iter().map(|i| i.owner.as_str()).collect();
    assert_eq!(owners, ["张三", "李四", "王五", "赵六", "钱七"]);
    assert_eq!(items[3].data.chat_total, 11);
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
    third.assert_calls_async(1).await;
}

#[tokio::test]
async fn groupchat_statistic_stream_stops_on_an_empty_page() {
    let server = MockServer::start_async().await;
    // WeCom claims more records but sends none: the stream must not loop.
    let only = mock_any_body(&server, STAT, &stat_page(&[], 10, 2)).await;
    let items: Vec<GroupChatStatisticItem> = client(&server.base_url())
        .statistics()
        .groupchat_statistic_stream(GroupChatStatisticRequest::new(1600272000).limit(2))
        .try_collect()
        .await
        .unwrap();
    assert!(items.is_empty());
    only.assert_calls_async(1).await;
}

#[test]
fn next_offset_follows_total() {
    let page = |total, next, items: usize| GroupChatStatisticResponse {
        total,
        next_offset: next,
        items: vec![GroupChatStatisticItem::default(); items],
    };
    assert_eq!(page(5, 2, 2).next_offset(), Some(2));
    assert_eq!(page(5, 5, 1).next_offset(), None);
    assert_eq!(page(5, 6, 1).next_offset(), None);
    assert_eq!(page(5, 2, 0).next_offset(), None);
    assert_eq!(page(5, 0, 2).next_offset(), None);
}

#[tokio::test]
async fn groupchat_statistic_group_by_day_decodes_days() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        BY_DAY,
        json!({
            "day_begin_time": 1600272000,
            "day_end_time": 1600358400,
            "owner_filter": {"userid_list": ["zhangsan"]}
        }),
        include_str!("fixtures/groupchat_statistic_group_by_day.json"),
    )
    .await;
    let req = GroupChatStatisticGroupByDayRequest::new(1600272000)
        .day_end_time(1600358400)
        .owner_filter(["zhangsan"]);
    let items = client(&server.base_url())
        .statistics()
        .groupchat_statistic_group_by_day(&req)
        .await
        .unwrap()
        .items;
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].stat_time, 1600272000);
    assert_eq!(items[0].data.new_chat_cnt, 2);
    assert_eq!(items[0].data.member_total, 6);
    assert_eq!(items[1].stat_time, 1600358400);
    assert_eq!(items[1].data.new_chat_cnt, 1);
    assert_eq!(items[1].data.chat_total, 3);
    assert_eq!(items[1].data.chat_has_msg, 1);
    assert_eq!(items[1].data.new_member_cnt, 4);
    assert_eq!(items[1].data.member_total, 10);
    assert_eq!(items[1].data.member_has_msg, 3);
    assert_eq!(items[1].data.msg_total, 27);
    assert_eq!(items[1].data.migrate_trainee_chat_cnt, None);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn groupchat_statistic_for_an_owner_outside_the_visible_range_is_errcode_60011() {
    // A self-built app reads only owners in its visible range; another owner answers 60011.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        STAT,
        json!({
            "day_begin_time": 1600272000,
            "day_end_time": 1600444800,
            "owner_filter": {"userid_list": ["zhangsan", "outsider"]},
            "limit": 100
        }),
        &wecom_error(60011, "no privilege to access/modify contact/party/agent"),
    )
    .await;
    let req = GroupChatStatisticRequest::new(1600272000)
        .day_end_time(1600444800)
        .owner_filter(["zhangsan", "outsider"])
        .limit(100);
    let result = client(&server.base_url())
        .statistics()
        .groupchat_statistic(&req)
        .await;
    assert_api_error(result, 60011, STAT);
    // A business errcode is final: the idempotent read is not retried.
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn groupchat_statistic_group_by_day_without_api_permission_is_errcode_48002() {
    // A token of an app that is not among 「客户联系」's 可调用接口的应用 answers 48002.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        BY_DAY,
        json!({
            "day_begin_time": 1600272000,
            "day_end_time": 1600358400,
            "owner_filter": {"userid_list": ["zhangsan"]}
        }),
        &wecom_error(48002, "api forbidden"),
    )
    .await;
    let req = GroupChatStatisticGroupByDayRequest::new(1600272000)
        .day_end_time(1600358400)
        .owner_filter(["zhangsan"]);
    let result = client(&server.base_url())
        .statistics()
        .groupchat_statistic_group_by_day(&req)
        .await;
    assert_api_error(result, 48002, BY_DAY);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn statistic_limits_are_checked_before_sending() {
    let server = MockServer::start_async().await;
    let stat = mock_any_body(
        &server,
        STAT,
        include_str!("fixtures/groupchat_statistic.json"),
    )
    .await;
    let by_day = mock_any_body(
        &server,
        BY_DAY,
        include_str!("fixtures/groupchat_statistic_group_by_day.json"),
    )
    .await;
    let api_client = client(&server.base_url());
    let api = api_client.statistics();
    let begin = 1600272000;
    let many: Vec<String> = (0..101).map(|i| format!("owner{i}")).collect();

    for (req, expected) in [
        (GroupChatStatisticRequest::new(begin).limit(0), "limit"),
        (GroupChatStatisticRequest::new(begin).limit(1001), "limit"),
        (
            GroupChatStatisticRequest::new(begin).day_end_time(begin + 31 * DAY),
            "30 days",
        ),
        (
            GroupChatStatisticRequest::new(begin).day_end_time(begin - DAY),
            "before",
        ),
        (
            GroupChatStatisticRequest::new(begin).owner_filter(many.clone()),
            "userid_list",
        ),
    ] {
        let err = api.groupchat_statistic(&req).await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains(expected)),
            "{err:?}"
        );
    }
    for (req, expected) in [
        (
            GroupChatStatisticGroupByDayRequest::new(begin).day_end_time(begin + 31 * DAY),
            "30 days",
        ),
        (
            GroupChatStatisticGroupByDayRequest::new(begin).owner_filter(many),
            "userid_list",
        ),
    ] {
        let err = api
            .groupchat_statistic_group_by_day(&req)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains(expected)),
            "{err:?}"
        );
    }
    stat.assert_calls_async(0).await;
    by_day.assert_calls_async(0).await;
    assert!(GroupChatStatisticRequest::new(begin)
        .limit(1)
        .check()
        .is_ok());
    assert!(GroupChatStatisticRequest::new(begin)
        .limit(1000)
        .day_end_time(begin + 30 * DAY)
        .check()
        .is_ok());
}

#[test]
fn unknown_fields_still_decode() {
    let resp: GroupChatStatisticResponse = serde_json::from_str(include_str!(
        "fixtures/groupchat_statistic_unknown_fields.json"
    ))
    .unwrap();
    assert_eq!(resp.total, 1);
    assert_eq!(resp.items[0].owner, "王五");
    assert_eq!(resp.items[0].data.member_total, 120);
    assert_eq!(resp.items[0].data.msg_total, 512);
}

#[test]
fn unknown_codes_encode_back_unchanged() {
    let req: GroupChatStatisticRequest =
        serde_json::from_str(r#"{"day_begin_time":1,"order_by":9,"order_asc":2}"#).unwrap();
    assert_eq!(req.order_by, Some(OrderBy::Unknown(9)));
    assert_eq!(req.order_asc, Some(SortOrder::Unknown(2)));
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(
        back,
        json!({"day_begin_time": 1, "order_by": 9, "order_asc": 2})
    );
}

#[test]
fn fixtures_round_trip() {
    let stat = assert_round_trip::<GroupChatStatisticResponse>(include_str!(
        "fixtures/groupchat_statistic.json"
    ));
    assert_eq!(stat.items.len(), 2);
    let by_day = assert_round_trip::<GroupChatStatisticGroupByDayResponse>(include_str!(
        "fixtures/groupchat_statistic_group_by_day.json"
    ));
    assert_eq!(by_day.items.len(), 2);
}
