//! The rows of a `tags mark` CSV: columns found by their header names (extra columns, like those of a
//! failed-rows file, are ignored), each row checked on its own and reported by its line number.

use std::fs::File;
use std::path::{Path, PathBuf};

use csv::{ByteRecord, ReaderBuilder, Trim};
use wecom_tag::MarkTagRequest;

use crate::error::CliError;

/// The columns a `tags mark` file must have.
pub const HEADER: [&str; 4] = ["userid", "external_userid", "add_tag", "remove_tag"];

/// A valid row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Where it starts in the file (1-based; the header is line 1).
    pub line: u64,
    /// The member.
    pub userid: String,
    /// The customer.
    pub external_userid: String,
    /// Tag ids to add.
    pub add_tag: Vec<String>,
    /// Tag ids to remove.
    pub remove_tag: Vec<String>,
}

impl Row {
    /// The mark_tag call of this row.
    pub fn request(&self) -> MarkTagRequest {
        MarkTagRequest::new(self.userid.as_str(), self.external_userid.as_str())
            .add_tag(self.add_tag.iter().cloned())
            .remove_tag(self.remove_tag.iter().cloned())
    }

    /// The row's four cells, as the input has them (tag ids separated by spaces).
    pub fn cells(&self) -> [String; 4] {
        [
            self.userid.clone(),
            self.external_userid.clone(),
            self.add_tag.join(" "),
            self.remove_tag.join(" "),
        ]
    }
}

/// A row, or why it is skipped.
pub type Checked = Result<Row, String>;

/// The rows of one file, read one at a time.
pub struct Rows {
    path: PathBuf,
    reader: csv::Reader<File>,
    /// Where each of [`HEADER`] is, and how many cells a row has.
    columns: [usize; 4],
    width: usize,
    record: ByteRecord,
}

impl std::fmt::Debug for Rows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rows")
            .field("path", &self.path)
            .field("columns", &self.columns)
            .finish_non_exhaustive()
    }
}

