//! 获取客户列表 (doc 92113) and 获取配置了客户联系功能的成员列表 (doc 92571).

use serde::{Deserialize, Serialize};

/// The query of `externalcontact/list` (获取客户列表).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ListRequest {
    /// 企业成员的userid.
    pub userid: String,
}

impl ListRequest {
    /// The customers of member `userid`.
    pub fn new(userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
        }
    }
}

wecom_core::impl_endpoint!(ListRequest => ListResponse,
    Get "/cgi-bin/externalcontact/list", Idempotent);

/// The answer of `externalcontact/list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ListResponse {
    /// 外部联系人的userid列表.
    pub external_userid: Vec<String>,
}

/// The (empty) query of `get_follow_user_list` (获取配置了客户联系功能的成员列表).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct GetFollowUserListRequest {}

wecom_core::impl_endpoint!(GetFollowUserListRequest => GetFollowUserListResponse,
    Get "/cgi-bin/externalcontact/get_follow_user_list", Idempotent);

/// The answer of `get_follow_user_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetFollowUserListResponse {
    /// 配置了客户联系功能的成员userid列表.
    pub follow_user: Vec<String>,
}
