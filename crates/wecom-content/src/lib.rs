//! The shapes several WeCom external-contact domains share, described once: message content (text,
//! image, link, mini program, video, file) and the `msgtype`-tagged [`Attachment`], the owner filter of
//! the group reports, the 0/1 [`Flag`], and the byte limits WeCom documents for them.
//!
//! In the facade crate `wecom-external-contact` this crate is always included (it has no feature of
//! its own) and re-exported as `wecom_external_contact::content`.
//!
//! Domain crates build on `wecom-core` and this crate only, never on each other, and re-export what
//! they use under their own names (`wecom_contact_way::ConclusionLink` is [`Link`]).
//!
//! ```
//! use wecom_content::{Attachment, Link};
//! let card = Link::new("企业微信", "https://work.weixin.qq.com").desc("客户联系");
//! assert!(card.check("link").is_ok());
//! assert_eq!(
//!     serde_json::to_value(Attachment::from(card)).unwrap(),
//!     serde_json::json!({"msgtype": "link", "link": {
//!         "title": "企业微信", "desc": "客户联系", "url": "https://work.weixin.qq.com"}})
//! );
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

pub mod attachment;
pub mod flag;
pub mod limits;
pub mod owner;

pub use attachment::{Attachment, Image, Link, Media, MiniProgram, Text};
pub use flag::Flag;
pub use limits::*;
pub use owner::{OwnerFilter, MAX_OWNER_FILTER};
