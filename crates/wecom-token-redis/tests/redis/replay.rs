//! The Redis replay guard against a real Redis: its claim / complete / release semantics, and receivers
//! on two "instances" (two axum servers, two guards, one Redis) handling a delivery and WeCom's retry.

use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::Trial;
use tokio::sync::Semaphore;
use wecom_callback::receiver::ReceiverOptions;
use wecom_callback::{Claim, DeliveryKey, ReplayStore, Ticket};

use crate::callbacks::{guard, success, unique_prefix, Delivery, Handled};
use crate::harness::{block_on, with_redis};

pub fn trials() -> Vec<Trial> {
    vec![
        with_redis("replay::redis_claim_complete_and_release", |url| {
            block_on(redis_claim_complete_and_release(url))
        }),
        with_redis(
            "replay::redis_two_receivers_handle_a_delivery_and_its_retry_once",
            |url| {
                block_on(redis_two_receivers_handle_a_delivery_and_its_retry_once(
                    url,
                ))
            },
        ),
        with_redis(
            "replay::redis_a_failure_on_one_receiver_is_handled_by_the_other",
            |url| block_on(redis_a_failure_on_one_receiver_is_handled_by_the_other(url)),
        ),
        with_redis(
            "replay::redis_a_retry_on_another_receiver_waits_for_the_first",
            |url| block_on(redis_a_retry_on_another_receiver_waits_for_the_first(url)),
        ),
    ]
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

fn fresh(claim: Claim) -> Ticket {
    match claim {
        Claim::Fresh(ticket) => ticket,
        other => panic!("expected a fresh claim, got {other:?}"),
    }
}

async fn redis_claim_complete_and_release(url: &str) {
    let prefix = unique_prefix("semantics");
    let (store, other_instance) = (guard(url, &prefix), guard(url, &prefix));
    let key = DeliveryKey::new("signature", "1718000000", "nonce");
    let redis_key = store.delivery_key(&key);
    let hold = Duration::from_secs(5);

    let ticket = fresh(store.claim(&key, hold).await.unwrap());
    let (value, ttl) = raw(url, &redis_key).await;
    assert_eq!(value, Some(format!("claimed:{}", ticket.as_str())));
    assert!(ttl > 4_000 && ttl <= 5_000, "{ttl}");
    assert_eq!(
        other_instance.claim(&key, hold).await.unwrap(),
        Claim::InProgress
    );
    // Another ticket does not release it; its own does.
    other_instance
        .release(&key, &Ticket::random())
        .await
        .unwrap();
    assert_eq!(
        other_instance.claim(&key, hold).await.unwrap(),
        Claim::InProgress
    );
    store.release(&key, &ticket).await.unwrap();
    assert_eq!(raw(url, &redis_key).await, (None, -2));

    let ticket = fresh(other_instance.claim(&key, hold).await.unwrap());
    other_instance
        .complete(&key, Duration::from_secs(600))
        .await
        .unwrap();
    let (value, ttl) = raw(url, &redis_key).await;
    assert_eq!(value.as_deref(), Some("done"));
    assert!(ttl > 599_000 && ttl <= 600_000, "{ttl}");
    assert_eq!(store.claim(&key, hold).await.unwrap(), Claim::Done);
    // A late release by the holder leaves the delivery done.
    other_instance.release(&key, &ticket).await.unwrap();
    assert_eq!(store.claim(&key, hold).await.unwrap(), Claim::Done);

    // A claim whose holder never comes back expires after its hold.
    let lost = DeliveryKey::new("signature", "1718000000", "lost");
    fresh(
        store
            .claim(&lost, Duration::from_millis(200))
            .await
            .unwrap(),
    );
    assert_eq!(store.claim(&lost, hold).await.unwrap(), Claim::InProgress);
    tokio::time::sleep(Duration::from_millis(300)).await;
    fresh(other_instance.claim(&lost, hold).await.unwrap());
}

async fn redis_two_receivers_handle_a_delivery_and_its_retry_once(url: &str) {
    let prefix = unique_prefix("two");
    let handled = Handled::default();
    let a = handled
        .router(ReceiverOptions::default().replay_store(guard(url, &prefix)))
        .await;
    let b = handled
        .router(ReceiverOptions::default().replay_store(guard(url, &prefix)))
        .await;

    let delivery = Delivery::new("424242");
    assert_eq!(delivery.to(a).await, success());
    // WeCom's retry lands on the other instance: acknowledged, not handled again.
    assert_eq!(delivery.to(b).await, success());
    assert_eq!(delivery.to(a).await, success());
    assert_eq!(handled.settled().await, 1);
    let key = DeliveryKey::new(&delivery.signature, &delivery.timestamp, &delivery.nonce);
    let (value, ttl) = raw(url, &format!("{prefix}{}", key.as_str())).await;
    assert_eq!(value.as_deref(), Some("done"));
    // Remembered for twice the default 5-minute window.
    assert!(ttl > 590_000 && ttl <= 600_000, "{ttl}");

    // What the shared guard prevents: an instance with only its own in-memory guard handles it again.
    let alone = handled.router(ReceiverOptions::default()).await;
    assert_eq!(delivery.to(alone).await, success());
    assert_eq!(handled.settled().await, 2);
}

async fn redis_a_failure_on_one_receiver_is_handled_by_the_other(url: &str) {
    let prefix = unique_prefix("failure");
    let handled = Handled::default();
    let open = Arc::new(Semaphore::new(Semaphore::MAX_PERMITS));
    let options = || ReceiverOptions::default().replay_store(guard(url, &prefix));
    let (a, _) = handled.durable(options(), Arc::clone(&open), 1).await;
    let (b, _) = handled.durable(options(), Arc::clone(&open), 0).await;

    let delivery = Delivery::new("535353");
    assert_eq!(delivery.to(a).await, (500, "not handled; retry".to_owned()));
    // Forgotten in Redis: the retry on the other instance is handled, and kept.
    assert_eq!(delivery.to(b).await, success());
    assert_eq!(delivery.to(a).await, success());
    assert_eq!(handled.settled().await, 2);
}

async fn redis_a_retry_on_another_receiver_waits_for_the_first(url: &str) {
    let prefix = unique_prefix("in-flight");
    let handled = Handled::default();
    let gate = Arc::new(Semaphore::new(0));
    let options = || ReceiverOptions::default().replay_store(guard(url, &prefix));
    let (a, mut started) = handled.durable(options(), Arc::clone(&gate), 0).await;
    let (b, _) = handled.durable(options(), Arc::clone(&gate), 0).await;

    let delivery = Delivery::new("646464");
    let first = delivery.spawn_to(a);
    started.recv().await.unwrap();
    let retry = delivery.spawn_to(b);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(
        !retry.is_finished(),
        "the retry was answered while the first was being handled"
    );

    gate.add_permits(10);
    assert_eq!(first.await.unwrap(), success());
    assert_eq!(retry.await.unwrap(), success());
    assert_eq!(handled.settled().await, 1);
}
