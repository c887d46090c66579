//! The `multipart/form-data` body of an upload, written as WeCom's documentation shows it: one part
//! whose `Content-Disposition` carries the field name, `filename` and `filelength`, then its
//! `Content-Type` and the bytes. Built here rather than with reqwest's `multipart::Form`, whose parts
//! cannot carry `filelength`; the length of the whole body is known up front, so it is sent with a
//! `Content-Length` (never chunked).

use std::time::Duration;

use bytes::Bytes;
use futures::stream::{self, BoxStream, StreamExt};

use super::progress::counted;
use super::source::UploadSource;
use crate::Result;

/// Bytes per second an upload's default deadline allows on top of the client's timeout.
const SLOWEST_RATE: u64 = 256 * 1024;

/// One upload's form: a field holding the source.
pub(crate) struct Form<'a> {
    field: &'static str,
    source: &'a UploadSource,
    boundary: String,
}

/// What the transport sends for a form.
pub(crate) struct FormBody {
    pub(crate) content_type: String,
    pub(crate) length: u64,
    pub(crate) deadline: Duration,
    pub(crate) body: reqwest::Body,
}

impl<'a> Form<'a> {
    /// A form of one part, `field`, with a random boundary.
    pub(crate) fn new(field: &'static str, source: &'a UploadSource) -> Self {
        let boundary = format!("wecom-{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
        Self {
            field,
            source,
            boundary,
        }
    }

    pub(crate) fn is_replayable(&self) -> bool {
        self.source.is_replayable()
    }

    /// The request's `Content-Type`.
    pub(crate) fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    /// What precedes the file's bytes.
    pub(crate) fn head(&self) -> Bytes {
        let s = self.source;
        Bytes::from(format!(
            "--{}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"; filelength={}\r\n\
             Content-Type: {}\r\n\r\n",
            self.boundary,
            self.field,
            s.file_name(),
            s.len(),
            s.content_type()
        ))
    }

    /// What follows them.
    pub(crate) fn tail(&self) -> Bytes {
        Bytes::from(format!("\r\n--{}--\r\n", self.boundary))
    }

    /// The whole body's length.
    pub(crate) fn length(&self) -> u64 {
        self.head().len() as u64 + self.source.len() + self.tail().len() as u64
    }

    /// The deadline of one attempt: the source's own, else `base` plus a second per 256 KiB.
    pub(crate) fn deadline(&self, base: Duration) -> Duration {
        self.source.deadline().unwrap_or_else(|| {
            base.saturating_add(Duration::from_secs(self.source.len() / SLOWEST_RATE))
        })
    }

    /// The body of one attempt: head, the source a chunk at a time (counted, held to its length), tail.
    pub(crate) async fn open(&self, base: Duration) -> Result<FormBody> {
        let file = self.source.open().await?;
        let file = counted(file, self.source.len(), self.source.progress().cloned());
        let head = stream::once(futures::future::ready(Ok(self.head())));
        let tail = stream::once(futures::future::ready(Ok(self.tail())));
        let body: BoxStream<'static, std::io::Result<Bytes>> = head.chain(file).chain(tail).boxed();
        Ok(FormBody {
            content_type: self.content_type(),
            length: self.length(),
            deadline: self.deadline(base),
            body: reqwest::Body::wrap_stream(body),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_body_is_the_documented_form() {
        let source = UploadSource::bytes("wework.txt", &b"mytext"[..]);
        let form = Form::new("media", &source);
        let boundary = form.boundary.clone();
        assert_eq!(boundary.len(), "wecom-".len() + 32);
        let head = String::from_utf8(form.head().to_vec()).unwrap();
        assert_eq!(
            head,
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"media\"; \
                 filename=\"wework.txt\"; filelength=6\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
        );
        assert_eq!(form.tail(), format!("\r\n--{boundary}--\r\n").as_bytes());
        assert_eq!(form.length(), (head.len() + 6 + boundary.len() + 8) as u64);
        assert_eq!(
            form.content_type(),
            format!("multipart/form-data; boundary={boundary}")
        );
        // Two forms never share a boundary.
        assert_ne!(Form::new("media", &source).boundary, boundary);
    }

    #[test]
    fn the_default_deadline_grows_with_the_file() {
        let base = Duration::from_secs(10);
        let small = UploadSource::bytes("a.png", vec![0u8; 1000]);
        assert_eq!(Form::new("media", &small).deadline(base), base);
        let large = UploadSource::reader("v.mp4", 20 * 1024 * 1024, tokio::io::empty());
        assert_eq!(
            Form::new("media", &large).deadline(base),
            Duration::from_secs(10 + 80)
        );
        let set = UploadSource::reader("v.mp4", 20 * 1024 * 1024, tokio::io::empty())
            .timeout(Duration::from_secs(3));
        assert_eq!(
            Form::new("media", &set).deadline(base),
            Duration::from_secs(3)
        );
    }
}
