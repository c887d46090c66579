//! WeCom external-contact API: media uploads (素材管理), the media ids that attachments, moments and
//! product albums need.
//!
//! In the facade crate `wecom-external-contact`: feature `media`, on by default. There this crate is
//! `wecom_external_contact::media`, and `use wecom_external_contact::prelude::*;` brings
//! `client.media()` into scope.
//!
//! Reach it through [`MediaExt::media`] on a [`wecom_core::WecomClient`]. Files are sent as WeCom's
//! `multipart/form-data` and streamed, never read into memory whole (see [`wecom_core::upload`]);
//! WeCom's size and type limits are checked before anything is sent.
//!
//! ```no_run
//! use wecom_content::Attachment;
//! use wecom_core::WecomClient;
//! use wecom_media::{MediaExt, MediaType, UploadMediaRequest, UploadSource};
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // An image for a mass message, with a progress callback; the id works for 3 days.
//!     let source = UploadSource::file("poster.png")
//!         .await?
//!         .on_progress(|p| eprintln!("{:.0}%", p.fraction() * 100.0));
//!     let poster = client
//!         .media()
//!         .upload(&UploadMediaRequest::new(MediaType::Image, source))
//!         .await?;
//!     println!("{} until {:?}", poster.media_id, poster.expires_at());
//!     let image = Attachment::image_media(&poster);
//!
//!     // Or upload and wrap in one call: a PDF becomes a file attachment.
//!     let brochure = client.media().attachment_from_file("brochure.pdf").await?;
//!
//!     // An image for a moment (上传附件资源, attachment_type 1).
//!     let photo = client
//!         .media()
//!         .moment_attachment_from_file("store.jpg")
//!         .await?;
//!     // Attachments for wecom-messaging (a mass message) and wecom-moment (a moment).
//!     println!("{image:?}\n{brochure:?}\n{photo:?}");
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod types;

pub use types::*;

wecom_core::accessor! {
    /// Media uploads: temporary media and attachment resources (素材管理).
    MediaApi, MediaExt, media
}
