//! `list_stream` and `get_range_stream` of both families walk three pages, passing each
//! `next_cursor` on and stopping where WeCom leaves it out; the first error ends a stream.

mod common;

use common::{customer, list_page, moment, range_page};
use futures::{StreamExt, TryStreamExt};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{client, wecom_error};
use wecom_strategy::{
    CustomerStrategyExt, MomentStrategyExt, RangeNode, StrategyGetRangeRequest, StrategyListRequest,
};

#[tokio::test]
async fn customer_list_stream_walks_three_pages() {
    let server = MockServer::start_async().await;
    let path = customer("list");
    let pages = [
        mock_post(
            &server,
            &path,
            json!({"limit": 2}),
            &list_page(&[1, 2], "C2"),
        )
        .await,
        mock_post(
            &server,
            &path,
            json!({"cursor": "C2", "limit": 2}),
            &list_page(&[3, 4], "C3"),
        )
        .await,
        mock_post(
            &server,
            &path,
            json!({"cursor": "C3", "limit": 2}),
            &list_page(&[5], ""),
        )
        .await,
    ];

    let ids: Vec<i64> = client(&server.base_url())
        .customer_strategy()
        .list_stream(StrategyListRequest::new().limit(2))
        .map_ok(|s| s.strategy_id)
        .try_collect()
        .await
        .unwrap();

    assert_eq!(ids, [1, 2, 3, 4, 5]);
    for page in pages {
        page.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn moment_list_stream_walks_three_pages() {
    let server = MockServer::start_async().await;
    let path = moment("list");
    let pages = [
        mock_post(&server, &path, json!({}), &list_page(&[10], "C2")).await,
        mock_post(
            &server,
            &path,
            json!({"cursor": "C2"}),
            &list_page(&[11], "C3"),
        )
        .await,
        mock_post(
            &server,
            &path,
            json!({"cursor": "C3"}),
            &list_page(&[12], ""),
        )
        .await,
    ];

    let ids: Vec<i64> = client(&server.base_url())
        .moment_strategy()
        .list_stream(StrategyListRequest::new())
        .map_ok(|s| s.strategy_id)
        .try_collect()
        .await
        .unwrap();

    assert_eq!(ids, [10, 11, 12]);
    for page in pages {
        page.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn customer_get_range_stream_walks_three_pages() {
    let server = MockServer::start_async().await;
    let path = customer("get_range");
    let body = |cursor: Option<&str>| match cursor {
        Some(c) => json!({"strategy_id": 1, "cursor": c, "limit": 2}),
        None => json!({"strategy_id": 1, "limit": 2}),
    };
    let member = |u: &str| json!({"type": 1, "userid": u});
    let party = |p: i64| json!({"type": 2, "partyid": p});
    let pages = [
        mock_post(
            &server,
            &path,
            body(None),
            &range_page(vec![member("zhangsan"), party(1)], "C2"),
        )
        .await,
        mock_post(
            &server,
            &path,
            body(Some("C2")),
            &range_page(vec![member("lisi"), party(2)], "C3"),
        )
        .await,
        mock_post(
            &server,
            &path,
            body(Some("C3")),
            &range_page(vec![member("wangwu")], ""),
        )
        .await,
    ];

    let nodes: Vec<RangeNode> = client(&server.base_url())
        .customer_strategy()
        .get_range_stream(StrategyGetRangeRequest::new(1).limit(2))
        .try_collect()
        .await
        .unwrap();

    assert_eq!(
        nodes,
        [
            RangeNode::member("zhangsan"),
            RangeNode::department(1),
            RangeNode::member("lisi"),
            RangeNode::department(2),
            RangeNode::member("wangwu"),
        ]
    );
    for page in pages {
        page.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn moment_get_range_stream_walks_three_pages() {
    let server = MockServer::start_async().await;
    let path = moment("get_range");
    let party = |p: i64| json!({"type": 2, "partyid": p});
    let pages = [
        mock_post(
            &server,
            &path,
            json!({"strategy_id": 2}),
            &range_page(vec![party(1)], "C2"),
        )
        .await,
        mock_post(
            &server,
            &path,
            json!({"strategy_id": 2, "cursor": "C2"}),
            &range_page(vec![party(2)], "C3"),
        )
        .await,
        mock_post(
            &server,
            &path,
            json!({"strategy_id": 2, "cursor": "C3"}),
            &range_page(vec![party(3)], ""),
        )
        .await,
    ];

    let parties: Vec<Option<i64>> = client(&server.base_url())
        .moment_strategy()
        .get_range_stream(StrategyGetRangeRequest::new(2))
        .map_ok(|node| node.partyid)
        .try_collect()
        .await
        .unwrap();

    assert_eq!(parties, [Some(1), Some(2), Some(3)]);
    for page in pages {
        page.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn a_stream_yields_the_first_error_and_ends() {
    let server = MockServer::start_async().await;
    let path = customer("list");
    let first = mock_post(&server, &path, json!({}), &list_page(&[1], "C2")).await;
    let failing = mock_post(
        &server,
        &path,
        json!({"cursor": "C2"}),
        &wecom_error(48002, "api forbidden"),
    )
    .await;

    let items: Vec<_> = client(&server.base_url())
        .customer_strategy()
        .list_stream(StrategyListRequest::new())
        .collect()
        .await;

    assert_eq!(items.len(), 2);
    assert_eq!(items[0].as_ref().unwrap().strategy_id, 1);
    assert_eq!(
        items[1].as_ref().unwrap_err().code(),
        Some(wecom_core::ErrCode(48002))
    );
    first.assert_calls_async(1).await;
    failing.assert_calls_async(1).await;
}
