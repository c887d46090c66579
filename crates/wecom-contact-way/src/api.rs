//! The methods of [`ContactWayApi`]: one per endpoint.

use futures::Stream;
use wecom_core::{EmptyResponse, Result};

use crate::types::{
    AddContactWayRequest, AddContactWayResponse, CloseTempChatRequest, DelContactWayRequest,
    GetContactWayRequest, GetContactWayResponse, ListContactWayRequest, ListContactWayResponse,
    ListedContactWay, UpdateContactWayRequest,
};
use crate::ContactWayApi;

impl<'a> ContactWayApi<'a> {
    /// 配置客户联系「联系我」方式 — creates a 「联系我」 QR code or mini-program button.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    ///
    /// Checked before sending: see [`AddContactWayRequest::check`]. Notable errcodes: 41037 (type
    /// missing or invalid), 60011 (member or department outside the app's visible range). At most 500,000 API ways per corp;
    /// temporary-chat ways do not count but are limited to 100,000 a day. Store the returned `config_id`.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure (a retry could create a second way).
    pub async fn add_contact_way(
        &self,
        req: &AddContactWayRequest,
    ) -> Result<AddContactWayResponse> {
        self.client().execute(req).await
    }

    /// 获取企业已配置的「联系我」方式 — reads one configuration.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    ///
    /// Notable errcodes: 48002 (the app may not call this API), 60011 (no privilege).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_contact_way(
        &self,
        req: &GetContactWayRequest,
    ) -> Result<GetContactWayResponse> {
        self.client().execute(req).await
    }

    /// 更新企业已配置的「联系我」方式 — changes remark, members, style, state, temporary-chat settings.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    ///
    /// Checked before sending: see [`UpdateContactWayRequest::check`]. An expired temporary-chat way
    /// cannot be edited. Notable errcodes: 60011 (member or department outside the visible range).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx (it sets the given values).
    pub async fn update_contact_way(&self, req: &UpdateContactWayRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 获取企业已配置的「联系我」列表 — one page of config ids.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    ///
    /// Lists ways created through the API after 2021-07-10, without temporary-chat ways. Checked
    /// before sending: `limit` ≤ 1000, and `end_time` ≥ `start_time` when both are set. See
    /// [`list_contact_way_stream`](Self::list_contact_way_stream) for every page.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn list_contact_way(
        &self,
        req: &ListContactWayRequest,
    ) -> Result<ListContactWayResponse> {
        self.client().execute(req).await
    }

    /// 获取企业已配置的「联系我」列表 — every config id of every page, starting at `req`'s cursor.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    ///
    /// Fetches a page when the stream needs one; ends after the last page (empty `next_cursor`), a
    /// repeated cursor, or the first error (which it yields).
    ///
    /// Idempotent: each page is retried on -1/45033/timeouts/5xx.
    pub fn list_contact_way_stream(
        &self,
        req: ListContactWayRequest,
    ) -> impl Stream<Item = Result<ListedContactWay>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 删除企业已配置的「联系我」方式 — deletes one configuration.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    ///
    /// A retry after a lost answer may report that the way no longer exists.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn del_contact_way(&self, req: &DelContactWayRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 结束临时会话 — ends the temporary chat between a member and a customer; WeCom first sends the
    /// configured conclusions.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    ///
    /// The member and the customer must still have a valid temporary chat; customers added any other
    /// way cannot be closed. Notable errcodes: 40096 (invalid external_userid), 84061 (no such
    /// relation).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx (a closed chat cannot be closed twice, so the
    /// conclusions are never sent twice; a retry after a lost answer may report an error instead).
    pub async fn close_temp_chat(&self, req: &CloseTempChatRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }
}
