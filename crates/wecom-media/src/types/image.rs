//! 上传图片 (`POST /cgi-bin/media/uploadimg`, doc 90256): an image whose URL never expires, for the
//! `pic_url` of a mass or welcome message's image and for 图文 bodies.

use serde::{Deserialize, Serialize};
use wecom_core::upload::{Upload, UploadSource};
use wecom_core::Result;

use super::media::check_media;

/// Largest image 上传图片 takes: 2 MB (JPG or PNG, more than 5 bytes).
pub const MAX_UPLOADED_IMAGE_BYTES: u64 = 2 * 1024 * 1024;

/// `POST /cgi-bin/media/uploadimg` (上传图片): the image is the form's `media` part; no other parameter.
/// WeCom allows a corp 3,000 such images a month and 1,000 a day.
#[derive(Debug, Serialize)]
pub struct UploadImageRequest {
    /// The image.
    #[serde(skip)]
    pub source: UploadSource,
}

impl UploadImageRequest {
    /// Uploads `source`, a JPG or PNG image.
    pub fn new(source: UploadSource) -> Self {
        Self { source }
    }

    /// Checks WeCom's limits: more than 5 bytes, at most 2 MB, a `.jpg`, `.jpeg` or `.png` name.
    pub fn check(&self) -> Result<()> {
        check_media(
            "image",
            (MAX_UPLOADED_IMAGE_BYTES, &["jpg", "jpeg", "png"]),
            &self.source,
        )
    }
}

impl Upload for UploadImageRequest {
    const PATH: &'static str = "/cgi-bin/media/uploadimg";
    type Response = UploadedImage;

    fn source(&self) -> &UploadSource {
        &self.source
    }

    fn validate(&self) -> Result<()> {
        self.check()
    }
}

/// The answer of 上传图片: the image's URL, which does not expire.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct UploadedImage {
    /// 上传后得到的图片URL, 永久有效: give it as an image attachment's `pic_url`.
    #[serde(default)]
    pub url: String,
}
