//! Spans and events never show the token. Alone in its own test binary: tracing caches callsite
//! interest per process, so a scoped subscriber in a test that shares a process with others is flaky.

mod common;

use std::sync::{Arc, Mutex};

use common::hostile::{assert_clean, every_error_variant};
use httpmock::MockServer;

/// A tracing subscriber that records every span and event field, to check the token never reaches logs.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<String>>);

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = CaptureWriter;
    fn make_writer(&'a self) -> Self::Writer {
        CaptureWriter(self.0.clone())
    }
}

struct CaptureWriter(Arc<Mutex<String>>);

impl std::io::Write for CaptureWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap()
            .push_str(&String::from_utf8_lossy(buf));
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_never_show_the_token() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(capture.clone())
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let server = MockServer::start_async().await;
    let _ = every_error_variant(&server).await;
    let logs = capture.0.lock().unwrap().clone();
    assert!(logs.contains("wecom.call"), "spans are recorded: {logs}");
    assert!(
        logs.contains("errcode=60011"),
        "errcode is recorded: {logs}"
    );
    assert_clean(&logs);
}
