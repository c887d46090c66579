//! WeCom external-contact API: Mass messages, welcome messages and group welcome templates (消息推送).
//!
//! In the facade crate `wecom-external-contact`: feature `messaging`, on by default. There this crate
//! is `wecom_external_contact::messaging`, and `use wecom_external_contact::prelude::*;` brings
//! `client.messaging()` into scope.
//!
//! Reach it through [`MessagingExt::messaging`] on a [`wecom_core::WecomClient`].
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use wecom_core::WecomClient;
//! use wecom_messaging::{AddMsgTemplateRequest, Attachment, GetGroupMsgTaskRequest, MessagingExt};
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // A mass message to two customers; members confirm it on their clients. Never retried on an
//!     // ambiguous failure, so it is never created twice.
//!     let req = AddMsgTemplateRequest::to_customers([
//!         "wmqfasd1e1927831123109rBAAAA",
//!         "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
//!     ])
//!     .sender("zhangsan")
//!     .text("双十一活动今晚开始，欢迎选购")
//!     .attachment(Attachment::image_media("MEDIA_ID"))
//!     .attachment(Attachment::link("活动详情", "https://example.com/sale"));
//!     let created = client.messaging().add_msg_template(&req).await?;
//!
//!     // Every member's task of that message, page after page.
//!     let tasks: Vec<_> = client
//!         .messaging()
//!         .get_groupmsg_task_stream(GetGroupMsgTaskRequest::new(created.msgid).limit(1000))
//!         .try_collect()
//!         .await?;
//!     println!("{} members", tasks.len());
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod types;

pub use types::*;

wecom_core::accessor! {
    /// Mass messages, welcome messages and group welcome templates (消息推送).
    MessagingApi, MessagingExt, messaging
}
