//! 获取已服务的外部联系人 (doc 99434) and 检查成员/部门是否具备客户联系权限 (doc 96312, 代开发).

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{Error, Result};

/// The body of `POST /cgi-bin/externalcontact/contact_list` (获取已服务的外部联系人).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ContactListRequest {
    /// 用于分页查询的游标, from the previous page; absent on the first call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// 返回的最大记录数 (WeCom's default 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl ContactListRequest {
    /// The first page, WeCom's default page size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Sets 返回的最大记录数.
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }
}

wecom_core::impl_endpoint!(ContactListRequest => ContactListResponse,
    Post "/cgi-bin/externalcontact/contact_list", Idempotent);

impl CursorRequest for ContactListRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `contact_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ContactListResponse {
    /// 已服务的外部联系人: one entry per (contact, member who added it) or (contact, group it joined).
    pub info_list: Vec<ServedContact>,
    /// 分页游标 of the next page; empty after the last.
    pub next_cursor: String,
}

impl Page for ContactListResponse {
    type Item = ServedContact;
    fn into_items(self) -> Vec<ServedContact> {
        self.info_list
    }
}

impl CursorPage for ContactListResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

/// An external contact the corp has served: added by a member, or in one of its groups.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ServedContact {
    /// 是否被成员标记为客户: true for customers, who alone have an `external_userid`.
    pub is_customer: bool,
    /// 外部联系人临时ID: valid for 4 hours, to drop duplicates across entries and pages.
    pub tmp_openid: String,
    /// 外部联系人的externaluserid; customers only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// 外部联系人的名称 (masked, e.g. `***开`); other contacts only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 添加此外部联系人的企业成员userid, when the entry is a member's contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_userid: Option<String>,
    /// 外部联系人所在群ID, when the entry is a group membership.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    /// 外部联系人所在群名称.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_name: Option<String>,
    /// 外部联系人首次添加/进群的时间 (unix seconds).
    pub add_time: i64,
}

/// The body of `POST /cgi-bin/externalcontact/check_follow_user` (检查成员/部门是否具备客户联系权限).
///
/// ```
/// use wecom_customer::CheckFollowUserRequest;
/// let req = CheckFollowUserRequest::new(["zhangsan", "lisi"]).partyid([1]);
/// assert_eq!(req.partyid, [1]);
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct CheckFollowUserRequest {
    /// 用户的userid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userid: Vec<String>,
    /// 部门id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partyid: Vec<u64>,
}

impl CheckFollowUserRequest {
    /// Checks members `userids` (add departments with [`partyid`](Self::partyid)).
    pub fn new(userids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            userid: userids.into_iter().map(Into::into).collect(),
            partyid: Vec::new(),
        }
    }

    /// Also checks these departments.
    pub fn partyid(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.partyid = ids.into_iter().collect();
        self
    }

    /// Checks that there is a member or a department to ask about.
    pub fn check(&self) -> Result<()> {
        if self.userid.is_empty() && self.partyid.is_empty() {
            return Err(Error::invalid_request(
                "userid and partyid cannot both be empty",
            ));
        }
        Ok(())
    }
}

wecom_core::impl_endpoint!(CheckFollowUserRequest => CheckFollowUserResponse,
    Post "/cgi-bin/externalcontact/check_follow_user", Idempotent,
    validate = CheckFollowUserRequest::check);

/// The answer of `check_follow_user`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct CheckFollowUserResponse {
    /// The members and departments with 客户联系.
    pub authorized: FollowPermission,
    /// The members and departments without.
    pub unauthorized: FollowPermission,
}

/// Members and departments, as `check_follow_user` sorts them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct FollowPermission {
    /// 用户id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub userid: Vec<String>,
    /// 部门id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partyid: Vec<u64>,
}
