//! Access-token behaviour: caching, single flight, invalidation and replay.

mod common;

use std::sync::Arc;

use common::*;
use httpmock::MockServer;
use wecom_core::{ErrCode, Error, MemoryStore};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hundred_concurrent_calls_on_a_cold_client_fetch_one_token() {
    let server = MockServer::start_async().await;
    let gettoken = gettoken(&server, "TOKEN_A", None).await;
    let api = follow_users(&server, "TOKEN_A").await;
    let client = client(&server);

    let calls = (0..100).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.execute(&GetFollowUserList {}).await })
    });
    for call in futures::future::join_all(calls).await {
        assert_eq!(call.unwrap().unwrap().follow_user, ["zhangsan", "lisi"]);
    }
    gettoken.assert_calls_async(1).await;
    api.assert_calls_async(100).await;

    // Warm: no more gettoken.
    for _ in 0..5 {
        client.execute(&GetFollowUserList {}).await.unwrap();
    }
    gettoken.assert_calls_async(1).await;
}

#[tokio::test]
async fn expired_token_is_refetched_once_and_the_call_replayed_with_the_new_token() {
    let server = MockServer::start_async().await;
    let first = gettoken(&server, "OLD_TOKEN", Some(1)).await;
    let second = gettoken(&server, "NEW_TOKEN", None).await;
    let stale = api(
        &server,
        "OLD_TOKEN",
        r#"{"errcode":42001,"errmsg":"access_token expired"}"#,
        None,
    )
    .await;
    let fresh = follow_users(&server, "NEW_TOKEN").await;
    let client = client(&server);

    let users = client.execute(&GetFollowUserList {}).await.unwrap();
    assert_eq!(users.follow_user, ["zhangsan", "lisi"]);
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
    stale.assert_calls_async(1).await;
    fresh.assert_calls_async(1).await;
}

#[tokio::test]
async fn invalid_token_twice_in_a_row_is_a_typed_error_not_a_loop() {
    let server = MockServer::start_async().await;
    let first = gettoken(&server, "T1", Some(1)).await;
    let second = gettoken(&server, "T2", None).await;
    let rejected_1 = api(
        &server,
        "T1",
        r#"{"errcode":40014,"errmsg":"invalid access_token"}"#,
        None,
    )
    .await;
    let rejected_2 = api(
        &server,
        "T2",
        r#"{"errcode":40014,"errmsg":"invalid access_token"}"#,
        None,
    )
    .await;
    let client = client(&server);

    let err = client.execute(&GetFollowUserList {}).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::INVALID_ACCESS_TOKEN));
    assert!(err.is_token_invalid());
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
    rejected_1.assert_calls_async(1).await;
    rejected_2.assert_calls_async(1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_bad_secret_is_fetched_once_for_concurrent_callers_and_never_looped() {
    let server = MockServer::start_async().await;
    let gettoken = server
        .mock_async(|when, then| {
            when.path("/cgi-bin/gettoken");
            // Slow enough that all 50 callers are waiting on the fetch before it fails, however
            // loaded the machine: a caller that arrives after the failure is a later call, which
            // tries again (below).
            then.status(200)
                .delay(std::time::Duration::from_millis(500))
                .body(r#"{"errcode":40001,"errmsg":"invalid credential"}"#);
        })
        .await;
    let client = client(&server);
    let calls = (0..50).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.execute(&GetFollowUserList {}).await })
    });
    for call in futures::future::join_all(calls).await {
        let err = call.unwrap().unwrap_err();
        assert_eq!(err.code(), Some(ErrCode::INVALID_SECRET), "{err}");
    }
    gettoken.assert_calls_async(1).await;

    // A later call tries again (once): the secret may have been fixed in the console.
    let err = client.execute(&GetFollowUserList {}).await.unwrap_err();
    assert!(matches!(err, Error::Api { ref path, .. } if path == "/cgi-bin/gettoken"));
    gettoken.assert_calls_async(2).await;
}

#[tokio::test]
async fn clients_with_different_secrets_keep_separate_tokens_even_in_one_store() {
    let server = MockServer::start_async().await;
    let for_a = gettoken(&server, "TOKEN_A", None).await;
    let for_b = server
        .mock_async(|when, then| {
            when.path("/cgi-bin/gettoken")
                .query_param("corpsecret", "app-secret");
            then.status(200)
                .body(r#"{"errcode":0,"errmsg":"ok","access_token":"TOKEN_B","expires_in":7200}"#);
        })
        .await;
    let api_a = follow_users(&server, "TOKEN_A").await;
    let api_b = follow_users(&server, "TOKEN_B").await;
    let store = Arc::new(MemoryStore::new());
    let a = builder(&server).token_store(store.clone()).build().unwrap();
    let b = builder(&server)
        .secret("app-secret")
        .token_store(store)
        .build()
        .unwrap();

    a.execute(&GetFollowUserList {}).await.unwrap();
    b.execute(&GetFollowUserList {}).await.unwrap();
    a.execute(&GetFollowUserList {}).await.unwrap();
    for_a.assert_calls_async(1).await;
    for_b.assert_calls_async(1).await;
    api_a.assert_calls_async(2).await;
    api_b.assert_calls_async(1).await;
}

#[tokio::test]
async fn invalidate_keeps_a_token_that_was_already_refreshed() {
    use wecom_core::{AccessToken, TokenStore};
    let store = MemoryStore::new();
    let fresh = wecom_core::StoredToken {
        token: AccessToken::new("NEW"),
        expires_at: std::time::SystemTime::now() + std::time::Duration::from_secs(60),
    };
    store.put("k", &fresh).await.unwrap();
    assert!(!store
        .delete_if("k", &AccessToken::new("OLD"))
        .await
        .unwrap());
    assert_eq!(store.get("k").await.unwrap(), Some(fresh));
    assert!(store
        .delete_if("k", &AccessToken::new("NEW"))
        .await
        .unwrap());
    assert_eq!(store.get("k").await.unwrap(), None);
}

#[tokio::test]
async fn a_short_lived_token_is_refreshed_after_it_expires() {
    let server = MockServer::start_async().await;
    let gettoken = server
        .mock_async(|when, then| {
            when.path("/cgi-bin/gettoken");
            then.status(200)
                .body(r#"{"errcode":0,"errmsg":"ok","access_token":"SHORT","expires_in":1}"#);
        })
        .await;
    let api = follow_users(&server, "SHORT").await;
    let client = client(&server);
    client.execute(&GetFollowUserList {}).await.unwrap();
    client.execute(&GetFollowUserList {}).await.unwrap();
    gettoken.assert_calls_async(1).await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    client.execute(&GetFollowUserList {}).await.unwrap();
    gettoken.assert_calls_async(2).await;
    api.assert_calls_async(3).await;
}
