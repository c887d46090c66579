//! `wecom tags mark`: mark_tag for every row of a CSV — rows checked first, finished rows recorded in a
//! checkpoint as they finish, Ctrl-C honoured between rows, failed rows written to a CSV to rerun.

mod checkpoint;
mod interrupt;
mod rows;
mod summary;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use futures::StreamExt;
use wecom_core::Error;
use wecom_tag::TagExt;

use crate::args::MarkArgs;
use crate::context::Ctx;
use crate::error::{explain, CliError, Outcome};
use checkpoint::{fingerprint, Checkpoint, Finished};
use interrupt::{InFlight, Interrupt};
use rows::{Row, Rows};
use summary::{FailedRows, Tally};

/// The `--help` text.
pub const HELP: &str = "\
The CSV has the header userid,external_userid,add_tag,remove_tag (in any order; other columns are
ignored) and one row per customer of a member; several tag ids in a cell are separated by spaces.
Every row is checked first: a malformed one is reported with its line number and skipped.

Each finished row (done, or failed with an errcode) is recorded in the checkpoint at once, so a rerun
of the same command sends only the rows left. Ctrl-C stops taking rows, lets the calls in flight
finish, records them and exits with status 130. At the end: a summary, and the failed rows in a CSV
that this command takes as it is (rerun them with --from FILE.failed.csv).

Calls failing with -1 or 45033 are retried by the SDK; 45009 (frequency limit) is not: such rows are
reported as failed. A credential or permission error stops the run, with the row unrecorded.";

/// Runs `tags mark`.
pub async fn run(ctx: &Ctx, args: &MarkArgs) -> Result<Outcome, CliError> {
    let input = args.from.as_path();
    let checkpoint_path = args
        .checkpoint
        .clone()
        .unwrap_or_else(|| with_suffix(input, ".checkpoint"));
    let failed_path = args
        .failed
        .clone()
        .unwrap_or_else(|| with_suffix(input, ".failed.csv"));
    let in_flight = InFlight::default();
    let interrupt = Interrupt::install(Arc::clone(&in_flight))?;

    let mut checkpoint = Checkpoint::open(&checkpoint_path, &fingerprint(input)?)?;
    let mut tally = Tally::default();
    // First pass: every row checked and reported, and what earlier runs finished counted.
    let mut rows = Rows::open(input)?;
    while let Some((line, checked)) = rows.next_row()? {
        match checked {
            Ok(_) => {
                tally.rows += 1;
                if let Some(how) = checkpoint.get(line) {
                    tally.count(how, false);
                }
            }
            Err(reason) => {
                tally.skipped += 1;
                eprintln!("{} line {line}: {reason}; row skipped", input.display());
            }
        }
    }

    let sent = send(
        ctx,
        &interrupt,
        &in_flight,
        &mut checkpoint,
        &mut tally,
        input,
    )
    .await;
    let summary = tally.render(input);
    let resume = format!(
        "to resume, run the same command again: wecom tags mark --from {} --checkpoint {}",
        quoted(input),
        quoted(&checkpoint_path)
    );
    match sent {
        Err(err) => {
            eprintln!("{summary}");
            eprintln!("the rows of the calls that failed this way are not recorded; {resume}");
            Err(err)
        }
        Ok(()) if tally.left() > 0 => {
            eprintln!("{summary}");
            eprintln!(
                "interrupted: finished rows are recorded in {}",
                checkpoint.path().display()
            );
            eprintln!("{resume}");
            Ok(Outcome::Interrupted)
        }
        Ok(()) => {
            let failed = tally.failed_total();
            if failed > 0 {
                write_failed(input, &checkpoint, &failed_path)?;
            }
            if !ctx.reporter.quiet() || failed > 0 || tally.skipped > 0 {
                eprintln!("{summary}");
            }
            if failed > 0 {
                eprintln!(
                    "failed rows: {} (rerun them with: wecom tags mark --from {})",
                    failed_path.display(),
                    quoted(&failed_path)
                );
            }
            Ok(Outcome::from_ok(failed == 0 && tally.skipped == 0))
        }
    }
}

