//! The Redis token store against a real Redis server.

use std::sync::Arc;
use std::time::Duration;

use httpmock::{Method, Mock, MockServer};
use serde::Deserialize;
use wecom_core::{RetryPolicy, TokenStore, WecomClient};
use wecom_token_redis::RedisTokenStore;

use crate::harness::{block_on, with_redis};
use libtest_mimic::Trial;

const CORP_ID: &str = "ww_redis_test";
const SECRET: &str = "redis-test-secret";
const PATH: &str = "/cgi-bin/externalcontact/get_follow_user_list";

/// A store with a prefix of its own, so that tests sharing one Redis never see each other's keys.
fn store(url: &str, prefix: &str) -> Arc<RedisTokenStore> {
    let client = redis::Client::open(url).unwrap();
    Arc::new(RedisTokenStore::with_client(client, prefix))
}

fn unique_prefix(test: &str) -> String {
    format!("wecom-test:{test}:{:x}:", fastrand::u64(..))
}

fn client(server: &MockServer, secret: &str, store: Arc<RedisTokenStore>) -> WecomClient {
    WecomClient::builder()
        .corp_id(CORP_ID)
        .secret(secret)
        .base_url(server.base_url())
        .token_store(store)
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        })
        .build()
        .unwrap()
}

async fn gettoken<'a>(
    server: &'a MockServer,
    secret: &str,
    token: &str,
    times: Option<usize>,
) -> Mock<'a> {
    let body =
        format!(r#"{{"errcode":0,"errmsg":"ok","access_token":"{token}","expires_in":7200}}"#);
    server
        .mock_async(|when, then| {
            when.method(Method::GET)
                .path("/cgi-bin/gettoken")
                .query_param("corpid", CORP_ID)
                .query_param("corpsecret", secret);
            let mut then = then.status(200).body(body);
            if let Some(n) = times {
                then = then.up_to_n_times(n);
            }
            let _ = then;
        })
        .await
}

async fn api<'a>(server: &'a MockServer, token: &str, errcode: i64) -> Mock<'a> {
    let body = if errcode == 0 {
        r#"{"errcode":0,"errmsg":"ok","follow_user":["zhangsan"]}"#.to_owned()
    } else {
        format!(r#"{{"errcode":{errcode},"errmsg":"invalid access_token"}}"#)
    };
    server
        .mock_async(|when, then| {
            when.method(Method::GET)
                .path(PATH)
                .query_param("access_token", token);
            then.status(200).body(body);
        })
        .await
}

#[derive(Debug, serde::Serialize)]
struct GetFollowUserList {}

#[derive(Debug, Deserialize)]
struct FollowUsers {
    follow_user: Vec<String>,
}

wecom_core::impl_endpoint!(GetFollowUserList => FollowUsers,
    Get "/cgi-bin/externalcontact/get_follow_user_list", Idempotent);

async fn burst(clients: &[WecomClient], per_client: usize) {
    let calls = clients.iter().flat_map(|client| {
        (0..per_client).map(move |_| {
            let client = client.clone();
            tokio::spawn(async move { client.execute(&GetFollowUserList {}).await })
        })
    });
    for call in futures::future::join_all(calls).await {
        assert_eq!(call.unwrap().unwrap().follow_user, ["zhangsan"]);
    }
}

async fn redis_four_instances_cold_store_one_gettoken(url: &str) {
    let server = MockServer::start_async().await;
    let gettoken = gettoken(&server, SECRET, "REDIS_T1", None).await;
    let ok = api(&server, "REDIS_T1", 0).await;
    let prefix = unique_prefix("cold");
    // Four instances: four stores, four connections, one Redis.
    let clients: Vec<WecomClient> = (0..4)
        .map(|_| client(&server, SECRET, store(url, &prefix)))
        .collect();
    burst(&clients, 50).await;
    gettoken.assert_calls_async(1).await;
    ok.assert_calls_async(200).await;
}

async fn redis_revoked_token_all_instances_converge_with_one_more_gettoken(url: &str) {
    let server = MockServer::start_async().await;
    let first = gettoken(&server, SECRET, "REDIS_OLD", Some(1)).await;
    let second = gettoken(&server, SECRET, "REDIS_NEW", None).await;
    let prefix = unique_prefix("revoked");
    let clients: Vec<WecomClient> = (0..4)
        .map(|_| client(&server, SECRET, store(url, &prefix)))
        .collect();
    let old_ok = api(&server, "REDIS_OLD", 0).await;
    burst(&clients, 5).await;
    old_ok.delete_async().await;
    let _revoked = api(&server, "REDIS_OLD", 40014).await;
    let new_ok = api(&server, "REDIS_NEW", 0).await;
    burst(&clients, 25).await;
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
    new_ok.assert_calls_async(100).await;
}

