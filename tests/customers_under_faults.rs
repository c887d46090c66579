//! Every customer arrives exactly once and in order, whatever WeCom throws at the stream.

use std::time::Duration;

use futures::TryStreamExt;
use wecom_external_contact::prelude::*;
use wecom_external_contact::RetryPolicy;
use wecom_sandbox::{FaultRule, Sandbox, SandboxConfig, SandboxSize};

const BATCH: &str = "/cgi-bin/externalcontact/batch/get_by_user";

async fn big_sandbox() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        size: SandboxSize {
            members: 50,
            customers: 10_000,
            ..SandboxSize::default()
        },
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

async fn follow_users(client: &WecomClient) -> Vec<String> {
    client
        .customer()
        .get_follow_user_list()
        .await
        .unwrap()
        .follow_user
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_customers_stream_exactly_once_under_faults_and_a_revoked_token() {
    let sandbox = big_sandbox().await;
    let client = sandbox
        .client_builder()
        .retry_policy(RetryPolicy {
            max_attempts: 8,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(4),
        })
        .build()
        .unwrap();
    let users = follow_users(&client).await;
    assert_eq!(users.len(), 50);

    // The order WeCom would give with nothing going wrong.
    let expected: Vec<String> = client
        .customer()
        .batch_get_by_users_stream(users.iter().cloned(), Some(100))
        .map_ok(|c| c.external_contact.external_userid)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(expected.len(), 10_000);
    let pages_clean = sandbox.hits(BATCH);

    sandbox.set_fault(
        BATCH,
        FaultRule::none().system_busy(0.10).concurrent_limit(0.05),
    );
    let mut stream = client
        .customer()
        .batch_get_by_users_stream(users.iter().cloned(), Some(100));
    let mut seen = Vec::with_capacity(expected.len());
    while let Some(customer) = stream.try_next().await.unwrap() {
        seen.push(customer.external_contact.external_userid);
        if seen.len() == 5_000 {
            sandbox.revoke_tokens();
        }
    }

    assert_eq!(seen.len(), expected.len());
    assert!(seen == expected, "same customers, same order, none twice");
    let pages_faulty = sandbox.hits(BATCH) - pages_clean;
    assert!(
        pages_faulty > pages_clean,
        "faults were injected and retried: {pages_faulty} requests for {pages_clean} pages"
    );
    assert_eq!(
        sandbox.gettoken_hits(),
        2,
        "one token at the start, one after the revocation"
    );
}

#[tokio::test]
async fn a_frequency_limit_surfaces_as_a_typed_error_without_a_retry_loop() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let users = follow_users(&client).await;
    sandbox.set_fault(BATCH, FaultRule::none().freq_limit(1.0));

    let err = client
        .customer()
        .batch_get_by_users_stream(users, None)
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();

    assert_eq!(err.code(), Some(ErrCode::API_FREQ_LIMIT), "{err}");
    assert!(!err.is_retryable());
    assert_eq!(
        sandbox.hits(BATCH),
        1,
        "45009 is not retried, and the stream ends"
    );
}
