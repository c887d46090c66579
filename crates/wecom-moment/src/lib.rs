//! WeCom external-contact API: customer moments (客户朋友圈) — corp moments published through members,
//! followed to the end, and what became of them.
//!
//! In the facade crate `wecom-external-contact`: feature `moment`, on by default. There this crate is
//! `wecom_external_contact::moment`, and `use wecom_external_contact::prelude::*;` brings
//! `client.moment()` into scope.
//!
//! Reach it through [`MomentExt::moment`] on a [`wecom_core::WecomClient`].
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use wecom_core::WecomClient;
//! use wecom_moment::{
//!     AddMomentTaskRequest, Attachment, FollowOptions, GetMomentCommentsRequest,
//!     GetMomentTaskRequest, MomentExt, PublishStatus,
//! };
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // The image's media id comes from 上传附件资源 (wecom-media: `moment_attachment_from_file`).
//!     let photo_media_id = "MEDIA_ID";
//!     let req = AddMomentTaskRequest::new()
//!         .text("新品上市")
//!         .attachment(Attachment::image_media(photo_media_id))
//!         .senders(["zhangsan", "lisi"]);
//!     let job = client.moment().add_moment_task(&req).await?;
//!     let done = client
//!         .moment()
//!         .follow_moment_task(&job.jobid, &FollowOptions::default())
//!         .await?;
//!     if let Some(invalid) = &done.invalid_sender_list {
//!         eprintln!("not sent by {:?}", invalid.user_list);
//!     }
//!
//!     // Who published it, and what their customers made of it.
//!     let tasks: Vec<_> = client
//!         .moment()
//!         .get_moment_task_stream(GetMomentTaskRequest::new(&done.moment_id))
//!         .try_collect()
//!         .await?;
//!     let published = tasks
//!         .iter()
//!         .filter(|t| t.publish_status == PublishStatus::Published);
//!     for task in published {
//!         let req = GetMomentCommentsRequest::new(&done.moment_id, &task.userid);
//!         let interactions = client.moment().get_moment_comments(&req).await?;
//!         println!("{}: {} likes", task.userid, interactions.like_list.len());
//!     }
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod follow;
mod types;

pub use follow::FollowOptions;
pub use types::*;

wecom_core::accessor! {
    /// Customer moments (客户朋友圈): publishing, following, reading back.
    MomentApi, MomentExt, moment
}
