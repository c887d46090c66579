//! The client-side limiter holds calls back (lower bounds only: they cannot flake on a slow machine).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

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

/// A loopback server that records when each request arrived and holds the first `slow` answers for
/// `delay`: a server that is slow, then fast.
async fn slow_then_fast(slow: usize, delay: Duration) -> (String, Arc<Mutex<Vec<Instant>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let arrivals = Arc::new(Mutex::new(Vec::new()));
    let recorded = arrivals.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let arrivals = recorded.clone();
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    // GET requests only: one request ends with its blank line.
                    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                        match stream.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => request.extend_from_slice(&chunk[..n]),
                        }
                    }
                    request.clear();
                    let nth = {
                        let mut arrivals = arrivals.lock().unwrap();
                        arrivals.push(Instant::now());
                        arrivals.len()
                    };
                    if nth <= slow {
                        tokio::time::sleep(delay).await;
                    }
                    let body = r#"{"errcode":0,"errmsg":"ok"}"#;
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if stream.write_all(answer.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (url, arrivals)
}

/// Calls queued behind slow ones must not bank rate permits and fire together once the server speeds
/// up: at the server, calls `k` and `k + n` arrive at least a period apart, so no window of the period
/// sees more than `n` (exact, not timed: a call reaches the server before it ends, and its permit comes
/// back a period after it ended).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_window_sees_more_than_n_calls_when_a_slow_server_speeds_up() {
    const N: usize = 10;
    const PERIOD: Duration = Duration::from_secs(1);
    let (url, arrivals) = slow_then_fast(2, Duration::from_secs(3)).await;
    let limited = WecomClient::builder()
        .base_url(url)
        .token_provider(Arc::new(StaticToken::new(TEST_TOKEN)))
        .max_in_flight(2)
        .max_calls_per(N as u32, PERIOD)
        .build()
        .unwrap();
    let calls = (0..25).map(|_| limited.get_raw("/cgi-bin/slow", &[]));
    for result in futures::future::join_all(calls).await {
        result.unwrap();
    }
    let arrivals = arrivals.lock().unwrap().clone();
    assert_eq!(arrivals.len(), 25);
    for (k, pair) in arrivals.windows(N + 1).enumerate() {
        let apart = pair[N] - pair[0];
        assert!(
            apart >= PERIOD,
            "calls {k} and {} arrived {apart:?} apart: {} calls within one period",
            k + N,
            N + 1
        );
    }
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