/// Second pass: mark_tag for every valid row not yet finished, `--max-in-flight` at a time, until the
/// end, a Ctrl-C, or an error that would fail every row.
async fn send(
    ctx: &Ctx,
    interrupt: &Interrupt,
    in_flight: &InFlight,
    checkpoint: &mut Checkpoint,
    tally: &mut Tally,
    input: &Path,
) -> Result<(), CliError> {
    if interrupt.requested() {
        return Ok(());
    }
    let mut progress = ctx
        .reporter
        .progress("tags mark", "rows", Some(tally.left()));
    let stop = AtomicBool::new(false);
    let mut rows = Rows::open(input)?;
    let mut read_error = None;
    // What earlier runs finished; rows this run finishes are past the reader already.
    let earlier = checkpoint.finished_lines();
    let todo = std::iter::from_fn(|| loop {
        match rows.next_row() {
            Ok(Some((line, Ok(row)))) if !earlier.contains(&line) => return Some(row),
            Ok(Some(_)) => continue,
            Ok(None) => return None,
            Err(err) => {
                read_error = Some(err);
                return None;
            }
        }
    });
    let client = &ctx.client;
    let mut calls = futures::stream::iter(todo)
        // Checked as each row is taken: after a Ctrl-C no new row starts.
        .take_while(|_| std::future::ready(!interrupt.requested() && !stop.load(Ordering::SeqCst)))
        .map(|row: Row| {
            lock(in_flight).insert(row.line);
            async move {
                let answer = client.tag().mark_tag(&row.request()).await;
                (row, answer)
            }
        })
        .buffer_unordered(ctx.max_in_flight);
    let mut first_error = None;
    while let Some((row, answer)) = calls.next().await {
        let how = match answer {
            Ok(_) => Finished::Done,
            Err(err) if stops_the_run(&err) => {
                stop.store(true, Ordering::SeqCst);
                lock(in_flight).remove(&row.line);
                first_error.get_or_insert(CliError::Wecom(err));
                continue;
            }
            Err(err) => Finished::Failed {
                code: err.code().map(|c| c.get()),
                message: err.to_string(),
            },
        };
        // Recorded before anything else: the row is finished only once the checkpoint says so.
        if let Err(err) = checkpoint.record(row.line, how.clone()) {
            stop.store(true, Ordering::SeqCst);
            first_error.get_or_insert(err);
        } else {
            tally.count(&how, true);
        }
        lock(in_flight).remove(&row.line);
        if let Finished::Failed { message, .. } = &how {
            if !ctx.reporter.quiet() {
                progress.println(&format!("line {}: {message}", row.line));
            }
        }
        progress.inc(1);
    }
    drop(calls);
    progress.finish();
    match first_error.or(read_error) {
        Some(err) => {
            if let CliError::Wecom(e) = &err {
                eprintln!("stopped: {}", explain(e));
            }
            Err(err)
        }
        None => Ok(()),
    }
}

/// Errors that every later row would meet as well: bad credentials, no permission, WeCom unreachable.
/// They stop the run instead of failing each row; the row is not recorded, so a rerun sends it.
fn stops_the_run(err: &Error) -> bool {
    match err {
        Error::Api { path, code, .. } => {
            path == "/cgi-bin/gettoken"
                || code.is_token_invalid()
                || [40001, 40013, 41001, 48002].contains(&code.get())
        }
        Error::Token(_) | Error::Config(_) | Error::NoTokenFor { .. } => true,
        other => other.is_unsent(),
    }
}

/// Third pass, after a complete run: the rows the checkpoint records as failed, with their reasons.
fn write_failed(input: &Path, checkpoint: &Checkpoint, path: &Path) -> Result<(), CliError> {
    let mut failed = FailedRows::create(path)?;
    let mut rows = Rows::open(input)?;
    while let Some((line, checked)) = rows.next_row()? {
        if let (Ok(row), Some(Finished::Failed { code, message })) = (checked, checkpoint.get(line))
        {
            failed.add(&row, *code, message)?;
        }
    }
    failed.finish()
}

fn lock(set: &InFlight) -> std::sync::MutexGuard<'_, std::collections::BTreeSet<u64>> {
    set.lock().unwrap_or_else(|p| p.into_inner())
}

/// `FILE` + `suffix`, beside it.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A path as a shell would need it typed.
fn quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = text
        .chars()
        .all(|c| c.is_alphanumeric() || "._/-+=:@%,".contains(c));
    if plain && !text.is_empty() {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use wecom_core::ErrCode;

    use super::*;

    fn api(code: i64, path: &str) -> Error {
        Error::Api {
            code: ErrCode(code),
            message: String::new(),
            path: path.into(),
        }
    }

    #[test]
    fn only_errors_every_row_would_meet_stop_the_run() {
        let mark = "/cgi-bin/externalcontact/mark_tag";
        assert!(stops_the_run(&api(40001, "/cgi-bin/gettoken")));
        assert!(stops_the_run(&api(-1, "/cgi-bin/gettoken")));
        assert!(stops_the_run(&api(48002, mark)));
        assert!(stops_the_run(&api(42001, mark)));
        assert!(stops_the_run(&Error::Token("store".into())));
        for code in [-1, 45009, 45033, 84061, 40068, 60011] {
            assert!(!stops_the_run(&api(code, mark)), "{code}");
        }
    }

    #[test]
    fn paths_are_quoted_for_the_shell_only_when_needed() {
        assert_eq!(quoted(Path::new("data/tags.csv")), "data/tags.csv");
        assert_eq!(quoted(Path::new("my tags.csv")), "'my tags.csv'");
        assert_eq!(quoted(Path::new("it's.csv")), r"'it'\''s.csv'");
        assert_eq!(
            with_suffix(Path::new("a/t.csv"), ".checkpoint"),
            PathBuf::from("a/t.csv.checkpoint")
        );
    }
}
