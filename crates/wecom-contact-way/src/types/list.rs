//! 获取企业已配置的「联系我」列表: `list_contact_way`, cursor-paged.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Result};

use super::MAX_LIST_LIMIT;

/// The body of `list_contact_way`. Lists only ways created through the API after 2021-07-10, and
/// no temporary-chat ways.
///
/// ```
/// use wecom_contact_way::ListContactWayRequest;
/// let req = ListContactWayRequest::new().start_time(1622476800).limit(1000);
/// assert_eq!(req.limit, Some(1000));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ListContactWayRequest {
    /// 「联系我」创建起始时间戳 (WeCom's default: 90 days ago).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    /// 「联系我」创建结束时间戳 (WeCom's default: now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    /// 分页查询使用的游标: the previous answer's `next_cursor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// 每次查询的分页大小 (WeCom's default 100, at most [`MAX_LIST_LIMIT`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl ListContactWayRequest {
    /// The first page with WeCom's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the earliest creation time (Unix seconds).
    pub fn start_time(mut self, v: i64) -> Self {
        self.start_time = Some(v);
        self
    }

    /// Sets the latest creation time (Unix seconds).
    pub fn end_time(mut self, v: i64) -> Self {
        self.end_time = Some(v);
        self
    }

    /// Sets the cursor (the previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Sets the page size (at most [`MAX_LIST_LIMIT`]).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Checks `limit` ≤ 1000 and, when both times are set, `end_time ≥ start_time` (WeCom documents
    /// no longest span; with one time missing it fills in its default).
    pub fn check(&self) -> Result<()> {
        let limit = self.limit.unwrap_or(0);
        check::between("limit", limit.into(), 0, MAX_LIST_LIMIT.into())?;
        if let (Some(start), Some(end)) = (self.start_time, self.end_time) {
            check::time_range("start_time", start, "end_time", end, None)?;
        }
        Ok(())
    }
}

/// One entry of `list_contact_way`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ListedContactWay {
    /// 联系方式的配置id.
    pub config_id: String,
}

/// The answer of `list_contact_way`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ListContactWayResponse {
    /// The ways of this page.
    pub contact_way: Vec<ListedContactWay>,
    /// 分页参数; empty when there are no more pages.
    pub next_cursor: String,
}

wecom_core::impl_endpoint!(ListContactWayRequest => ListContactWayResponse,
    Post "/cgi-bin/externalcontact/list_contact_way", Idempotent,
    validate = ListContactWayRequest::check);

impl Page for ListContactWayResponse {
    type Item = ListedContactWay;
    fn into_items(self) -> Vec<ListedContactWay> {
        self.contact_way
    }
}

impl CursorPage for ListContactWayResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

impl CursorRequest for ListContactWayRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}
