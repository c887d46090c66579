//! Throughput of a typed `batch_get_by_user` (a realistic 10-customer page, ~7 KB of JSON with Chinese
//! text) against a loopback server, beside the same request made with bare reqwest + serde into plain
//! structs of the same shape, at concurrency 1 and 32.
//!
//! Run: `cargo bench -p wecom-customer --bench batch_get_by_user -- --warm-up-time 1 --measurement-time 5`
//! (criterion's `thrpt` line is calls per second). After criterion's groups it prints paired figures
//! (SDK and bare rounds alternating, medians), which stay fair when the machine's load changes during
//! the run; with `WECOM_BENCH_DIAG=1` it also compares bare reqwest against itself plus one of the
//! SDK's differences at a time (a per-call timeout, core's reqwest settings, this crate's types).
//! `WECOM_BENCH_BASE` points it at an outside server instead of the in-process one (see below).

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use wecom_core::test_util::{self, FixedResponseServer, TEST_TOKEN};
use wecom_core::WecomClient;
use wecom_customer::{BatchGetByUserRequest, CustomerExt};

const PAGE: &str = include_str!("../tests/fixtures/batch_get_by_user_page10.json");
const USERIDS: [&str; 2] = ["zhangsan", "lisi"];

// The plain structs a hand-written client would decode into: same fields, no lenient decoding, no
// integer enums.
#[derive(Serialize)]
struct BareRequest<'a> {
    userid_list: &'a [&'a str],
    limit: u32,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareResponse {
    errcode: i64,
    #[serde(default)]
    errmsg: String,
    #[serde(default)]
    external_contact_list: Vec<BareItem>,
    #[serde(default)]
    next_cursor: String,
    fail_info: Option<BareFailInfo>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareFailInfo {
    unlicensed_userid_list: Vec<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareItem {
    external_contact: BareContact,
    follow_info: BareFollowInfo,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareContact {
    external_userid: String,
    name: String,
    position: Option<String>,
    avatar: Option<String>,
    corp_name: Option<String>,
    corp_full_name: Option<String>,
    #[serde(rename = "type")]
    kind: i64,
    gender: i64,
    unionid: Option<String>,
    external_profile: Option<BareProfile>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareProfile {
    external_corp_name: Option<String>,
    #[serde(default)]
    external_attr: Vec<BareAttr>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareAttr {
    #[serde(rename = "type")]
    kind: i64,
    name: String,
    text: Option<BareText>,
    web: Option<BareWeb>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareText {
    value: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareWeb {
    url: String,
    title: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareFollowInfo {
    userid: String,
    remark: String,
    description: String,
    createtime: i64,
    tag_id: Vec<String>,
    remark_corp_name: Option<String>,
    remark_mobiles: Vec<String>,
    oper_userid: String,
    add_way: i64,
    wechat_channels: Option<BareChannels>,
    state: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareChannels {
    nickname: String,
    source: i64,
}

async fn sdk_call(client: &WecomClient, req: &BatchGetByUserRequest) {
    let page = client.customer().batch_get_by_user(req).await.unwrap();
    assert_eq!(page.external_contact_list.len(), 10);
}

async fn bare_call(http: &reqwest::Client, url: &str) {
    let body = serde_json::to_vec(&BareRequest {
        userid_list: &USERIDS,
        limit: 100,
    })
    .unwrap();
    let resp = http
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let bytes = resp.bytes().await.unwrap();
    let page: BareResponse = serde_json::from_slice(&bytes).unwrap();
    assert_eq!((page.errcode, page.external_contact_list.len()), (0, 10));
}

/// Runs `iters` calls, at most `concurrency` in flight, and returns the wall time.
async fn run<F, Fut>(iters: u64, concurrency: usize, call: F) -> Duration
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let start = Instant::now();
    futures::stream::iter(0..iters)
        .map(|_| call())
        .buffer_unordered(concurrency)
        .for_each(|()| async {})
        .await;
    start.elapsed()
}

fn batch_get_by_user(c: &mut Criterion) {
    // The server runs on a runtime of its own, so that the client's runtime measures the client only.
    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let server = server_rt
        .block_on(FixedResponseServer::start(PAGE))
        .unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    // `WECOM_BENCH_BASE=http://127.0.0.1:PORT`: an outside server (e.g. nginx) answering the page at
    // the endpoint's path, and the spaced page under `/spaced` before it.
    let outside = std::env::var("WECOM_BENCH_BASE").ok();
    let base = outside.clone().unwrap_or_else(|| server.base_url());
    let client = test_util::client(&base);
    let req = BatchGetByUserRequest::new(USERIDS).limit(100);
    let http = reqwest::Client::new();
    let url = format!("{base}/cgi-bin/externalcontact/batch/get_by_user?access_token={TEST_TOKEN}");

    // `WECOM_BENCH_LOOP=sdk|bare|bare-timeout[:calls[:concurrency]]` runs that many calls (20,000 by
    // default) of one side (at concurrency 1 by default) and stops: a steady loop for a profiler (`perf record`, `valgrind --tool=cachegrind`).
    if let Ok(spec) = std::env::var("WECOM_BENCH_LOOP") {
        let mut parts = spec.split(':');
        let side = parts.next().unwrap_or("sdk");
        let calls: u64 = parts.next().map_or(20_000, |n| n.parse().expect("calls"));
        let n: usize = parts.next().map_or(1, |n| n.parse().expect("concurrency"));
        let elapsed = match side {
            "sdk" => rt.block_on(run(calls, n, || sdk_call(&client, &req))),
            "bare-timeout" => rt.block_on(run(calls, n, || async {
                tokio::time::timeout(Duration::from_secs(30), bare_call(&http, &url))
                    .await
                    .unwrap()
            })),
            _ => rt.block_on(run(calls, n, || bare_call(&http, &url))),
        };
        println!(
            "{side}: {calls} calls in {elapsed:?}; the SDK's call future holds {} bytes, bare's {}",
            std::mem::size_of_val(&sdk_call(&client, &req)),
            std::mem::size_of_val(&bare_call(&http, &url))
        );
        return;
    }
    let mut group = c.benchmark_group("batch_get_by_user");
    group.throughput(Throughput::Elements(1));
    for concurrency in [1usize, 32] {
        group.bench_with_input(
            BenchmarkId::new("sdk", concurrency),
            &concurrency,
            |b, &n| {
                b.to_async(&rt)
                    .iter_custom(|iters| run(iters, n, || sdk_call(&client, &req)))
            },
        );
        group.bench_with_input(
            BenchmarkId::new("bare_reqwest", concurrency),
            &concurrency,
            |b, &n| {
                b.to_async(&rt)
                    .iter_custom(|iters| run(iters, n, || bare_call(&http, &url)))
            },
        );
    }
    group.finish();

    // The decode alone: this crate's types against the plain structs.
    let mut group = c.benchmark_group("decode_page10");
    group.bench_function("sdk_types", |b| {
        b.iter(|| {
            let page: wecom_customer::BatchGetByUserResponse =
                serde_json::from_str(std::hint::black_box(PAGE)).unwrap();
            page.external_contact_list.len()
        })
    });
    group.bench_function("bare_types", |b| {
        b.iter(|| {
            let page: BareResponse = serde_json::from_str(std::hint::black_box(PAGE)).unwrap();
            page.external_contact_list.len()
        })
    });
    group.finish();

    // The machine may be shared: load that changes between criterion's runs skews a comparison of
    // separate runs. So also measure paired rounds, SDK and bare alternating, and report medians: the
    // page as WeCom sends it (compact), then with a space after each colon and comma, as a proxy or a
    // pretty-printing mock may send it.
    for concurrency in [1usize, 32] {
        compare(
            &rt,
            "compact: sdk",
            concurrency,
            || sdk_call(&client, &req),
            &http,
            &url,
        );
    }
    let spaced_server = server_rt
        .block_on(FixedResponseServer::start(spaced(PAGE)))
        .unwrap();
    let spaced_base = match &outside {
        Some(base) => format!("{base}/spaced"),
        None => spaced_server.base_url(),
    };
    let spaced_client = test_util::client(&spaced_base);
    let spaced_url = format!(
        "{spaced_base}/cgi-bin/externalcontact/batch/get_by_user?access_token={TEST_TOKEN}"
    );
    for concurrency in [1usize, 32] {
        compare(
            &rt,
            "spaced: sdk",
            concurrency,
            || sdk_call(&spaced_client, &req),
            &http,
            &spaced_url,
        );
    }
    if std::env::var_os("WECOM_BENCH_DIAG").is_some() {
        diagnose(&rt, &req, &http, &url);
    }
}

/// `json` with a space after every colon and comma outside strings (`{"errcode": 0, "errmsg": "ok", …}`).
fn spaced(json: &str) -> String {
    let (mut out, mut in_string, mut escaped) =
        (String::with_capacity(json.len() * 2), false, false);
    for c in json.chars() {
        out.push(c);
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            ':' | ',' if !in_string => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Paired rounds per comparison; `WECOM_BENCH_ROUNDS` changes it (many short rounds pair best when the
/// machine's speed drifts).
fn rounds() -> usize {
    std::env::var("WECOM_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(15)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// CPU time this process has used (all threads, user and system): the client's cost when the server
/// is another process, and steadier than wall time on a shared machine.
fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let micros = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    Duration::from_micros(micros(usage.ru_utime) + micros(usage.ru_stime))
}

/// Alternates rounds of `variant` and of bare reqwest (in alternating order); prints the median calls/s
/// of each and the median ratio, and the median CPU time per call of each (with an outside server,
/// the client's own cost).
fn compare<F, Fut>(
    rt: &tokio::runtime::Runtime,
    name: &str,
    concurrency: usize,
    variant: F,
    http: &reqwest::Client,
    url: &str,
) where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    // `WECOM_BENCH_SCALE=n` makes each round n times longer (steadier medians on a noisy machine).
    let scale: u64 = std::env::var("WECOM_BENCH_SCALE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let calls: u64 = scale * if concurrency == 1 { 500 } else { 2_000 };
    let (mut ours, mut bare, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let (mut our_cpu, mut bare_cpu, mut cpu_ratios) = (Vec::new(), Vec::new(), Vec::new());
    // Calls per second and CPU µs per call of one round.
    let measure = |round: &dyn Fn() -> Duration| {
        let cpu = cpu_time();
        let wall = round();
        let cpu = cpu_time() - cpu;
        (
            calls as f64 / wall.as_secs_f64(),
            cpu.as_secs_f64() * 1e6 / calls as f64,
        )
    };
    let measure_variant = || measure(&|| rt.block_on(run(calls, concurrency, &variant)));
    let measure_bare =
        || measure(&|| rt.block_on(run(calls, concurrency, || bare_call(http, url))));
    let rounds = rounds();
    for round in 0..rounds {
        // Which side goes first alternates, so that neither always pays for the switch.
        let (v, b) = if round % 2 == 0 {
            let v = measure_variant();
            (v, measure_bare())
        } else {
            let b = measure_bare();
            (measure_variant(), b)
        };
        ours.push(v.0);
        bare.push(b.0);
        ratios.push(v.0 / b.0);
        our_cpu.push(v.1);
        bare_cpu.push(b.1);
        cpu_ratios.push(b.1 / v.1);
    }
    println!(
        "paired, concurrency {concurrency}, {rounds} rounds of {calls} calls: {name} {:.0} calls/s, \
         bare {:.0} calls/s, median ratio {:.3}; CPU per call {:.1} µs vs bare {:.1} µs, \
         median ratio {:.3}",
        median(&mut ours),
        median(&mut bare),
        median(&mut ratios),
        median(&mut our_cpu),
        median(&mut bare_cpu),
        median(&mut cpu_ratios),
    );
}

/// With `WECOM_BENCH_DIAG=1`: one difference between the SDK and bare reqwest at a time.
fn diagnose(
    rt: &tokio::runtime::Runtime,
    req: &BatchGetByUserRequest,
    http: &reqwest::Client,
    url: &str,
) {
    // The reqwest client as wecom-core's builder makes it.
    let configured = reqwest::Client::builder()
        .user_agent("wecom-external-contact/0.1.0")
        .connect_timeout(Duration::from_secs(5))
        .pool_idle_timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let with_timeout = || async {
        tokio::time::timeout(Duration::from_secs(5), bare_call(http, url))
            .await
            .unwrap()
    };
    let typed = || async {
        let body = serde_json::to_vec(req).unwrap();
        let bytes = http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        let page: wecom_customer::BatchGetByUserResponse = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(page.external_contact_list.len(), 10);
    };
    let (mut ratios, mut ours) = (Vec::new(), Vec::new());
    for _ in 0..41 {
        let start = Instant::now();
        for _ in 0..500 {
            let page: wecom_customer::BatchGetByUserResponse =
                serde_json::from_str(std::hint::black_box(PAGE)).unwrap();
            std::hint::black_box(page);
        }
        let sdk = start.elapsed();
        let start = Instant::now();
        for _ in 0..500 {
            let page: BareResponse = serde_json::from_str(std::hint::black_box(PAGE)).unwrap();
            std::hint::black_box(page);
        }
        let bare = start.elapsed();
        ours.push(sdk.as_secs_f64() / 500.0 * 1e6);
        ratios.push(bare.as_secs_f64() / sdk.as_secs_f64());
    }
    println!(
        "paired decode of the page: sdk types {:.1} µs, median speed ratio vs plain structs {:.3}",
        median(&mut ours),
        median(&mut ratios)
    );
    for concurrency in [1usize, 32] {
        compare(
            rt,
            "bare + tokio::time::timeout",
            concurrency,
            with_timeout,
            http,
            url,
        );
        compare(
            rt,
            "bare, core's reqwest settings",
            concurrency,
            || bare_call(&configured, url),
            http,
            url,
        );
        compare(
            rt,
            "bare into the SDK's types",
            concurrency,
            typed,
            http,
            url,
        );
    }
}

criterion_group!(benches, batch_get_by_user);
criterion_main!(benches);
