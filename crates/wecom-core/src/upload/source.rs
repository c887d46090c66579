//! What an upload sends: bytes in memory, a file (opened again for each attempt), or any `AsyncRead`
//! (read once, as it is sent).

use std::fmt;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use futures::stream::{self, BoxStream, StreamExt};
use tokio::io::AsyncRead;
use tokio_util::io::ReaderStream;

use super::progress::{Progress, ProgressFn};
use crate::{Error, Result};

/// How much of the source is read (and handed to the connection) at a time.
pub(crate) const CHUNK: usize = 64 * 1024;

type Reader = Pin<Box<dyn AsyncRead + Send>>;

/// Where the bytes come from.
enum Origin {
    Bytes(Bytes),
    File(PathBuf),
    /// Taken by the one attempt that sends it.
    Reader(Mutex<Option<Reader>>),
}

/// The file of one upload: its bytes (from memory, a file or a stream), the file name and content type
/// WeCom shows, its length, and optionally a progress callback and a deadline.
///
/// WeCom needs the length before the bytes (it is the `filelength` of the form and part of the request's
/// `Content-Length`), so a stream declares it; a stream that then gives more or fewer bytes fails the
/// upload rather than sending a wrong file.
///
/// Retries: an upload creates something, so it is never sent again after an ambiguous failure (a
/// timeout, a 5xx, errcode -1, a connection cut mid-way). A connect failure (nothing was sent) and a stale
/// token (40014 / 42001, rejected before anything was stored) are retried like any call, for
/// [`bytes`](Self::bytes) and [`file`](Self::file) sources, which are read again from the start. A
/// [`reader`](Self::reader) source can be read once only, so it is never retried, not even then: the
/// caller sees the error and decides.
///
/// ```
/// use wecom_core::upload::UploadSource;
/// let source = UploadSource::bytes("logo.png", vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a]);
/// assert_eq!((source.file_name(), source.content_type(), source.len()), ("logo.png", "image/png", 6));
/// assert!(source.is_replayable());
/// ```
pub struct UploadSource {
    origin: Origin,
    file_name: String,
    content_type: String,
    length: u64,
    progress: Option<ProgressFn>,
    timeout: Option<Duration>,
}

