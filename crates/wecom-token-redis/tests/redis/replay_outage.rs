//! Redis stopped under two receivers that share it: they keep answering and handling, each on its own
//! in-memory guard, and say so in a warning.

use std::time::{Duration, Instant};

use libtest_mimic::Trial;
use wecom_callback::receiver::ReceiverOptions;

use crate::callbacks::{guard, logs, success, unique_prefix, Delivery, Handled};
use crate::harness::{block_on, with_own_server, PrivateRedis};

pub fn trials() -> Vec<Trial> {
    vec![with_own_server(
        "replay_outage::redis_stopped_receivers_keep_answering_on_their_own_guards",
        |redis| {
            block_on(redis_stopped_receivers_keep_answering_on_their_own_guards(
                redis,
            ))
        },
    )]
}

async fn redis_stopped_receivers_keep_answering_on_their_own_guards(redis: PrivateRedis) {
    logs();
    let prefix = unique_prefix("outage");
    let handled = Handled::default();
    let a = handled
        .router(ReceiverOptions::default().replay_store(guard(&redis.url, &prefix)))
        .await;
    let b = handled
        .router(ReceiverOptions::default().replay_store(guard(&redis.url, &prefix)))
        .await;
    let before = Delivery::new("700001");
    assert_eq!(before.to(a).await, success());
    assert_eq!(before.to(b).await, success());
    assert_eq!(handled.settled().await, 1);

    redis.stop();
    let during = Delivery::new("700002");
    let started = Instant::now();
    assert_eq!(during.to(a).await, success());
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(handled.settled().await, 2);
    // The retry on the same instance is recognised by its in-memory guard...
    assert_eq!(during.to(a).await, success());
    assert_eq!(handled.settled().await, 2);
    // ...but not on the other instance: during the outage, deduplication is per instance.
    assert_eq!(during.to(b).await, success());
    assert_eq!(handled.settled().await, 3);
    assert_eq!(during.to(b).await, success());
    // What was recorded before the outage is still known locally only where it was handled.
    assert_eq!(before.to(a).await, success());
    assert_eq!(handled.settled().await, 3);

    let logged = logs();
    let warnings: Vec<&str> = logged
        .lines()
        .filter(|line| line.contains("shared replay store failed"))
        .collect();
    assert!(
        warnings.iter().any(|line| line.contains("WARN")
            && line.contains("call=\"claim\"")
            && line.contains("redis:")),
        "{logged}"
    );
}
