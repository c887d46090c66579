//! Where exported records go: JSON lines or CSV, to stdout or to a file written as `FILE.partial` and
//! renamed once complete, so that a file under its final name is always a whole export.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::args::Format;
use crate::error::CliError;

/// Large enough to write in few syscalls, small enough to keep memory flat.
const BUFFER: usize = 64 * 1024;

type Sink = Box<dyn Write + Send>;

enum Encoder {
    Jsonl(BufWriter<Sink>),
    // Boxed: a CSV writer holds its buffers inline.
    Csv(Box<csv::Writer<Sink>>),
}

/// A stream of records being written.
pub struct Records {
    encoder: Encoder,
    /// The final path and the partial one written first; `None` for stdout.
    file: Option<(PathBuf, PathBuf)>,
}

impl std::fmt::Debug for Records {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Records")
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

/// `FILE.partial` beside `FILE`.
pub fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

impl Records {
    /// Starts writing `format` to `path` (stdout when `None`); CSV starts with the `columns` header.
    pub fn create(format: Format, path: Option<&Path>, columns: &[&str]) -> Result<Self, CliError> {
        let (sink, file): (Sink, _) = match path {
            Some(path) => {
                let partial = partial_path(path);
                let file =
                    File::create(&partial).map_err(|e| CliError::io("create", &partial, e))?;
                (Box::new(file), Some((path.to_owned(), partial)))
            }
            None => (Box::new(std::io::stdout()), None),
        };
        let encoder = match format {
            Format::Jsonl => Encoder::Jsonl(BufWriter::with_capacity(BUFFER, sink)),
            Format::Csv => Encoder::Csv(Box::new(
                csv::WriterBuilder::new()
                    .buffer_capacity(BUFFER)
                    .from_writer(sink),
            )),
        };
        let mut records = Self { encoder, file };
        if format == Format::Csv {
            records.row(columns.iter().copied())?;
        }
        Ok(records)
    }

    /// The format being written.
    pub fn format(&self) -> Format {
        match self.encoder {
            Encoder::Jsonl(_) => Format::Jsonl,
            Encoder::Csv(_) => Format::Csv,
        }
    }

    /// One JSON line (with the JSON format).
    pub fn json<T: Serialize>(&mut self, record: &T) -> Result<(), CliError> {
        let Encoder::Jsonl(out) = &mut self.encoder else {
            return Err(CliError::Failed("a JSON record in a CSV export".into()));
        };
        let result = serde_json::to_writer(&mut *out, record)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        result.map_err(|e| self.write_error(e))
    }

    /// One CSV row (with the CSV format).
    pub fn row<I, F>(&mut self, fields: I) -> Result<(), CliError>
    where
        I: IntoIterator<Item = F>,
        F: AsRef<[u8]>,
    {
        let Encoder::Csv(out) = &mut self.encoder else {
            return Err(CliError::Failed("a CSV row in a JSON export".into()));
        };
        let result = out.write_record(fields).map_err(std::io::Error::from);
        result.map_err(|e| self.write_error(e))
    }

    /// Flushes everything and gives the file its final name.
    pub fn finish(mut self) -> Result<(), CliError> {
        self.flush()?;
        if let Some((path, partial)) = &self.file {
            std::fs::rename(partial, path).map_err(|e| CliError::io("rename", partial, e))?;
        }
        Ok(())
    }

    /// Flushes what was written and leaves it under the partial name, which it returns.
    pub fn abandon(mut self) -> Option<PathBuf> {
        let _ = self.flush();
        self.file.take().map(|(_, partial)| partial)
    }

    fn flush(&mut self) -> Result<(), CliError> {
        let result = match &mut self.encoder {
            Encoder::Jsonl(out) => out.flush(),
            Encoder::Csv(out) => out.flush(),
        };
        result.map_err(|e| self.write_error(e))
    }

    fn write_error(&self, source: std::io::Error) -> CliError {
        match &self.file {
            Some((_, partial)) => CliError::io("write", partial, source),
            None => CliError::Io {
                what: "cannot write to stdout".into(),
                source,
            },
        }
    }
}

/// Space-separated ids, the CSV convention for lists (as in the `tags mark` input).
pub fn joined(ids: &[String]) -> String {
    ids.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_appears_under_its_name_only_once_complete() {
        let dir = std::env::temp_dir().join(format!("wecom-cli-output-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.csv");
        let mut records = Records::create(Format::Csv, Some(&path), &["a", "b"]).unwrap();
        records.row(["1", "x y"]).unwrap();
        assert!(!path.exists());
        records.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\n1,x y\n");
        assert!(!partial_path(&path).exists());

        let mut records = Records::create(Format::Jsonl, Some(&path), &[]).unwrap();
        records.json(&serde_json::json!({"type": 1})).unwrap();
        let partial = records.abandon().unwrap();
        assert_eq!(std::fs::read_to_string(&partial).unwrap(), "{\"type\":1}\n");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