impl fmt::Debug for UploadSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let origin = match &self.origin {
            Origin::Bytes(_) => "bytes".to_owned(),
            Origin::File(path) => format!("file {}", path.display()),
            Origin::Reader(_) => "reader".to_owned(),
        };
        f.debug_struct("UploadSource")
            .field("origin", &origin)
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("length", &self.length)
            .field("progress", &self.progress.is_some())
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl UploadSource {
    /// Bytes already in memory, shown as `file_name` (whose extension also gives the content type).
    pub fn bytes(file_name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        let bytes = bytes.into();
        let length = bytes.len() as u64;
        Self::new(Origin::Bytes(bytes), file_name.into(), length)
    }

    /// A file, named as its last path component; its length is read now, and it is opened (again) by each
    /// attempt and read a chunk at a time, never whole. Fails with [`Error::Read`] when it cannot be read
    /// or is not a regular file.
    pub async fn file(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let metadata = tokio::fs::metadata(path)
            .await
            .map_err(|e| Error::read(path, e))?;
        if !metadata.is_file() {
            return Err(Error::read(
                path,
                std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file"),
            ));
        }
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Self::new(
            Origin::File(path.to_owned()),
            file_name,
            metadata.len(),
        ))
    }

    /// Any stream of `length` bytes (a download, a pipe, a decompressor), read as it is sent and never
    /// held whole. Sent once: never retried (see the type's documentation).
    pub fn reader(
        file_name: impl Into<String>,
        length: u64,
        reader: impl AsyncRead + Send + 'static,
    ) -> Self {
        let reader: Reader = Box::pin(reader);
        Self::new(
            Origin::Reader(Mutex::new(Some(reader))),
            file_name.into(),
            length,
        )
    }

    fn new(origin: Origin, file_name: String, length: u64) -> Self {
        let content_type = content_type_for(&file_name).to_owned();
        Self {
            origin,
            file_name,
            content_type,
            length,
            progress: None,
            timeout: None,
        }
    }

    /// Shows the file as `file_name` instead (WeCom displays it, e.g. as the name of a file message); the
    /// content type follows its extension unless set with [`with_content_type`](Self::with_content_type)
    /// after.
    pub fn with_file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = file_name.into();
        self.content_type = content_type_for(&self.file_name).to_owned();
        self
    }

    /// The part's `Content-Type`; by default from the file name's extension (`image/jpeg`, `image/png`,
    /// `audio/amr`, `video/mp4`, else `application/octet-stream`).
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = content_type.into();
        self
    }

    /// Calls `progress` as the file's bytes are handed to the connection (for a progress bar). A retry
    /// starts again from 0.
    pub fn on_progress(mut self, progress: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(progress));
        self
    }

    /// The deadline of one attempt, body included. By default the client's timeout plus one second per
    /// 256 KiB, so that a large file on a slow link is not cut off.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The name WeCom shows (the form's `filename`).
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The part's `Content-Type`.
    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    /// The length in bytes (the form's `filelength`).
    pub fn len(&self) -> u64 {
        self.length
    }

    /// True for an empty file (which WeCom refuses).
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// True when the source can be read again for a retry (bytes and files; not a reader).
    pub fn is_replayable(&self) -> bool {
        !matches!(self.origin, Origin::Reader(_))
    }

    /// The file name's extension, lower-cased (`"jpg"` for `"A.JPG"`), empty when there is none.
    pub fn extension(&self) -> String {
        extension(&self.file_name)
    }

    pub(crate) fn progress(&self) -> Option<&ProgressFn> {
        self.progress.as_ref()
    }

    pub(crate) fn deadline(&self) -> Option<Duration> {
        self.timeout
    }

    /// Checks that the length is more than `more_than` and at most `at_most` bytes; `what` names the
    /// upload in the error ("image", "video").
    pub fn check_size(&self, what: &str, more_than: u64, at_most: u64) -> Result<()> {
        if self.length <= more_than {
            return Err(Error::invalid_request(format!(
                "{what} {:?} is {} bytes; WeCom needs more than {more_than}",
                self.file_name, self.length
            )));
        }
        if self.length > at_most {
            return Err(Error::invalid_request(format!(
                "{what} {:?} is {} bytes; at most {} allowed",
                self.file_name,
                self.length,
                in_mib(at_most)
            )));
        }
        Ok(())
    }

    /// Checks that the file name ends in one of `allowed` (lower-case extensions without the dot).
    pub fn check_extension(&self, what: &str, allowed: &[&str]) -> Result<()> {
        let ext = self.extension();
        if allowed.iter().any(|a| *a == ext) {
            return Ok(());
        }
        let list: Vec<String> = allowed.iter().map(|a| format!(".{a}")).collect();
        Err(Error::invalid_request(format!(
            "{what} {:?} must be a {} file",
            self.file_name,
            list.join(" / ")
        )))
    }

    /// Checks what the form's headers carry: a file name that is not empty, holds no control characters,
    /// quotes, backslashes or colons and does not start with `/` (WeCom's rules for `filename`), and a
    /// content type without control characters.
    pub(crate) fn check_form_fields(&self) -> Result<()> {
        let name = &self.file_name;
        let bad = name.is_empty()
            || name.starts_with('/')
            || name
                .chars()
                .any(|c| c.is_control() || matches!(c, '"' | '\\' | ':'));
        if bad {
            return Err(Error::invalid_request(format!(
                "file name {name:?} must be non-empty, not start with '/', and hold no control \
                 characters, quotes, backslashes or colons"
            )));
        }
        let content_type = &self.content_type;
        if content_type.is_empty() || content_type.chars().any(|c| c.is_control()) {
            return Err(Error::invalid_request(format!(
                "content type {content_type:?} must be non-empty and hold no control characters"
            )));
        }
        Ok(())
    }

    /// The file's bytes for one attempt, a chunk at a time; fails with [`Error::Read`] when the file
    /// cannot be opened or the reader was already sent.
    pub(crate) async fn open(&self) -> Result<BoxStream<'static, std::io::Result<Bytes>>> {
        match &self.origin {
            Origin::Bytes(bytes) => {
                let bytes = bytes.clone();
                let chunks = (0..bytes.len())
                    .step_by(CHUNK)
                    .map(move |at| Ok(bytes.slice(at..(at + CHUNK).min(bytes.len()))));
                Ok(stream::iter(chunks.collect::<Vec<_>>()).boxed())
            }
            Origin::File(path) => {
                let file = tokio::fs::File::open(path)
                    .await
                    .map_err(|e| Error::read(path, e))?;
                Ok(ReaderStream::with_capacity(file, CHUNK).boxed())
            }
            Origin::Reader(slot) => {
                let reader = slot.lock().unwrap_or_else(|p| p.into_inner()).take();
                match reader {
                    Some(reader) => Ok(ReaderStream::with_capacity(reader, CHUNK).boxed()),
                    None => Err(Error::read(
                        Path::new(&self.file_name),
                        std::io::Error::other("this reader was already sent once"),
                    )),
                }
            }
        }
    }
}

