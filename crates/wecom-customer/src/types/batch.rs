//! 批量获取客户详情 (doc 92994): the customers of up to 100 members, a page of up to 100 at a time.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Result};

use super::contact::ExternalContact;
use super::follow::FollowInfo;

/// Most member ids in one `batch/get_by_user` request.
pub const MAX_BATCH_USERIDS: usize = 100;
/// Largest `limit` of `batch/get_by_user` (WeCom's default is 50).
pub const MAX_BATCH_LIMIT: u32 = 100;

/// The body of `batch/get_by_user` (批量获取客户详情).
///
/// ```
/// use wecom_customer::BatchGetByUserRequest;
/// let req = BatchGetByUserRequest::new(["zhangsan", "lisi"]).limit(100);
/// assert_eq!(req.userid_list, ["zhangsan", "lisi"]);
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct BatchGetByUserRequest {
    /// 企业成员的userid列表, 1..=100 ids.
    pub userid_list: Vec<String>,
    /// 用于分页查询的游标, from the previous page; absent on the first call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// 返回的最大记录数, 1..=100 (WeCom's default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl BatchGetByUserRequest {
    /// The customers of the members `userids` (any iterable of strings: an array, a `Vec<String>`,
    /// an iterator of `&str`…).
    pub fn new(userids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            userid_list: userids.into_iter().map(Into::into).collect(),
            cursor: None,
            limit: None,
        }
    }

    /// Sets 用于分页查询的游标.
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Sets 返回的最大记录数 (1..=100).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Checks 1..=100 member ids and a limit of 1..=100.
    pub fn check(&self) -> Result<()> {
        check::count_between("userid_list", self.userid_list.len(), 1, MAX_BATCH_USERIDS)?;
        match self.limit {
            Some(limit) => check::between("limit", limit.into(), 1, MAX_BATCH_LIMIT.into()),
            None => Ok(()),
        }
    }
}

wecom_core::impl_endpoint!(BatchGetByUserRequest => BatchGetByUserResponse,
    Post "/cgi-bin/externalcontact/batch/get_by_user", Idempotent,
    validate = BatchGetByUserRequest::check);

impl CursorRequest for BatchGetByUserRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `batch/get_by_user`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct BatchGetByUserResponse {
    /// 客户列表: one item per (customer, listed member) relation.
    #[serde(default)]
    pub external_contact_list: Vec<CustomerWithFollowInfo>,
    /// 分页游标, empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// 部分失败信息: listed members skipped because they hold no valid 互通 licence. (When every listed
    /// member lacks one, the whole call fails with errcode 701008 instead.)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub fail_info: Option<FailInfo>,
}

/// One item of `external_contact_list`: a customer and the listed member's relation to it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct CustomerWithFollowInfo {
    /// 客户的基本信息.
    #[serde(default)]
    pub external_contact: ExternalContact,
    /// 企业成员客户跟进信息: the member of `userid_list` who added this customer.
    #[serde(default)]
    pub follow_info: FollowInfo,
}

/// `fail_info` of `batch/get_by_user`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct FailInfo {
    /// 无有效互通许可的成员userid列表.
    #[serde(default)]
    pub unlicensed_userid_list: Vec<String>,
}

impl Page for BatchGetByUserResponse {
    type Item = CustomerWithFollowInfo;
    fn into_items(self) -> Vec<CustomerWithFollowInfo> {
        self.external_contact_list
    }
}

impl CursorPage for BatchGetByUserResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}
