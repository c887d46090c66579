//! WeCom external-contact API: Corp customer tags, rules-group tags and marking customers (企业客户标签).
//!
//! In the facade crate `wecom-external-contact`: feature `tag`, on by default. There this crate is
//! `wecom_external_contact::tag`, and `use wecom_external_contact::prelude::*;` brings `client.tag()`
//! into scope.
//!
//! Reach it through [`TagExt::tag`] on a [`wecom_core::WecomClient`]. Each method is named after its
//! endpoint: `get_corp_tag_list`, `add_corp_tag`, `edit_corp_tag`, `del_corp_tag`, `mark_tag`, and for
//! the tags of a rules group (规则组标签) `get_strategy_tag_list`, `add_strategy_tag`,
//! `edit_strategy_tag`, `del_strategy_tag`. A rules group's tag group is a [`CorpTagGroup`] with a
//! `strategy_id`, so tags are handled alike wherever they come from.
//!
//! The Go package this SDK was seeded from spells these `AddCropTag` / `GetCropTagList` (a typo);
//! here they are `corp`, as in WeCom's paths.
//!
//! ```no_run
//! use wecom_core::WecomClient;
//! use wecom_tag::{
//!     AddCorpTagRequest, AddStrategyTagRequest, GetCorpTagListRequest, MarkTagRequest, NewCorpTag,
//!     TagExt,
//! };
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     let group = client
//!         .tag()
//!         .add_corp_tag(
//!             &AddCorpTagRequest::new_group("客户等级", ["一般", "重要"])
//!                 .tag(NewCorpTag::new("核心").order(9)),
//!         )
//!         .await?
//!         .tag_group;
//!     let important = &group.tag[1].id;
//!
//!     client
//!         .tag()
//!         .mark_tag(
//!             &MarkTagRequest::new("zhangsan", "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA")
//!                 .add_tag([important]),
//!         )
//!         .await?;
//!
//!     let library = client
//!         .tag()
//!         .get_corp_tag_list(&GetCorpTagListRequest::new())
//!         .await?;
//!     for group in library.tag_group {
//!         println!("{}: {} tags", group.group_name, group.tag.len());
//!     }
//!
//!     // A tag group of rules group 1 (a 客户联系规则组), in the same shape.
//!     let req = AddStrategyTagRequest::new_group(1, "华南客户", ["广州", "深圳"]);
//!     let regional = client.tag().add_strategy_tag(&req).await?.tag_group;
//!     assert_eq!(regional.tag.len(), 2);
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod types;

pub use types::*;

wecom_core::accessor! {
    /// Corp customer tags, rules-group tags and marking customers (企业客户标签).
    TagApi, TagExt, tag
}
