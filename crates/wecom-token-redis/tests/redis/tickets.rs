//! The Redis suite-ticket store against a real Redis: keys and TTL, a ticket one instance stored used by
//! another instance's suite-token fetch, and a Redis that is not there.

use std::sync::Arc;
use std::time::{Duration, Instant};

use httpmock::{Method, MockServer};
use libtest_mimic::Trial;
use serde_json::json;
use wecom_core::{SuiteTicketStore, TokenKind, WecomClient};
use wecom_token_redis::{RedisTicketStore, DEFAULT_TICKET_PREFIX, TICKET_TTL};

use crate::harness::{block_on, with_redis};

const SUITE_ID: &str = "ww_redis_suite";
const SUITE_SECRET: &str = "redis-suite-secret";

pub fn trials() -> Vec<Trial> {
    vec![
        with_redis(
            "tickets::redis_ticket_store_keeps_the_latest_ticket_per_suite_for_30_minutes",
            |url| {
                block_on(redis_ticket_store_keeps_the_latest_ticket_per_suite_for_30_minutes(url))
            },
        ),
        with_redis(
            "tickets::redis_a_ticket_one_instance_stored_feeds_another_instances_suite_token",
            |url| {
                block_on(
                    redis_a_ticket_one_instance_stored_feeds_another_instances_suite_token(url),
                )
            },
        ),
        // Needs no Redis: a port where nothing listens.
        Trial::test(
            "tickets::redis_unreachable_ticket_store_fails_fast_without_the_ticket",
            || {
                block_on(redis_unreachable_ticket_store_fails_fast_without_the_ticket());
                Ok(())
            },
        ),
    ]
}

/// A store with a prefix of its own, so that tests sharing one Redis never see each other's keys.
fn store(url: &str, prefix: &str) -> Arc<RedisTicketStore> {
    let client = redis::Client::open(url).unwrap();
    Arc::new(RedisTicketStore::with_client(client, prefix))
}

fn unique_prefix(test: &str) -> String {
    format!("wecom-test:{test}:{:x}:", fastrand::u64(..))
}

async fn raw(url: &str, key: &str) -> (Option<String>, i64) {
    let mut connection = redis::Client::open(url)
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    redis::pipe()
        .get(key)
        .pttl(key)
        .query_async(&mut connection)
        .await
        .unwrap()
}

async fn redis_ticket_store_keeps_the_latest_ticket_per_suite_for_30_minutes(url: &str) {
    let prefix = unique_prefix("tickets");
    let store = store(url, &prefix);
    assert_eq!(store.get(SUITE_ID).await.unwrap(), None);

    store.put(SUITE_ID, "TICKET-ONE").await.unwrap();
    assert_eq!(store.ticket_key(SUITE_ID), format!("{prefix}{SUITE_ID}"));
    let (value, ttl_ms) = raw(url, &format!("{prefix}{SUITE_ID}")).await;
    assert_eq!(value.as_deref(), Some("TICKET-ONE"));
    let ttl = Duration::from_millis(u64::try_from(ttl_ms).unwrap());
    assert!(
        ttl <= TICKET_TTL && ttl > TICKET_TTL - Duration::from_secs(10),
        "{ttl:?}"
    );
    assert_eq!(TICKET_TTL, Duration::from_secs(1800));

    // The next push replaces it; another suite has its own.
    store.put(SUITE_ID, "TICKET-TWO").await.unwrap();
    store.put("ww_other_suite", "TICKET-OTHER").await.unwrap();
    assert_eq!(
        store.get(SUITE_ID).await.unwrap().as_deref(),
        Some("TICKET-TWO")
    );
    assert_eq!(
        store.get("ww_other_suite").await.unwrap().as_deref(),
        Some("TICKET-OTHER")
    );
    assert_eq!(store.get("ww_no_such_suite").await.unwrap(), None);

    let printed = format!("{store:?}");
    assert_eq!(
        printed,
        format!("RedisTicketStore {{ prefix: {prefix:?}, .. }}")
    );
    assert!(DEFAULT_TICKET_PREFIX.ends_with(':'));
}

async fn redis_a_ticket_one_instance_stored_feeds_another_instances_suite_token(url: &str) {
    let prefix = unique_prefix("suite-token");
    let server = MockServer::start_async().await;
    let get_suite_token = server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path("/cgi-bin/service/get_suite_token")
                .json_body(json!({
                    "suite_id": SUITE_ID,
                    "suite_secret": SUITE_SECRET,
                    "suite_ticket": "TICKET-FROM-THE-RECEIVER"
                }));
            then.status(200).json_body(json!({
                "errcode": 0, "errmsg": "ok",
                "suite_access_token": "SUITE_TOKEN_FROM_REDIS_TICKET", "expires_in": 7200
            }));
        })
        .await;
    // The API instance: its own store, on the same Redis and prefix as the receiver's.
    let suite = WecomClient::builder()
        .suite(SUITE_ID, SUITE_SECRET, store(url, &prefix))
        .base_url(server.base_url())
        .build()
        .unwrap();
    let provider = suite.token_provider(TokenKind::Suite).unwrap();
    let before = provider.token().await.unwrap_err().to_string();
    assert!(
        before.contains("no suite_ticket for suite ww_redis_suite"),
        "{before}"
    );
    get_suite_token.assert_calls_async(0).await;

    // The receiver instance stores the pushed ticket.
    store(url, &prefix)
        .put(SUITE_ID, "TICKET-FROM-THE-RECEIVER")
        .await
        .unwrap();
    let token = provider.token().await.unwrap();
    assert_eq!(token.expose(), "SUITE_TOKEN_FROM_REDIS_TICKET");
    get_suite_token.assert_calls_async(1).await;
}

async fn redis_unreachable_ticket_store_fails_fast_without_the_ticket() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let store = store(&format!("redis://127.0.0.1:{port}/"), "wecom-test:down:");
    let started = Instant::now();
    let put = store
        .put(SUITE_ID, "TICKET-NEVER-PRINTED")
        .await
        .unwrap_err();
    let get = store.get(SUITE_ID).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    for error in [put.to_string(), get.to_string(), format!("{put:?}")] {
        assert!(error.contains("suite ticket store: redis:"), "{error}");
        assert!(!error.contains("TICKET-NEVER-PRINTED"), "{error}");
    }
}
