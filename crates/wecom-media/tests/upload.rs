//! media/upload (上传临时素材) against a mock WeCom: the query, the form's one part, the answer, the
//! limits checked before sending, an errcode.

use std::time::{Duration, UNIX_EPOCH};

use httpmock::MockServer;
use wecom_core::test_util::mock::{mock_upload, ExpectedUpload};
use wecom_core::test_util::{assert_api_error, client, wecom_error};
use wecom_core::Error;
use wecom_media::*;

const UPLOAD: &str = "/cgi-bin/media/upload";

#[tokio::test]
async fn upload_sends_the_type_and_the_file_and_decodes_the_media_id_and_expiry() {
    let server = MockServer::start_async().await;
    let png = b"\x89PNG\r\n\x1a\n-poster-bytes".to_vec();
    let mock = mock_upload(
        &server,
        UPLOAD,
        ExpectedUpload::media(&[("type", "image")], "poster.png", "image/png", &png),
        include_str!("fixtures/upload.json"),
    )
    .await;
    let req = UploadMediaRequest::new(MediaType::Image, UploadSource::bytes("poster.png", png));
    let uploaded = client(&server.base_url())
        .media()
        .upload(&req)
        .await
        .unwrap();
    assert_eq!(uploaded.media_type, "image");
    assert_eq!(
        uploaded.media_id,
        "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0"
    );
    // WeCom sends created_at as a string here.
    assert_eq!(uploaded.created_at, 1_380_000_000);
    assert_eq!(
        uploaded.created_at_time(),
        UNIX_EPOCH + Duration::from_secs(1_380_000_000)
    );
    assert_eq!(
        uploaded.expires_at(),
        UNIX_EPOCH + Duration::from_secs(1_380_000_000 + 259_200)
    );
    assert!(!uploaded.is_expired_at(UNIX_EPOCH + Duration::from_secs(1_380_259_199)));
    assert!(uploaded.is_expired_at(UNIX_EPOCH + Duration::from_secs(1_380_259_200)));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn each_type_is_sent_as_its_query_value_with_its_content_type() {
    let server = MockServer::start_async().await;
    for (media_type, query, name, content_type) in [
        (MediaType::Voice, "voice", "hello.amr", "audio/amr"),
        (MediaType::Video, "video", "demo.mp4", "video/mp4"),
        (
            MediaType::File,
            "file",
            "价目表.xlsx",
            "application/octet-stream",
        ),
        (MediaType::Image, "image", "photo.JPG", "image/jpeg"),
    ] {
        let bytes = format!("{query}-content").into_bytes();
        let mock = mock_upload(
            &server,
            UPLOAD,
            ExpectedUpload::media(&[("type", query)], name, content_type, &bytes),
            &format!(r#"{{"errcode":0,"errmsg":"","type":"{query}","media_id":"M_{query}","created_at":"1700000000"}}"#),
        )
        .await;
        let uploaded = client(&server.base_url())
            .media()
            .upload(&UploadMediaRequest::new(
                media_type,
                UploadSource::bytes(name, bytes),
            ))
            .await
            .unwrap();
        assert_eq!(uploaded.media_id, format!("M_{query}"));
        mock.assert_calls_async(1).await;
        mock.delete_async().await;
    }
}

#[tokio::test]
async fn upload_reports_a_non_zero_errcode() {
    let server = MockServer::start_async().await;
    let bytes = b"not really a video".to_vec();
    let mock = mock_upload(
        &server,
        UPLOAD,
        ExpectedUpload::media(&[("type", "video")], "clip.mp4", "video/mp4", &bytes),
        &wecom_error(40005, "invalid file type"),
    )
    .await;
    let result = client(&server.base_url())
        .media()
        .upload(&UploadMediaRequest::new(
            MediaType::Video,
            UploadSource::bytes("clip.mp4", bytes),
        ))
        .await;
    assert_api_error(result, 40005, UPLOAD);
    mock.assert_calls_async(1).await;
}

fn invalid(result: wecom_core::Result<UploadedMedia>) -> String {
    match result {
        Err(Error::InvalidRequest(message)) => message,
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

#[tokio::test]
async fn limits_are_checked_before_anything_is_sent() {
    let server = MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(500);
        })
        .await;
    let api = client(&server.base_url());
    let media = api.media();
    let big = |name: &str, len: u64| UploadSource::reader(name, len, tokio::io::empty());
    for (media_type, source, message) in [
        (
            MediaType::Image,
            UploadSource::bytes("tiny.png", &b"12345"[..]),
            "image \"tiny.png\" is 5 bytes; WeCom needs more than 5",
        ),
        (
            MediaType::Image,
            big("huge.png", MAX_IMAGE_BYTES + 1),
            "image \"huge.png\" is 10485761 bytes; at most 10 MiB (10485760 bytes) allowed",
        ),
        (
            MediaType::Image,
            UploadSource::bytes("anim.gif", &b"GIF89a..."[..]),
            "image \"anim.gif\" must be a .jpg / .jpeg / .png file",
        ),
        (
            MediaType::Voice,
            big("long.amr", MAX_VOICE_BYTES + 1),
            "voice \"long.amr\" is 2097153 bytes; at most 2 MiB (2097152 bytes) allowed",
        ),
        (
            MediaType::Voice,
            UploadSource::bytes("song.mp3", &b"ID3......"[..]),
            "voice \"song.mp3\" must be a .amr file",
        ),
        (
            MediaType::Video,
            UploadSource::bytes("clip.mov", &b"......moov"[..]),
            "video \"clip.mov\" must be a .mp4 file",
        ),
        (
            MediaType::File,
            big("dump.zip", MAX_FILE_BYTES + 1),
            "file \"dump.zip\" is 20971521 bytes; at most 20 MiB (20971520 bytes) allowed",
        ),
    ] {
        let message_got = invalid(
            media
                .upload(&UploadMediaRequest::new(media_type, source))
                .await,
        );
        assert_eq!(message_got, format!("{UPLOAD}: {message}"));
    }
    // At the limits themselves, the request is valid.
    assert!(
        UploadMediaRequest::new(MediaType::File, big("a.zip", MAX_FILE_BYTES))
            .check()
            .is_ok()
    );
    assert!(UploadMediaRequest::new(
        MediaType::Image,
        UploadSource::bytes("a.png", &b"123456"[..])
    )
    .check()
    .is_ok());
    any.assert_calls_async(0).await;
}