impl Rows {
    /// Opens `path` and checks its header; a missing column stops everything (exit 2).
    pub fn open(path: &Path) -> Result<Self, CliError> {
        let file = File::open(path).map_err(|e| CliError::io("read", path, e))?;
        let mut reader = ReaderBuilder::new()
            .flexible(true)
            .trim(Trim::All)
            .from_reader(file);
        let header = reader
            .byte_headers()
            .map_err(|e| CliError::io("read", path, e.into()))?
            .clone();
        let names: Vec<String> = header
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim_start_matches('\u{feff}')
                    .trim()
                    .to_owned()
            })
            .collect();
        let mut columns = [0; 4];
        for (slot, wanted) in columns.iter_mut().zip(HEADER) {
            *slot = names.iter().position(|n| n == wanted).ok_or_else(|| {
                CliError::Usage(format!(
                    "{}: the header has no {wanted} column (expected {})",
                    path.display(),
                    HEADER.join(",")
                ))
            })?;
        }
        Ok(Self {
            path: path.to_owned(),
            reader,
            columns,
            width: names.len(),
            record: ByteRecord::new(),
        })
    }

    /// The next row and its line number, checked; `None` at the end.
    pub fn next_row(&mut self) -> Result<Option<(u64, Checked)>, CliError> {
        let more = self
            .reader
            .read_byte_record(&mut self.record)
            .map_err(|e| CliError::io("read", &self.path, e.into()))?;
        if !more {
            return Ok(None);
        }
        let line = self.record.position().map_or(0, |p| p.line());
        Ok(Some((line, self.check(line))))
    }

    fn check(&self, line: u64) -> Checked {
        if self.record.len() != self.width {
            return Err(format!(
                "expected {} fields, found {}",
                self.width,
                self.record.len()
            ));
        }
        let cell = |i: usize| -> Result<&str, String> {
            let bytes = self.record.get(self.columns[i]).unwrap_or_default();
            std::str::from_utf8(bytes).map_err(|_| format!("{} is not valid UTF-8", HEADER[i]))
        };
        let (userid, external_userid) = (cell(0)?, cell(1)?);
        let ids = |i| cell(i).map(|c| c.split_whitespace().map(str::to_owned).collect::<Vec<_>>());
        let (add_tag, remove_tag) = (ids(2)?, ids(3)?);
        for (name, value) in [("userid", userid), ("external_userid", external_userid)] {
            if value.is_empty() {
                return Err(format!("{name} is empty"));
            }
            if value.contains(char::is_whitespace) {
                return Err(format!("{name} {value:?} contains a space"));
            }
        }
        if add_tag.is_empty() && remove_tag.is_empty() {
            return Err("add_tag and remove_tag are both empty".into());
        }
        if let Some(both) = add_tag.iter().find(|t| remove_tag.contains(t)) {
            return Err(format!("tag {both} is both added and removed"));
        }
        Ok(Row {
            line,
            userid: userid.to_owned(),
            external_userid: external_userid.to_owned(),
            add_tag,
            remove_tag,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(u64, Checked)> {
        let path = std::env::temp_dir().join(format!(
            "wecom-cli-rows-{}-{}",
            std::process::id(),
            text.len()
        ));
        std::fs::write(&path, text).unwrap();
        let mut rows = Rows::open(&path).unwrap();
        let mut all = Vec::new();
        while let Some(row) = rows.next_row().unwrap() {
            all.push(row);
        }
        std::fs::remove_file(path).unwrap();
        all
    }

    #[test]
    fn good_rows_split_their_tag_cells_on_spaces() {
        let all = rows("userid,external_userid,add_tag,remove_tag\nzhangsan,wmA,et1 et2,et3\n");
        assert_eq!(
            all,
            [(
                2,
                Ok(Row {
                    line: 2,
                    userid: "zhangsan".into(),
                    external_userid: "wmA".into(),
                    add_tag: vec!["et1".into(), "et2".into()],
                    remove_tag: vec!["et3".into()],
                })
            )]
        );
        let row = all[0].1.as_ref().unwrap();
        assert_eq!(row.cells(), ["zhangsan", "wmA", "et1 et2", "et3"]);
        let req = row.request();
        assert_eq!((req.add_tag.len(), req.remove_tag.len()), (2, 1));
    }

    #[test]
    fn bad_rows_are_reported_by_line_with_their_reason() {
        let text = "\u{feff}userid,external_userid,add_tag,remove_tag\n\
                    a,wm1,et1,\n\
                    a,wm2\n\
                    ,wm3,et1,\n\
                    a,wm4,,\n\
                    a,wm5,et1,et1\n\
                    \"a\nb\",wm6,et1,\n\
                    a,wm7,et1,,extra\n";
        let reasons: Vec<(u64, String)> = rows(text)
            .into_iter()
            .filter_map(|(line, row)| row.err().map(|r| (line, r)))
            .collect();
        assert_eq!(
            reasons,
            [
                (3, "expected 4 fields, found 2".to_owned()),
                (4, "userid is empty".to_owned()),
                (5, "add_tag and remove_tag are both empty".to_owned()),
                (6, "tag et1 is both added and removed".to_owned()),
                (7, "userid \"a\\nb\" contains a space".to_owned()),
                (9, "expected 4 fields, found 5".to_owned()),
            ]
        );
    }

    #[test]
    fn extra_columns_in_any_order_are_ignored() {
        let all =
            rows("line,remove_tag,add_tag,external_userid,userid,errcode\n7,,et9,wmX,lisi,45009\n");
        let row = all[0].1.as_ref().unwrap();
        assert_eq!(row.cells(), ["lisi", "wmX", "et9", ""]);
    }

    #[test]
    fn a_missing_column_is_a_usage_error() {
        let path = std::env::temp_dir().join(format!("wecom-cli-rows-hdr-{}", std::process::id()));
        std::fs::write(&path, "userid,external_userid,add_tag\n").unwrap();
        let err = Rows::open(&path).unwrap_err();
        assert!(matches!(err, CliError::Usage(_)));
        assert!(err.to_string().contains("no remove_tag column"), "{err}");
        std::fs::remove_file(path).unwrap();
    }
}
