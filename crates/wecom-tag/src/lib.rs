//! WeCom external-contact API: Corp customer tags and marking customers (企业客户标签).
//!
//! Reach it through [`TagExt::tag`] on a [`wecom_core::WecomClient`].
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

wecom_core::accessor! {
    /// Corp customer tags and marking customers (企业客户标签).
    TagApi, TagExt, tag
}
