//! 获取客户详情 (doc 92114): one customer and the members who added it, 500 members a page.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};

use super::contact::ExternalContact;
use super::follow::FollowUser;

/// The query of `externalcontact/get` (获取客户详情).
///
/// Also a [`CursorRequest`] over `follow_user`, so `client.paginate(GetRequest::new(id)).items()` streams
/// every [`FollowUser`] of a customer with more than 500 of them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GetRequest {
    /// 外部联系人的userid (not a member's userid).
    pub external_userid: String,
    /// 上次请求返回的next_cursor; only needed when the customer has more than 500 follow users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl GetRequest {
    /// The details of customer `external_userid`, first page of its follow users.
    pub fn new(external_userid: impl Into<String>) -> Self {
        Self {
            external_userid: external_userid.into(),
            cursor: None,
        }
    }

    /// Sets the cursor (上次请求返回的next_cursor).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }
}

wecom_core::impl_endpoint!(GetRequest => GetResponse,
    Get "/cgi-bin/externalcontact/get", Idempotent);

impl CursorRequest for GetRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// The answer of `externalcontact/get`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetResponse {
    /// 客户信息.
    pub external_contact: ExternalContact,
    /// 添加了此外部联系人的企业成员 (this page of them).
    pub follow_user: Vec<FollowUser>,
    /// 分页的cursor: sent only when more than 500 members follow the customer; empty on the last page.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_cursor: String,
}

impl Page for GetResponse {
    type Item = FollowUser;
    fn into_items(self) -> Vec<FollowUser> {
        self.follow_user
    }
}

impl CursorPage for GetResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}
