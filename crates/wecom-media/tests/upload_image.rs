//! media/uploadimg (上传图片) against a mock WeCom.

use httpmock::MockServer;
use wecom_content::Attachment;
use wecom_core::test_util::mock::{mock_upload, ExpectedUpload};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::Error;
use wecom_media::*;

const UPLOAD_IMAGE: &str = "/cgi-bin/media/uploadimg";
const URL: &str = "https://wework.qpic.cn/wwpic/396138_SaMo3BwqRGyl0Ce_1645002133/0";

fn png() -> Vec<u8> {
    b"\x89PNG\r\n\x1a\n-poster".to_vec()
}

#[tokio::test]
async fn upload_image_sends_the_media_part_alone_and_answers_the_url() {
    let server = MockServer::start_async().await;
    let mock = mock_upload(
        &server,
        UPLOAD_IMAGE,
        ExpectedUpload::media(&[], "poster.png", "image/png", &png()),
        include_str!("fixtures/upload_image.json"),
    )
    .await;
    let req = UploadImageRequest::new(UploadSource::bytes("poster.png", png()));
    let image = client(&server.base_url())
        .media()
        .upload_image(&req)
        .await
        .unwrap();
    assert_eq!(image, UploadedImage { url: URL.into() });
    assert_eq!(
        Attachment::image_url(&image.url),
        Attachment::image_url(URL)
    );
    mock.assert_calls_async(1).await;
}

#[test]
fn the_answer_round_trips_without_losing_a_field() {
    let decoded: UploadedImage = assert_round_trip(include_str!("fixtures/upload_image.json"));
    assert_eq!(decoded.url, URL);
}

#[tokio::test]
async fn a_wecom_error_is_an_api_error() {
    let server = MockServer::start_async().await;
    let mock = mock_upload(
        &server,
        UPLOAD_IMAGE,
        ExpectedUpload::media(&[], "poster.png", "image/png", &png()),
        &wecom_error(40005, "invalid file type"),
    )
    .await;
    let req = UploadImageRequest::new(UploadSource::bytes("poster.png", png()));
    let result = client(&server.base_url()).media().upload_image(&req).await;
    assert_api_error(result, 40005, UPLOAD_IMAGE);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn wecoms_limits_are_checked_before_anything_is_sent() {
    let server = MockServer::start_async().await;
    let client = client(&server.base_url());
    for (source, expected) in [
        (UploadSource::bytes("poster.gif", png()), "poster.gif"),
        (
            UploadSource::bytes("big.png", vec![0u8; MAX_UPLOADED_IMAGE_BYTES as usize + 1]),
            "2097152",
        ),
        (UploadSource::bytes("tiny.png", b"\x89PNG".to_vec()), "5"),
    ] {
        match client
            .media()
            .upload_image(&UploadImageRequest::new(source))
            .await
        {
            Err(Error::InvalidRequest(message)) => {
                assert!(
                    message.starts_with(UPLOAD_IMAGE) && message.contains(expected),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
    // At exactly 2 MB the image is sent.
    let mock = mock_upload(
        &server,
        UPLOAD_IMAGE,
        ExpectedUpload::media(
            &[],
            "edge.jpg",
            "image/jpeg",
            &vec![7u8; MAX_UPLOADED_IMAGE_BYTES as usize],
        ),
        include_str!("fixtures/upload_image.json"),
    )
    .await;
    let edge = UploadSource::bytes("edge.jpg", vec![7u8; MAX_UPLOADED_IMAGE_BYTES as usize]);
    client
        .media()
        .upload_image(&UploadImageRequest::new(edge))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}
