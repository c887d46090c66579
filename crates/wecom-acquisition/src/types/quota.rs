//! 获客助手额度管理与使用统计 (doc 97375): 查询剩余使用量 and 查询链接使用详情.

use serde::{Deserialize, Serialize};
use wecom_core::{check, Error, Result};

/// One day in seconds.
const DAY: i64 = 86_400;
/// Longest `statistic` window: start and end at most 30 days apart (起始和结束时间相差不可超过30天).
pub const MAX_STATISTIC_SPAN_SECS: i64 = 30 * DAY;

/// The (empty) query of `GET /cgi-bin/externalcontact/customer_acquisition_quota` (查询剩余使用量).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct QuotaRequest {}

wecom_core::impl_endpoint!(QuotaRequest => QuotaResponse,
    Get "/cgi-bin/externalcontact/customer_acquisition_quota", Idempotent);

/// The answer of `customer_acquisition_quota`: a customer added through a link uses one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct QuotaResponse {
    /// 历史累计使用量 bought.
    pub total: u64,
    /// 剩余使用量.
    pub balance: u64,
    /// 剩余使用量 per batch, by when it expires.
    pub quota_list: Vec<QuotaBatch>,
}

/// One batch of `quota_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct QuotaBatch {
    /// 额度过期时间 (unix seconds).
    pub expire_date: i64,
    /// 该批次剩余使用量.
    pub balance: u64,
}

/// The body of `POST /cgi-bin/externalcontact/customer_acquisition/statistic` (查询链接使用详情).
///
/// WeCom counts whole days: each time stands for its day, both days included. Only the last 180 days
/// can be read, and the two days may be at most 30 days apart.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StatisticRequest {
    /// 获客链接的id.
    pub link_id: String,
    /// 统计起始时间 (unix seconds; its day).
    pub start_time: i64,
    /// 统计结束时间 (unix seconds; its day, included).
    pub end_time: i64,
}

impl StatisticRequest {
    /// The figures of link `link_id` from the day of `start_time` to the day of `end_time`.
    pub fn new(link_id: impl Into<String>, start_time: i64, end_time: i64) -> Self {
        Self {
            link_id: link_id.into(),
            start_time,
            end_time,
        }
    }

    /// Checks a link id, `start_time ≤ end_time` and at most 30 days between them.
    pub fn check(&self) -> Result<()> {
        if self.link_id.is_empty() {
            return Err(Error::invalid_request("link_id is empty"));
        }
        check::time_range(
            "start_time",
            self.start_time,
            "end_time",
            self.end_time,
            Some(MAX_STATISTIC_SPAN_SECS),
        )
    }
}

wecom_core::impl_endpoint!(StatisticRequest => StatisticResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/statistic", Idempotent,
    validate = StatisticRequest::check);

/// The answer of `statistic`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct StatisticResponse {
    /// 点击链接客户数.
    pub click_link_customer_cnt: u64,
    /// 新增客户数.
    pub new_customer_cnt: u64,
}
