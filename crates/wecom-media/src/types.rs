//! Request and response types of the three upload endpoints, each request beside its endpoint description.

mod attachment;
mod image;
mod media;
mod uploaded;

pub use attachment::{
    AttachmentMediaType, AttachmentType, UploadAttachmentRequest, MAX_ATTACHMENT_BYTES,
};
pub use image::{UploadImageRequest, UploadedImage, MAX_UPLOADED_IMAGE_BYTES};
pub use media::{
    MediaType, UploadMediaRequest, MAX_FILE_BYTES, MAX_IMAGE_BYTES, MAX_VIDEO_BYTES,
    MAX_VOICE_BYTES, MIN_MEDIA_BYTES,
};
pub use uploaded::{UploadedMedia, MEDIA_LIFETIME};
/// The file an upload sends (bytes, a file, or any `AsyncRead`), and its progress, from `wecom-core`.
pub use wecom_core::upload::{Progress, UploadSource};
