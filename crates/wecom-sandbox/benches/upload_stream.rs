//! A 50 MiB upload from a stream (`UploadSource::reader`) to the sandbox, through the SDK's multipart
//! executor: how long it takes (criterion) and how much the process's peak memory grows above its
//! baseline while it runs (goal: under 32 MiB; a client that buffered the stream would grow by 50 MiB or
//! more). The sandbox runs in the same process and streams too, so the figure is an upper bound for the
//! client alone.
//!
//! Run: `cargo bench -p wecom-sandbox --bench upload_stream`. The memory figure is printed first:
//! `VmHWM` (peak resident set) after resetting it through `/proc/self/clear_refs`, and the largest
//! `VmRSS` seen by a 1 ms sampler, both above the baseline measured just before the upload.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::{Deserialize, Serialize};
use tokio::io::AsyncReadExt;
use wecom_external_contact::core::upload::{Upload, UploadSource};
use wecom_external_contact::WecomClient;
use wecom_sandbox::Sandbox;

const SIZE: u64 = 50 * 1024 * 1024;
const MIB: f64 = 1024.0 * 1024.0;

/// 上传临时素材 of a plain file, without the 20 MB limit of the typed request (the sandbox's limit is
/// raised for the benchmark).
#[derive(Serialize)]
struct UploadFile {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip)]
    source: UploadSource,
}

#[derive(Deserialize)]
struct Uploaded {
    media_id: String,
}

impl Upload for UploadFile {
    const PATH: &'static str = "/cgi-bin/media/upload";
    type Response = Uploaded;
    fn source(&self) -> &UploadSource {
        &self.source
    }
}

async fn upload_50_mib(client: &WecomClient) -> String {
    let source = UploadSource::reader("big.bin", SIZE, tokio::io::repeat(b'x').take(SIZE));
    let req = UploadFile {
        kind: "file",
        source,
    };
    client.upload(&req).await.expect("upload").media_id
}

/// A field of `/proc/self/status`, in bytes.
fn status_bytes(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Resets `VmHWM` to the current resident set (Linux ≥ 4.0); false where that is not allowed.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Samples `VmRSS` every millisecond until stopped; answers the largest value.
fn sampler(stop: Arc<AtomicBool>) -> std::thread::JoinHandle<u64> {
    let peak = AtomicU64::new(0);
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            peak.fetch_max(status_bytes("VmRSS:"), Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(1));
        }
        peak.load(Ordering::Relaxed)
    })
}

fn report_memory(runtime: &tokio::runtime::Runtime, sandbox: &Sandbox, client: &WecomClient) {
    let reset = reset_peak();
    let baseline = status_bytes("VmRSS:");
    let stop = Arc::new(AtomicBool::new(false));
    let sampling = sampler(stop.clone());
    let media_id = runtime.block_on(upload_50_mib(client));
    stop.store(true, Ordering::Relaxed);
    let sampled = sampling.join().unwrap_or(0);
    let hwm = status_bytes("VmHWM:");
    let received = sandbox.uploaded(&media_id).expect("the sandbox kept it");
    assert_eq!(received.length, SIZE, "the sandbox received every byte");
    let above = |peak: u64| peak.saturating_sub(baseline) as f64 / MIB;
    let peak_above = if reset {
        above(hwm).max(above(sampled))
    } else {
        above(sampled)
    };
    println!(
        "upload_stream: 50 MiB from a stream, baseline RSS {:.1} MiB; peak above baseline {:.1} MiB \
         (VmHWM {}, sampled VmRSS {:.1} MiB); goal < 32 MiB: {}",
        baseline as f64 / MIB,
        peak_above,
        if reset {
            format!("{:.1} MiB", above(hwm))
        } else {
            "not resettable here".to_owned()
        },
        above(sampled),
        if peak_above < 32.0 { "met" } else { "MISSED" }
    );
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let sandbox = runtime.block_on(Sandbox::start()).expect("sandbox");
    sandbox.set_max_upload_bytes(Some(SIZE));
    let client = sandbox
        .client_builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client");
    // Warm up: the token, the connection, the allocator's first arenas.
    runtime.block_on(async {
        let small = UploadFile {
            kind: "file",
            source: UploadSource::bytes("warm.txt", &b"warm up"[..]),
        };
        client.upload(&small).await.expect("warm-up upload");
    });
    report_memory(&runtime, &sandbox, &client);

    let mut group = c.benchmark_group("upload_stream");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(SIZE));
    group.bench_function("50_mib_reader_to_sandbox", |b| {
        b.to_async(&runtime).iter(|| upload_50_mib(&client));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
