//! WeCom external-contact API: rules groups (规则组), through which a large corp delegates customer
//! management to regional or product teams — customer rules groups (客户联系规则组, doc 94883) and
//! moment rules groups (客户朋友圈规则组, doc 94890).
//!
//! In the facade crate `wecom-external-contact`: feature `strategy`, on by default. There this crate is
//! `wecom_external_contact::strategy`, and `use wecom_external_contact::prelude::*;` brings
//! `client.customer_strategy()` and `client.moment_strategy()` into scope.
//!
//! Reach them through [`CustomerStrategyExt::customer_strategy`] and
//! [`MomentStrategyExt::moment_strategy`] on a [`wecom_core::WecomClient`]. Both families have the same
//! six endpoints — `list`, `get`, `get_range`, `create`, `edit`, `del` — plus `list_stream` and
//! `get_range_stream`, and share one model: the requests are generic over the [`Family`], which the
//! accessor fixes, and only the permissions differ ([`CustomerPrivilege`], [`MomentPrivilege`]). Each
//! documented permission flag is a named field, and flags WeCom adds later are kept as sent, so a
//! permission read and sent back in an edit loses none. The tags of a customer rules group are in
//! `wecom-tag` (`get_strategy_tag_list` and its siblings).
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use wecom_core::WecomClient;
//! use wecom_strategy::{
//!     CustomerPrivilege, CustomerStrategyExt, MomentStrategyExt, RangeNode, StrategyCreateRequest,
//!     StrategyEditRequest, StrategyGetRangeRequest, StrategyGetRequest, StrategyListRequest,
//! };
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // A regional rules group managing one member and one department, without mass messages.
//!     let privilege = CustomerPrivilege {
//!         send_customer_msg: Some(false),
//!         ..CustomerPrivilege::all(true)
//!     };
//!     let id = client
//!         .customer_strategy()
//!         .create(
//!             &StrategyCreateRequest::new("华南区", ["zhangsan"])
//!                 .privilege(privilege)
//!                 .range([RangeNode::member("lisi"), RangeNode::department(2)]),
//!         )
//!         .await?
//!         .strategy_id;
//!
//!     // Read, change one flag, send back: flags this SDK does not know survive.
//!     let mut strategy = client
//!         .customer_strategy()
//!         .get(&StrategyGetRequest::new(id))
//!         .await?
//!         .strategy;
//!     strategy.privilege.send_customer_msg = Some(true);
//!     client
//!         .customer_strategy()
//!         .edit(&StrategyEditRequest::new(id).privilege(strategy.privilege))
//!         .await?;
//!
//!     let range: Vec<RangeNode> = client
//!         .customer_strategy()
//!         .get_range_stream(StrategyGetRangeRequest::new(id))
//!         .try_collect()
//!         .await?;
//!     println!("{} nodes", range.len());
//!
//!     // The moment rules groups work the same way.
//!     let groups: Vec<_> = client
//!         .moment_strategy()
//!         .list_stream(StrategyListRequest::new())
//!         .try_collect()
//!         .await?;
//!     println!("{} moment rules groups", groups.len());
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod types;

pub use types::*;

wecom_core::accessor! {
    /// Customer rules groups (客户联系规则组, doc 94883).
    CustomerStrategyApi, CustomerStrategyExt, customer_strategy
}

wecom_core::accessor! {
    /// Moment rules groups (客户朋友圈规则组, doc 94890).
    MomentStrategyApi, MomentStrategyExt, moment_strategy
}
