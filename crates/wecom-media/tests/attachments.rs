//! Upload-and-wrap helpers: a file becomes the attachment that sends it, in one call.

use httpmock::MockServer;
use wecom_content::{Attachment, Image, Link, Media};
use wecom_core::test_util::client;
use wecom_core::test_util::mock::{mock_upload, ExpectedUpload};
use wecom_core::Error;
use wecom_media::*;

fn answer(kind: &str, media_id: &str) -> String {
    format!(
        r#"{{"errcode":0,"errmsg":"","type":"{kind}","media_id":"{media_id}","created_at":"1700000000"}}"#
    )
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wecom-media-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[tokio::test]
async fn attachment_from_file_picks_the_type_from_the_extension() {
    let server = MockServer::start_async().await;
    for (name, kind, expected) in [
        ("banner.png", "image", Attachment::image_media("M_image")),
        ("intro.mp4", "video", Attachment::video("M_video")),
        ("brochure.pdf", "file", Attachment::file("M_file")),
    ] {
        let bytes = format!("contents of {name}").into_bytes();
        let path = temp_file(name, &bytes);
        let content_type = match kind {
            "image" => "image/png",
            "video" => "video/mp4",
            _ => "application/octet-stream",
        };
        let mock = mock_upload(
            &server,
            "/cgi-bin/media/upload",
            ExpectedUpload::media(&[("type", kind)], name, content_type, &bytes),
            &answer(kind, &format!("M_{kind}")),
        )
        .await;
        let attachment = client(&server.base_url())
            .media()
            .attachment_from_file(&path)
            .await
            .unwrap();
        assert_eq!(attachment, expected, "{name}");
        mock.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn moment_attachment_from_file_uploads_an_attachment_resource() {
    let server = MockServer::start_async().await;
    let bytes = b"\xff\xd8\xff-photo".to_vec();
    let path = temp_file("shop.jpg", &bytes);
    let mock = mock_upload(
        &server,
        "/cgi-bin/media/upload_attachment",
        ExpectedUpload::media(
            &[("media_type", "image"), ("attachment_type", "1")],
            "shop.jpg",
            "image/jpeg",
            &bytes,
        ),
        &answer("image", "M_MOMENT"),
    )
    .await;
    let attachment = client(&server.base_url())
        .media()
        .moment_attachment_from_file(&path)
        .await
        .unwrap();
    assert_eq!(attachment, Attachment::Image(Image::media("M_MOMENT")));
    mock.assert_calls_async(1).await;
}

#[test]
fn an_uploaded_media_is_accepted_where_a_media_id_is() {
    let uploaded = UploadedMedia {
        media_type: "image".into(),
        media_id: "MEDIA_X".into(),
        created_at: 1_700_000_000,
    };
    assert_eq!(Image::media(&uploaded), Image::media("MEDIA_X"));
    assert_eq!(Media::new(&uploaded), Media::new("MEDIA_X"));
    assert_eq!(
        Link::new("t", "https://u").media_id(&uploaded),
        Link::new("t", "https://u").media_id("MEDIA_X")
    );
    assert_eq!(
        uploaded.clone().into_attachment().unwrap(),
        Attachment::image_media("MEDIA_X")
    );
    let voice = UploadedMedia {
        media_type: "voice".into(),
        ..uploaded
    };
    assert!(matches!(
        voice.into_attachment(),
        Err(Error::InvalidRequest(m)) if m == "a \"voice\" media id cannot be an attachment"
    ));
}
