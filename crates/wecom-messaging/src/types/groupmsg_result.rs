//! 获取群发成员发送任务列表 and 获取企业群发成员执行结果 (doc 93338): the per-member reads of a mass message.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::Result;

use super::groupmsg::{check_limit, lenient_opt_i64, SendStatus, TaskStatus, MAX_TASK_LIMIT};

/// The body of `get_groupmsg_task` (获取群发成员发送任务列表).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GetGroupMsgTaskRequest {
    /// 群发消息的id.
    pub msgid: String,
    /// 返回的最大记录数, 1..=1000 (WeCom's default 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// 用于分页查询的游标, from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl GetGroupMsgTaskRequest {
    /// The member tasks of mass message `msgid`.
    pub fn new(msgid: impl Into<String>) -> Self {
        Self {
            msgid: msgid.into(),
            ..Self::default()
        }
    }

    /// Sets 返回的最大记录数 (1..=1000).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Sets 用于分页查询的游标.
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Checks the limit.
    pub fn check(&self) -> Result<()> {
        check_limit(self.limit, MAX_TASK_LIMIT)
    }
}

wecom_core::impl_endpoint!(GetGroupMsgTaskRequest => GetGroupMsgTaskResponse,
    Post "/cgi-bin/externalcontact/get_groupmsg_task", Idempotent,
    validate = GetGroupMsgTaskRequest::check);

impl CursorRequest for GetGroupMsgTaskRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `get_groupmsg_task`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetGroupMsgTaskResponse {
    /// 分页游标, empty on the last page.
    pub next_cursor: String,
    /// 群发成员发送任务列表.
    pub task_list: Vec<GroupMsgTask>,
}

/// One member's task of a mass message.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupMsgTask {
    /// 企业服务人员的userid.
    pub userid: String,
    /// 发送状态.
    pub status: TaskStatus,
    /// 发送时间 (Unix seconds); absent until sent.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_opt_i64"
    )]
    pub send_time: Option<i64>,
}

impl Page for GetGroupMsgTaskResponse {
    type Item = GroupMsgTask;
    fn into_items(self) -> Vec<GroupMsgTask> {
        self.task_list
    }
}

impl CursorPage for GetGroupMsgTaskResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

/// The body of `get_groupmsg_send_result` (获取企业群发成员执行结果).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GetGroupMsgSendResultRequest {
    /// 群发消息的id.
    pub msgid: String,
    /// 发送成员userid.
    pub userid: String,
    /// 返回的最大记录数, 1..=1000 (WeCom's default 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// 用于分页查询的游标, from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl GetGroupMsgSendResultRequest {
    /// The results of member `userid` for mass message `msgid`.
    pub fn new(msgid: impl Into<String>, userid: impl Into<String>) -> Self {
        Self {
            msgid: msgid.into(),
            userid: userid.into(),
            ..Self::default()
        }
    }

    /// Sets 返回的最大记录数 (1..=1000).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Sets 用于分页查询的游标.
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Checks the limit.
    pub fn check(&self) -> Result<()> {
        check_limit(self.limit, MAX_TASK_LIMIT)
    }
}

wecom_core::impl_endpoint!(GetGroupMsgSendResultRequest => GetGroupMsgSendResultResponse,
    Post "/cgi-bin/externalcontact/get_groupmsg_send_result", Idempotent,
    validate = GetGroupMsgSendResultRequest::check);

impl CursorRequest for GetGroupMsgSendResultRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `get_groupmsg_send_result`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetGroupMsgSendResultResponse {
    /// 分页游标, empty on the last page.
    pub next_cursor: String,
    /// 群成员发送结果列表.
    pub send_list: Vec<GroupMsgSendResult>,
}

/// The result for one recipient (a customer or a customer group).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupMsgSendResult {
    /// 外部联系人userid, for messages to customers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// 外部客户群id, for messages to customer groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    /// 企业服务人员的userid.
    pub userid: String,
    /// 发送状态.
    pub status: SendStatus,
    /// 发送时间 (Unix seconds); absent until sent.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_opt_i64"
    )]
    pub send_time: Option<i64>,
}

impl Page for GetGroupMsgSendResultResponse {
    type Item = GroupMsgSendResult;
    fn into_items(self) -> Vec<GroupMsgSendResult> {
        self.send_list
    }
}

impl CursorPage for GetGroupMsgSendResultResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}
