//! Suite, provider and authorized-corp tokens: each fetched once, sent under its own query name, replayed
//! once when stale, and never sent where the endpoint wants another kind.

use std::sync::Arc;
use std::time::Duration;

use httpmock::{Method, Mock, MockServer};
use serde::{Deserialize, Serialize};
use serde_json::json;
use wecom_core::{
    impl_endpoint, Error, MemoryTicketStore, RetryPolicy, SuiteTicketStore, TokenKind, WecomClient,
};

const SUITE_ID: &str = "ww_suite_1";
const SUITE_SECRET: &str = "SUITE-SECRET-do-not-print";
const TICKET: &str = "TICKET-do-not-print";
const PROVIDER_CORP: &str = "ww_provider";
const PROVIDER_SECRET: &str = "PROVIDER-SECRET-do-not-print";

/// An endpoint taking the suite token.
#[derive(Serialize)]
struct SuiteThing {
    id: u32,
}
/// An endpoint taking the provider token.
#[derive(Serialize)]
struct ProviderThing {
    id: u32,
}
/// An endpoint taking the corp token.
#[derive(Serialize)]
struct CorpThing {
    id: u32,
}
#[derive(Debug, Deserialize)]
struct Answer {
    value: String,
}
impl_endpoint!(SuiteThing => Answer, Post "/cgi-bin/service/thing", Idempotent, token = Suite);
impl_endpoint!(ProviderThing => Answer, Post "/cgi-bin/service/provider_thing", Idempotent, token = Provider);
impl_endpoint!(CorpThing => Answer, Post "/cgi-bin/externalcontact/thing", Idempotent);

fn builder(server: &MockServer) -> wecom_core::ClientBuilder {
    WecomClient::builder()
        .base_url(server.base_url())
        .timeout(Duration::from_secs(5))
        .retry_policy(RetryPolicy {
            max_attempts: 2,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
        })
}

async fn tickets() -> Arc<MemoryTicketStore> {
    let tickets = Arc::new(MemoryTicketStore::new());
    tickets.put(SUITE_ID, TICKET).await.unwrap();
    tickets
}

async fn suite_token<'a>(server: &'a MockServer, token: &str, times: Option<usize>) -> Mock<'a> {
    let answer =
        json!({"errcode": 0, "errmsg": "ok", "suite_access_token": token, "expires_in": 7200});
    server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path("/cgi-bin/service/get_suite_token")
                .json_body(json!({
                    "suite_id": SUITE_ID, "suite_secret": SUITE_SECRET, "suite_ticket": TICKET
                }));
            let then = then.status(200).json_body(answer);
            if let Some(n) = times {
                then.up_to_n_times(n);
            }
        })
        .await
}

/// `path` answered for the token `token` sent as `query_name`, and nothing else in the query.
async fn api<'a>(
    server: &'a MockServer,
    path: &str,
    query_name: &'static str,
    token: &str,
    answer: serde_json::Value,
) -> Mock<'a> {
    let expected = vec![(query_name.to_owned(), token.to_owned())];
    server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path(path)
                .json_body(json!({"id": 7}))
                .is_true(move |req| req.query_params() == expected);
            then.status(200).json_body(answer);
        })
        .await
}

#[tokio::test]
async fn a_suite_endpoint_carries_the_suite_token_fetched_once() {
    let server = MockServer::start_async().await;
    let fetch = suite_token(&server, "SUITE_TOKEN_1", None).await;
    let thing = api(
        &server,
        "/cgi-bin/service/thing",
        "suite_access_token",
        "SUITE_TOKEN_1",
        json!({"errcode": 0, "errmsg": "ok", "value": "v"}),
    )
    .await;
    let client = builder(&server)
        .suite(SUITE_ID, SUITE_SECRET, tickets().await)
        .build()
        .unwrap();
    let calls = (0..20).map(|_| client.execute(&SuiteThing { id: 7 }));
    for answer in futures::future::join_all(calls).await {
        assert_eq!(answer.unwrap().value, "v");
    }
    fetch.assert_calls_async(1).await;
    thing.assert_calls_async(20).await;
}

