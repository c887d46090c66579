//! The checkpoint of `tags mark`: one line per finished row, appended and flushed as each row finishes,
//! so that a rerun after a crash or a Ctrl-C sends only what is left.
//!
//! A header line, then one line per finished row, fields separated by a tab (shown as `→`):
//!
//! ```text
//! # wecom tags mark checkpoint v1 sha256=<the input file's digest>
//! 2→done
//! 3→failed→84061→WeCom error 84061 on /cgi-bin/externalcontact/mark_tag: not external contact
//! 4→failed→-→timed out after 10s on /cgi-bin/externalcontact/mark_tag
//! ```
//!
//! The digest ties the checkpoint to one version of the input, whose line numbers it records. A last
//! line without its newline (the process died while writing it) is dropped when the file is reopened.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::CliError;

const MAGIC: &str = "# wecom tags mark checkpoint v1 sha256=";

/// How a row finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finished {
    /// WeCom answered errcode 0.
    Done,
    /// WeCom answered an error (or the call failed for good after the SDK's retries).
    Failed {
        /// The errcode, when WeCom answered one.
        code: Option<i64>,
        /// The error, on one line.
        message: String,
    },
}

/// An open checkpoint.
#[derive(Debug)]
pub struct Checkpoint {
    path: PathBuf,
    file: File,
    finished: HashMap<u64, Finished>,
}

/// The SHA-256 of a file's bytes, in hex.
pub fn fingerprint(path: &Path) -> Result<String, CliError> {
    let mut file = File::open(path).map_err(|e| CliError::io("read", path, e))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let n = file
            .read(&mut buffer)
            .map_err(|e| CliError::io("read", path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

impl Checkpoint {
    /// Opens (or creates) the checkpoint at `path` for the input whose digest is `digest`.
    pub fn open(path: &Path, digest: &str) -> Result<Self, CliError> {
        let header = format!("{MAGIC}{digest}\n");
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| corrupt(path, 1))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(CliError::io("read", path, e)),
        };
        // Only whole lines count: a torn last line is cut off before anything is appended.
        let whole = text.rfind('\n').map_or(0, |i| i + 1);
        let mut finished = HashMap::new();
        if whole > 0 {
            let mut lines = text[..whole].lines();
            if lines.next().is_none_or(|first| !first.starts_with(MAGIC)) {
                return Err(corrupt(path, 1));
            }
            if !text.starts_with(&header) {
                return Err(CliError::Usage(format!(
                    "{} was written for another version of the input file (its digest differs): \
                     name another --checkpoint, or delete it to start over",
                    path.display()
                )));
            }
            for (no, line) in (2..).zip(lines) {
                let (row, how) = parse(line).ok_or_else(|| corrupt(path, no))?;
                finished.insert(row, how);
            }
        }
        // Append mode: every write lands at the end, after the cut.
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| CliError::io("open", path, e))?;
        file.set_len(whole as u64)
            .map_err(|e| CliError::io("write", path, e))?;
        let mut checkpoint = Self {
            path: path.to_owned(),
            file,
            finished,
        };
        if whole == 0 {
            checkpoint.append(&header)?;
        }
        Ok(checkpoint)
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How the row on `line` finished in an earlier run, if it did.
    pub fn get(&self, line: u64) -> Option<&Finished> {
        self.finished.get(&line)
    }

    /// The lines of every row finished so far.
    pub fn finished_lines(&self) -> std::collections::HashSet<u64> {
        self.finished.keys().copied().collect()
    }

    /// Records that the row on `line` finished, before anything else happens.
    pub fn record(&mut self, line: u64, how: Finished) -> Result<(), CliError> {
        let entry = match &how {
            Finished::Done => format!("{line}\tdone\n"),
            Finished::Failed { code, message } => {
                let code = code.map_or_else(|| "-".to_owned(), |c| c.to_string());
                let message: String = message
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                format!("{line}\tfailed\t{code}\t{message}\n")
            }
        };
        self.append(&entry)?;
        self.finished.insert(line, how);
        Ok(())
    }

    /// One write of a whole line, flushed: a crash loses at most the line being written.
    fn append(&mut self, text: &str) -> Result<(), CliError> {
        self.file
            .write_all(text.as_bytes())
            .and_then(|()| self.file.flush())
            .map_err(|e| CliError::io("write", &self.path, e))
    }
}

fn parse(line: &str) -> Option<(u64, Finished)> {
    let mut parts = line.splitn(4, '\t');
    let row = parts.next()?.parse().ok()?;
    match (parts.next()?, parts.next(), parts.next()) {
        ("done", None, None) => Some((row, Finished::Done)),
        ("failed", Some(code), Some(message)) => {
            let code = match code {
                "-" => None,
                code => Some(code.parse().ok()?),
            };
            let message = message.to_owned();
            Some((row, Finished::Failed { code, message }))
        }
        _ => None,
    }
}

fn corrupt(path: &Path, line: usize) -> CliError {
    CliError::Usage(format!(
        "{} is not a tags mark checkpoint (line {line}); name another --checkpoint",
        path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!("wecom-cli-ck-{}-{name}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        path
    }

    #[test]
    fn finished_rows_survive_a_reopen() {
        let path = temp("reopen");
        let mut ck = Checkpoint::open(&path, "abc").unwrap();
        ck.record(2, Finished::Done).unwrap();
        let failed = Finished::Failed {
            code: Some(84061),
            message: "not external contact\nsecond line".into(),
        };
        ck.record(3, failed).unwrap();
        ck.record(
            4,
            Finished::Failed {
                code: None,
                message: "timed out".into(),
            },
        )
        .unwrap();
        drop(ck);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{MAGIC}abc\n2\tdone\n3\tfailed\t84061\tnot external contact second line\n4\tfailed\t-\ttimed out\n")
        );
        let ck = Checkpoint::open(&path, "abc").unwrap();
        assert_eq!(ck.get(2), Some(&Finished::Done));
        assert_eq!(
            ck.get(3),
            Some(&Finished::Failed {
                code: Some(84061),
                message: "not external contact second line".into()
            })
        );
        assert_eq!(ck.get(5), None);
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn a_torn_last_line_is_dropped_and_overwritten() {
        let path = temp("torn");
        std::fs::write(&path, format!("{MAGIC}abc\n2\tdone\n3\tdo")).unwrap();
        let mut ck = Checkpoint::open(&path, "abc").unwrap();
        assert_eq!(ck.get(2), Some(&Finished::Done));
        assert_eq!(ck.get(3), None);
        ck.record(3, Finished::Done).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{MAGIC}abc\n2\tdone\n3\tdone\n")
        );
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn another_input_or_another_file_is_refused() {
        let path = temp("other");
        drop(Checkpoint::open(&path, "abc").unwrap());
        let err = Checkpoint::open(&path, "def").unwrap_err();
        assert!(err.to_string().contains("another version"), "{err}");
        std::fs::write(&path, "userid,external_userid\n").unwrap();
        let err = Checkpoint::open(&path, "abc").unwrap_err();
        assert!(
            err.to_string()
                .contains("is not a tags mark checkpoint (line 1)"),
            "{err}"
        );
        std::fs::write(&path, format!("{MAGIC}abc\n2\tdone\nzzz\n")).unwrap();
        let err = Checkpoint::open(&path, "abc").unwrap_err();
        assert!(err.to_string().contains("(line 3)"), "{err}");
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn the_fingerprint_is_the_files_sha256() {
        let path = temp("fp");
        std::fs::write(&path, "abc").unwrap();
        assert_eq!(
            fingerprint(&path).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        std::fs::remove_file(path).unwrap();
    }
}
