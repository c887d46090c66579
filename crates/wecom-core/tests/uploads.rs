//! Multipart uploads through the executor: the form WeCom documents, retries by source, progress,
//! deadlines and the checks made before sending.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{builder, gettoken};
use httpmock::{Method, MockServer};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wecom_core::test_util::mock::{mock_upload, ExpectedUpload};
use wecom_core::test_util::{client as static_client, TEST_TOKEN};
use wecom_core::upload::{Progress, Upload, UploadSource};
use wecom_core::{ErrCode, Error, RetryPolicy, WecomClient};

const PATH: &str = "/cgi-bin/media/upload";
const ANSWER: &str =
    r#"{"errcode":0,"errmsg":"","type":"file","media_id":"MEDIA_1","created_at":"1380000000"}"#;

/// 上传临时素材 as a bare test endpoint, without the media crate's limits.
#[derive(Debug, Serialize)]
struct UploadFile {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip)]
    source: UploadSource,
}

#[derive(Debug, Deserialize)]
struct Uploaded {
    media_id: String,
}

impl Upload for UploadFile {
    const PATH: &'static str = PATH;
    type Response = Uploaded;
    fn source(&self) -> &UploadSource {
        &self.source
    }
}

fn file(source: UploadSource) -> UploadFile {
    UploadFile {
        kind: "file",
        source,
    }
}

/// Retries at once: the server a test brings up later has time to bind between attempts.
fn patient_client(base_url: &str) -> WecomClient {
    WecomClient::builder()
        .base_url(base_url)
        .token_provider(Arc::new(wecom_core::StaticToken::new(TEST_TOKEN)))
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(400),
            max_delay: Duration::from_millis(400),
        })
        .build()
        .unwrap()
}

#[tokio::test]
async fn an_upload_sends_the_documented_form_with_its_length() {
    let server = MockServer::start_async().await;
    let bytes = b"mytext".to_vec();
    let mock = mock_upload(
        &server,
        PATH,
        ExpectedUpload::media(
            &[("type", "file")],
            "wework.txt",
            "application/octet-stream",
            &bytes,
        ),
        ANSWER,
    )
    .await;
    let uploaded = static_client(&server.base_url())
        .upload(&file(UploadSource::bytes("wework.txt", bytes)))
        .await
        .unwrap();
    assert_eq!(uploaded.media_id, "MEDIA_1");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_file_is_read_from_disk_in_chunks_and_named_after_its_path() {
    let dir = std::env::temp_dir().join(format!("wecom-upload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("产品图.png");
    // Several chunks, and a tail that is not a whole chunk.
    let bytes: Vec<u8> = (0..200_001u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&path, &bytes).unwrap();
    let server = MockServer::start_async().await;
    let mock = mock_upload(
        &server,
        PATH,
        ExpectedUpload::media(&[("type", "file")], "产品图.png", "image/png", &bytes),
        ANSWER,
    )
    .await;
    let source = UploadSource::file(&path).await.unwrap();
    assert_eq!(source.len(), 200_001);
    let uploaded = static_client(&server.base_url())
        .upload(&file(source))
        .await
        .unwrap();
    assert_eq!(uploaded.media_id, "MEDIA_1");
    mock.assert_calls_async(1).await;
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_missing_file_is_a_read_error() {
    let err = UploadSource::file("/nonexistent/wecom/a.png")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Read { file, .. } if file == "/nonexistent/wecom/a.png"),
        "{err:?}"
    );
    let dir = std::env::temp_dir();
    assert!(matches!(
        UploadSource::file(&dir).await,
        Err(Error::Read { .. })
    ));
}

#[tokio::test]
async fn progress_counts_the_file_up_to_its_length() {
    let server = MockServer::start_async().await;
    let bytes = vec![b'x'; 150_000];
    let mock = mock_upload(
        &server,
        PATH,
        ExpectedUpload::media(
            &[("type", "file")],
            "a.bin",
            "application/octet-stream",
            &bytes,
        ),
        ANSWER,
    )
    .await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let source = UploadSource::bytes("a.bin", bytes)
        .on_progress(move |p: Progress| log.lock().unwrap().push(p));
    static_client(&server.base_url())
        .upload(&file(source))
        .await
        .unwrap();
    let seen = seen.lock().unwrap().clone();
    let sent: Vec<u64> = seen.iter().map(|p| p.sent).collect();
    assert_eq!(sent, [65_536, 131_072, 150_000]);
    assert!(seen.iter().all(|p| p.total == 150_000));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn an_ambiguous_failure_is_never_retried() {
    let server = MockServer::start_async().await;
    let gateway = server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path(PATH)
                .query_param("type", "file");
            then.status(502).body("<html>502 Bad Gateway</html>");
        })
        .await;
    let err = static_client(&server.base_url())
        .upload(&file(UploadSource::bytes("a.txt", &b"123456"[..])))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    gateway.assert_calls_async(1).await;
}

#[tokio::test]
async fn errcode_minus_one_is_not_retried_and_names_the_path() {
    let server = MockServer::start_async().await;
    let busy = server
        .mock_async(|when, then| {
            when.method(Method::POST).path(PATH);
            then.status(200)
                .body(r#"{"errcode":-1,"errmsg":"system busy"}"#);
        })
        .await;
    let err = static_client(&server.base_url())
        .upload(&file(UploadSource::bytes("a.txt", &b"123456"[..])))
        .await
        .unwrap_err();
    wecom_core::test_util::assert_api_error(Err::<(), _>(err), -1, PATH);
    busy.assert_calls_async(1).await;
}

/// A server that will listen on `port` after `delay` and answer one upload, reporting the bytes it read.
fn serve_later(port: u16, delay: Duration) -> tokio::task::JoinHandle<Vec<u8>> {
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap();
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut seen = Vec::new();
        let mut chunk = [0u8; 8192];
        // Read headers and the declared body, then answer.
        loop {
            let n = stream.read(&mut chunk).await.unwrap();
            seen.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&seen).to_string();
            if let Some(head_end) = text.find("\r\n\r\n") {
                let length: usize = text
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length: "))
                    .unwrap()
                    .trim()
                    .parse()
                    .unwrap();
                if seen.len() >= head_end + 4 + length {
                    break;
                }
            }
        }
        let body = ANSWER;
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(answer.as_bytes()).await.unwrap();
        seen
    })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn a_connect_failure_is_retried_and_the_bytes_are_sent_whole() {
    let port = free_port();
    let server = serve_later(port, Duration::from_millis(100));
    let client = patient_client(&format!("http://127.0.0.1:{port}"));
    let uploaded = client
        .upload(&file(UploadSource::bytes("a.txt", &b"hello world"[..])))
        .await
        .unwrap();
    assert_eq!(uploaded.media_id, "MEDIA_1");
    let seen = String::from_utf8(server.await.unwrap()).unwrap();
    assert!(seen.contains("filelength=11\r\n"), "{seen}");
    assert!(seen.contains("\r\n\r\nhello world\r\n--"), "{seen}");
}

