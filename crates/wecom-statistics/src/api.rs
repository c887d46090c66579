//! The methods of [`StatisticsApi`]: one per endpoint, plus a stream over the offset-paged statistic.

use futures::Stream;
use wecom_core::Result;

use crate::types::*;
use crate::StatisticsApi;

impl<'a> StatisticsApi<'a> {
    /// 获取「联系客户统计」数据: per-day figures (chats, messages, reply rate, new customers, …) of
    /// members or departments.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92132>. Validated before sending: userid or
    /// partyid given (at most 100 each), `end_time ≥ start_time`, a span of at most 30 days. WeCom keeps
    /// 180 days of data. Notable errcodes: 60011 (an id outside the app's visible range).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_user_behavior_data(
        &self,
        req: &GetUserBehaviorDataRequest,
    ) -> Result<GetUserBehaviorDataResponse> {
        self.client().execute(req).await
    }

    /// 获取「群聊数据统计」数据 (按群主聚合): one page of per-owner customer-group figures.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92133>. Offset-paged: `next_offset` equals
    /// `total` after the last page. Validated before sending: limit 1..=1000, at most 100 owners, a span
    /// of at most 30 days. Notable errcodes: 81017 without an owner filter when the visible range holds
    /// more than 1000 members, 60011.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn groupchat_statistic(
        &self,
        req: &GroupChatStatisticRequest,
    ) -> Result<GroupChatStatisticResponse> {
        self.client().execute(req).await
    }

    /// Every [`GroupChatStatisticItem`] of [`groupchat_statistic`](Self::groupchat_statistic), page
    /// after page from `req`'s offset on; ends when `next_offset` reaches `total`, on an empty page, or
    /// after the first error (which it yields).
    pub fn groupchat_statistic_stream(
        &self,
        req: GroupChatStatisticRequest,
    ) -> impl Stream<Item = Result<GroupChatStatisticItem>> + Send + Unpin + 'static {
        self.client().paginate_offset(req).items()
    }

    /// 获取「群聊数据统计」数据 (按自然日聚合): customer-group figures per day.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92133>. Validated before sending: at most 100
    /// owners, a span of at most 30 days. Notable errcodes: 81017 without an owner filter when the
    /// visible range holds more than 1000 members, 60011.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn groupchat_statistic_group_by_day(
        &self,
        req: &GroupChatStatisticGroupByDayRequest,
    ) -> Result<GroupChatStatisticGroupByDayResponse> {
        self.client().execute(req).await
    }
}
