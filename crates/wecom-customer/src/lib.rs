//! WeCom external-contact API: Customers, their follow users and remarks (客户管理).
//!
//! Reach it through [`CustomerExt::customer`] on a [`wecom_core::WecomClient`].
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

wecom_core::accessor! {
    /// Customers, their follow users and remarks (客户管理).
    CustomerApi, CustomerExt, customer
}
