//! Uploads to the sandbox: what it keeps of them, the limits and errcodes it answers like WeCom, and
//! that an upload is never received twice.

use sha2::{Digest, Sha256};
use wecom_external_contact::media::{
    AttachmentMediaType, AttachmentType, MediaType, UploadAttachmentRequest, UploadImageRequest,
    UploadMediaRequest, UploadSource, UploadedMedia,
};
use wecom_external_contact::prelude::*;
use wecom_external_contact::{ErrCode, RetryPolicy};
use wecom_sandbox::{Clock, FaultRule, Sandbox, SandboxConfig};

const UPLOAD: &str = "/cgi-bin/media/upload";
const NOW: i64 = 1_767_225_600;

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn fixed() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        clock: Clock::fixed(NOW),
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn an_upload_is_kept_with_its_name_type_length_digest_and_expiry() {
    let sandbox = fixed().await;
    let client = sandbox.client_builder().build().unwrap();
    let png: Vec<u8> = (0..150_000u32).map(|i| (i * 7 % 256) as u8).collect();
    let uploaded = client
        .media()
        .upload(&UploadMediaRequest::new(
            MediaType::Image,
            UploadSource::bytes("海报.png", png.clone()),
        ))
        .await
        .unwrap();
    assert_eq!(uploaded.media_type, "image");
    assert_eq!(uploaded.created_at, NOW);
    let kept = sandbox.uploaded(&uploaded.media_id).unwrap();
    assert_eq!(kept.file_name, "海报.png");
    assert_eq!(kept.content_type, "image/png");
    assert_eq!(kept.media_type, "image");
    assert_eq!(kept.attachment_type, None);
    assert_eq!(
        (kept.length, kept.declared_length),
        (150_000, Some(150_000))
    );
    assert_eq!(kept.sha256, sha256(&png));
    assert_eq!(kept.expires_at, NOW + 3 * 86_400);
    assert_eq!(
        uploaded.expires_at(),
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(kept.expires_at as u64)
    );
}

#[tokio::test]
async fn a_stream_arrives_whole_and_an_attachment_resource_keeps_its_scene() {
    let sandbox = fixed().await;
    let client = sandbox.client_builder().build().unwrap();
    let video = vec![3u8; 300_000];
    let source = UploadSource::reader("intro.mp4", 300_000, std::io::Cursor::new(video.clone()));
    let uploaded: UploadedMedia = client
        .media()
        .upload_attachment(&UploadAttachmentRequest::new(
            AttachmentMediaType::Video,
            AttachmentType::Moment,
            source,
        ))
        .await
        .unwrap();
    let kept = sandbox.uploaded(&uploaded.media_id).unwrap();
    assert_eq!(
        (kept.media_type.as_str(), kept.attachment_type),
        ("video", Some(1))
    );
    assert_eq!(kept.sha256, sha256(&video));
}

/// A raw multipart upload, for what the SDK refuses to send.
async fn raw_upload(
    sandbox: &Sandbox,
    query: &str,
    disposition: &str,
    bytes: &[u8],
) -> serde_json::Value {
    let token = reqwest::get(format!(
        "{}/cgi-bin/gettoken?corpid={}&corpsecret={}",
        sandbox.base_url(),
        sandbox.corp_id(),
        sandbox.secret()
    ))
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    let token: serde_json::Value = serde_json::from_str(&token).unwrap();
    let mut body = format!(
        "--B\r\nContent-Disposition: form-data; {disposition}\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n--B--\r\n");
    let answer = reqwest::Client::new()
        .post(format!(
            "{}{UPLOAD}?access_token={}&{query}",
            sandbox.base_url(),
            token["access_token"].as_str().unwrap()
        ))
        .header("content-type", "multipart/form-data; boundary=B")
        .body(body)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    serde_json::from_str(&answer).unwrap()
}

