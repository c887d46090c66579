//! WeCom external-contact API: Customers, their follow users and remarks (客户管理).
//!
//! In the facade crate `wecom-external-contact`: feature `customer`, on by default. There this crate is
//! `wecom_external_contact::customer`, and `use wecom_external_contact::prelude::*;` brings
//! `client.customer()` into scope.
//!
//! Reach it through [`CustomerExt::customer`] on a [`wecom_core::WecomClient`].
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use wecom_core::WecomClient;
//! use wecom_customer::{AddWay, CustomerExt, RemarkRequest};
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // Every customer of every member with 客户联系, 100 members a request, page after page.
//!     let members = client.customer().get_follow_user_list().await?.follow_user;
//!     let mut customers = client
//!         .customer()
//!         .batch_get_by_users_stream(members, Some(100));
//!     while let Some(item) = customers.try_next().await? {
//!         if item.follow_info.add_way == AddWay::QrCode {
//!             println!(
//!                 "{} ← {}",
//!                 item.follow_info.userid, item.external_contact.name
//!             );
//!         }
//!     }
//!
//!     // One member's customers; errcode 84061 ("no customers") comes back as an empty list.
//!     let ids = client.customer().list_or_empty("zhangsan").await?;
//!     if let Some(id) = ids.first() {
//!         let detail = client.customer().get_all_follow_users(id).await?;
//!         println!("{} follow users", detail.follow_user.len());
//!         let req = RemarkRequest::new("zhangsan", id.as_str())
//!             .remark("李部长")
//!             .description("对接采购事务");
//!         client.customer().remark(&req).await?;
//!     }
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod types;

pub use types::*;

wecom_core::accessor! {
    /// Customers, their follow users and remarks (客户管理).
    CustomerApi, CustomerExt, customer
}
