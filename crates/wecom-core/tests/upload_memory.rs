//! An upload from a stream is never held whole: 64 MiB go through while the process's peak memory grows
//! by a small fraction of that. Alone in its binary, so no other test's memory is counted.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wecom_core::upload::{Upload, UploadSource};
use wecom_core::{StaticToken, WecomClient};

const SIZE: u64 = 64 * 1024 * 1024;

#[derive(Serialize)]
struct UploadFile {
    #[serde(skip)]
    source: UploadSource,
}

#[derive(Deserialize)]
struct Uploaded {
    media_id: String,
}

impl Upload for UploadFile {
    const PATH: &'static str = "/cgi-bin/media/upload";
    type Response = Uploaded;
    fn source(&self) -> &UploadSource {
        &self.source
    }
}

/// The peak resident set of this process (`VmHWM`), in bytes.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// A server that reads each request's body and throws it away, answering how many bytes it got.
async fn discarding_server() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            stream.read_exact(&mut byte).await.unwrap();
            head.push(byte[0]);
        }
        let head = String::from_utf8(head).unwrap();
        let mut left: u64 = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length: "))
            .unwrap()
            .parse()
            .unwrap();
        let mut chunk = vec![0u8; 64 * 1024];
        while left > 0 {
            let n = stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "the client stopped early");
            left -= n as u64;
        }
        let body = r#"{"errcode":0,"errmsg":"ok","media_id":"BIG"}"#;
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(answer.as_bytes()).await.unwrap();
    });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_64_mib_stream_is_sent_without_being_buffered() {
    let base_url = discarding_server().await;
    let client = WecomClient::builder()
        .base_url(base_url)
        .token_provider(Arc::new(StaticToken::new("T")))
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let before = peak_rss();
    let source = UploadSource::reader("big.bin", SIZE, tokio::io::repeat(7).take(SIZE));
    let uploaded = client.upload(&UploadFile { source }).await.unwrap();
    assert_eq!(uploaded.media_id, "BIG");
    let grown = peak_rss().saturating_sub(before);
    assert!(before > 0, "VmHWM is readable");
    assert!(
        grown < 16 * 1024 * 1024,
        "peak memory grew by {grown} bytes for a {SIZE}-byte upload"
    );
}
