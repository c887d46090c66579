//! How far an upload has got, and the stream adapter that counts it and holds the source to its length.

use std::sync::Arc;

use bytes::Bytes;
use futures::stream::{self, BoxStream, StreamExt};

/// How many of the file's bytes have been handed to the connection, of how many.
///
/// ```
/// let p = wecom_core::upload::Progress { sent: 256, total: 1024 };
/// assert_eq!(p.fraction(), 0.25);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes of the file sent so far in this attempt.
    pub sent: u64,
    /// The file's length.
    pub total: u64,
}

impl Progress {
    /// `sent / total`, 1.0 for an empty file.
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.sent as f64 / self.total as f64
        }
    }
}

/// A progress callback, shared by the attempts of one upload.
pub(crate) type ProgressFn = Arc<dyn Fn(Progress) + Send + Sync>;

struct Counter {
    inner: BoxStream<'static, std::io::Result<Bytes>>,
    sent: u64,
    total: u64,
    progress: Option<ProgressFn>,
}

/// Passes `inner` through, reporting progress after each chunk, and fails (so the request fails rather
/// than sending a wrong file) when the source gives more or fewer bytes than `total`.
pub(crate) fn counted(
    inner: BoxStream<'static, std::io::Result<Bytes>>,
    total: u64,
    progress: Option<ProgressFn>,
) -> BoxStream<'static, std::io::Result<Bytes>> {
    let counter = Counter {
        inner,
        sent: 0,
        total,
        progress,
    };
    stream::unfold(Some(counter), |state| async move {
        let mut counter = state?;
        match counter.inner.next().await {
            Some(Ok(chunk)) => {
                counter.sent += chunk.len() as u64;
                if counter.sent > counter.total {
                    let err = std::io::Error::other(format!(
                        "the source gave more than the {} bytes it declared",
                        counter.total
                    ));
                    return Some((Err(err), None));
                }
                if let Some(progress) = &counter.progress {
                    progress(Progress {
                        sent: counter.sent,
                        total: counter.total,
                    });
                }
                Some((Ok(chunk), Some(counter)))
            }
            Some(Err(err)) => Some((Err(err), None)),
            None if counter.sent == counter.total => None,
            None => {
                let err = std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    format!(
                        "the source ended after {} of the {} bytes it declared",
                        counter.sent, counter.total
                    ),
                );
                Some((Err(err), None))
            }
        }
    })
    .boxed()
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    fn chunks(parts: &[&'static [u8]]) -> BoxStream<'static, std::io::Result<Bytes>> {
        let parts: Vec<_> = parts.iter().map(|p| Ok(Bytes::from_static(p))).collect();
        stream::iter(parts).boxed()
    }

    #[tokio::test]
    async fn progress_is_reported_per_chunk_and_ends_at_the_total() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let callback: ProgressFn = Arc::new(move |p: Progress| log.lock().unwrap().push(p.sent));
        let out: Vec<_> = counted(chunks(&[b"abc", b"de"]), 5, Some(callback))
            .collect()
            .await;
        assert!(out.iter().all(Result::is_ok));
        assert_eq!(*seen.lock().unwrap(), [3, 5]);
    }

    #[tokio::test]
    async fn a_source_of_the_wrong_length_fails() {
        let short: Vec<_> = counted(chunks(&[b"abc"]), 5, None).collect().await;
        let err = short.last().unwrap().as_ref().unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof);
        assert_eq!(
            err.to_string(),
            "the source ended after 3 of the 5 bytes it declared"
        );
        let long: Vec<_> = counted(chunks(&[b"abc", b"def"]), 5, None).collect().await;
        assert_eq!(long.len(), 2);
        assert_eq!(
            long[1].as_ref().unwrap_err().to_string(),
            "the source gave more than the 5 bytes it declared"
        );
    }

    #[test]
    fn fraction_of_an_empty_file_is_one() {
        assert_eq!(Progress { sent: 0, total: 0 }.fraction(), 1.0);
    }
}
