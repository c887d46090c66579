//! 获取由获客链接添加的客户信息 (doc 97298) and 获取成员多次收消息详情 (doc 100130).

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Error, Result};

/// Most customers per page of `customer` (最大值1000).
pub const MAX_CUSTOMER_LIMIT: u32 = 1_000;

/// The body of `POST /cgi-bin/externalcontact/customer_acquisition/customer` (获取由获客链接添加的客户
/// 信息): the customers one link brought, a page at a time.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ListCustomerRequest {
    /// 获客链接id.
    pub link_id: String,
    /// 返回的最大记录数, 1 ..= [`MAX_CUSTOMER_LIMIT`]; WeCom's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// 分页游标 from the previous page's `next_cursor`; absent on the first call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl ListCustomerRequest {
    /// The first page of the customers of link `link_id`.
    pub fn new(link_id: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
            limit: None,
            cursor: None,
        }
    }

    /// At most `v` customers per page (1 ..= 1000).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Checks a link id and limit 1 ..= 1000.
    pub fn check(&self) -> Result<()> {
        if self.link_id.is_empty() {
            return Err(Error::invalid_request("link_id is empty"));
        }
        match self.limit {
            Some(limit) => check::between("limit", limit.into(), 1, MAX_CUSTOMER_LIMIT.into()),
            None => Ok(()),
        }
    }
}

wecom_core::impl_endpoint!(ListCustomerRequest => ListCustomerResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/customer", Idempotent,
    validate = ListCustomerRequest::check);

impl CursorRequest for ListCustomerRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `customer`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ListCustomerResponse {
    /// 客户列表.
    pub customer_list: Vec<AcquiredCustomer>,
    /// 分页游标 of the next page; empty when there is none.
    pub next_cursor: String,
}

impl Page for ListCustomerResponse {
    type Item = AcquiredCustomer;
    fn into_items(self) -> Vec<AcquiredCustomer> {
        self.customer_list
    }
}

impl CursorPage for ListCustomerResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

wecom_core::int_enum! {
    /// 会话状态 of a customer added through a link.
    #[derive(Default)]
    pub enum ChatStatus {
        /// 0: 客户未发消息.
        #[default]
        NotStarted = 0,
        /// 1: 客户已发送消息.
        Started = 1,
        /// 2: 客户发送消息状态未知.
        Unclear = 2,
    }
}

/// One customer a link brought.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AcquiredCustomer {
    /// 客户external_userid.
    pub external_userid: String,
    /// 通过获客链接添加此客户的跟进人userid.
    pub userid: String,
    /// 会话状态.
    pub chat_status: ChatStatus,
    /// The link's `customer_channel` the customer came with (≤ 64 bytes; absent without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The body of `POST /cgi-bin/externalcontact/customer_acquisition/get_chat_info` (获取成员多次收消息
/// 详情).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetChatInfoRequest {
    /// The `ChatKey` of a `message_from_customer` callback; valid about 30 minutes after it.
    pub chat_key: String,
}

impl GetChatInfoRequest {
    /// The conversation of `chat_key`.
    pub fn new(chat_key: impl Into<String>) -> Self {
        Self {
            chat_key: chat_key.into(),
        }
    }
}

wecom_core::impl_endpoint!(GetChatInfoRequest => GetChatInfoResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/get_chat_info", Idempotent);

/// The answer of `get_chat_info`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetChatInfoResponse {
    /// 成员userid (the 获客助手组件's answer leaves it out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// 客户external_userid (the 获客助手组件's answer leaves it out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// 多次收消息的会话信息.
    pub chat_info: ChatInfo,
}

/// `chat_info` of `get_chat_info`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ChatInfo {
    /// 成员收到的客户消息数.
    pub recv_msg_cnt: u64,
    /// 添加客户的获客链接id.
    pub link_id: String,
    /// 添加客户时的 `customer_channel`; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}
