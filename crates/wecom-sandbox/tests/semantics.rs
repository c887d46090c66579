//! The sandbox behaves as WeCom does: tokens, errcodes, limits, paging, faults, counters.

use std::time::Duration;

use serde_json::json;
use wecom_external_contact::{ErrCode, Error, RetryPolicy};
use wecom_sandbox::{Clock, FaultRule, Sandbox, SandboxConfig, SandboxSize, ServerLimits};

const FOLLOW_USERS: &str = "/cgi-bin/externalcontact/get_follow_user_list";

fn no_retries(sandbox: &Sandbox) -> wecom_external_contact::WecomClient {
    sandbox
        .client_builder()
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap()
}

#[tokio::test]
async fn bad_credentials_get_wecoms_errcodes() {
    let sandbox = Sandbox::start().await.unwrap();
    let wrong_secret = sandbox.client_builder().secret("nope").build().unwrap();
    let err = wrong_secret.get_raw(FOLLOW_USERS, &[]).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::INVALID_SECRET));
    let wrong_corp = sandbox
        .client_builder()
        .corp_id("ww_other")
        .build()
        .unwrap();
    let err = wrong_corp.get_raw(FOLLOW_USERS, &[]).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::INVALID_CORP_ID));
}

#[tokio::test]
async fn a_revoked_token_is_replaced_transparently() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    client.get_raw(FOLLOW_USERS, &[]).await.unwrap();
    sandbox.revoke_tokens();
    client.get_raw(FOLLOW_USERS, &[]).await.unwrap();
    assert_eq!(sandbox.gettoken_hits(), 2);
    assert_eq!(
        sandbox.hits(FOLLOW_USERS),
        3,
        "one call, one rejected, one replayed"
    );
}

#[tokio::test]
async fn an_expired_token_answers_42001() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        token_ttl: Duration::from_secs(1),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let token = sandbox
        .client_builder()
        .build()
        .unwrap()
        .token_provider(wecom_external_contact::TokenKind::Corp)
        .expect("a corp token provider")
        .token()
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let fixed = sandbox
        .client_builder()
        .token_provider(std::sync::Arc::new(
            wecom_external_contact::StaticToken::new(token.expose()),
        ))
        .build()
        .unwrap();
    let err = fixed.get_raw(FOLLOW_USERS, &[]).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::ACCESS_TOKEN_EXPIRED));
}

#[tokio::test]
async fn limits_are_checked_with_documented_errcodes() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = no_retries(&sandbox);
    let too_many: Vec<String> = (0..101).map(|i| format!("u{i}")).collect();
    let err = client
        .post_raw_idempotent(
            "/cgi-bin/externalcontact/batch/get_by_user",
            &json!({"userid_list": too_many}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(40058)));
    let err = client
        .get_raw(
            "/cgi-bin/externalcontact/get",
            &[("external_userid", "wm_nobody")],
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(40096)));
}

#[tokio::test]
async fn member_without_customers_answers_84061() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        size: SandboxSize {
            members: 3,
            customers: 2,
            ..SandboxSize::default()
        },
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let client = no_retries(&sandbox);
    let (empty, _) = sandbox
        .follow_users()
        .into_iter()
        .find(|(_, n)| *n == 0)
        .unwrap();
    let err = client
        .get_raw("/cgi-bin/externalcontact/list", &[("userid", &empty)])
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::NO_EXTERNAL_CONTACT));
}

#[tokio::test]
async fn faults_before_and_after_the_effect() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = no_retries(&sandbox);
    sandbox.set_fault(FOLLOW_USERS, FaultRule::none().freq_limit(1.0));
    let err = client.get_raw(FOLLOW_USERS, &[]).await.unwrap_err();
    assert!(err.is_rate_limited());

    let body =
        json!({"chat_type": "single", "text": {"content": "双十一活动"}, "sender": "zhangsan"});
    sandbox.set_fault(
        "/cgi-bin/externalcontact/add_msg_template",
        FaultRule::none().http_502(1.0),
    );
    let err = client
        .post_raw("/cgi-bin/externalcontact/add_msg_template", &body)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 502, .. }));
    assert_eq!(
        sandbox.mass_messages_created(),
        1,
        "the 502 came after the message was created"
    );

    sandbox.set_fault(
        "/cgi-bin/externalcontact/add_msg_template",
        FaultRule::none().drop_connection(1.0),
    );
    let err = client
        .post_raw("/cgi-bin/externalcontact/add_msg_template", &body)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport { connect: false, .. }),
        "{err:?}"
    );
    assert_eq!(sandbox.mass_messages_created(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_limits_answer_45033_and_45009() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = no_retries(&sandbox);
    client.get_raw(FOLLOW_USERS, &[]).await.unwrap();

    // One call in flight at most; each call is held 300 ms, so the second of two concurrent calls
    // finds the first still running.
    sandbox.set_limits(ServerLimits {
        max_concurrent: Some(1),
        per_minute: None,
        ..ServerLimits::default()
    });
    sandbox.set_fault(
        FOLLOW_USERS,
        FaultRule::none().delay(Duration::from_millis(300), 1.0),
    );
    let first = client.get_raw(FOLLOW_USERS, &[]);
    let second = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        client.get_raw(FOLLOW_USERS, &[]).await
    };
    let (first, second) = tokio::join!(first, second);
    first.unwrap();
    let err = second.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::API_CONCURRENT_LIMIT), "{err}");
    assert_eq!(sandbox.limit_rejections(), (1, 0));
    sandbox.clear_faults();

    sandbox.set_limits(ServerLimits {
        max_concurrent: None,
        per_minute: Some(2),
        ..ServerLimits::default()
    });
    client.get_raw(FOLLOW_USERS, &[]).await.unwrap();
    client.get_raw(FOLLOW_USERS, &[]).await.unwrap();
    let err = client.get_raw(FOLLOW_USERS, &[]).await.unwrap_err();
    assert!(err.is_rate_limited());
    assert_eq!(err.code(), Some(ErrCode::API_FREQ_LIMIT), "{err}");
    assert_eq!(sandbox.limit_rejections(), (1, 1));
}

#[tokio::test]
async fn the_same_seed_gives_the_same_world() {
    // The history ends at 0:00 of the clock's day: the same seed and day give the same world.
    let at_the_same_time = || {
        Sandbox::start_with(SandboxConfig {
            clock: Clock::fixed(1_773_541_800),
            ..SandboxConfig::default()
        })
    };
    let a = at_the_same_time().await.unwrap();
    let b = at_the_same_time().await.unwrap();
    let query = |s: &Sandbox| {
        let client = s.client_builder().build().unwrap();
        async move {
            client
                .post_raw_idempotent(
                    "/cgi-bin/externalcontact/batch/get_by_user",
                    &json!({"userid_list": ["zhangsan", "lisi"], "limit": 100}),
                )
                .await
                .unwrap()
        }
    };
    let (x, y) = (query(&a).await, query(&b).await);
    assert_eq!(x, y);
    assert_eq!(x["external_contact_list"].as_array().unwrap().len(), 100);
}

#[tokio::test]
async fn get_endpoints_also_take_post_but_post_endpoints_refuse_get() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = no_retries(&sandbox);
    let users = client.post_raw(FOLLOW_USERS, &json!({})).await.unwrap();
    assert_eq!(users["follow_user"].as_array().map(Vec::len), Some(20));
    let err = client
        .get_raw("/cgi-bin/externalcontact/batch/get_by_user", &[])
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(40058)));
}
