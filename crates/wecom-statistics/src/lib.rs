//! WeCom external-contact API: Behaviour and group-chat statistics (统计管理).
//!
//! Reach it through [`StatisticsExt::statistics`] on a [`wecom_core::WecomClient`].
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

wecom_core::accessor! {
    /// Behaviour and group-chat statistics (统计管理).
    StatisticsApi, StatisticsExt, statistics
}
