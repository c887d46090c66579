//! 获取规则组列表, 获取规则组详情 and 获取规则组管理范围: reading rules groups.

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Endpoint, Result};

use super::{Family, RangeNode};

/// Most entries per page of `list` and `get_range` (WeCom's default, too).
pub const MAX_LIST_LIMIT: u32 = 1_000;

fn check_limit(limit: Option<u32>) -> Result<()> {
    match limit {
        Some(limit) => check::between("limit", limit.into(), 1, MAX_LIST_LIMIT.into()),
        None => Ok(()),
    }
}

/// The body of `list`: one page of the ids of the rules groups this app created.
///
/// ```
/// use wecom_strategy::{CustomerFamily, StrategyListRequest};
/// let req = StrategyListRequest::<CustomerFamily>::new().limit(100);
/// assert!(req.check().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyListRequest<F: Family> {
    /// 分页查询游标 from the previous page's `next_cursor`; absent on the first call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// 分页大小, 1 ..= [`MAX_LIST_LIMIT`]; WeCom's default is 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip)]
    family: PhantomData<F>,
}

impl<F: Family> StrategyListRequest<F> {
    /// The first page, of WeCom's default size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Pages of at most `limit` ids (1 ..= 1000).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Checks `limit` 1 ..= 1000 when it is set.
    pub fn check(&self) -> Result<()> {
        check_limit(self.limit)
    }
}

impl<F: Family> CursorRequest for StrategyListRequest<F>
where
    Self: Endpoint<Response = StrategyListResponse>,
{
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `list`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StrategyListResponse {
    /// 规则组 ids.
    pub strategy: Vec<StrategyListItem>,
    /// 分页游标 of the next page; WeCom leaves it out (here: empty) after the last page.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_cursor: String,
}

/// One rules group of a `list` page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StrategyListItem {
    /// 规则组id.
    pub strategy_id: i64,
}

impl Page for StrategyListResponse {
    type Item = StrategyListItem;
    fn into_items(self) -> Vec<StrategyListItem> {
        self.strategy
    }
}

impl CursorPage for StrategyListResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

/// The body of `get`: one rules group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyGetRequest<F: Family> {
    /// 规则组id.
    pub strategy_id: i64,
    #[serde(skip)]
    family: PhantomData<F>,
}

impl<F: Family> StrategyGetRequest<F> {
    /// The details of rules group `strategy_id`.
    pub fn new(strategy_id: i64) -> Self {
        Self {
            strategy_id,
            family: PhantomData,
        }
    }
}

/// The answer of `get`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, bound(deserialize = "P: Deserialize<'de> + Default"))]
pub struct StrategyGetResponse<P> {
    /// 规则组.
    pub strategy: Strategy<P>,
}

/// A rules group (规则组); `P` is its family's privilege struct. See [`CustomerStrategy`](super::CustomerStrategy)
/// and [`MomentStrategy`](super::MomentStrategy).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, bound(deserialize = "P: Deserialize<'de> + Default"))]
pub struct Strategy<P> {
    /// 规则组id.
    pub strategy_id: i64,
    /// 父规则组id; 0 when the group has no parent.
    pub parent_id: i64,
    /// 规则组名称.
    pub strategy_name: String,
    /// 规则组创建时间 (Unix seconds).
    pub create_time: i64,
    /// 规则组管理员userid列表.
    pub admin_list: Vec<String>,
    /// 权限配置.
    pub privilege: P,
}

/// The body of `get_range`: one page of the members and departments a rules group manages.
///
/// ```
/// use wecom_strategy::{MomentFamily, StrategyGetRangeRequest};
/// assert!(StrategyGetRangeRequest::<MomentFamily>::new(1).limit(1001).check().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyGetRangeRequest<F: Family> {
    /// 规则组id.
    pub strategy_id: i64,
    /// 分页游标 from the previous page's `next_cursor`; absent on the first call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Nodes per page, 1 ..= [`MAX_LIST_LIMIT`]; WeCom's default is 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip)]
    family: PhantomData<F>,
}

impl<F: Family> StrategyGetRangeRequest<F> {
    /// The first page of the range of rules group `strategy_id`.
    pub fn new(strategy_id: i64) -> Self {
        Self {
            strategy_id,
            cursor: None,
            limit: None,
            family: PhantomData,
        }
    }

    /// Pages of at most `limit` nodes (1 ..= 1000).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Checks `limit` 1 ..= 1000 when it is set.
    pub fn check(&self) -> Result<()> {
        check_limit(self.limit)
    }
}

impl<F: Family> CursorRequest for StrategyGetRangeRequest<F>
where
    Self: Endpoint<Response = StrategyGetRangeResponse>,
{
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `get_range`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StrategyGetRangeResponse {
    /// 管理范围节点.
    pub range: Vec<RangeNode>,
    /// 分页游标 of the next page; WeCom leaves it out (here: empty) after the last page.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_cursor: String,
}

impl Page for StrategyGetRangeResponse {
    type Item = RangeNode;
    fn into_items(self) -> Vec<RangeNode> {
        self.range
    }
}

impl CursorPage for StrategyGetRangeResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}
