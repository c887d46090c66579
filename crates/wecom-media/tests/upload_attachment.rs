//! media/upload_attachment (上传附件资源) against a mock WeCom.

use httpmock::MockServer;
use wecom_core::test_util::mock::{mock_upload, ExpectedUpload};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::Error;
use wecom_media::*;

const UPLOAD_ATTACHMENT: &str = "/cgi-bin/media/upload_attachment";

#[tokio::test]
async fn upload_attachment_sends_both_types_and_decodes_a_numeric_created_at() {
    let server = MockServer::start_async().await;
    let jpg = b"\xff\xd8\xff\xe0-store-front".to_vec();
    let mock = mock_upload(
        &server,
        UPLOAD_ATTACHMENT,
        ExpectedUpload::media(
            &[("media_type", "image"), ("attachment_type", "1")],
            "store.jpg",
            "image/jpeg",
            &jpg,
        ),
        include_str!("fixtures/upload_attachment.json"),
    )
    .await;
    let req = UploadAttachmentRequest::new(
        AttachmentMediaType::Image,
        AttachmentType::Moment,
        UploadSource::bytes("store.jpg", jpg),
    );
    let uploaded = client(&server.base_url())
        .media()
        .upload_attachment(&req)
        .await
        .unwrap();
    assert_eq!(
        uploaded,
        UploadedMedia {
            media_type: "image".into(),
            media_id: "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0".into(),
            created_at: 1_380_000_000,
        }
    );
    mock.assert_calls_async(1).await;
}

#[test]
fn the_answer_round_trips_without_losing_a_field() {
    let decoded: UploadedMedia = assert_round_trip(include_str!("fixtures/upload_attachment.json"));
    assert_eq!(decoded.created_at, 1_380_000_000);
}

#[tokio::test]
async fn a_product_album_image_goes_with_attachment_type_2() {
    let server = MockServer::start_async().await;
    let png = b"\x89PNG-album".to_vec();
    let mock = mock_upload(
        &server,
        UPLOAD_ATTACHMENT,
        ExpectedUpload::media(
            &[("media_type", "image"), ("attachment_type", "2")],
            "sku-1.png",
            "image/png",
            &png,
        ),
        include_str!("fixtures/upload_attachment.json"),
    )
    .await;
    client(&server.base_url())
        .media()
        .upload_attachment(&UploadAttachmentRequest::new(
            AttachmentMediaType::Image,
            AttachmentType::ProductAlbum,
            UploadSource::bytes("sku-1.png", png),
        ))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn upload_attachment_reports_a_non_zero_errcode() {
    let server = MockServer::start_async().await;
    let mp4 = b"....ftypmp42".to_vec();
    let mock = mock_upload(
        &server,
        UPLOAD_ATTACHMENT,
        ExpectedUpload::media(
            &[("media_type", "video"), ("attachment_type", "1")],
            "clip.mp4",
            "video/mp4",
            &mp4,
        ),
        &wecom_error(45001, "media size out of limit"),
    )
    .await;
    let result = client(&server.base_url())
        .media()
        .upload_attachment(&UploadAttachmentRequest::new(
            AttachmentMediaType::Video,
            AttachmentType::Moment,
            UploadSource::bytes("clip.mp4", mp4),
        ))
        .await;
    assert_api_error(result, 45001, UPLOAD_ATTACHMENT);
    mock.assert_calls_async(1).await;
}

#[test]
fn scenes_take_only_their_types_and_10_mb() {
    let check = |media_type, attachment_type, source| match UploadAttachmentRequest::new(
        media_type,
        attachment_type,
        source,
    )
    .check()
    {
        Ok(()) => String::new(),
        Err(Error::InvalidRequest(message)) => message,
        Err(other) => panic!("{other:?}"),
    };
    let bytes = |name: &str| UploadSource::bytes(name, &b"0123456789"[..]);
    assert_eq!(
        check(
            AttachmentMediaType::File,
            AttachmentType::Moment,
            bytes("a.pdf")
        ),
        "attachment_type 1 takes media_type image or video, not file"
    );
    assert_eq!(
        check(
            AttachmentMediaType::Video,
            AttachmentType::ProductAlbum,
            bytes("a.mp4")
        ),
        "attachment_type 2 takes media_type image, not video"
    );
    assert_eq!(
        check(
            AttachmentMediaType::Video,
            AttachmentType::Moment,
            UploadSource::reader("a.mp4", MAX_ATTACHMENT_BYTES + 1, tokio::io::empty())
        ),
        "video \"a.mp4\" is 10485761 bytes; at most 10 MiB (10485760 bytes) allowed"
    );
    assert_eq!(
        check(
            AttachmentMediaType::Image,
            AttachmentType::Moment,
            bytes("a.webp")
        ),
        "image \"a.webp\" must be a .jpg / .jpeg / .png file"
    );
    assert_eq!(
        check(
            AttachmentMediaType::Image,
            AttachmentType::Moment,
            bytes("a.jpeg")
        ),
        ""
    );
    // A scene this SDK does not know yet is left to WeCom, but sizes still count.
    assert_eq!(
        check(
            AttachmentMediaType::File,
            AttachmentType::Unknown(3),
            bytes("a.pdf")
        ),
        ""
    );
    let moment = UploadAttachmentRequest::moment(bytes("a.txt")).unwrap_err();
    assert_eq!(
        moment.to_string(),
        "invalid request: a moment takes JPG / PNG images and MP4 videos, not \"a.txt\""
    );
}
