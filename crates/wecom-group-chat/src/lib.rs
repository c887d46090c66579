//! WeCom external-contact API: Customer groups, their join ways and opengid conversion (客户群管理).
//!
//! In the facade crate `wecom-external-contact`: feature `group-chat`, on by default. There this crate
//! is `wecom_external_contact::group_chat`, and `use wecom_external_contact::prelude::*;` brings
//! `client.group_chat()` into scope.
//!
//! Reach it through [`GroupChatExt::group_chat`] on a [`wecom_core::WecomClient`].
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use wecom_core::WecomClient;
//! use wecom_group_chat::{
//!     AddJoinWayRequest, GetJoinWayRequest, GroupChatExt, GroupChatGetRequest, GroupChatListRequest,
//!     JoinWayScene,
//! };
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // Every group of two owners, page after page (an owner filter avoids errcode 81017).
//!     let chats: Vec<_> = client
//!         .group_chat()
//!         .list_stream(GroupChatListRequest::new(1000).owner_filter(["zhangsan", "lisi"]))
//!         .try_collect()
//!         .await?;
//!
//!     for chat in &chats {
//!         let detail = client
//!             .group_chat()
//!             .get(&GroupChatGetRequest::new(&chat.chat_id).need_name(true))
//!             .await?;
//!         println!(
//!             "{}: {} members",
//!             detail.group_chat.name,
//!             detail.group_chat.member_list.len()
//!         );
//!     }
//!
//!     // A 「加入群聊」 QR code for the first group; never re-sent on an ambiguous failure.
//!     let req = AddJoinWayRequest::new(JoinWayScene::QrCode, [chats[0].chat_id.clone()])
//!         .remark("门店海报")
//!         .state("poster_01");
//!     let config = client.group_chat().add_join_way(&req).await?;
//!     let join_way = client
//!         .group_chat()
//!         .get_join_way(&GetJoinWayRequest::new(config.config_id))
//!         .await?;
//!     println!("{:?}", join_way.join_way.qr_code);
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod types;

pub use types::*;

wecom_core::accessor! {
    /// Customer groups, their join ways and opengid conversion (客户群管理).
    GroupChatApi, GroupChatExt, group_chat
}
