//! `wecom customers export` of 100,000 customers of 1,000 members from the sandbox: the time it takes,
//! customers per second, and the CLI's peak RSS (goal: under 64 MB — the export must not collect).
//!
//! Run: `cargo bench -p wecom-cli --bench export`. The sandbox runs in this process; the CLI is the
//! release binary, run as a child three times; its peak RSS is the `VmHWM` of `/proc/<pid>/status`,
//! read every few milliseconds while it runs. (Not `getrusage(RUSAGE_CHILDREN)`: a child spawned from
//! this process inherits its high-water mark, sandbox and all, at exec.)

use std::collections::HashSet;
use std::process::Command;
use std::time::{Duration, Instant};

use wecom_sandbox::{Sandbox, SandboxConfig, SandboxSize};

const MEMBERS: usize = 1_000;
const CUSTOMERS: usize = 100_000;
const RUNS: usize = 3;
const RSS_GOAL_KB: u64 = 64 * 1024;

fn main() {
    // `cargo test --benches` runs this without `--bench`: nothing to measure in a debug build.
    if !std::env::args().any(|a| a == "--bench") {
        println!("export: skipped (run it with cargo bench -p wecom-cli --bench export)");
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    let sandbox = runtime
        .block_on(Sandbox::start_with(SandboxConfig {
            size: SandboxSize {
                members: MEMBERS,
                customers: CUSTOMERS,
                group_chats: 0,
                ..SandboxSize::default()
            },
            ..SandboxConfig::default()
        }))
        .expect("sandbox");
    let out = std::env::temp_dir().join(format!("wecom-cli-bench-{}.jsonl", std::process::id()));

    let (mut times, mut peak_kb) = (Vec::new(), 0);
    for _ in 0..RUNS {
        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_wecom"))
            .env("WECOM_CORP_ID", sandbox.corp_id())
            .env("WECOM_SECRET", sandbox.secret())
            .env("WECOM_BASE_URL", sandbox.base_url())
            .args(["--quiet", "--max-calls-per-minute", "6000000"])
            .args(["customers", "export", "--output"])
            .arg(&out)
            .spawn()
            .expect("wecom runs");
        let pid = child.id().to_string();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            peak_kb = peak_kb.max(vm_hwm_kb(&pid).unwrap_or(0));
            std::thread::sleep(Duration::from_millis(5));
        };
        times.push(started.elapsed());
        assert!(status.success(), "the export failed: {status}");
        check(&out);
    }
    let _ = std::fs::remove_file(&out);

    times.sort();
    let median = times[RUNS / 2];
    let rate = |t: Duration| CUSTOMERS as f64 / t.as_secs_f64();
    println!(
        "export of {CUSTOMERS} customers of {MEMBERS} members to jsonl: median {:.2} s ({:.0} customers/s), \
         best {:.2} s ({:.0}/s), over {RUNS} runs",
        median.as_secs_f64(),
        rate(median),
        times[0].as_secs_f64(),
        rate(times[0]),
    );
    println!(
        "CLI peak RSS: {:.1} MB (goal < {} MB)",
        peak_kb as f64 / 1024.0,
        RSS_GOAL_KB / 1024
    );
    assert!(
        peak_kb < RSS_GOAL_KB,
        "the CLI's peak RSS of {peak_kb} KiB is over the goal: does the export collect?"
    );
}

/// The peak resident set of a running process, in KiB (Linux); `None` once it has exited.
fn vm_hwm_kb(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Every customer once.
fn check(out: &std::path::Path) {
    let text = std::fs::read_to_string(out).expect("the export");
    let mut seen = HashSet::new();
    for line in text.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let id = record["external_contact"]["external_userid"]
            .as_str()
            .expect("an external_userid")
            .to_owned();
        assert!(seen.insert(id), "a customer exported twice");
    }
    assert_eq!(seen.len(), CUSTOMERS);
}
