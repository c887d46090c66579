//! WeCom external-contact API: Behaviour and group-chat statistics (统计管理).
//!
//! In the facade crate `wecom-external-contact`: feature `statistics`, on by default. There this crate
//! is `wecom_external_contact::statistics`, and `use wecom_external_contact::prelude::*;` brings
//! `client.statistics()` into scope.
//!
//! Reach it through [`StatisticsExt::statistics`] on a [`wecom_core::WecomClient`].
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use wecom_core::WecomClient;
//! use wecom_statistics::{
//!     GetUserBehaviorDataRequest, GroupChatStatisticRequest, OrderBy, StatisticsExt,
//! };
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // A week of 联系客户统计 for two members (a span of at most 30 days).
//!     let req = GetUserBehaviorDataRequest::new(1_600_272_000, 1_600_272_000 + 6 * 86_400)
//!         .userid(["zhangsan", "lisi"]);
//!     let figures = client.statistics().get_user_behavior_data(&req).await?;
//!     for day in figures.behavior_data {
//!         println!(
//!             "{}: {} new customers, {:?}% replied",
//!             day.stat_time, day.new_contact_cnt, day.reply_percentage
//!         );
//!     }
//!
//!     // Every owner's group figures for one day, page after page.
//!     let owners: Vec<_> = client
//!         .statistics()
//!         .groupchat_statistic_stream(
//!             GroupChatStatisticRequest::new(1_600_272_000)
//!                 .owner_filter(["zhangsan", "lisi"])
//!                 .order_by(OrderBy::MemberTotal)
//!                 .limit(1000),
//!         )
//!         .try_collect()
//!         .await?;
//!     println!("{} owners", owners.len());
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod types;

pub use types::*;

wecom_core::accessor! {
    /// Behaviour and group-chat statistics (统计管理).
    StatisticsApi, StatisticsExt, statistics
}
