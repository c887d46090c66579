//! 查询客户接替状态: 在职继承 (doc 94088) and 离职继承 (doc 94082).

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};

wecom_core::int_enum! {
    /// 接替状态 of one customer.
    pub enum TakeoverStatus {
        /// 1: 接替完毕: the takeover member now follows the customer.
        Done = 1,
        /// 2: 等待接替: within the 24 hours; `takeover_time` is when it will happen.
        Waiting = 2,
        /// 3: 客户拒绝: the customer declined the new member.
        Refused = 3,
        /// 4: 接替成员客户达到上限: the takeover member has too many customers.
        TakeoverLimitReached = 4,
        /// 5: 无接替记录 (listed for 在职继承).
        NoRecord = 5,
    }
}

impl TakeoverStatus {
    /// True for every status but [`Waiting`](Self::Waiting): WeCom will not change it any more. A value
    /// this SDK does not know counts as final, so that nothing waits on it forever.
    pub fn is_final(self) -> bool {
        self != Self::Waiting
    }
}

impl Default for TakeoverStatus {
    /// `Unknown(0)`: WeCom did not say.
    fn default() -> Self {
        Self::Unknown(0)
    }
}

/// The body of `POST /cgi-bin/externalcontact/transfer_result` (查询客户接替状态, 在职继承).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct TransferResultRequest {
    /// 原添加成员的userid.
    pub handover_userid: String,
    /// 接替成员的userid.
    pub takeover_userid: String,
    /// 分页查询的cursor (each page holds at most 1000); absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl TransferResultRequest {
    /// The first page of the customers handed from `handover_userid` to `takeover_userid`.
    pub fn new(handover_userid: impl Into<String>, takeover_userid: impl Into<String>) -> Self {
        Self {
            handover_userid: handover_userid.into(),
            takeover_userid: takeover_userid.into(),
            cursor: None,
        }
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }
}

wecom_core::impl_endpoint!(TransferResultRequest => TransferResultResponse,
    Post "/cgi-bin/externalcontact/transfer_result", Idempotent);

impl CursorRequest for TransferResultRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// The body of `POST /cgi-bin/externalcontact/resigned/transfer_result` (查询客户接替状态, 离职继承).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ResignedTransferResultRequest {
    /// 原添加成员的userid (the resigned member).
    pub handover_userid: String,
    /// 接替成员的userid.
    pub takeover_userid: String,
    /// 分页查询的cursor (each page holds at most 1000); absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl ResignedTransferResultRequest {
    /// The first page of the customers handed from the resigned `handover_userid` to `takeover_userid`.
    pub fn new(handover_userid: impl Into<String>, takeover_userid: impl Into<String>) -> Self {
        Self {
            handover_userid: handover_userid.into(),
            takeover_userid: takeover_userid.into(),
            cursor: None,
        }
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }
}

wecom_core::impl_endpoint!(ResignedTransferResultRequest => TransferResultResponse,
    Post "/cgi-bin/externalcontact/resigned/transfer_result", Idempotent);

impl CursorRequest for ResignedTransferResultRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `transfer_result` or `resigned/transfer_result`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct TransferResultResponse {
    /// 转接客户的接替情况.
    pub customer: Vec<CustomerTakeover>,
    /// 下个分页的起始cursor; empty after the last page.
    pub next_cursor: String,
}

impl Page for TransferResultResponse {
    type Item = CustomerTakeover;
    fn into_items(self) -> Vec<CustomerTakeover> {
        self.customer
    }
}

impl CursorPage for TransferResultResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

/// Where one transferred customer stands.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct CustomerTakeover {
    /// 转接客户的外部联系人userid.
    pub external_userid: String,
    /// 接替状态.
    pub status: TakeoverStatus,
    /// 接替客户的时间 (unix seconds); while waiting, the time the takeover will happen; 0 when refused.
    pub takeover_time: i64,
}
