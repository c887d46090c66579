//! What the CLI's end-to-end tests share: a sandbox in process, the `wecom` binary pointed at it, the
//! sandbox's counters read over HTTP (`GET /sandbox/stats`), and scratch directories.
#![allow(dead_code)]

pub mod rows;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::Value;
use tokio::process::Command;
use wecom_sandbox::{Clock, Sandbox, SandboxConfig, SandboxSize};

/// mark_tag's path, as the sandbox counts it.
pub const MARK_TAG: &str = "/cgi-bin/externalcontact/mark_tag";

/// A sandbox of this size, its clock fixed (2024-12-01 00:00 +08:00) so figures repeat.
pub async fn sandbox(members: usize, customers: usize, group_chats: usize) -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        size: SandboxSize {
            members,
            customers,
            group_chats,
            ..SandboxSize::default()
        },
        clock: Clock::fixed(1_732_982_400),
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

/// `wecom` with the sandbox's credentials in the environment (only there), a rate limit that does not
/// slow a test down, and nothing else of the test's environment named WECOM_*.
pub fn wecom(sandbox: &Sandbox) -> Command {
    let mut cmd = bare_wecom();
    cmd.env("WECOM_CORP_ID", sandbox.corp_id())
        .env("WECOM_SECRET", sandbox.secret())
        .env("WECOM_BASE_URL", sandbox.base_url())
        .args(["--max-calls-per-minute", "600000"]);
    cmd
}

/// `wecom` with no WECOM_* variable at all.
pub fn bare_wecom() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wecom"));
    for (key, _) in std::env::vars() {
        if key.starts_with("WECOM_") {
            cmd.env_remove(key);
        }
    }
    cmd.kill_on_drop(true);
    cmd
}

/// What a run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    /// The exit status (-1 when killed by a signal).
    pub status: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `cmd` with these arguments to the end.
pub async fn run(mut cmd: Command, args: &[&str]) -> Run {
    let output = cmd.args(args).output().await.expect("wecom runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// The sandbox's counters, over HTTP as any client would read them.
pub async fn stats(sandbox: &Sandbox) -> Value {
    reqwest::get(format!("{}/sandbox/stats", sandbox.base_url()))
        .await
        .expect("stats answer")
        .bytes()
        .await
        .map(|body| serde_json::from_slice(&body).expect("stats are JSON"))
        .expect("stats body")
}

/// Requests the sandbox received for `path`.
pub async fn hits(sandbox: &Sandbox, path: &str) -> u64 {
    stats(sandbox).await["hits"][path].as_u64().unwrap_or(0)
}

/// A directory removed when dropped.
#[derive(Debug)]
pub struct Scratch(PathBuf);

impl Scratch {
    /// A new empty directory under the system's temp dir.
    pub fn new(name: &str) -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "wecom-cli-test-{}-{}-{name}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Self(dir)
    }

    /// `name` inside it.
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// Writes `name` and returns its path as a string.
    pub fn write(&self, name: &str, text: &str) -> String {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write");
        text_of(&path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A path as a `&str` argument.
pub fn text_of(path: &Path) -> String {
    path.to_str().expect("UTF-8 path").to_owned()
}
