//! 获取「群聊数据统计」数据: by owner (groupchat/statistic, offset-paged) and by day
//! (groupchat/statistic_group_by_day).

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{OffsetPage, OffsetRequest, Page};
use wecom_core::{check, Result};

use super::behavior::MAX_SPAN_SECS;
use super::{OwnerFilter, SortOrder};

/// Most owners per page of `groupchat/statistic` (取值范围 1 ~ 1000; WeCom's default is 500).
pub const MAX_STATISTIC_LIMIT: u32 = 1_000;

wecom_core::int_enum! {
    /// 排序方式 of `groupchat/statistic`.
    #[derive(Default)]
    pub enum OrderBy {
        /// 1: 新增群的数量, the default.
        #[default]
        NewChatCnt = 1,
        /// 2: 群总数.
        ChatTotal = 2,
        /// 3: 新增群人数.
        NewMemberCnt = 3,
        /// 4: 群总人数.
        MemberTotal = 4,
    }
}

/// Checks the day range and the owner filter shared by both statistic requests.
fn check_days(begin: i64, end: Option<i64>, filter: Option<&OwnerFilter>) -> Result<()> {
    if let Some(end) = end {
        check::time_range(
            "day_begin_time",
            begin,
            "day_end_time",
            end,
            Some(MAX_SPAN_SECS),
        )?;
    }
    filter.map_or(Ok(()), OwnerFilter::check)
}

/// The body of `POST /cgi-bin/externalcontact/groupchat/statistic` (获取「群聊数据统计」数据, 按群主聚合).
///
/// WeCom rounds the times down to 0:00, includes both ends, and keeps 180 days of data.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GroupChatStatisticRequest {
    /// 起始日期的时间戳 (0:00 of the day).
    pub day_begin_time: i64,
    /// 结束日期的时间戳; WeCom's default is `day_begin_time` (one day). At most 30 days after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_end_time: Option<i64>,
    /// 群主过滤. Without it WeCom covers every owner in the app's visible range (errcode 81017 past
    /// 1000 members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_filter: Option<OwnerFilter>,
    /// 排序方式 (WeCom's default: [`OrderBy::NewChatCnt`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrderBy>,
    /// 是否升序 (WeCom's default: descending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_asc: Option<SortOrder>,
    /// 分页偏移量 (WeCom's default: 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// 分页大小, 1 ..= [`MAX_STATISTIC_LIMIT`] (WeCom's default: 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl GroupChatStatisticRequest {
    /// The per-owner figures of the day starting at `day_begin_time` (unix seconds).
    pub fn new(day_begin_time: i64) -> Self {
        Self {
            day_begin_time,
            day_end_time: None,
            owner_filter: None,
            order_by: None,
            order_asc: None,
            offset: None,
            limit: None,
        }
    }

    /// Up to and including the day of `v` (at most 30 days after `day_begin_time`).
    pub fn day_end_time(mut self, v: i64) -> Self {
        self.day_end_time = Some(v);
        self
    }

    /// Only groups owned by these members (at most 100).
    pub fn owner_filter<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.owner_filter = Some(OwnerFilter::new(userids));
        self
    }

    /// Sorts by this figure.
    pub fn order_by(mut self, v: OrderBy) -> Self {
        self.order_by = Some(v);
        self
    }

    /// Ascending or descending.
    pub fn order_asc(mut self, v: SortOrder) -> Self {
        self.order_asc = Some(v);
        self
    }

    /// Starts at this offset.
    pub fn offset(mut self, v: u64) -> Self {
        self.offset = Some(v);
        self
    }

    /// At most this many owners per page (1 ..= 1000).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Checks limit 1 ..= 1000, at most 100 owners, `day_end_time ≥ day_begin_time` and a span of at
    /// most 30 days.
    pub fn check(&self) -> Result<()> {
        if let Some(limit) = self.limit {
            check::between("limit", limit.into(), 1, MAX_STATISTIC_LIMIT.into())?;
        }
        check_days(
            self.day_begin_time,
            self.day_end_time,
            self.owner_filter.as_ref(),
        )
    }
}

wecom_core::impl_endpoint!(GroupChatStatisticRequest => GroupChatStatisticResponse,
    Post "/cgi-bin/externalcontact/groupchat/statistic", Idempotent,
    validate = GroupChatStatisticRequest::check);

