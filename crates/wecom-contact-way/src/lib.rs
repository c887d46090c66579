//! WeCom external-contact API: 「联系我」 configurations (配置客户联系「联系我」方式).
//!
//! Reach it through [`ContactWayExt::contact_way`] on a [`wecom_core::WecomClient`].
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

wecom_core::accessor! {
    /// 「联系我」 configurations (配置客户联系「联系我」方式).
    ContactWayApi, ContactWayExt, contact_way
}