async fn redis_keys_for_two_secrets_of_one_corp_never_collide(url: &str) {
    let server = MockServer::start_async().await;
    let a = gettoken(&server, SECRET, "REDIS_A", None).await;
    let b = gettoken(&server, "app-secret", "REDIS_B", None).await;
    api(&server, "REDIS_A", 0).await;
    api(&server, "REDIS_B", 0).await;
    let prefix = unique_prefix("secrets");
    let client_a = client(&server, SECRET, store(url, &prefix));
    let client_b = client(&server, "app-secret", store(url, &prefix));
    client_a.execute(&GetFollowUserList {}).await.unwrap();
    client_b.execute(&GetFollowUserList {}).await.unwrap();
    client_a.execute(&GetFollowUserList {}).await.unwrap();
    a.assert_calls_async(1).await;
    b.assert_calls_async(1).await;

    let mut conn = redis::Client::open(url)
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{prefix}*"))
        .query_async(&mut conn)
        .await
        .unwrap();
    let token_keys: Vec<&String> = keys.iter().filter(|k| !k.ends_with(":lease")).collect();
    assert_eq!(token_keys.len(), 2, "{keys:?}");
    for key in &keys {
        assert!(
            !key.contains(SECRET) && !key.contains("app-secret"),
            "secret in key {key}"
        );
    }
    let mut values: Vec<String> = Vec::new();
    for key in token_keys {
        values.push(
            redis::cmd("GET")
                .arg(key)
                .query_async(&mut conn)
                .await
                .unwrap(),
        );
    }
    values.sort();
    assert_eq!(values, ["REDIS_A", "REDIS_B"]);
}

async fn redis_compare_and_delete_keeps_a_newer_token(url: &str) {
    let store = store(url, &unique_prefix("cad"));
    let fresh = wecom_core::StoredToken {
        token: wecom_core::AccessToken::new("NEWER"),
        expires_at: std::time::SystemTime::now() + Duration::from_secs(60),
    };
    store.put("k", &fresh).await.unwrap();
    assert!(!store
        .delete_if("k", &wecom_core::AccessToken::new("OLDER"))
        .await
        .unwrap());
    assert_eq!(
        store.get("k").await.unwrap().unwrap().token.expose(),
        "NEWER"
    );
    assert!(store
        .delete_if("k", &wecom_core::AccessToken::new("NEWER"))
        .await
        .unwrap());
    assert!(store.get("k").await.unwrap().is_none());

    let lease = store
        .try_lease("k", Duration::from_secs(5))
        .await
        .unwrap()
        .expect("free");
    assert!(
        store
            .try_lease("k", Duration::from_secs(5))
            .await
            .unwrap()
            .is_none(),
        "held"
    );
    store
        .release("k", &wecom_core::Lease::new("someone-else".into()))
        .await
        .unwrap();
    assert!(
        store
            .try_lease("k", Duration::from_secs(5))
            .await
            .unwrap()
            .is_none(),
        "not ours to release"
    );
    store.release("k", &lease).await.unwrap();
    assert!(
        store
            .try_lease("k", Duration::from_secs(5))
            .await
            .unwrap()
            .is_some(),
        "released"
    );
}

/// The race behind a second gettoken: an instance finds no token, another fetches, stores it and
/// releases its lease, then the first asks for the lease. It is refused, and reads the token instead.
async fn redis_no_refresh_lease_while_a_token_is_stored(url: &str) {
    let store = store(url, &unique_prefix("lease"));
    let stored = wecom_core::StoredToken {
        token: wecom_core::AccessToken::new("FETCHED"),
        expires_at: std::time::SystemTime::now() + Duration::from_secs(60),
    };
    store.put("k", &stored).await.unwrap();
    assert!(store
        .try_lease("k", Duration::from_secs(5))
        .await
        .unwrap()
        .is_none());
    assert!(store
        .delete_if("k", &wecom_core::AccessToken::new("FETCHED"))
        .await
        .unwrap());
    assert!(store
        .try_lease("k", Duration::from_secs(5))
        .await
        .unwrap()
        .is_some());
}

pub fn trials() -> Vec<Trial> {
    vec![
        with_redis(
            "store::redis_four_instances_cold_store_one_gettoken",
            |url| block_on(redis_four_instances_cold_store_one_gettoken(url)),
        ),
        with_redis(
            "store::redis_revoked_token_all_instances_converge_with_one_more_gettoken",
            |url| block_on(redis_revoked_token_all_instances_converge_with_one_more_gettoken(url)),
        ),
        with_redis(
            "store::redis_keys_for_two_secrets_of_one_corp_never_collide",
            |url| block_on(redis_keys_for_two_secrets_of_one_corp_never_collide(url)),
        ),
        with_redis(
            "store::redis_compare_and_delete_keeps_a_newer_token",
            |url| block_on(redis_compare_and_delete_keeps_a_newer_token(url)),
        ),
        with_redis(
            "store::redis_no_refresh_lease_while_a_token_is_stored",
            |url| block_on(redis_no_refresh_lease_while_a_token_is_stored(url)),
        ),
    ]
}
