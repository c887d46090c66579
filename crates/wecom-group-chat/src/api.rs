//! The methods of [`GroupChatApi`]: one per endpoint, plus a stream over the cursor-paged list.

use futures::Stream;
use wecom_core::{EmptyResponse, Result};

use crate::types::*;
use crate::GroupChatApi;

impl<'a> GroupChatApi<'a> {
    /// 获取客户群列表: one page of the customer groups the app may see.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92120>. Validated before sending: limit
    /// 1..=1000, at most 100 owners. Notable errcodes: 81017 (可见范围超过上限) when no `owner_filter`
    /// is given and the app's visible range holds more than 1000 members — pass
    /// [`GroupChatListRequest::owner_filter`] to narrow it.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn list(&self, req: &GroupChatListRequest) -> Result<GroupChatListResponse> {
        self.client().execute(req).await
    }

    /// Every [`GroupChatListItem`] of [`list`](Self::list), fetching page after page from `req`'s
    /// cursor on; ends after the last page (empty `next_cursor`) or the first error (which it yields).
    pub fn list_stream(
        &self,
        req: GroupChatListRequest,
    ) -> impl Stream<Item = Result<GroupChatListItem>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取客户群详情: name, owner, notice, members (with how and when they joined) and admins.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92122>. Notable errcodes: 90501 (not a
    /// customer group), 60011 (the owner is outside the app's visible range).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get(&self, req: &GroupChatGetRequest) -> Result<GroupChatGetResponse> {
        self.client().execute(req).await
    }

    /// 客户群opengid转换: turns the opengid a mini program got from `wx.getGroupEnterInfo` into the
    /// group's `chat_id`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94822>. Works only
    /// for customer groups of this corp.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn opengid_to_chatid(
        &self,
        opengid: impl Into<String>,
    ) -> Result<OpengidToChatidResponse> {
        self.client()
            .execute(&OpengidToChatidRequest::new(opengid))
            .await
    }

    /// 配置客户群进群方式: creates a 「加入群聊」 QR code or mini-program button for up to 5 groups.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92229>. Validated before sending: 1 to 5
    /// groups, `state` ≤ 30 characters, `room_base_name` ≤ 40 characters. WeCom allows 500 000
    /// configurations per corp (shared with 「联系我」). Notable errcodes: 48002 (third-party and 代开发 apps
    /// need the 「加入群聊」 permission and value-added interface), 45009 (frequency limit).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure, so a configuration is never created
    /// twice.
    pub async fn add_join_way(&self, req: &AddJoinWayRequest) -> Result<AddJoinWayResponse> {
        self.client().execute(req).await
    }

    /// 获取客户群进群方式配置: one configuration, with its QR code URL.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92229>. An app sees only the configurations
    /// it created.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_join_way(&self, req: &GetJoinWayRequest) -> Result<GetJoinWayResponse> {
        self.client().execute(req).await
    }

    /// 更新客户群进群方式配置: overwrites a whole configuration (fields left out are reset).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92229>. Validated like
    /// [`add_join_way`](Self::add_join_way).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn update_join_way(&self, req: &UpdateJoinWayRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 删除客户群进群方式配置.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92229>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn del_join_way(&self, req: &DelJoinWayRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }
}
