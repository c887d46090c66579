//! WeCom (企业微信) callbacks (接收事件服务器): the WXBizMsgCrypt scheme and typed external-contact events.
//!
//! - [`MsgCrypt`] checks `msg_signature` (SHA-1, constant-time compare), decrypts (AES-256-CBC, PKCS#7 with a
//!   32-byte block, strictly checked), checks the receive id, and encrypts replies. It answers the GET URL
//!   handshake ([`MsgCrypt::verify_url`]) and opens POST bodies in the XML or the JSON envelope
//!   ([`MsgCrypt::decrypt`]).
//! - [`Event::parse`] turns the decrypted XML into a typed [`Event`]: `change_external_contact`,
//!   `change_external_chat`, `change_external_tag`, `customer_acquisition` (see [`event`] for every change
//!   type), and a third-party app's 应用授权 callbacks `suite_ticket`, `create_auth`, `change_auth`,
//!   `cancel_auth`, `reset_permanent_code` ([`Event::Authorization`]; the [`SuiteTicket`] and
//!   [`AuthCode`] they carry never show in `Debug`). Elements no typed field holds are kept in the
//!   event's [`Extra`]; anything else is kept raw in [`Event::Unknown`].
//! - With the `axum` feature, [`receiver::router`] is a ready `axum::Router` (handshake, events, replay
//!   guard, a bound on running handlers). With `suite-tickets` too, `ReceiverOptions::suite_tickets`
//!   stores each pushed `suite_ticket` in a wecom-core `SuiteTicketStore` before acknowledging it (the
//!   one dependency on wecom-core, only with that feature).
//! - [`ReplayStore`] is where a receiver records the deliveries it handled: [`ReplayGuard`] in memory by
//!   default, or a store shared by every instance (`wecom-token-redis`'s `RedisReplayGuard`).
//!
//! In the facade crate `wecom-external-contact`: feature `callback`, on by default (it turns on this
//! crate's `suite-tickets` feature). There this crate is `wecom_external_contact::callback`. The axum
//! receiver needs this crate's own `axum` feature: depend on `wecom-callback` with
//! `features = ["axum"]` beside the facade.
//!
//! Every failure is an [`Error`] whose [`Error::code`] is the `-400xx` number of WeCom's official samples.
//! No input makes this crate panic.
//!
//! ```
//! use wecom_callback::{ContactChange, Event, MsgCrypt};
//!
//! fn main() -> Result<(), wecom_callback::Error> {
//!     // The URL check (GET) WeCom makes when the callback URL is saved: a vector produced by wechatpy
//!     // with this Token, EncodingAESKey and corp id. The answer is the decrypted echostr.
//!     let crypt = MsgCrypt::new(
//!         "m0xVQzJXtw3X",
//!         "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA",
//!         "ww5f2e0c9d8a7b6c41",
//!     )?;
//!     let echostr =
//!         "hgsMXLEOV8Jhcl+Ep+UjNI34cE8NfiSdRCl565jEITxrnqYzXoieql8LNg5upkKCbFogT8Tmo6iYOWeimiGTuw==";
//!     let reply = crypt.verify_url(
//!         "336f9fc1f3afb51f1fef64da69f25c86630b19c8",
//!         "1718000100",
//!         "1830471223",
//!         echostr,
//!     )?;
//!     assert_eq!(reply, "5927638292735128397");
//!
//!     // An event (POST), encrypted and signed as WeCom would send it.
//!     let xml = "<xml><ToUserName><![CDATA[ww5f2e0c9d8a7b6c41]]></ToUserName>\
//!                <FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1718000001</CreateTime>\
//!                <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>\
//!                <ChangeType><![CDATA[del_follow_user]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>\
//!                <ExternalUserID><![CDATA[wmABC]]></ExternalUserID></xml>";
//!     let encrypt = crypt.encrypt(xml)?;
//!     let (timestamp, nonce) = ("1718000001", "1372623149");
//!     let msg_signature = crypt.signature(timestamp, nonce, &encrypt);
//!     let body = format!(
//!         "<xml><ToUserName><![CDATA[ww5f2e0c9d8a7b6c41]]></ToUserName>\
//!          <Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>"
//!     );
//!
//!     // The receiving side: verify, decrypt, parse.
//!     let plaintext = crypt.decrypt(&msg_signature, timestamp, nonce, &body)?;
//!     assert_eq!(plaintext, xml);
//!     match Event::parse(&plaintext)? {
//!         Event::ExternalContact {
//!             header,
//!             change:
//!                 ContactChange::DelFollowUser {
//!                     user_id,
//!                     external_user_id,
//!                 },
//!             extra,
//!         } => {
//!             assert_eq!(
//!                 (user_id.as_str(), external_user_id.as_str()),
//!                 ("zhangsan", "wmABC")
//!             );
//!             assert_eq!(header.create_time.as_secs(), 1718000001);
//!             assert!(extra.is_empty());
//!         }
//!         other => panic!("unexpected {other:?}"),
//!     }
//!
//!     // A tampered request is refused before anything is decrypted.
//!     let error = crypt
//!         .decrypt(&msg_signature, "1718000002", nonce, &body)
//!         .unwrap_err();
//!     assert_eq!(error.code(), -40001);
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod crypt;
mod envelope;
mod error;
pub mod event;
mod pkcs7;
mod signature;
mod xml;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod receiver;
pub mod replay;

pub use crypt::MsgCrypt;
pub use error::{BoxError, BufferError, DecryptError, Error, KeyError, Result};
pub use event::{
    AcquisitionChange, AuthChange, AuthCode, ChatChange, ChatUpdate, ContactChange, DeleteSource,
    Event, EventHeader, Extra, FailReason, JoinScene, QuitScene, SuiteTicket, TagChange, TagRef,
    TagType, Timestamp, UnknownEvent, UpdateDetail,
};
pub use replay::{Claim, DeliveryKey, ReplayGuard, ReplayStore, Ticket};
