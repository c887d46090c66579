//! Retries: what is retried, what is never re-sent.

mod common;

use std::time::Duration;

use common::*;
use httpmock::{Method, MockServer};
use wecom_core::test_util::{client as static_client, fast_retries, TEST_TOKEN};
use wecom_core::{ErrCode, Error, StaticToken, WecomClient};

async fn post_mock<'a>(
    server: &'a MockServer,
    path: &str,
    status: u16,
    body: &str,
    times: Option<usize>,
    delay: Option<Duration>,
) -> httpmock::Mock<'a> {
    let body = body.to_owned();
    server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path(path)
                .query_param("access_token", TEST_TOKEN)
                .json_body(serde_json::json!({"name": "x"}));
            let mut then = then.status(status).body(body);
            if let Some(n) = times {
                then = then.up_to_n_times(n);
            }
            if let Some(d) = delay {
                then.delay(d);
            }
        })
        .await
}

#[tokio::test]
async fn system_busy_then_success_is_retried_on_an_idempotent_endpoint() {
    let server = MockServer::start_async().await;
    let busy = post_mock(
        &server,
        "/cgi-bin/externalcontact/get_thing",
        200,
        r#"{"errcode":-1,"errmsg":"system busy"}"#,
        Some(1),
        None,
    )
    .await;
    let ok = post_mock(
        &server,
        "/cgi-bin/externalcontact/get_thing",
        200,
        r#"{"errcode":0,"errmsg":"ok","value":7}"#,
        None,
        None,
    )
    .await;
    let client = static_client(&server.base_url());
    let thing = client
        .execute(&GetThing { name: "x".into() })
        .await
        .unwrap();
    assert_eq!(thing.value, 7);
    busy.assert_calls_async(1).await;
    ok.assert_calls_async(1).await;
}

#[tokio::test]
async fn retries_are_bounded() {
    let server = MockServer::start_async().await;
    let busy = post_mock(
        &server,
        "/cgi-bin/externalcontact/get_thing",
        200,
        r#"{"errcode":45033,"errmsg":"api concurrent out of limit"}"#,
        None,
        None,
    )
    .await;
    let client = static_client(&server.base_url());
    let err = client
        .execute(&GetThing { name: "x".into() })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::API_CONCURRENT_LIMIT));
    busy.assert_calls_async(3).await;
}

#[tokio::test]
async fn http_5xx_is_retried_only_when_idempotent() {
    let server = MockServer::start_async().await;
    let get = post_mock(
        &server,
        "/cgi-bin/externalcontact/get_thing",
        502,
        "<html><body>502 Bad Gateway</body></html>",
        None,
        None,
    )
    .await;
    let add = post_mock(
        &server,
        "/cgi-bin/externalcontact/add_thing",
        502,
        "<html><body>502 Bad Gateway</body></html>",
        None,
        None,
    )
    .await;
    let client = static_client(&server.base_url());

    let err = client
        .execute(&GetThing { name: "x".into() })
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    get.assert_calls_async(3).await;

    let err = client
        .execute(&AddThing { name: "x".into() })
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    add.assert_calls_async(1).await;
}

#[tokio::test]
async fn system_busy_on_a_create_call_is_not_resent() {
    let server = MockServer::start_async().await;
    let add = post_mock(
        &server,
        "/cgi-bin/externalcontact/add_thing",
        200,
        r#"{"errcode":-1,"errmsg":"system busy"}"#,
        None,
        None,
    )
    .await;
    let client = static_client(&server.base_url());
    let err = client
        .execute(&AddThing { name: "x".into() })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::SYSTEM_BUSY));
    add.assert_calls_async(1).await;
}

fn short_timeout_client(server: &MockServer) -> WecomClient {
    WecomClient::builder()
        .base_url(server.base_url())
        .token_provider(std::sync::Arc::new(StaticToken::new(TEST_TOKEN)))
        .timeout(Duration::from_millis(300))
        .retry_policy(fast_retries())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_timeout_on_a_non_idempotent_endpoint_is_not_resent() {
    let server = MockServer::start_async().await;
    let add = post_mock(
        &server,
        "/cgi-bin/externalcontact/add_thing",
        200,
        r#"{"errcode":0,"errmsg":"ok"}"#,
        None,
        Some(Duration::from_secs(2)),
    )
    .await;
    let err = short_timeout_client(&server)
        .execute(&AddThing { name: "x".into() })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    add.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_timeout_on_an_idempotent_endpoint_is_retried() {
    let server = MockServer::start_async().await;
    let slow = post_mock(
        &server,
        "/cgi-bin/externalcontact/get_thing",
        200,
        r#"{"errcode":0,"errmsg":"ok","value":1}"#,
        Some(1),
        Some(Duration::from_secs(2)),
    )
    .await;
    let fast = post_mock(
        &server,
        "/cgi-bin/externalcontact/get_thing",
        200,
        r#"{"errcode":0,"errmsg":"ok","value":2}"#,
        None,
        None,
    )
    .await;
    let thing = short_timeout_client(&server)
        .execute(&GetThing { name: "x".into() })
        .await
        .unwrap();
    assert_eq!(thing.value, 2);
    slow.assert_calls_async(1).await;
    fast.assert_calls_async(1).await;
}

#[tokio::test]
async fn frequency_limit_is_a_typed_error_without_retry() {
    let server = MockServer::start_async().await;
    let limited = post_mock(
        &server,
        "/cgi-bin/externalcontact/get_thing",
        200,
        r#"{"errcode":45009,"errmsg":"api freq out of limit"}"#,
        None,
        None,
    )
    .await;
    let client = static_client(&server.base_url());
    let err = client
        .execute(&GetThing { name: "x".into() })
        .await
        .unwrap_err();
    assert!(err.is_rate_limited());
    assert!(!err.is_retryable());
    limited.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_refused_connection_is_reported_as_unsent() {
    // Bind and drop a listener: its port now refuses connections.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = static_client(&format!("http://127.0.0.1:{port}"));
    let started = std::time::Instant::now();
    let err = client
        .execute(&AddThing { name: "x".into() })
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport { connect: true, .. }),
        "{err:?}"
    );
    assert!(err.is_unsent());
    assert!(started.elapsed() < Duration::from_secs(5));
}
