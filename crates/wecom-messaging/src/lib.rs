//! WeCom external-contact API: Mass messages, welcome messages and group welcome templates (消息推送).
//!
//! Reach it through [`MessagingExt::messaging`] on a [`wecom_core::WecomClient`].
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

wecom_core::accessor! {
    /// Mass messages, welcome messages and group welcome templates (消息推送).
    MessagingApi, MessagingExt, messaging
}
