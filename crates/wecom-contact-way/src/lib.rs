//! WeCom external-contact API: 「联系我」 configurations (配置客户联系「联系我」方式).
//!
//! In the facade crate `wecom-external-contact`: feature `contact-way`, on by default. There this crate
//! is `wecom_external_contact::contact_way`, and `use wecom_external_contact::prelude::*;` brings
//! `client.contact_way()` into scope.
//!
//! Reach it through [`ContactWayExt::contact_way`] on a [`wecom_core::WecomClient`]. Each method is
//! named after its endpoint: `add_contact_way`, `get_contact_way`, `update_contact_way`,
//! `list_contact_way` (and `list_contact_way_stream`), `del_contact_way`, `close_temp_chat`.
//! Requests check WeCom's documented limits before anything is sent
//! ([`wecom_core::Error::InvalidRequest`]).
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use wecom_contact_way::{
//!     AddContactWayRequest, Conclusions, ContactWayExt, ContactWayScene, ContactWayType,
//!     GetContactWayRequest, ListContactWayRequest,
//! };
//! use wecom_core::WecomClient;
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     let added = client
//!         .contact_way()
//!         .add_contact_way(
//!             &AddContactWayRequest::new(ContactWayType::Single, ContactWayScene::QrCode)
//!                 .user(["zhangsan"])
//!                 .remark("门店导购")
//!                 .state("store-001")
//!                 .temp(86_400, 86_400)
//!                 .conclusions(Conclusions::new().text("感谢咨询，祝您生活愉快")),
//!         )
//!         .await?;
//!     println!("QR code: {:?}", added.qr_code);
//!
//!     let way = client
//!         .contact_way()
//!         .get_contact_way(&GetContactWayRequest::new(&added.config_id))
//!         .await?
//!         .contact_way;
//!     assert_eq!(way.state, "store-001");
//!
//!     let ids: Vec<String> = client
//!         .contact_way()
//!         .list_contact_way_stream(ListContactWayRequest::new().limit(1000))
//!         .map_ok(|way| way.config_id)
//!         .try_collect()
//!         .await?;
//!     println!("{} ways", ids.len());
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod types;

pub use types::*;

wecom_core::accessor! {
    /// 「联系我」 configurations (配置客户联系「联系我」方式).
    ContactWayApi, ContactWayExt, contact_way
}
