//! One call's overhead: `WecomClient::execute` against a loopback server that answers a fixed body,
//! beside the same request made with bare reqwest + serde.
//!
//! Run: `cargo bench -p wecom-core --bench executor`

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::{Deserialize, Serialize};
use wecom_core::test_util::{self, FixedResponseServer, TEST_TOKEN};

const BODY: &str =
    r#"{"errcode":0,"errmsg":"ok","follow_user":["zhangsan","lisi","wangwu","zhaoliu","sunqi"]}"#;

#[derive(Serialize)]
struct GetFollowUserList {}

#[derive(Deserialize)]
struct FollowUsers {
    follow_user: Vec<String>,
}

wecom_core::impl_endpoint!(GetFollowUserList => FollowUsers,
    Get "/cgi-bin/externalcontact/get_follow_user_list", Idempotent);

#[derive(Deserialize)]
struct BareFollowUsers {
    errcode: i64,
    follow_user: Vec<String>,
}

fn executor(c: &mut Criterion) {
    // The server runs on a runtime of its own, so that the client's runtime measures the client only.
    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let server = server_rt
        .block_on(FixedResponseServer::start(BODY))
        .unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let base = server.base_url();
    let client = test_util::client(&base);
    let bare = reqwest::Client::new();
    let url =
        format!("{base}/cgi-bin/externalcontact/get_follow_user_list?access_token={TEST_TOKEN}");

    let mut group = c.benchmark_group("get_follow_user_list");
    group.throughput(Throughput::Elements(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("sdk", |b| {
        b.to_async(&rt).iter(|| async {
            let users = client.execute(&GetFollowUserList {}).await.unwrap();
            assert_eq!(users.follow_user.len(), 5);
        })
    });
    group.bench_function("bare_reqwest", |b| {
        b.to_async(&rt).iter(|| async {
            let body = bare.get(&url).send().await.unwrap().bytes().await.unwrap();
            let users: BareFollowUsers = serde_json::from_slice(&body).unwrap();
            assert_eq!((users.errcode, users.follow_user.len()), (0, 5));
        })
    });
    group.finish();

    // The token fast path alone: what every call pays before the network.
    let token_server = server_rt
        .block_on(FixedResponseServer::start(
            r#"{"errcode":0,"errmsg":"ok","access_token":"T","expires_in":7200}"#,
        ))
        .unwrap();
    let cached = wecom_core::WecomClient::builder()
        .corp_id("ww_bench")
        .secret("bench-secret")
        .base_url(token_server.base_url())
        .build()
        .unwrap();
    c.bench_function("token_cache_hit", |b| {
        let provider = cached
            .token_provider(wecom_core::TokenKind::Corp)
            .unwrap()
            .clone();
        b.to_async(&rt).iter_custom(|iters| {
            let provider = provider.clone();
            async move {
                let start = Instant::now();
                for _ in 0..iters {
                    provider.token().await.unwrap();
                }
                start.elapsed()
            }
        })
    });
}

criterion_group!(benches, executor);
criterion_main!(benches);