#[tokio::test]
async fn a_stream_is_not_retried_even_when_nothing_was_sent() {
    let port = free_port();
    let server = serve_later(port, Duration::from_millis(100));
    let client = patient_client(&format!("http://127.0.0.1:{port}"));
    let source = UploadSource::reader("a.txt", 11, &b"hello world"[..]);
    let err = client.upload(&file(source)).await.unwrap_err();
    assert!(err.is_unsent(), "{err:?}");
    // The server came up in time for a retry, and got none.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(!server.is_finished(), "the stream was sent again");
    server.abort();
}

#[tokio::test]
async fn a_stale_token_is_replayed_for_bytes_but_not_for_a_stream() {
    let server = MockServer::start_async().await;
    let first = gettoken(&server, "OLD_TOKEN", Some(1)).await;
    let second = gettoken(&server, "NEW_TOKEN", Some(1)).await;
    let third = gettoken(&server, "NEWEST_TOKEN", None).await;
    let stale = |token: &'static str| {
        let server = &server;
        async move {
            server
                .mock_async(|when, then| {
                    when.method(Method::POST)
                        .path(PATH)
                        .query_param("access_token", token);
                    then.status(200)
                        .body(r#"{"errcode":40014,"errmsg":"invalid access_token"}"#);
                })
                .await
        }
    };
    let stale_old = stale("OLD_TOKEN").await;
    let fresh = server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path(PATH)
                .query_param("access_token", "NEW_TOKEN");
            then.status(200).body(ANSWER);
        })
        .await;
    let client = builder(&server).build().unwrap();
    let uploaded = client
        .upload(&file(UploadSource::bytes("a.txt", &b"123456"[..])))
        .await
        .unwrap();
    assert_eq!(uploaded.media_id, "MEDIA_1");
    stale_old.assert_calls_async(1).await;
    fresh.assert_calls_async(1).await;
    fresh.delete_async().await;

    // The same with a stream: the error comes back, and the stale token is still invalidated.
    let stale_new = stale("NEW_TOKEN").await;
    let err = client
        .upload(&file(UploadSource::reader("a.txt", 6, &b"123456"[..])))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::INVALID_ACCESS_TOKEN));
    stale_new.assert_calls_async(1).await;
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
    third.assert_calls_async(0).await;
    let _ = client
        .upload(&file(UploadSource::bytes("a.txt", &b"123456"[..])))
        .await;
    third.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_stream_shorter_than_declared_fails_and_is_not_retried() {
    let server = MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.method(Method::POST).path(PATH);
            then.status(200).body(ANSWER);
        })
        .await;
    let err = static_client(&server.base_url())
        .upload(&file(UploadSource::reader(
            "a.txt",
            100,
            &b"only 13 bytes"[..],
        )))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport { connect: false, .. }),
        "{err:?}"
    );
    let mut chain = String::new();
    let mut cause: Option<&dyn std::error::Error> = Some(&err);
    while let Some(e) = cause {
        chain.push_str(&format!("{e} | "));
        cause = e.source();
    }
    assert!(
        chain.contains("the source ended after 13 of the 100 bytes it declared"),
        "{chain}"
    );
    assert!(any.calls_async().await <= 1);
}

#[tokio::test]
async fn an_upload_has_its_own_deadline() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(Method::POST).path(PATH);
            then.status(200).delay(Duration::from_secs(2)).body(ANSWER);
        })
        .await;
    let source = UploadSource::bytes("a.txt", &b"123456"[..]).timeout(Duration::from_millis(200));
    let err = static_client(&server.base_url())
        .upload(&file(source))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Timeout { after, .. } if after == Duration::from_millis(200)),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_bad_file_name_is_refused_before_sending() {
    let server = MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body(ANSWER);
        })
        .await;
    let err = static_client(&server.base_url())
        .upload(&file(UploadSource::bytes("C:\\report.pdf", &b"123456"[..])))
        .await
        .unwrap_err();
    match err {
        Error::InvalidRequest(message) => assert!(
            message.starts_with("/cgi-bin/media/upload: file name \"C:\\\\report.pdf\""),
            "{message}"
        ),
        other => panic!("{other:?}"),
    }
    any.assert_calls_async(0).await;
}