#[tokio::test]
async fn a_stale_suite_token_is_replaced_and_the_call_replayed_once() {
    let server = MockServer::start_async().await;
    // The first fetch answers a token WeCom will call expired; the next one a fresh token.
    let old = suite_token(&server, "SUITE_OLD", Some(1)).await;
    let fresh = suite_token(&server, "SUITE_NEW", None).await;
    let stale = api(
        &server,
        "/cgi-bin/service/thing",
        "suite_access_token",
        "SUITE_OLD",
        json!({"errcode": 42009, "errmsg": "suite_access_token expired"}),
    )
    .await;
    let ok = api(
        &server,
        "/cgi-bin/service/thing",
        "suite_access_token",
        "SUITE_NEW",
        json!({"errcode": 0, "errmsg": "ok", "value": "fresh"}),
    )
    .await;
    let client = builder(&server)
        .suite(SUITE_ID, SUITE_SECRET, tickets().await)
        .build()
        .unwrap();
    assert_eq!(
        client.execute(&SuiteThing { id: 7 }).await.unwrap().value,
        "fresh"
    );
    assert_eq!(
        client.execute(&SuiteThing { id: 7 }).await.unwrap().value,
        "fresh"
    );
    old.assert_calls_async(1).await;
    fresh.assert_calls_async(1).await;
    stale.assert_calls_async(1).await;
    ok.assert_calls_async(2).await;
}

#[tokio::test]
async fn a_provider_endpoint_carries_the_provider_token() {
    let server = MockServer::start_async().await;
    let fetch = server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path("/cgi-bin/service/get_provider_token")
                .json_body(json!({"corpid": PROVIDER_CORP, "provider_secret": PROVIDER_SECRET}));
            then.status(200).json_body(json!({
                "errcode": 0, "errmsg": "ok", "provider_access_token": "PROVIDER_TOKEN", "expires_in": 7200
            }));
        })
        .await;
    let thing = api(
        &server,
        "/cgi-bin/service/provider_thing",
        "provider_access_token",
        "PROVIDER_TOKEN",
        json!({"errcode": 0, "errmsg": "ok", "value": "p"}),
    )
    .await;
    let client = builder(&server)
        .provider(PROVIDER_CORP, PROVIDER_SECRET)
        .build()
        .unwrap();
    assert_eq!(
        client
            .execute(&ProviderThing { id: 7 })
            .await
            .unwrap()
            .value,
        "p"
    );
    assert_eq!(
        client
            .execute(&ProviderThing { id: 7 })
            .await
            .unwrap()
            .value,
        "p"
    );
    fetch.assert_calls_async(1).await;
    thing.assert_calls_async(2).await;
    let debug = format!("{client:?}");
    assert!(!debug.contains(PROVIDER_SECRET), "{debug}");
}

