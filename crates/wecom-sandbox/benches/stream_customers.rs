//! Streams 100,000 customers (1,000 follow users × 100) from the sandbox through
//! `batch_get_by_users_stream`, 100 customers a page: customers per second, and the peak memory of the
//! client process.
//!
//! Run: `cargo bench -p wecom-sandbox --bench stream_customers` (criterion's `thrpt` line is customers
//! per second). The sandbox runs as its own process (the `wecom-sandbox` binary), so that the peak RSS
//! printed at the end — and checked against 100 MB — is the client's alone: the stream must not collect.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use futures::TryStreamExt;
use wecom_external_contact::prelude::*;

const MEMBERS: usize = 1_000;
const CUSTOMERS: u64 = 100_000;
const RSS_BUDGET_KB: u64 = 100 * 1024;

/// The sandbox binary on a free port; killed when dropped.
struct SandboxProcess {
    child: Child,
    base_url: String,
}

impl SandboxProcess {
    fn start() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wecom-sandbox"))
            .args(["--port", "0", "--members", &MEMBERS.to_string()])
            .args(["--customers", &CUSTOMERS.to_string()])
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the wecom-sandbox binary");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut first_line = String::new();
        BufReader::new(stdout)
            .read_line(&mut first_line)
            .expect("the sandbox prints its address");
        let base_url = first_line
            .trim()
            .rsplit(' ')
            .next()
            .expect("an address")
            .to_owned();
        Self { child, base_url }
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Peak resident set size of a process, in KiB (Linux `VmHWM`); `None` elsewhere.
fn peak_rss_kb(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

async fn stream_all(client: &WecomClient, users: &[String]) -> u64 {
    client
        .customer()
        .batch_get_by_users_stream(users.iter().cloned(), Some(100))
        .try_fold(0u64, |n, customer| async move {
            std::hint::black_box(&customer);
            Ok(n + 1)
        })
        .await
        .expect("the stream finishes")
}

fn bench(c: &mut Criterion) {
    let sandbox = SandboxProcess::start();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let client = WecomClient::builder()
        .corp_id("wwsandbox0000000001")
        .secret("sandbox-external-contact-secret")
        .base_url(sandbox.base_url.as_str())
        .build()
        .expect("client");
    let users = runtime
        .block_on(client.customer().get_follow_user_list())
        .expect("follow users")
        .follow_user;
    assert_eq!(users.len(), MEMBERS);
    assert_eq!(runtime.block_on(stream_all(&client, &users)), CUSTOMERS);

    let mut group = c.benchmark_group("sandbox");
    group
        .throughput(Throughput::Elements(CUSTOMERS))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(25));
    group.bench_function("stream_100k_customers", |b| {
        b.iter(|| runtime.block_on(stream_all(&client, &users)))
    });
    group.finish();

    let client_kb = peak_rss_kb("self").expect("/proc/self/status");
    let server_kb = peak_rss_kb(&sandbox.child.id().to_string()).unwrap_or(0);
    println!(
        "peak RSS: client {:.1} MB (budget {} MB), sandbox process {:.1} MB",
        client_kb as f64 / 1024.0,
        RSS_BUDGET_KB / 1024,
        server_kb as f64 / 1024.0
    );
    assert!(
        client_kb < RSS_BUDGET_KB,
        "the client's peak RSS of {client_kb} KiB is over budget: is the stream collecting?"
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
