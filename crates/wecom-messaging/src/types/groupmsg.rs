//! 获取群发记录列表, 获取群发成员发送任务列表, 获取企业群发成员执行结果 (doc 93338): three cursor-paged reads.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::Result;

use super::attachment::{Attachment, Text};
use super::mass_send::ChatType;

/// The longest span `get_groupmsg_list_v2` accepts: 群发任务记录的起止时间间隔不能超过1个月 (taken as 31 days).
pub const MAX_LIST_SPAN_SECS: i64 = 31 * 86_400;
/// Most records per page of `get_groupmsg_list_v2`.
pub const MAX_LIST_LIMIT: u32 = 100;
/// Most records per page of `get_groupmsg_task` and `get_groupmsg_send_result`.
pub const MAX_TASK_LIMIT: u32 = 1_000;

wecom_core::int_enum! {
    /// 创建人类型 (the `filter_type` of `get_groupmsg_list_v2`).
    pub enum FilterType {
        /// 0: 企业发表.
        Corp = 0,
        /// 1: 个人发表.
        Personal = 1,
        /// 2: 所有, 包括个人创建以及企业创建 (WeCom's default).
        All = 2,
    }
}

wecom_core::int_enum! {
    /// 群发消息创建来源.
    #[derive(Default)]
    pub enum CreateType {
        /// 0: 企业.
        #[default]
        Corp = 0,
        /// 1: 个人.
        Personal = 1,
    }
}

wecom_core::int_enum! {
    /// 成员发送状态 in `get_groupmsg_task`.
    #[derive(Default)]
    pub enum TaskStatus {
        /// 0: 未发送.
        #[default]
        NotSent = 0,
        /// 2: 已发送.
        Sent = 2,
    }
}

wecom_core::int_enum! {
    /// 发送状态 of one recipient in `get_groupmsg_send_result`.
    #[derive(Default)]
    pub enum SendStatus {
        /// 0: 未发送.
        #[default]
        NotSent = 0,
        /// 1: 已发送.
        Sent = 1,
        /// 2: 因客户不是好友导致发送失败.
        NotFriend = 2,
        /// 3: 因客户已经收到其他群发消息导致发送失败.
        QuotaReached = 3,
    }
}

pub(super) fn check_limit(limit: Option<u32>, max: u32) -> Result<()> {
    match limit {
        Some(limit) => wecom_core::check::between("limit", limit.into(), 1, max.into()),
        None => Ok(()),
    }
}

/// The body of `get_groupmsg_list_v2` (获取群发记录列表).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GetGroupMsgListV2Request {
    /// 群发任务的类型: `single` (customers) or `group` (customer groups).
    pub chat_type: ChatType,
    /// 群发任务记录开始时间 (Unix seconds).
    pub start_time: i64,
    /// 群发任务记录结束时间 (Unix seconds); at most a month after `start_time`.
    pub end_time: i64,
    /// 群发任务创建人企业账号id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// 创建人类型; WeCom defaults to all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_type: Option<FilterType>,
    /// 返回的最大记录数, 1..=100 (WeCom's default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// 用于分页查询的游标, from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl GetGroupMsgListV2Request {
    /// The records of one chat type created between `start_time` and `end_time` (Unix seconds).
    pub fn new(chat_type: ChatType, start_time: i64, end_time: i64) -> Self {
        Self {
            chat_type,
            start_time,
            end_time,
            ..Self::default()
        }
    }

    /// Sets 群发任务创建人企业账号id.
    pub fn creator(mut self, v: impl Into<String>) -> Self {
        self.creator = Some(v.into());
        self
    }

    /// Sets 创建人类型.
    pub fn filter_type(mut self, v: FilterType) -> Self {
        self.filter_type = Some(v);
        self
    }

    /// Sets 返回的最大记录数 (1..=100).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Sets 用于分页查询的游标.
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Checks the time range (end ≥ start, at most [`MAX_LIST_SPAN_SECS`]) and the limit.
    pub fn check(&self) -> Result<()> {
        wecom_core::check::time_range(
            "start_time",
            self.start_time,
            "end_time",
            self.end_time,
            Some(MAX_LIST_SPAN_SECS),
        )?;
        check_limit(self.limit, MAX_LIST_LIMIT)
    }
}

wecom_core::impl_endpoint!(GetGroupMsgListV2Request => GetGroupMsgListV2Response,
    Post "/cgi-bin/externalcontact/get_groupmsg_list_v2", Idempotent,
    validate = GetGroupMsgListV2Request::check);

impl CursorRequest for GetGroupMsgListV2Request {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `get_groupmsg_list_v2`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetGroupMsgListV2Response {
    /// 分页游标, empty on the last page.
    pub next_cursor: String,
    /// 群发记录列表.
    pub group_msg_list: Vec<GroupMsg>,
}

/// One mass message of `get_groupmsg_list_v2`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupMsg {
    /// 企业群发消息的id.
    pub msgid: String,
    /// 群发消息创建者userid (empty for corp-created messages sent by the API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// 创建时间 (Unix seconds).
    #[serde(deserialize_with = "wecom_core::lenient::i64_from_any")]
    pub create_time: i64,
    /// 群发消息创建来源.
    pub create_type: CreateType,
    /// 消息文本内容.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// 附件.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

impl Page for GetGroupMsgListV2Response {
    type Item = GroupMsg;
    fn into_items(self) -> Vec<GroupMsg> {
        self.group_msg_list
    }
}

impl CursorPage for GetGroupMsgListV2Response {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

/// A present timestamp as a number or numeric string.
pub(super) fn lenient_opt_i64<'de, D: serde::Deserializer<'de>>(
    de: D,
) -> Result<Option<i64>, D::Error> {
    wecom_core::lenient::i64_from_any(de).map(Some)
}