impl OffsetRequest for GroupChatStatisticRequest {
    fn set_offset(&mut self, offset: u64) {
        self.offset = Some(offset);
    }
}

/// One page of `groupchat/statistic`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatStatisticResponse {
    /// 命中过滤条件的记录总个数.
    pub total: u64,
    /// 当前分页的下一个offset; equal to `total` when every record has been fetched.
    pub next_offset: u64,
    /// 记录列表: one owner's groups each.
    pub items: Vec<GroupChatStatisticItem>,
}

impl Page for GroupChatStatisticResponse {
    type Item = GroupChatStatisticItem;
    fn into_items(self) -> Vec<GroupChatStatisticItem> {
        self.items
    }
}

impl OffsetPage for GroupChatStatisticResponse {
    /// `None` once `next_offset` reaches `total` (当next_offset和total相等时，说明已经取完所有), on an
    /// empty page, or on a `next_offset` of 0 (which could only repeat the first page).
    fn next_offset(&self) -> Option<u64> {
        let done = self.items.is_empty() || self.next_offset == 0 || self.next_offset >= self.total;
        (!done).then_some(self.next_offset)
    }
}

/// One owner's figures in `groupchat/statistic`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatStatisticItem {
    /// 群主ID.
    pub owner: String,
    /// 详情.
    pub data: GroupChatStatisticData,
}

/// The figures of 群聊数据统计 (the same in both aggregations).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatStatisticData {
    /// 新增客户群数量.
    pub new_chat_cnt: i64,
    /// 截至当天客户群总数量.
    pub chat_total: i64,
    /// 截至当天有发过消息的客户群数量.
    pub chat_has_msg: i64,
    /// 客户群新增群人数.
    pub new_member_cnt: i64,
    /// 截至当天客户群总人数.
    pub member_total: i64,
    /// 截至当天有发过消息的群成员数.
    pub member_has_msg: i64,
    /// 截至当天客户群消息总数.
    pub msg_total: i64,
    /// 截至当天新增迁移群数; only sent to corps in the education and training industry (仅教培行业返回).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub migrate_trainee_chat_cnt: Option<i64>,
}

/// The body of `POST /cgi-bin/externalcontact/groupchat/statistic_group_by_day`
/// (获取「群聊数据统计」数据, 按自然日聚合).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GroupChatStatisticGroupByDayRequest {
    /// 起始日期的时间戳 (0:00 of the day).
    pub day_begin_time: i64,
    /// 结束日期的时间戳; WeCom's default is `day_begin_time`. At most 30 days after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_end_time: Option<i64>,
    /// 群主过滤.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_filter: Option<OwnerFilter>,
}

impl GroupChatStatisticGroupByDayRequest {
    /// The per-day figures from the day of `day_begin_time` (unix seconds).
    pub fn new(day_begin_time: i64) -> Self {
        Self {
            day_begin_time,
            day_end_time: None,
            owner_filter: None,
        }
    }

    /// Up to and including the day of `v` (at most 30 days after `day_begin_time`).
    pub fn day_end_time(mut self, v: i64) -> Self {
        self.day_end_time = Some(v);
        self
    }

    /// Only groups owned by these members (at most 100).
    pub fn owner_filter<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.owner_filter = Some(OwnerFilter::new(userids));
        self
    }

    /// Checks at most 100 owners, `day_end_time ≥ day_begin_time` and a span of at most 30 days.
    pub fn check(&self) -> Result<()> {
        check_days(
            self.day_begin_time,
            self.day_end_time,
            self.owner_filter.as_ref(),
        )
    }
}

wecom_core::impl_endpoint!(GroupChatStatisticGroupByDayRequest => GroupChatStatisticGroupByDayResponse,
    Post "/cgi-bin/externalcontact/groupchat/statistic_group_by_day", Idempotent,
    validate = GroupChatStatisticGroupByDayRequest::check);

/// The answer of `groupchat/statistic_group_by_day`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatStatisticGroupByDayResponse {
    /// 记录列表: one day each.
    pub items: Vec<GroupChatStatisticByDayItem>,
}

/// One day's figures in `groupchat/statistic_group_by_day`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatStatisticByDayItem {
    /// 数据日期, 当日0点的时间戳.
    pub stat_time: i64,
    /// 详情.
    pub data: GroupChatStatisticData,
}
