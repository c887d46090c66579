//! WeCom external-contact API: sensitive-word intercept rules (管理聊天敏感词): words, and optionally
//! phone numbers, email addresses and red packets, that members may not send customers.
//!
//! In the facade crate `wecom-external-contact`: feature `intercept-rule`, on by default. There this
//! crate is `wecom_external_contact::intercept_rule`, and `use wecom_external_contact::prelude::*;`
//! brings `client.intercept_rule()` into scope.
//!
//! Reach it through [`InterceptRuleExt::intercept_rule`] on a [`wecom_core::WecomClient`].
//!
//! ```no_run
//! use wecom_core::WecomClient;
//! use wecom_intercept_rule::{
//!     AddInterceptRuleRequest, ApplicableRange, InterceptRuleExt, InterceptType, Semantics,
//!     UpdateInterceptRuleRequest,
//! };
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // Block two words and phone numbers for one department; never re-sent on an ambiguous failure.
//!     let req = AddInterceptRuleRequest::new(
//!         "外部引流",
//!         ["加我微信", "私下转账"],
//!         InterceptType::WarnAndBlock,
//!         ApplicableRange::default().departments([2]),
//!     )
//!     .semantics([Semantics::PhoneNumber]);
//!     let rule_id = client
//!         .intercept_rule()
//!         .add_intercept_rule(&req)
//!         .await?
//!         .rule_id;
//!
//!     // Later: warn only, and apply to one more member.
//!     client
//!         .intercept_rule()
//!         .update_intercept_rule(
//!             &UpdateInterceptRuleRequest::new(&rule_id)
//!                 .intercept_type(InterceptType::WarnOnly)
//!                 .add_range(ApplicableRange::users(["zhangsan"])),
//!         )
//!         .await?;
//!     let rules = client.intercept_rule().get_intercept_rule_list().await?;
//!     for rule in rules.rule_list {
//!         println!("{} {}", rule.rule_id, rule.rule_name);
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
    /// Sensitive-word intercept rules (管理聊天敏感词).
    InterceptRuleApi, InterceptRuleExt, intercept_rule
}
