//! Redis stopped mid-run: calls keep succeeding on the in-process cache, gettoken stays bounded.
//! Runs its own redis-server (so it can stop it).

use std::sync::Arc;

use httpmock::{Method, MockServer};
use wecom_core::WecomClient;
use wecom_token_redis::RedisTokenStore;

use crate::harness::{block_on, with_own_server, PrivateRedis};
use libtest_mimic::Trial;

pub fn trials() -> Vec<Trial> {
    vec![with_own_server(
        "outage::redis_stopped_mid_run_calls_keep_succeeding_and_gettoken_stays_bounded",
        |redis| {
            block_on(redis_stopped_mid_run_calls_keep_succeeding_and_gettoken_stays_bounded(redis))
        },
    )]
}

#[derive(Debug, serde::Serialize)]
struct GetFollowUserList {}

#[derive(Debug, serde::Deserialize)]
struct FollowUsers {
    #[allow(dead_code)]
    follow_user: Vec<String>,
}

wecom_core::impl_endpoint!(GetFollowUserList => FollowUsers,
    Get "/cgi-bin/externalcontact/get_follow_user_list", Idempotent);

async fn redis_stopped_mid_run_calls_keep_succeeding_and_gettoken_stays_bounded(
    redis: PrivateRedis,
) {
    let server = MockServer::start_async().await;
    let mut gettoken = server
        .mock_async(|when, then| {
            when.method(Method::GET).path("/cgi-bin/gettoken");
            then.status(200)
                .body(r#"{"errcode":0,"errmsg":"ok","access_token":"BEFORE","expires_in":7200}"#);
        })
        .await;
    let mut before = server
        .mock_async(|when, then| {
            when.path("/cgi-bin/externalcontact/get_follow_user_list")
                .query_param("access_token", "BEFORE");
            then.status(200)
                .body(r#"{"errcode":0,"errmsg":"ok","follow_user":["a"]}"#);
        })
        .await;
    let clients: Vec<WecomClient> = (0..4)
        .map(|_| {
            WecomClient::builder()
                .corp_id("ww_outage")
                .secret("outage-secret")
                .base_url(server.base_url())
                .token_store(Arc::new(RedisTokenStore::new(&redis.url).unwrap()))
                .build()
                .unwrap()
        })
        .collect();
    let run = |n: usize| {
        let calls = clients
            .iter()
            .flat_map(|c| (0..n).map(move |_| c.execute(&GetFollowUserList {})));
        futures::future::join_all(calls)
    };
    for result in run(10).await {
        result.unwrap();
    }
    gettoken.assert_calls_async(1).await;

    redis.stop();
    // Redis is gone: the in-process copies carry every call, no gettoken at all.
    for result in run(25).await {
        result.unwrap();
    }
    gettoken.assert_calls_async(1).await;

    // WeCom now revokes the token while Redis is still down: each instance refetches once, no more.
    before.delete_async().await;
    gettoken.delete_async().await;
    let revoked = server
        .mock_async(|when, then| {
            when.path("/cgi-bin/externalcontact/get_follow_user_list")
                .query_param("access_token", "BEFORE");
            then.status(200)
                .body(r#"{"errcode":42001,"errmsg":"access_token expired"}"#);
        })
        .await;
    let refetch = server
        .mock_async(|when, then| {
            when.method(Method::GET).path("/cgi-bin/gettoken");
            then.status(200)
                .body(r#"{"errcode":0,"errmsg":"ok","access_token":"AFTER","expires_in":7200}"#);
        })
        .await;
    let after = server
        .mock_async(|when, then| {
            when.path("/cgi-bin/externalcontact/get_follow_user_list")
                .query_param("access_token", "AFTER");
            then.status(200)
                .body(r#"{"errcode":0,"errmsg":"ok","follow_user":["a"]}"#);
        })
        .await;
    for result in run(25).await {
        result.unwrap();
    }
    assert!(
        refetch.calls_async().await <= 4,
        "at most one gettoken per instance"
    );
    assert!(refetch.calls_async().await >= 1);
    after.assert_calls_async(100).await;
    assert!(revoked.calls_async().await <= 100);
    let _ = (&mut gettoken, &mut before);
}