#[tokio::test]
async fn authorized_corps_share_one_suite_token_and_get_their_own_corp_tokens() {
    let server = MockServer::start_async().await;
    let suite = suite_token(&server, "SUITE_TOKEN", None).await;
    let mut corp_fetches = Vec::new();
    for (corp, code, token) in [("wwA", "CODE-A", "TOKEN_A"), ("wwB", "CODE-B", "TOKEN_B")] {
        // get_corp_token answers without errcode on success (doc 90605).
        corp_fetches.push(
            server
                .mock_async(|when, then| {
                    when.method(Method::POST)
                        .path("/cgi-bin/service/get_corp_token")
                        .query_param("suite_access_token", "SUITE_TOKEN")
                        .json_body(json!({"auth_corpid": corp, "permanent_code": code}));
                    then.status(200)
                        .json_body(json!({"access_token": token, "expires_in": 7200}));
                })
                .await,
        );
    }
    let a = api(
        &server,
        "/cgi-bin/externalcontact/thing",
        "access_token",
        "TOKEN_A",
        json!({"errcode": 0, "errmsg": "ok", "value": "a"}),
    )
    .await;
    let b = api(
        &server,
        "/cgi-bin/externalcontact/thing",
        "access_token",
        "TOKEN_B",
        json!({"errcode": 0, "errmsg": "ok", "value": "b"}),
    )
    .await;
    let suite_client = builder(&server)
        .suite(SUITE_ID, SUITE_SECRET, tickets().await)
        .build()
        .unwrap();
    let corp_a = suite_client.authorized_corp("wwA", "CODE-A").unwrap();
    let corp_b = suite_client.authorized_corp("wwB", "CODE-B").unwrap();
    let (x, y) = tokio::join!(
        corp_a.execute(&CorpThing { id: 7 }),
        corp_b.execute(&CorpThing { id: 7 })
    );
    assert_eq!(
        (x.unwrap().value, y.unwrap().value),
        ("a".to_owned(), "b".to_owned())
    );
    assert_eq!(
        corp_a.execute(&CorpThing { id: 7 }).await.unwrap().value,
        "a"
    );
    suite.assert_calls_async(1).await;
    for fetch in &corp_fetches {
        fetch.assert_calls_async(1).await;
    }
    a.assert_calls_async(2).await;
    b.assert_calls_async(1).await;
    assert!(!format!("{corp_a:?}").contains("CODE-A"));
}

#[tokio::test]
async fn an_endpoint_of_a_kind_the_client_lacks_sends_nothing() {
    let server = MockServer::start_async().await;
    let anything = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body(r#"{"errcode":0}"#);
        })
        .await;
    let corp = builder(&server).corp_id("ww1").secret("s").build().unwrap();
    match corp.execute(&SuiteThing { id: 7 }).await {
        Err(Error::NoTokenFor { kind, path }) => {
            assert_eq!(
                (kind, path.as_str()),
                (TokenKind::Suite, "/cgi-bin/service/thing")
            );
        }
        other => panic!("expected NoTokenFor, got {other:?}"),
    }
    let provider = builder(&server)
        .provider(PROVIDER_CORP, PROVIDER_SECRET)
        .build()
        .unwrap();
    let err = provider.execute(&CorpThing { id: 7 }).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::NoTokenFor {
                kind: TokenKind::Corp,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(matches!(
        corp.authorized_corp("wwA", "CODE"),
        Err(Error::Config(_))
    ));
    anything.assert_calls_async(0).await;
}

#[tokio::test]
async fn a_missing_suite_ticket_is_an_error_that_says_so_and_sends_nothing() {
    let server = MockServer::start_async().await;
    let fetch = suite_token(&server, "SUITE_TOKEN", None).await;
    let client = builder(&server)
        .suite(SUITE_ID, SUITE_SECRET, Arc::new(MemoryTicketStore::new()))
        .build()
        .unwrap();
    let err = client.execute(&SuiteThing { id: 7 }).await.unwrap_err();
    assert!(matches!(err, Error::Token(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains("no suite_ticket for suite ww_suite_1"),
        "{err}"
    );
    fetch.assert_calls_async(0).await;
}

#[tokio::test]
async fn secrets_in_a_token_request_never_reach_an_error() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/cgi-bin/service/get_suite_token");
            // A server echoing what it got.
            then.status(200).json_body(json!({
                "errcode": 40085,
                "errmsg": format!("invalid suite_ticket {TICKET} for secret {SUITE_SECRET}")
            }));
        })
        .await;
    let client = builder(&server)
        .suite(SUITE_ID, SUITE_SECRET, tickets().await)
        .build()
        .unwrap();
    let err = client.execute(&SuiteThing { id: 7 }).await.unwrap_err();
    assert_eq!(err.code(), Some(wecom_core::ErrCode::INVALID_SUITE_TICKET));
    for text in [err.to_string(), format!("{err:?}"), format!("{client:?}")] {
        assert!(
            !text.contains(TICKET) && !text.contains(SUITE_SECRET),
            "{text}"
        );
    }
}
