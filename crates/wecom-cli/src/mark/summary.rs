//! What a `tags mark` run adds up to — rows done, failed by errcode, skipped — and the CSV of the failed
//! rows, which `tags mark` takes as it is for a rerun.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use wecom_core::ErrCode;

use super::checkpoint::Finished;
use super::rows::{Row, HEADER};
use crate::error::{meaning, CliError};

/// The columns of the failed-rows CSV: the input's four, then where and why each failed.
pub const FAILED_COLUMNS: [&str; 7] = [
    HEADER[0], HEADER[1], HEADER[2], HEADER[3], "line", "errcode", "error",
];

/// The counts of one input file, over this run and the earlier ones its checkpoint remembers.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Valid rows in the file.
    pub rows: u64,
    /// Rows skipped as malformed.
    pub skipped: u64,
    /// Rows done in earlier runs.
    pub done_before: u64,
    /// Rows done in this run.
    pub done_now: u64,
    /// Failed rows (this run and earlier ones) by errcode; `None`: no errcode (timeouts, transport).
    pub failed: BTreeMap<Option<i64>, u64>,
}

impl Tally {
    /// Counts a finished row.
    pub fn count(&mut self, how: &Finished, now: bool) {
        match how {
            Finished::Done if now => self.done_now += 1,
            Finished::Done => self.done_before += 1,
            Finished::Failed { code, .. } => *self.failed.entry(*code).or_default() += 1,
        }
    }

    /// Failed rows in all.
    pub fn failed_total(&self) -> u64 {
        self.failed.values().sum()
    }

    /// Valid rows with no outcome yet.
    pub fn left(&self) -> u64 {
        self.rows
            .saturating_sub(self.done_before + self.done_now + self.failed_total())
    }

    /// The summary, a few lines.
    pub fn render(&self, input: &Path) -> String {
        let mut text = format!(
            "tags mark {}: {} rows: {} done",
            input.display(),
            self.rows + self.skipped,
            self.done_before + self.done_now
        );
        if self.done_before > 0 {
            let _ = write!(text, " ({} in earlier runs)", self.done_before);
        }
        let _ = write!(
            text,
            ", {} failed, {} skipped (malformed)",
            self.failed_total(),
            self.skipped
        );
        if self.left() > 0 {
            let _ = write!(text, ", {} left", self.left());
        }
        for (code, n) in &self.failed {
            let _ = match code {
                Some(code) => write!(
                    text,
                    "\n  failed with errcode {code} ({}): {n}",
                    meaning(ErrCode(*code))
                ),
                None => write!(
                    text,
                    "\n  failed without an errcode (timeout, transport): {n}"
                ),
            };
        }
        text
    }
}

/// Writes the failed-rows CSV.
#[derive(Debug)]
pub struct FailedRows {
    writer: csv::Writer<std::fs::File>,
    path: std::path::PathBuf,
}

impl FailedRows {
    /// Creates `path` with its header.
    pub fn create(path: &Path) -> Result<Self, CliError> {
        let mut writer =
            csv::Writer::from_path(path).map_err(|e| CliError::io("create", path, e.into()))?;
        writer
            .write_record(FAILED_COLUMNS)
            .map_err(|e| CliError::io("write", path, e.into()))?;
        Ok(Self {
            writer,
            path: path.to_owned(),
        })
    }

    /// Adds a row that failed with `code` and `message`.
    pub fn add(&mut self, row: &Row, code: Option<i64>, message: &str) -> Result<(), CliError> {
        let [userid, external_userid, add_tag, remove_tag] = row.cells();
        let code = code.map(|c| c.to_string()).unwrap_or_default();
        self.writer
            .write_record([
                userid,
                external_userid,
                add_tag,
                remove_tag,
                row.line.to_string(),
                code,
                message.to_owned(),
            ])
            .map_err(|e| CliError::io("write", &self.path, e.into()))
    }

    /// Flushes the file.
    pub fn finish(mut self) -> Result<(), CliError> {
        self.writer
            .flush()
            .map_err(|e| CliError::io("write", &self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_every_row_once_and_names_the_errcodes() {
        let mut tally = Tally {
            rows: 10,
            skipped: 2,
            ..Tally::default()
        };
        let failed = |code| Finished::Failed {
            code,
            message: String::new(),
        };
        for _ in 0..3 {
            tally.count(&Finished::Done, false);
        }
        for _ in 0..4 {
            tally.count(&Finished::Done, true);
        }
        tally.count(&failed(Some(45009)), true);
        tally.count(&failed(Some(-1)), false);
        tally.count(&failed(None), true);
        assert_eq!(tally.left(), 0);
        assert_eq!(
            tally.render(Path::new("tags.csv")),
            "tags mark tags.csv: 12 rows: 7 done (3 in earlier runs), 3 failed, 2 skipped (malformed)\n  \
             failed without an errcode (timeout, transport): 1\n  \
             failed with errcode -1 (系统繁忙 (system busy)): 1\n  \
             failed with errcode 45009 (接口调用超过限制 (API frequency limit)): 1"
        );
        tally.rows = 12;
        assert!(tally.render(Path::new("t")).contains(", 2 left"));
    }
}
