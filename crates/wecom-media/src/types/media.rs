//! 上传临时素材 (`POST /cgi-bin/media/upload?type=TYPE`, doc 90253): image, voice, video or file, valid
//! for 3 days.

use serde::{Deserialize, Serialize};
use wecom_core::upload::{Upload, UploadSource};
use wecom_core::Result;

use super::UploadedMedia;

const MIB: u64 = 1024 * 1024;

/// Every file must be larger than this many bytes (所有文件size必须大于5个字节).
pub const MIN_MEDIA_BYTES: u64 = 5;
/// Largest image: 10 MB, JPG or PNG.
pub const MAX_IMAGE_BYTES: u64 = 10 * MIB;
/// Largest voice: 2 MB, AMR only (and at most 60 s, which WeCom checks).
pub const MAX_VOICE_BYTES: u64 = 2 * MIB;
/// Largest video: 10 MB, MP4.
pub const MAX_VIDEO_BYTES: u64 = 10 * MIB;
/// Largest file: 20 MB, any format.
pub const MAX_FILE_BYTES: u64 = 20 * MIB;

/// 媒体文件类型 of 上传临时素材 (the `type` of the query).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaType {
    /// 图片: ≤ 10 MB, JPG or PNG.
    Image,
    /// 语音: ≤ 2 MB, AMR, ≤ 60 s.
    Voice,
    /// 视频: ≤ 10 MB, MP4.
    Video,
    /// 普通文件: ≤ 20 MB.
    File,
}

impl MediaType {
    /// The query value (`image`, `voice`, `video`, `file`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Image => "image",
            Self::Voice => "voice",
            Self::Video => "video",
            Self::File => "file",
        }
    }

    /// The largest file WeCom takes of this type, and the extensions it takes (empty: any).
    pub fn limits(self) -> (u64, &'static [&'static str]) {
        match self {
            Self::Image => (MAX_IMAGE_BYTES, &["jpg", "jpeg", "png"]),
            Self::Voice => (MAX_VOICE_BYTES, &["amr"]),
            Self::Video => (MAX_VIDEO_BYTES, &["mp4"]),
            Self::File => (MAX_FILE_BYTES, &[]),
        }
    }

    /// The type of a file by its extension for a message attachment: JPG / PNG images, MP4 videos,
    /// anything else a file.
    pub fn for_attachment(source: &UploadSource) -> Self {
        match source.extension().as_str() {
            "jpg" | "jpeg" | "png" => Self::Image,
            "mp4" => Self::Video,
            _ => Self::File,
        }
    }
}

/// `POST /cgi-bin/media/upload?type=TYPE` (上传临时素材): the file is the form's `media` part.
#[derive(Debug, Serialize)]
pub struct UploadMediaRequest {
    /// 媒体文件类型.
    #[serde(rename = "type")]
    pub media_type: MediaType,
    /// The file.
    #[serde(skip)]
    pub source: UploadSource,
}

impl UploadMediaRequest {
    /// Uploads `source` as `media_type`.
    pub fn new(media_type: MediaType, source: UploadSource) -> Self {
        Self { media_type, source }
    }

    /// Checks WeCom's limits for the type: more than 5 bytes, at most the type's size, and the type's
    /// extensions (JPG / PNG images, AMR voice, MP4 video).
    pub fn check(&self) -> Result<()> {
        check_media(
            self.media_type.as_str(),
            self.media_type.limits(),
            &self.source,
        )
    }
}

/// Checks `source` against one type's size limit and extensions.
pub(crate) fn check_media(
    what: &str,
    (max, extensions): (u64, &[&str]),
    source: &UploadSource,
) -> Result<()> {
    source.check_size(what, MIN_MEDIA_BYTES, max)?;
    if extensions.is_empty() {
        Ok(())
    } else {
        source.check_extension(what, extensions)
    }
}

impl Upload for UploadMediaRequest {
    const PATH: &'static str = "/cgi-bin/media/upload";
    type Response = UploadedMedia;

    fn source(&self) -> &UploadSource {
        &self.source
    }

    fn validate(&self) -> Result<()> {
        self.check()
    }
}
