//! How one moment went (doc 93333): the members' tasks, the customers chosen and reached, and the
//! comments and likes.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Result};

/// Most tasks per page of `get_moment_task` (最大值1000, default 500).
pub const MAX_TASK_LIMIT: u32 = 1_000;
/// Most customers per page of `get_moment_customer_list` (最大值1000, default 500).
pub const MAX_CUSTOMER_LIST_LIMIT: u32 = 1_000;
/// Most customers per page of `get_moment_send_result` (最大值5000, default 3000).
pub const MAX_SEND_RESULT_LIMIT: u32 = 5_000;

fn check_limit(limit: Option<u32>, max: u32) -> Result<()> {
    match limit {
        Some(limit) => check::between("limit", limit.into(), 1, max.into()),
        None => Ok(()),
    }
}

/// Declares a cursor-paged request of one moment (and a member): its struct, constructor, builders,
/// check, endpoint and cursor; WeCom answers its default page size above the maximum, so the
/// check refuses that instead.
macro_rules! moment_page_request {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident),* } => $resp:ty, $path:literal, $max:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
        pub struct $name {
            /// 朋友圈id.
            pub moment_id: String,
            $($(#[$fmeta])* pub $field: String,)*
            /// 分页游标 from the previous page.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub cursor: Option<String>,
            #[doc = concat!("返回的最大记录数, 1 ..= [`", stringify!($max), "`]; WeCom's default when absent.")]
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub limit: Option<u32>,
        }

        impl $name {
            /// The first page.
            pub fn new(moment_id: impl Into<String> $(, $field: impl Into<String>)*) -> Self {
                Self {
                    moment_id: moment_id.into(),
                    $($field: $field.into(),)*
                    cursor: None,
                    limit: None,
                }
            }

            /// Starts at this cursor.
            pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
                self.cursor = Some(cursor.into());
                self
            }

            /// Pages of `limit` entries.
            pub fn limit(mut self, limit: u32) -> Self {
                self.limit = Some(limit);
                self
            }

            /// Checks the limit.
            pub fn check(&self) -> Result<()> {
                check_limit(self.limit, $max)
            }
        }

        wecom_core::impl_endpoint!($name => $resp, Post $path, Idempotent, validate = $name::check);

        impl CursorRequest for $name {
            fn set_cursor(&mut self, cursor: &str) {
                self.cursor = Some(cursor.to_owned());
            }
        }
    };
}

/// Implements the paging traits of a response whose items are in `$list`.
macro_rules! page_of {
    ($resp:ty, $list:ident, $item:ty) => {
        impl Page for $resp {
            type Item = $item;
            fn into_items(self) -> Vec<$item> {
                self.$list
            }
        }

        impl CursorPage for $resp {
            fn next_cursor(&self) -> &str {
                &self.next_cursor
            }
        }
    };
}

moment_page_request! {
    /// The body of `POST /cgi-bin/externalcontact/get_moment_task` (获取客户朋友圈企业发表的列表): which
    /// members have published a corp moment.
    GetMomentTaskRequest {} => GetMomentTaskResponse,
    "/cgi-bin/externalcontact/get_moment_task", MAX_TASK_LIMIT
}

wecom_core::int_enum! {
    /// 成员发表状态.
    #[derive(Default)]
    pub enum PublishStatus {
        /// 0: 未发表.
        #[default]
        NotPublished = 0,
        /// 1: 已发表.
        Published = 1,
    }
}

/// One page of `get_moment_task`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetMomentTaskResponse {
    /// 分页游标 of the next page; empty after the last.
    pub next_cursor: String,
    /// 发表任务列表.
    pub task_list: Vec<MomentTask>,
}

page_of!(GetMomentTaskResponse, task_list, MomentTask);

/// One member's task.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct MomentTask {
    /// 发表成员用户userid.
    pub userid: String,
    /// 成员发表状态.
    pub publish_status: PublishStatus,
}

moment_page_request! {
    /// The body of `POST /cgi-bin/externalcontact/get_moment_customer_list`
    /// (获取客户朋友圈发表时选择的可见范围): the customers chosen for one member's moment.
    GetMomentCustomerListRequest {
        /// 企业发表成员userid (from `get_moment_task`, or the creator of a personal moment).
        userid
    } => GetMomentCustomerListResponse,
    "/cgi-bin/externalcontact/get_moment_customer_list", MAX_CUSTOMER_LIST_LIMIT
}

/// One page of `get_moment_customer_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct GetMomentCustomerListResponse {
    /// 分页游标 of the next page; empty after the last.
    pub next_cursor: String,
    /// 成员可见客户列表.
    pub customer_list: Vec<MomentCustomer>,
}

page_of!(GetMomentCustomerListResponse, customer_list, MomentCustomer);

/// A customer chosen for a member's moment.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MomentCustomer {
    /// 发表成员用户userid.
    pub userid: String,
    /// 外部联系人userid.
    pub external_userid: String,
}

moment_page_request! {
    /// The body of `POST /cgi-bin/externalcontact/get_moment_send_result`
    /// (获取客户朋友圈发表后的可见客户列表): the customers who can see one member's published moment.
    GetMomentSendResultRequest {
        /// 企业发表成员userid.
        userid
    } => GetMomentSendResultResponse,
    "/cgi-bin/externalcontact/get_moment_send_result", MAX_SEND_RESULT_LIMIT
}

/// One page of `get_moment_send_result`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct GetMomentSendResultResponse {
    /// 分页游标 of the next page; empty after the last.
    pub next_cursor: String,
    /// 成员发送成功客户列表.
    pub customer_list: Vec<MomentSentCustomer>,
}

page_of!(
    GetMomentSendResultResponse,
    customer_list,
    MomentSentCustomer
);

/// A customer who can see the moment.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MomentSentCustomer {
    /// 成员发送成功的外部联系人userid.
    pub external_userid: String,
}

/// The body of `POST /cgi-bin/externalcontact/get_moment_comments` (获取客户朋友圈的互动数据).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct GetMomentCommentsRequest {
    /// 朋友圈id.
    pub moment_id: String,
    /// 企业发表成员userid.
    pub userid: String,
}

impl GetMomentCommentsRequest {
    /// The comments and likes on `userid`'s copy of moment `moment_id`.
    pub fn new(moment_id: impl Into<String>, userid: impl Into<String>) -> Self {
        Self {
            moment_id: moment_id.into(),
            userid: userid.into(),
        }
    }
}

wecom_core::impl_endpoint!(GetMomentCommentsRequest => GetMomentCommentsResponse,
    Post "/cgi-bin/externalcontact/get_moment_comments", Idempotent);

/// The answer of `get_moment_comments`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct GetMomentCommentsResponse {
    /// 评论列表.
    pub comment_list: Vec<MomentInteraction>,
    /// 点赞列表.
    pub like_list: Vec<MomentInteraction>,
}

/// A comment or a like: by a customer or by a member, never both.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MomentInteraction {
    /// 外部联系人userid, when a customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// 企业成员userid, when a member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// 评论 / 点赞时间 (unix seconds).
    pub create_time: i64,
}
