//! A [`TokenStore`] backed by Redis, so that several instances of a service share one WeCom access
//! token instead of each spending WeCom's gettoken quota.
//!
//! - Keys: a prefix + the corp id + a hash of the secret (never the secret); the TTL follows
//!   `expires_in` minus the refresh margin, so Redis drops a token when the SDK would stop using it.
//! - Refresh: one instance takes a short lease (`SET NX PX`, a random owner, released by a
//!   compare-and-delete script; refused while a token is stored, so an instance that lost the race to a
//!   refresh reads its token instead of fetching again); the others poll the key briefly, then fetch
//!   themselves (wecom-core's cached provider does the waiting, bounded to seconds).
//! - Invalidation is compare-and-delete: an instance that saw 42001 for token A never deletes a token B
//!   another instance already stored.
//! - Outages: every call is bounded by wecom-core; a failing Redis is logged and the in-process cache
//!   carries on, so an outage never becomes a gettoken per request.
//!
//! In the facade crate `wecom-external-contact`: feature `redis`, off by default. There this crate is
//! `wecom_external_contact::token_redis`; with the facade's `callback` feature too, it has
//! [`RedisReplayGuard`] (this crate's own `callback` feature).
//!
//! ```no_run
//! use std::sync::Arc;
//! use wecom_core::WecomClient;
//! use wecom_token_redis::RedisTokenStore;
//!
//! #[tokio::main]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     // Every instance of the service builds its client on the same Redis.
//!     let store = RedisTokenStore::new("redis://127.0.0.1:6379/")?;
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .token_store(Arc::new(store))
//!         .build()?;
//!     // The first call of the fleet fetches the token; every other instance reads it from Redis.
//!     let users = client
//!         .get_raw("/cgi-bin/externalcontact/get_follow_user_list", &[])
//!         .await?;
//!     println!("{}", users["follow_user"]);
//!     Ok(())
//! }
//! ```
//!
//! [`RedisTicketStore`] keeps a third-party app's `suite_ticket`s (wecom-core's `SuiteTicketStore`), so
//! that the callback receiver that gets them and the clients that fetch the suite token with them may run
//! in different processes.
//!
//! With the `callback` feature, [`RedisReplayGuard`] is a replay store for `wecom-callback`'s receivers:
//! several instances behind a load balancer recognise a delivery that another instance already handled
//! (WeCom's retry lands wherever it lands).
//!
//! [`TokenStore`]: wecom_core::TokenStore
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod connection;
#[cfg(feature = "callback")]
mod replay;
mod store;
mod tickets;

#[cfg(feature = "callback")]
#[cfg_attr(docsrs, doc(cfg(feature = "callback")))]
pub use replay::{RedisReplayGuard, DEFAULT_REPLAY_PREFIX};
pub use store::{RedisTokenStore, DEFAULT_PREFIX};
pub use tickets::{RedisTicketStore, DEFAULT_TICKET_PREFIX, TICKET_TTL};