/// The lower-cased extension of `name`, empty when there is none.
fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// The content type of the kinds WeCom takes, by extension.
fn content_type_for(name: &str) -> &'static str {
    match extension(name).as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "amr" => "audio/amr",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

/// `10485760` as "10 MiB (10485760 bytes)".
fn in_mib(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes % MIB == 0 {
        format!("{} MiB ({bytes} bytes)", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_and_extension_follow_the_name() {
        for (name, ext, ct) in [
            ("a.JPG", "jpg", "image/jpeg"),
            ("b.jpeg", "jpeg", "image/jpeg"),
            ("c.png", "png", "image/png"),
            ("d.amr", "amr", "audio/amr"),
            ("e.mp4", "mp4", "video/mp4"),
            ("报告.pdf", "pdf", "application/octet-stream"),
            (".hidden", "", "application/octet-stream"),
            ("noext", "", "application/octet-stream"),
        ] {
            let source = UploadSource::bytes(name, &b"123456"[..]);
            assert_eq!(source.extension(), ext, "{name}");
            assert_eq!(source.content_type(), ct, "{name}");
        }
        let renamed = UploadSource::bytes("x.bin", &b"123456"[..]).with_file_name("y.png");
        assert_eq!(renamed.content_type(), "image/png");
        let forced = renamed.with_content_type("image/x-custom");
        assert_eq!(forced.content_type(), "image/x-custom");
    }

    fn message(result: Result<()>) -> String {
        match result {
            Err(Error::InvalidRequest(m)) => m,
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }

    #[test]
    fn sizes_are_checked_with_the_limit_named() {
        let five = UploadSource::bytes("a.png", &b"12345"[..]);
        assert_eq!(
            message(five.check_size("image", 5, 10)),
            "image \"a.png\" is 5 bytes; WeCom needs more than 5"
        );
        let six = UploadSource::bytes("a.png", &b"123456"[..]);
        assert!(six.check_size("image", 5, 6).is_ok());
        assert_eq!(
            message(six.check_size("image", 5, 5)),
            "image \"a.png\" is 6 bytes; at most 5 bytes allowed"
        );
        let big = UploadSource::reader("v.mp4", 10 * 1024 * 1024 + 1, tokio::io::empty());
        assert_eq!(
            message(big.check_size("video", 5, 10 * 1024 * 1024)),
            "video \"v.mp4\" is 10485761 bytes; at most 10 MiB (10485760 bytes) allowed"
        );
    }

    #[test]
    fn extensions_and_file_names_are_checked() {
        let gif = UploadSource::bytes("a.gif", &b"123456"[..]);
        assert_eq!(
            message(gif.check_extension("image", &["jpg", "jpeg", "png"])),
            "image \"a.gif\" must be a .jpg / .jpeg / .png file"
        );
        assert!(UploadSource::bytes("A.PNG", &b"1"[..])
            .check_extension("image", &["png"])
            .is_ok());
        for bad in [
            "",
            "/etc/passwd",
            "a\"b.png",
            "a\\b.png",
            "c:d.png",
            "a\r\nb.png",
        ] {
            let err = message(UploadSource::bytes(bad, &b"1"[..]).check_form_fields());
            assert!(err.contains("must be non-empty"), "{bad:?}: {err}");
        }
        assert!(UploadSource::bytes("产品 图 (1).png", &b"1"[..])
            .check_form_fields()
            .is_ok());
        let err = message(
            UploadSource::bytes("a.png", &b"1"[..])
                .with_content_type("image/png\r\nX-Evil: 1")
                .check_form_fields(),
        );
        assert!(err.starts_with("content type"), "{err}");
    }

    #[tokio::test]
    async fn a_reader_is_sent_once() {
        let source = UploadSource::reader("a.txt", 3, &b"abc"[..]);
        assert!(!source.is_replayable());
        let first: Vec<_> = source.open().await.unwrap().collect().await;
        assert_eq!(first.len(), 1);
        assert!(matches!(source.open().await, Err(Error::Read { .. })));
    }

    #[tokio::test]
    async fn bytes_are_cut_in_chunks_without_a_copy() {
        let data = Bytes::from(vec![7u8; CHUNK * 2 + 10]);
        let source = UploadSource::bytes("a.bin", data.clone());
        let chunks: Vec<Bytes> = source
            .open()
            .await
            .unwrap()
            .map(|c| c.unwrap())
            .collect()
            .await;
        let lengths: Vec<usize> = chunks.iter().map(Bytes::len).collect();
        assert_eq!(lengths, [CHUNK, CHUNK, 10]);
        // A second attempt reads the same bytes again.
        assert_eq!(source.open().await.unwrap().count().await, 3);
    }
}
