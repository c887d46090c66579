//! The client-side limiter holds calls back (lower bounds only: they cannot flake on a slow machine).

use std::sync::Arc;
use std::time::{Duration, Instant};

use httpmock::MockServer;
use wecom_core::test_util::TEST_TOKEN;
use wecom_core::{Error, StaticToken, WecomClient};

fn client(server: &MockServer) -> wecom_core::ClientBuilder {
    WecomClient::builder()
        .base_url(server.base_url())
        .token_provider(Arc::new(StaticToken::new(TEST_TOKEN)))
}

async fn run(client: &WecomClient, calls: usize) {
    let calls = (0..calls).map(|_| client.get_raw("/cgi-bin/slow", &[]));
    for result in futures::future::join_all(calls).await {
        result.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn max_in_flight_queues_the_rest() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.path("/cgi-bin/slow");
            then.status(200)
                .body(r#"{"errcode":0,"errmsg":"ok"}"#)
                .delay(Duration::from_millis(200));
        })
        .await;
    let limited = client(&server).max_in_flight(2).build().unwrap();
    let started = Instant::now();
    run(&limited, 6).await;
    assert!(
        started.elapsed() >= Duration::from_millis(600),
        "{:?}",
        started.elapsed()
    );
    mock.assert_calls_async(6).await;
}

#[tokio::test]
async fn max_calls_per_minute_spreads_calls() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/cgi-bin/slow");
            then.status(200).body(r#"{"errcode":0,"errmsg":"ok"}"#);
        })
        .await;
    // 600 a minute: one every 100 ms.
    let limited = client(&server).max_calls_per_minute(600).build().unwrap();
    let started = Instant::now();
    run(&limited, 5).await;
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn zero_limits_are_configuration_errors() {
    let server_url = "http://127.0.0.1:9";
    let builder = || {
        WecomClient::builder()
            .base_url(server_url)
            .token_provider(Arc::new(StaticToken::new(TEST_TOKEN)))
    };
    assert!(matches!(
        builder().max_in_flight(0).build(),
        Err(Error::Config(_))
    ));
    assert!(matches!(
        builder().max_calls_per_minute(0).build(),
        Err(Error::Config(_))
    ));
}
