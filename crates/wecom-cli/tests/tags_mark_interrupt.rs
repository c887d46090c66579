//! `wecom tags mark` interrupted: a SIGINT part-way and a rerun send every row exactly once; a second
//! SIGINT stops at once and says which rows may have been sent unrecorded; a checkpoint is tied to one
//! version of its input.

mod common;

use std::time::{Duration, Instant};

use common::rows::{assert_tags_set, csv_of, entries, rows};
use common::{hits, run, sandbox, text_of, wecom, Scratch, MARK_TAG};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use wecom_sandbox::FaultRule;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_interrupted_by_sigint_and_resumed_sends_every_row_exactly_once() {
    const ROWS: usize = 2_000;
    let sandbox = sandbox(20, ROWS, 0).await;
    let rows = rows(&sandbox, ROWS).await;
    let dir = Scratch::new("interrupt");
    let input = dir.write("tags.csv", &csv_of(&rows));
    let checkpoint = dir.path("tags.csv.checkpoint");
    // Slow answers, so that the run is still going when the signal comes.
    sandbox.set_fault(
        MARK_TAG,
        FaultRule::none().delay(Duration::from_millis(10), 1.0),
    );

    let mut cmd = wecom(&sandbox);
    cmd.args(["--max-in-flight", "4", "tags", "mark", "--from", &input])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    let pid = Pid::from_raw(i32::try_from(child.id().unwrap()).unwrap());
    let started = Instant::now();
    while entries(&checkpoint) < 300 {
        assert!(started.elapsed() < Duration::from_secs(60), "no progress");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    kill(pid, Signal::SIGINT).unwrap();
    let output = child.wait_with_output().await.unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    let recorded = entries(&checkpoint);
    assert!(
        recorded < ROWS,
        "interrupted part-way: {recorded} rows recorded"
    );
    // Every call that was sent finished and was recorded.
    assert_eq!(hits(&sandbox, MARK_TAG).await, recorded as u64);
    assert!(
        stderr.contains("interrupted: finishing the calls in flight"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "to resume, run the same command again: wecom tags mark --from {input} --checkpoint {}",
            text_of(&checkpoint)
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(", {} left", ROWS - recorded)),
        "{stderr}"
    );

    sandbox.clear_faults();
    let done = run(wecom(&sandbox), &["tags", "mark", "--from", &input]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    assert_eq!(
        hits(&sandbox, MARK_TAG).await,
        ROWS as u64,
        "every row sent exactly once"
    );
    assert!(
        done.stderr.contains(&format!(
            "{ROWS} rows: {ROWS} done ({recorded} in earlier runs), 0 failed, 0 skipped"
        )),
        "{}",
        done.stderr
    );
    assert_tags_set(&sandbox, &rows).await;

    // Once finished, the same command sends nothing.
    let again = run(wecom(&sandbox), &["tags", "mark", "--from", &input]).await;
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert_eq!(hits(&sandbox, MARK_TAG).await, ROWS as u64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_sigint_stops_at_once_and_names_the_rows_in_flight() {
    let sandbox = sandbox(5, 100, 0).await;
    let rows = rows(&sandbox, 40).await;
    let dir = Scratch::new("twice");
    let input = dir.write("tags.csv", &csv_of(&rows));
    // Answers take a second: the calls are surely in flight when the signals come.
    sandbox.set_fault(
        MARK_TAG,
        FaultRule::none().delay(Duration::from_secs(1), 1.0),
    );
    let mut cmd = wecom(&sandbox);
    cmd.args(["--max-in-flight", "2", "tags", "mark", "--from", &input])
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    let pid = Pid::from_raw(i32::try_from(child.id().unwrap()).unwrap());
    let started = Instant::now();
    while hits(&sandbox, MARK_TAG).await < 2 {
        assert!(started.elapsed() < Duration::from_secs(30), "no call");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    kill(pid, Signal::SIGINT).unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    kill(pid, Signal::SIGINT).unwrap();
    let output = child.wait_with_output().await.unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("stopped at once: the rows in flight (lines 2 3) may have been sent"),
        "{stderr}"
    );
    assert_eq!(
        entries(&dir.path("tags.csv.checkpoint")),
        0,
        "nothing was recorded"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_checkpoint_of_another_version_of_the_file_is_refused() {
    let sandbox = sandbox(5, 100, 0).await;
    let rows = rows(&sandbox, 5).await;
    let dir = Scratch::new("version");
    let input = dir.write("tags.csv", &csv_of(&rows[..4]));
    let done = run(wecom(&sandbox), &["tags", "mark", "--from", &input]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    // A row added: the line numbers the checkpoint records may no longer mean the same rows.
    dir.write("tags.csv", &csv_of(&rows));
    let done = run(wecom(&sandbox), &["tags", "mark", "--from", &input]).await;
    assert_eq!(done.status, 2, "{}", done.stderr);
    assert!(
        done.stderr
            .contains("was written for another version of the input file"),
        "{}",
        done.stderr
    );
    assert_eq!(hits(&sandbox, MARK_TAG).await, 4);
}
