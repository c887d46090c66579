//! WeCom external-contact API: customer acquisition (获客助手): acquisition links, the customers they
//! bring, the quota those customers use, link statistics, and the third-party 获客助手组件.
//!
//! In the facade crate `wecom-external-contact`: feature `acquisition`, on by default. There this crate
//! is `wecom_external_contact::acquisition`, and `use wecom_external_contact::prelude::*;` brings
//! `client.customer_acquisition()` into scope.
//!
//! Reach it through [`CustomerAcquisitionExt::customer_acquisition`] on a [`wecom_core::WecomClient`].
//! Every endpoint takes the corp's `access_token` except [`get_bill_list`], which takes the suite's
//! `suite_access_token` (a client built with `.suite(…)`).
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use wecom_acquisition::{
//!     CreateLinkRequest, CustomerAcquisitionExt, LinkRange, ListCustomerRequest, StatisticRequest,
//! };
//! use wecom_core::WecomClient;
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the secret of a self-built app in the 可调用应用 list")
//!         .build()?;
//!     let acquisition = client.customer_acquisition();
//!
//!     // A link for two members; never re-sent on an ambiguous failure.
//!     let link = acquisition
//!         .create_link(&CreateLinkRequest::new(
//!             "春季投放",
//!             LinkRange::users(["zhangsan", "lisi"]),
//!         ))
//!         .await?
//!         .link;
//!     let link_id = link.link_id.unwrap_or_default();
//!     println!("share {}?customer_channel=ad_01", link.url);
//!
//!     // Who came through it, and how it did over the last week.
//!     let customers: Vec<_> = acquisition
//!         .customer_stream(ListCustomerRequest::new(&link_id).limit(1000))
//!         .try_collect()
//!         .await?;
//!     let now = 1_700_000_000;
//!     let week = acquisition
//!         .statistic(&StatisticRequest::new(&link_id, now - 7 * 86_400, now))
//!         .await?;
//!     println!(
//!         "{} customers, {} new this week",
//!         customers.len(),
//!         week.new_customer_cnt
//!     );
//!
//!     // How long the quota lasts at last week's pace.
//!     let forecast = acquisition.quota_forecast(now).await?;
//!     println!(
//!         "{} left, {:?} days",
//!         forecast.quota.balance, forecast.days_left
//!     );
//!     Ok(())
//! }
//! ```
//!
//! [`get_bill_list`]: CustomerAcquisitionApi::get_bill_list
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod forecast;
mod types;

pub use forecast::{forecast, QuotaForecast, PACE_DAYS};
pub use types::*;

wecom_core::accessor! {
    /// Customer acquisition (获客助手): links, their customers, quota and statistics, the 获客助手组件.
    CustomerAcquisitionApi, CustomerAcquisitionExt, customer_acquisition
}
