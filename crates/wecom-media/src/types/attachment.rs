//! 上传附件资源 (`POST /cgi-bin/media/upload_attachment?media_type=TYPE&attachment_type=N`, doc 95098):
//! images and videos for moments, images for product albums.

use serde::{Deserialize, Serialize};
use wecom_core::upload::{Upload, UploadSource};
use wecom_core::{Error, Result};

use super::media::check_media;
use super::UploadedMedia;

/// Largest attachment of any type: 10 MB (images JPG / PNG, videos MP4; a moment's image at most
/// 1440 × 1080 and its video at most 30 s, which WeCom checks).
pub const MAX_ATTACHMENT_BYTES: u64 = 10 * 1024 * 1024;

/// 媒体文件类型 of 上传附件资源 (`media_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentMediaType {
    /// 图片: JPG or PNG.
    Image,
    /// 视频: MP4.
    Video,
    /// 普通文件.
    File,
}

impl AttachmentMediaType {
    /// The query value (`image`, `video`, `file`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Image => "image",
            Self::Video => "video",
            Self::File => "file",
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Image => &["jpg", "jpeg", "png"],
            Self::Video => &["mp4"],
            Self::File => &[],
        }
    }
}

wecom_core::int_enum! {
    /// 附件类型: the scene the attachment is for.
    pub enum AttachmentType {
        /// 1: 朋友圈 (images and videos only).
        Moment = 1,
        /// 2: 商品图册 (images only).
        ProductAlbum = 2,
    }
}

/// `POST /cgi-bin/media/upload_attachment` (上传附件资源): the file is the form's `media` part.
#[derive(Debug, Serialize)]
pub struct UploadAttachmentRequest {
    /// 媒体文件类型.
    pub media_type: AttachmentMediaType,
    /// 附件类型.
    pub attachment_type: AttachmentType,
    /// The file.
    #[serde(skip)]
    pub source: UploadSource,
}

impl UploadAttachmentRequest {
    /// Uploads `source` as `media_type` for `attachment_type`.
    pub fn new(
        media_type: AttachmentMediaType,
        attachment_type: AttachmentType,
        source: UploadSource,
    ) -> Self {
        Self {
            media_type,
            attachment_type,
            source,
        }
    }

    /// An image or video for a moment, the type taken from the extension (JPG / PNG images, MP4
    /// videos); anything else is an [`Error::InvalidRequest`].
    pub fn moment(source: UploadSource) -> Result<Self> {
        let media_type = match source.extension().as_str() {
            "jpg" | "jpeg" | "png" => AttachmentMediaType::Image,
            "mp4" => AttachmentMediaType::Video,
            _ => {
                return Err(Error::invalid_request(format!(
                    "a moment takes JPG / PNG images and MP4 videos, not {:?}",
                    source.file_name()
                )))
            }
        };
        Ok(Self::new(media_type, AttachmentType::Moment, source))
    }

    /// Checks WeCom's limits: more than 5 bytes, at most 10 MB, the type's extensions, and the types
    /// the scene takes (moments: images and videos; product albums: images).
    pub fn check(&self) -> Result<()> {
        let allowed: &[AttachmentMediaType] = match self.attachment_type {
            AttachmentType::Moment => &[AttachmentMediaType::Image, AttachmentMediaType::Video],
            AttachmentType::ProductAlbum => &[AttachmentMediaType::Image],
            AttachmentType::Unknown(_) => &[],
        };
        if !allowed.is_empty() && !allowed.contains(&self.media_type) {
            let names: Vec<&str> = allowed.iter().map(|t| t.as_str()).collect();
            return Err(Error::invalid_request(format!(
                "attachment_type {} takes media_type {}, not {}",
                i64::from(self.attachment_type),
                names.join(" or "),
                self.media_type.as_str()
            )));
        }
        check_media(
            self.media_type.as_str(),
            (MAX_ATTACHMENT_BYTES, self.media_type.extensions()),
            &self.source,
        )
    }
}

impl Upload for UploadAttachmentRequest {
    const PATH: &'static str = "/cgi-bin/media/upload_attachment";
    type Response = UploadedMedia;

    fn source(&self) -> &UploadSource {
        &self.source
    }

    fn validate(&self) -> Result<()> {
        self.check()
    }
}
