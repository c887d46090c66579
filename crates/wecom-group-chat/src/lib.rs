//! WeCom external-contact API: Customer groups, their join ways and opengid conversion (客户群管理).
//!
//! Reach it through [`GroupChatExt::group_chat`] on a [`wecom_core::WecomClient`].
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

wecom_core::accessor! {
    /// Customer groups, their join ways and opengid conversion (客户群管理).
    GroupChatApi, GroupChatExt, group_chat
}
