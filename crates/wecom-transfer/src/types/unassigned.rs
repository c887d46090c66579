//! 获取待分配的离职成员列表 (doc 92124): the customers of resigned members, waiting for a new member.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Result};

/// Largest `page_size` of `get_unassigned_list` (默认为1000，最大值为1000).
pub const MAX_UNASSIGNED_PAGE_SIZE: u32 = 1_000;

/// The body of `POST /cgi-bin/externalcontact/get_unassigned_list` (获取待分配的离职成员列表).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GetUnassignedListRequest {
    /// 分页查询，要查询页号，从0开始 — superseded by `cursor`; leave it out when paging by cursor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_id: Option<u32>,
    /// 分页查询游标 from the previous answer; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// 每次返回的最大记录数, 1 ..= 1000 (WeCom's default 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
}

impl GetUnassignedListRequest {
    /// The first page, WeCom's default page size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets 每次返回的最大记录数 (1 ..= 1000).
    pub fn page_size(mut self, v: u32) -> Self {
        self.page_size = Some(v);
        self
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Asks for page `v` (from 0) the old way; WeCom recommends the cursor instead.
    pub fn page_id(mut self, v: u32) -> Self {
        self.page_id = Some(v);
        self
    }

    /// Checks a page size of 1 ..= 1000.
    pub fn check(&self) -> Result<()> {
        match self.page_size {
            Some(size) => {
                check::between("page_size", size.into(), 1, MAX_UNASSIGNED_PAGE_SIZE.into())
            }
            None => Ok(()),
        }
    }
}

wecom_core::impl_endpoint!(GetUnassignedListRequest => GetUnassignedListResponse,
    Post "/cgi-bin/externalcontact/get_unassigned_list", Idempotent,
    validate = GetUnassignedListRequest::check);

impl CursorRequest for GetUnassignedListRequest {
    fn set_cursor(&mut self, cursor: &str) {
        // The cursor replaces the page number ("如果使用该参数则无需填写page_id").
        self.page_id = None;
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `get_unassigned_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetUnassignedListResponse {
    /// 待分配的客户, one per (resigned member, customer).
    pub info: Vec<UnassignedCustomer>,
    /// 是否是最后一条记录.
    pub is_last: bool,
    /// 分页查询游标 of the next page; empty (or to be ignored) after the last.
    pub next_cursor: String,
}

impl Page for GetUnassignedListResponse {
    type Item = UnassignedCustomer;
    fn into_items(self) -> Vec<UnassignedCustomer> {
        self.info
    }
}

impl CursorPage for GetUnassignedListResponse {
    /// `next_cursor`, or nothing once WeCom says `is_last`.
    fn next_cursor(&self) -> &str {
        if self.is_last {
            ""
        } else {
            &self.next_cursor
        }
    }
}

/// A customer of a resigned member, not yet handed to anyone.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct UnassignedCustomer {
    /// 离职成员的userid.
    pub handover_userid: String,
    /// 外部联系人userid.
    pub external_userid: String,
    /// 成员离职时间 (unix seconds).
    pub dimission_time: i64,
}
