//! The answer of both uploads: the media id, and when it was made and stops working.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use wecom_core::{Error, Result};

use wecom_content::Attachment;

/// How long a media id works (media_id仅三天内有效).
pub const MEDIA_LIFETIME: Duration = Duration::from_secs(3 * 24 * 60 * 60);

/// The answer of 上传临时素材 and 上传附件资源.
///
/// The first wave's attachments take it directly where they take a media id (it converts into the id):
///
/// ```
/// use wecom_content::Attachment;
/// use wecom_media::UploadedMedia;
/// let uploaded: UploadedMedia = serde_json::from_str(
///     r#"{"type":"image","media_id":"MEDIA_ID","created_at":"1380000000"}"#,
/// ).unwrap();
/// assert_eq!(
///     uploaded.expires_at(),
///     std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_380_000_000 + 3 * 86_400)
/// );
/// assert_eq!(Attachment::image_media(&uploaded), Attachment::image_media("MEDIA_ID"));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct UploadedMedia {
    /// 媒体文件类型 (`image`, `voice`, `video`, `file`).
    #[serde(rename = "type")]
    pub media_type: String,
    /// 媒体文件上传后获取的唯一标识, valid for 3 days.
    pub media_id: String,
    /// 媒体文件上传时间戳 (unix seconds; `media/upload` sends it as a string, `upload_attachment` as a
    /// number: both decode).
    #[serde(deserialize_with = "wecom_core::lenient::i64_from_any")]
    pub created_at: i64,
}

impl UploadedMedia {
    /// When it was uploaded.
    pub fn created_at_time(&self) -> SystemTime {
        unix(self.created_at)
    }

    /// When the media id stops working: 3 days after the upload.
    pub fn expires_at(&self) -> SystemTime {
        self.created_at_time() + MEDIA_LIFETIME
    }

    /// True when the media id no longer works at `now`.
    pub fn is_expired_at(&self, now: SystemTime) -> bool {
        now >= self.expires_at()
    }

    /// The attachment that sends it, by its type: image, video or file; a voice cannot be an attachment
    /// ([`Error::InvalidRequest`]).
    pub fn into_attachment(self) -> Result<Attachment> {
        match self.media_type.as_str() {
            "image" => Ok(Attachment::image_media(self.media_id)),
            "video" => Ok(Attachment::video(self.media_id)),
            "file" => Ok(Attachment::file(self.media_id)),
            other => Err(Error::invalid_request(format!(
                "a {other:?} media id cannot be an attachment"
            ))),
        }
    }
}

fn unix(secs: i64) -> SystemTime {
    match u64::try_from(secs) {
        Ok(secs) => UNIX_EPOCH + Duration::from_secs(secs),
        Err(_) => UNIX_EPOCH,
    }
}

impl From<UploadedMedia> for String {
    fn from(uploaded: UploadedMedia) -> String {
        uploaded.media_id
    }
}

impl From<&UploadedMedia> for String {
    fn from(uploaded: &UploadedMedia) -> String {
        uploaded.media_id.clone()
    }
}
