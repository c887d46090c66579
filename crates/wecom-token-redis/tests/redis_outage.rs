//! Redis stopped mid-run: calls keep succeeding on the in-process cache, gettoken stays bounded.
//! Runs its own redis-server (so it can stop it); named `redis_*` like the other Redis tests.

use std::sync::Arc;
use std::time::Duration;

use httpmock::{Method, MockServer};
use wecom_core::WecomClient;
use wecom_token_redis::RedisTokenStore;

/// A private redis-server on a free port, killed on drop.
struct PrivateRedis {
    child: tokio::process::Child,
    url: String,
}

impl PrivateRedis {
    async fn start() -> Option<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .ok()?
            .local_addr()
            .ok()?
            .port();
        let child = tokio::process::Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn();
        let child = match child {
            Ok(child) => child,
            Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
                panic!("redis-server is not installed under CI")
            }
            Err(_) => {
                eprintln!("SKIPPED: redis-server is not installed");
                return None;
            }
        };
        let url = format!("redis://127.0.0.1:{port}/");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Some(Self { child, url });
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("redis-server did not start");
    }

    async fn stop(&mut self) {
        let _ = self.child.kill().await;
    }
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

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn redis_stopped_mid_run_calls_keep_succeeding_and_gettoken_stays_bounded() {
    let Some(mut redis) = PrivateRedis::start().await else {
        return;
    };
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

    redis.stop().await;
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
