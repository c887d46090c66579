//! Several clients (as several instances) sharing one token store.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use async_trait::async_trait;
use common::*;
use httpmock::MockServer;
use wecom_core::{AccessToken, Error, Lease, MemoryStore, StoredToken, TokenStore, WecomClient};

async fn burst(clients: &[WecomClient], per_client: usize) {
    let calls = clients.iter().flat_map(|client| {
        (0..per_client).map(move |_| {
            let client = client.clone();
            tokio::spawn(async move { client.execute(&GetFollowUserList {}).await })
        })
    });
    for call in futures::future::join_all(calls).await {
        call.unwrap().unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_instances_on_a_cold_shared_store_fetch_one_token() {
    let server = MockServer::start_async().await;
    let gettoken = gettoken(&server, "SHARED", None).await;
    let api = follow_users(&server, "SHARED").await;
    let store = Arc::new(MemoryStore::new());
    let clients: Vec<WecomClient> = (0..4)
        .map(|_| builder(&server).token_store(store.clone()).build().unwrap())
        .collect();
    burst(&clients, 50).await;
    gettoken.assert_calls_async(1).await;
    api.assert_calls_async(200).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn after_a_revocation_all_instances_converge_on_one_new_token() {
    let server = MockServer::start_async().await;
    let old = gettoken(&server, "OLD", Some(1)).await;
    let new = gettoken(&server, "NEW", None).await;
    let store = Arc::new(MemoryStore::new());
    let clients: Vec<WecomClient> = (0..4)
        .map(|_| builder(&server).token_store(store.clone()).build().unwrap())
        .collect();
    let ok_old = follow_users(&server, "OLD").await;
    burst(&clients, 5).await;
    // WeCom revokes OLD.
    ok_old.delete_async().await;
    let revoked = api(
        &server,
        "OLD",
        r#"{"errcode":40014,"errmsg":"invalid access_token"}"#,
        None,
    )
    .await;
    let ok_new = follow_users(&server, "NEW").await;
    burst(&clients, 25).await;
    old.assert_calls_async(1).await;
    new.assert_calls_async(1).await;
    ok_new.assert_calls_async(100).await;
    assert!(
        revoked.calls_async().await <= 4 * 25,
        "each stale call is replayed once at most"
    );
}

/// A store that is down: every call fails.
#[derive(Debug, Default)]
struct DownStore {
    calls_seen: AtomicBool,
}

#[async_trait]
impl TokenStore for DownStore {
    async fn get(&self, _key: &str) -> wecom_core::Result<Option<StoredToken>> {
        self.calls_seen.store(true, Ordering::Relaxed);
        Err(Error::Token("connection refused".into()))
    }
    async fn put(&self, _key: &str, _token: &StoredToken) -> wecom_core::Result<()> {
        Err(Error::Token("connection refused".into()))
    }
    async fn delete_if(&self, _key: &str, _stale: &AccessToken) -> wecom_core::Result<bool> {
        Err(Error::Token("connection refused".into()))
    }
    async fn try_lease(
        &self,
        _key: &str,
        _ttl: std::time::Duration,
    ) -> wecom_core::Result<Option<Lease>> {
        Err(Error::Token("connection refused".into()))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_store_that_is_down_costs_one_gettoken_per_instance_not_per_call() {
    let server = MockServer::start_async().await;
    let gettoken = gettoken(&server, "LOCAL", None).await;
    let api = follow_users(&server, "LOCAL").await;
    let store = Arc::new(DownStore::default());
    let clients: Vec<WecomClient> = (0..4)
        .map(|_| builder(&server).token_store(store.clone()).build().unwrap())
        .collect();
    burst(&clients, 50).await;
    burst(&clients, 50).await;
    assert!(store.calls_seen.load(Ordering::Relaxed));
    gettoken.assert_calls_async(4).await;
    api.assert_calls_async(400).await;
}
