//! WeCom external-contact API: id conversion (ID转换) for service providers, third-party apps (第三方应用)
//! and apps developed on a corp's behalf (代开发), and for self-built apps that meet them.
//!
//! In the facade crate `wecom-external-contact`: feature `id-convert`, on by default. There this crate
//! is `wecom_external_contact::id_convert`, and `use wecom_external_contact::prelude::*;` brings
//! `client.id_convert()` into scope.
//!
//! Reach it through [`IdConvertExt::id_convert`] on a [`wecom_core::WecomClient`]. Each method is named
//! after its endpoint, as WeCom names it; the `idconvert/` version of `unionid_to_external_userid` is
//! `idconvert_unionid_to_external_userid`, beside the older `externalcontact/` one.
//!
//! Most conversions take the corp's `access_token` (of the third-party, 代开发 or self-built app, as each
//! method says). Two take another token, and the client needs the credentials for it:
//! `unionid_to_external_userid_3rd` the suite's `suite_access_token`
//! ([`ClientBuilder::suite`](wecom_core::ClientBuilder::suite)) and `finish_external_userid_migration`
//! the provider's `provider_access_token` ([`ClientBuilder::provider`](wecom_core::ClientBuilder::provider)).
//! A client without them fails with [`Error::NoTokenFor`](wecom_core::Error::NoTokenFor) before
//! anything is sent.
//!
//! The list conversions take any number of ids and send them in chunks within WeCom's limit; the
//! answer is a [`Conversion`] in which every id is converted, invalid, unanswered or in a failed chunk
//! (with its error), so one failed chunk never hides the ids the others converted.
//!
//! ```no_run
//! use std::sync::Arc;
//! use wecom_core::{MemoryTicketStore, WecomClient};
//! use wecom_id_convert::{IdConvertExt, UnionidToExternalUserid3rdRequest};
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let tickets = Arc::new(MemoryTicketStore::new()); // the suite's callback puts its tickets here
//!     let suite = WecomClient::builder()
//!         .suite("ww_suite_id", "suite secret", tickets)
//!         .build()?;
//!     let corp = suite.authorized_corp("wwcorp", "permanent code")?;
//!
//!     // The corp's external_userids as your database kept them before the upgrade: any number of
//!     // them, sent in chunks of 1000, each id's fate in the outcome.
//!     let ids = [
//!         "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA",
//!         "wmqfasd1e1927831123109rBAAAA",
//!     ];
//!     let outcome = corp.id_convert().get_new_external_userid(ids).await?;
//!     for item in &outcome.converted {
//!         println!("{} -> {}", item.external_userid, item.new_external_userid);
//!     }
//!     for chunk in &outcome.failed {
//!         eprintln!("{} ids not converted: {}", chunk.ids.len(), chunk.error);
//!     }
//!
//!     // A suite-token call: the same user in every corp that authorized the suite.
//!     let req = UnionidToExternalUserid3rdRequest::new("o6_bmjrPTlm6_2sgVt7hMZOPfL2M", "oAAAAAA");
//!     let found = suite
//!         .id_convert()
//!         .unionid_to_external_userid_3rd(&req)
//!         .await?;
//!     for info in found.external_userid_info {
//!         println!("{}: {}", info.corpid, info.external_userid);
//!     }
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod bulk;
mod conversion;
mod types;

pub use conversion::{Conversion, FailedChunk};
pub use types::*;

wecom_core::accessor! {
    /// Id conversion for providers, third-party and 代开发 apps (ID转换).
    IdConvertApi, IdConvertExt, id_convert
}
