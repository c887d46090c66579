//! One token for any number of callers, and a client-side limiter that keeps a bulk job under WeCom's limits.

use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use wecom_external_contact::prelude::*;
use wecom_sandbox::{FaultRule, Sandbox, ServerLimits};

const GET: &str = "/cgi-bin/externalcontact/get";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_tasks_on_a_cold_client_fetch_one_token() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let tasks: Vec<_> = (0..200)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.customer().get_follow_user_list().await })
        })
        .collect();
    for task in tasks {
        let users = task.await.unwrap().unwrap();
        assert!(!users.follow_user.is_empty());
    }
    assert_eq!(sandbox.gettoken_hits(), 1);
    assert_eq!(
        sandbox.hits("/cgi-bin/externalcontact/get_follow_user_list"),
        200
    );
}

/// WeCom's limits, scaled down so that a window passes in seconds: 20 calls in flight, 40 calls per
/// 2-second window. Each call takes 20 ms on the server, so concurrency is real.
async fn limited_sandbox() -> Sandbox {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_limits(ServerLimits {
        max_concurrent: Some(20),
        per_minute: Some(40),
        window: Duration::from_secs(2),
    });
    sandbox.set_fault(GET, FaultRule::none().delay(Duration::from_millis(20), 1.0));
    sandbox
}

/// A bulk export: the detail of 100 customers, 50 requests at a time; the errcodes of the failures.
async fn export(client: &WecomClient, sandbox: &Sandbox) -> Vec<Option<ErrCode>> {
    let user = &sandbox.follow_users()[0].0;
    let mut ids = client.customer().list(user).await.unwrap().external_userid;
    ids.truncate(25);
    let ids: Vec<String> = ids.iter().cycle().take(100).cloned().collect();
    futures::stream::iter(ids)
        .map(|id| {
            let client = client.clone();
            async move { client.customer().get(&id, None).await }
        })
        .buffer_unordered(50)
        .filter_map(|r| async move { r.err().map(|e| e.code()) })
        .collect()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_limiter_a_bulk_export_hits_both_limits() {
    let sandbox = limited_sandbox().await;
    let client = sandbox.client_builder().build().unwrap();
    let failures = export(&client, &sandbox).await;
    let (concurrent, frequency) = sandbox.limit_rejections();
    assert!(concurrent > 0, "45033 answered: {concurrent}");
    assert!(frequency > 0, "45009 answered: {frequency}");
    assert!(failures.contains(&Some(ErrCode::API_FREQ_LIMIT)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_limiter_set_to_fit_a_bulk_export_gets_neither_limit_and_finishes() {
    let sandbox = limited_sandbox().await;
    let client = sandbox
        .client_builder()
        .max_in_flight(20)
        // Exactly the server's budget: the limiter counts a call's window from the moment it ended, so
        // no window at the server sees more, whatever the latency.
        .max_calls_per(40, Duration::from_secs(2))
        .build()
        .unwrap();
    let failures = export(&client, &sandbox).await;
    assert_eq!(failures, []);
    assert_eq!(sandbox.limit_rejections(), (0, 0));
    assert_eq!(sandbox.hits(GET), 100);
}

#[tokio::test]
async fn a_page_stream_of_customers_stops_at_the_first_limit_error() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_limits(ServerLimits {
        per_minute: Some(3),
        ..ServerLimits::default()
    });
    let client = sandbox.client_builder().build().unwrap();
    let users: Vec<String> = sandbox.follow_users().into_iter().map(|(u, _)| u).collect();
    let mut stream = client.customer().batch_get_by_users_stream(users, Some(10));
    let mut items = 0;
    let err = loop {
        match stream.try_next().await {
            Ok(Some(_)) => items += 1,
            Ok(None) => panic!("the budget of 3 calls cannot cover every page"),
            Err(err) => break err,
        }
    };
    assert_eq!(items, 30, "three pages of 10 arrived before the limit");
    assert!(err.is_rate_limited());
    assert!(stream.try_next().await.unwrap().is_none());
}
