//! 分配在职成员的客户 (doc 92125) and 分配离职成员的客户 (doc 94081).

use serde::{Deserialize, Serialize};
use wecom_core::{check, ErrCode, Error, Result};

/// Most customers in one transfer call (每次最多分配100个客户); the bulk helpers send chunks of this size.
pub const MAX_TRANSFER_CUSTOMERS: usize = 100;
/// Longest `transfer_success_msg`, in characters (最多200个字符).
pub const MAX_TRANSFER_SUCCESS_MSG_CHARS: usize = 200;

/// The body of `POST /cgi-bin/externalcontact/transfer_customer` (分配在职成员的客户).
///
/// The same struct with any number of ids is the input of
/// [`transfer_customers`](crate::TransferApi::transfer_customers), which sends it in chunks of 100.
///
/// ```
/// use wecom_transfer::TransferCustomerRequest;
/// let req = TransferCustomerRequest::new("zhangsan", "lisi", ["wmA", "wmB"])
///     .transfer_success_msg("您好，后续将由我的同事李四为您服务。");
/// assert_eq!(req.external_userid, ["wmA", "wmB"]);
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct TransferCustomerRequest {
    /// 原跟进成员的userid.
    pub handover_userid: String,
    /// 接替成员的userid.
    pub takeover_userid: String,
    /// 客户的external_userid列表, 1 ..= 100 per call.
    pub external_userid: Vec<String>,
    /// 转移成功后发给客户的消息 (≤ 200 characters); WeCom's default text when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_success_msg: Option<String>,
}

impl TransferCustomerRequest {
    /// Hands `external_userids` from member `handover_userid` to member `takeover_userid`.
    pub fn new(
        handover_userid: impl Into<String>,
        takeover_userid: impl Into<String>,
        external_userids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Self {
            handover_userid: handover_userid.into(),
            takeover_userid: takeover_userid.into(),
            external_userid: external_userids.into_iter().map(Into::into).collect(),
            transfer_success_msg: None,
        }
    }

    /// Sets the message the customer gets once the takeover succeeds (≤ 200 characters).
    pub fn transfer_success_msg(mut self, v: impl Into<String>) -> Self {
        self.transfer_success_msg = Some(v.into());
        self
    }

    /// Checks both member ids, 1 ..= 100 customers and the message length.
    pub fn check(&self) -> Result<()> {
        self.check_fields()?;
        check_count(self.external_userid.len())
    }

    /// Everything [`check`](Self::check) checks but the number of customers (the bulk helpers chunk).
    pub(crate) fn check_fields(&self) -> Result<()> {
        check_members(&self.handover_userid, &self.takeover_userid)?;
        check::max_chars(
            "transfer_success_msg",
            self.transfer_success_msg.as_deref().unwrap_or_default(),
            MAX_TRANSFER_SUCCESS_MSG_CHARS,
        )
    }
}

wecom_core::impl_endpoint!(TransferCustomerRequest => TransferCustomerResponse,
    Post "/cgi-bin/externalcontact/transfer_customer", NotIdempotent,
    validate = TransferCustomerRequest::check);

/// The body of `POST /cgi-bin/externalcontact/resigned/transfer_customer` (分配离职成员的客户).
///
/// The same struct with any number of ids is the input of
/// [`resigned_transfer_customers`](crate::TransferApi::resigned_transfer_customers).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ResignedTransferCustomerRequest {
    /// 原跟进成员的userid: a member who has resigned (else errcode 40097).
    pub handover_userid: String,
    /// 接替成员的userid.
    pub takeover_userid: String,
    /// 客户的external_userid列表, 1 ..= 100 per call.
    pub external_userid: Vec<String>,
}

impl ResignedTransferCustomerRequest {
    /// Hands `external_userids` of the resigned member `handover_userid` to member `takeover_userid`.
    pub fn new(
        handover_userid: impl Into<String>,
        takeover_userid: impl Into<String>,
        external_userids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Self {
            handover_userid: handover_userid.into(),
            takeover_userid: takeover_userid.into(),
            external_userid: external_userids.into_iter().map(Into::into).collect(),
        }
    }

    /// Checks both member ids and 1 ..= 100 customers.
    pub fn check(&self) -> Result<()> {
        self.check_fields()?;
        check_count(self.external_userid.len())
    }

    /// Everything [`check`](Self::check) checks but the number of customers (the bulk helpers chunk).
    pub(crate) fn check_fields(&self) -> Result<()> {
        check_members(&self.handover_userid, &self.takeover_userid)
    }
}

wecom_core::impl_endpoint!(ResignedTransferCustomerRequest => TransferCustomerResponse,
    Post "/cgi-bin/externalcontact/resigned/transfer_customer", NotIdempotent,
    validate = ResignedTransferCustomerRequest::check);

/// The answer of `transfer_customer` and `resigned/transfer_customer`: one result per customer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct TransferCustomerResponse {
    /// 每个客户的分配结果.
    pub customer: Vec<CustomerTransferResult>,
}

/// What WeCom did with one customer of a transfer call.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct CustomerTransferResult {
    /// 客户的external_userid.
    pub external_userid: String,
    /// 对此客户进行分配的结果: 0 means the 24-hour takeover has *started* (not that it succeeded);
    /// otherwise why this customer was not transferred (e.g. 40128, transferred too often).
    pub errcode: ErrCode,
}

impl Default for CustomerTransferResult {
    fn default() -> Self {
        Self {
            external_userid: String::new(),
            errcode: ErrCode::OK,
        }
    }
}

fn check_members(handover: &str, takeover: &str) -> Result<()> {
    if handover.is_empty() || takeover.is_empty() {
        return Err(Error::invalid_request(
            "handover_userid and takeover_userid are required",
        ));
    }
    Ok(())
}

fn check_count(len: usize) -> Result<()> {
    check::count_between("external_userid", len, 1, MAX_TRANSFER_CUSTOMERS)
}
