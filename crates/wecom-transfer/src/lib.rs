//! WeCom external-contact API: customer inheritance (在职继承 / 离职继承) — handing a member's customers
//! and customer groups to colleagues.
//!
//! In the facade crate `wecom-external-contact`: feature `transfer`, on by default. There this crate is
//! `wecom_external_contact::transfer`, and `use wecom_external_contact::prelude::*;` brings
//! `client.transfer()` into scope.
//!
//! Reach it through [`TransferExt::transfer`] on a [`wecom_core::WecomClient`]. Beside one method per
//! endpoint (named as WeCom names them), it does the whole job:
//!
//! - [`transfer_customers`](TransferApi::transfer_customers) /
//!   [`resigned_transfer_customers`](TransferApi::resigned_transfer_customers) and
//!   [`transfer_groupchats`](TransferApi::transfer_groupchats) /
//!   [`resigned_transfer_groupchats`](TransferApi::resigned_transfer_groupchats) take any number of ids,
//!   send them in chunks of WeCom's limit (100) and report one [`TransferOutcome`] per id. A chunk that
//!   fails does not stop the others; a transfer is never re-sent after an ambiguous failure, and nothing
//!   is reported accepted that WeCom did not accept.
//! - [`wait_for_transfer_result`](TransferApi::wait_for_transfer_result) /
//!   [`wait_for_resigned_transfer_result`](TransferApi::wait_for_resigned_transfer_result) poll with
//!   backoff until every customer has a final [`TakeoverStatus`] or a deadline passes.
//! - [`hand_over_leaver`](TransferApi::hand_over_leaver) hands everything a resigned member left to
//!   one successor.
//!
//! ```no_run
//! use std::time::Duration;
//! use wecom_core::WecomClient;
//! use wecom_transfer::{PollOptions, TransferCustomerRequest, TransferExt};
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // A salesperson changes role: 250 customers to a colleague, 100 per call.
//!     let customers: Vec<String> = (1..=250).map(|i| format!("wmCustomer{i:03}")).collect();
//!     let req = TransferCustomerRequest::new("zhangsan", "lisi", &customers)
//!         .transfer_success_msg("您好，后续将由我的同事李四为您服务。");
//!     let report = client.transfer().transfer_customers(&req).await?;
//!     for item in report.not_accepted() {
//!         println!("{} not transferred: {:?}", item.id, item.outcome);
//!     }
//!
//!     // The takeover happens 24 hours later, unless the customer refuses.
//!     let accepted: Vec<&str> = report.accepted().collect();
//!     let opts = PollOptions::new(
//!         Duration::from_secs(25 * 3600),
//!         Duration::from_secs(600),
//!         Duration::from_secs(3600),
//!     );
//!     let done = client
//!         .transfer()
//!         .wait_for_transfer_result("zhangsan", "lisi", accepted, &opts)
//!         .await?;
//!     println!("complete: {}", done.complete);
//!
//!     // Someone left: every unassigned customer and their groups to one successor.
//!     // (The facade's `hand_over_leaver` finds the leaver's groups itself.)
//!     let leavers_groups = ["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"];
//!     let leaver = client
//!         .transfer()
//!         .hand_over_leaver("wangwu", "lisi", leavers_groups)
//!         .await?;
//!     println!("{} customers accepted", leaver.customers.accepted().count());
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod bulk;
pub mod codes;
mod leaver;
mod poll;
mod report;
mod types;

pub use leaver::LeaverReport;
pub use poll::{PollOptions, TakeoverItem, TakeoverReport};
pub use report::{TransferItem, TransferOutcome, TransferReport};
pub use types::*;

wecom_core::accessor! {
    /// Customer inheritance: 在职继承 and 离职继承 (客户和客户群的分配).
    TransferApi, TransferExt, transfer
}