#[tokio::test]
async fn the_sandbox_answers_wecoms_errcodes_for_bad_uploads() {
    let sandbox = fixed().await;
    let media = r#"name="media"; filename="a.png""#;
    for (query, disposition, bytes, code) in [
        ("type=image", media, &b"12345"[..], 40006),
        (
            "type=image",
            r#"name="media"; filename="a.gif""#,
            &b"GIF89a.."[..],
            40005,
        ),
        ("type=sticker", media, &b"123456"[..], 40004),
        (
            "type=image",
            r#"name="media"; filename="a.png"; filelength=9"#,
            &b"123456"[..],
            40006,
        ),
        (
            "type=image",
            r#"name="file"; filename="a.png""#,
            &b"123456"[..],
            41005,
        ),
        (
            "type=voice",
            r#"name="media"; filename="a.amr""#,
            &[0u8; 2 * 1024 * 1024 + 1][..],
            45001,
        ),
    ] {
        let answer = raw_upload(&sandbox, query, disposition, bytes).await;
        assert_eq!(answer["errcode"], code, "{query} {disposition}: {answer}");
    }
    // Without a filelength (as curl sends it) the upload is accepted.
    let answer = raw_upload(&sandbox, "type=image", media, b"123456").await;
    assert_eq!(answer["errcode"], 0, "{answer}");
    assert!(answer["created_at"].is_string(), "{answer}");
    assert_eq!(sandbox.uploads(), 1);
}

#[tokio::test]
async fn an_upload_whose_answer_is_lost_is_not_sent_again() {
    let sandbox = fixed().await;
    sandbox.set_fault(UPLOAD, FaultRule::none().http_502(1.0));
    let client = sandbox
        .client_builder()
        .retry_policy(RetryPolicy::default())
        .build()
        .unwrap();
    let err = client
        .media()
        .upload(&UploadMediaRequest::new(
            MediaType::File,
            UploadSource::bytes("a.pdf", &b"%PDF-1.7"[..]),
        ))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            wecom_external_contact::Error::HttpStatus { status: 502, .. }
        ),
        "{err:?}"
    );
    // The sandbox issued the media id (the effect happened), once.
    assert_eq!(sandbox.hits(UPLOAD), 1);
    assert_eq!(sandbox.uploads(), 1);
}

#[tokio::test]
async fn a_revoked_token_replays_a_file_upload_once() {
    let sandbox = fixed().await;
    let client = sandbox.client_builder().build().unwrap();
    client
        .media()
        .upload(&UploadMediaRequest::new(
            MediaType::File,
            UploadSource::bytes("a.txt", &b"first!"[..]),
        ))
        .await
        .unwrap();
    sandbox.revoke_tokens();
    client
        .media()
        .upload(&UploadMediaRequest::new(
            MediaType::File,
            UploadSource::bytes("b.txt", &b"second"[..]),
        ))
        .await
        .unwrap();
    assert_eq!(sandbox.hits(UPLOAD), 3, "one, one rejected, one replayed");
    assert_eq!(sandbox.uploads(), 2);
    // A stream is not replayed: the caller sees 40014.
    sandbox.revoke_tokens();
    let err = client
        .media()
        .upload(&UploadMediaRequest::new(
            MediaType::File,
            UploadSource::reader("c.txt", 6, &b"third!"[..]),
        ))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::INVALID_ACCESS_TOKEN));
    assert_eq!(sandbox.uploads(), 2);
}

#[tokio::test]
async fn the_size_limit_can_be_raised_for_benchmarks() {
    let sandbox = fixed().await;
    let big = vec![0u8; 2 * 1024 * 1024 + 1];
    let answer = raw_upload(
        &sandbox,
        "type=voice",
        r#"name="media"; filename="a.amr""#,
        &big,
    )
    .await;
    assert_eq!(answer["errcode"], 45001);
    sandbox.set_max_upload_bytes(Some(4 * 1024 * 1024));
    let answer = raw_upload(
        &sandbox,
        "type=voice",
        r#"name="media"; filename="a.amr""#,
        &big,
    )
    .await;
    assert_eq!(answer["errcode"], 0, "{answer}");
}

#[tokio::test]
async fn an_uploaded_image_gets_a_lasting_url_the_same_for_the_same_image() {
    let sandbox = fixed().await;
    let client = sandbox.client_builder().build().unwrap();
    let png: Vec<u8> = (0..50_000u32).map(|i| (i * 13 % 256) as u8).collect();
    let upload = |name: &str, bytes: Vec<u8>| {
        let req = UploadImageRequest::new(UploadSource::bytes(name, bytes));
        let client = client.clone();
        async move { client.media().upload_image(&req).await }
    };
    let first = upload("poster.png", png.clone()).await.unwrap();
    let again = upload("again.png", png.clone()).await.unwrap();
    let expected = format!(
        "https://wework.qpic.cn/wwpic/sandbox_{}/0",
        &sha256(&png)[..16]
    );
    assert_eq!(
        (first.url.as_str(), again.url.as_str()),
        (expected.as_str(), expected.as_str())
    );
    assert_eq!(sandbox.images_uploaded(), 2);
    assert_eq!(sandbox.uploads(), 0, "no media id is issued for an image");
}
