//! 客户朋友圈规则组管理 (doc 94890): `/cgi-bin/externalcontact/moment_strategy/*`.

use futures::Stream;
use wecom_core::{EmptyResponse, Result};

use crate::types::{
    MomentFamily as C, MomentPrivilege, RangeNode, StrategyCreateRequest, StrategyCreateResponse,
    StrategyDelRequest, StrategyEditRequest, StrategyGetRangeRequest, StrategyGetRangeResponse,
    StrategyGetRequest, StrategyGetResponse, StrategyListItem, StrategyListRequest,
    StrategyListResponse,
};
use crate::MomentStrategyApi;

impl<'a> MomentStrategyApi<'a> {
    /// 获取规则组列表 — one page of the ids of the moment rules groups this app created.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    ///
    /// Checked before sending: `limit` 1 ..= 1000. Only the 「客户联系」 secret's token may call the
    /// moment rules group endpoints.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn list(&self, req: &StrategyListRequest<C>) -> Result<StrategyListResponse> {
        self.client().execute(req).await
    }

    /// Every [`StrategyListItem`] of [`list`](Self::list), page after page from `req`'s cursor on;
    /// ends after the last page or the first error (which it yields).
    pub fn list_stream(
        &self,
        req: StrategyListRequest<C>,
    ) -> impl Stream<Item = Result<StrategyListItem>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取规则组详情 — name, parent, administrators and every [`MomentPrivilege`] flag.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get(
        &self,
        req: &StrategyGetRequest<C>,
    ) -> Result<StrategyGetResponse<MomentPrivilege>> {
        self.client().execute(req).await
    }

    /// 获取规则组管理范围 — one page of the members and departments a rules group manages.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    ///
    /// Checked before sending: `limit` 1 ..= 1000.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_range(
        &self,
        req: &StrategyGetRangeRequest<C>,
    ) -> Result<StrategyGetRangeResponse> {
        self.client().execute(req).await
    }

    /// Every [`RangeNode`] of [`get_range`](Self::get_range), page after page from `req`'s cursor on;
    /// ends after the last page or the first error (which it yields).
    pub fn get_range_stream(
        &self,
        req: StrategyGetRangeRequest<C>,
    ) -> impl Stream<Item = Result<RangeNode>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 创建新的规则组 — a moment rules group with its administrators, permissions and range.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    ///
    /// Checked before sending: see [`StrategyCreateRequest::check`]. WeCom also requires a child's
    /// range to lie within its parent's, at most 5 levels and 3000 range nodes per group. Call it
    /// serially: WeCom forbids concurrent creates.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure (a retry could create a second group).
    pub async fn create(&self, req: &StrategyCreateRequest<C>) -> Result<StrategyCreateResponse> {
        self.client().execute(req).await
    }

    /// 编辑规则组及其管理范围 — renames, replaces administrators or permissions, changes the range.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    ///
    /// Checked before sending: see [`StrategyEditRequest::check`]. Call it serially: WeCom forbids
    /// concurrent edits.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx (it sets values; adding a node already in the
    /// range leaves it there once).
    pub async fn edit(&self, req: &StrategyEditRequest<C>) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 删除规则组 — deletes a moment rules group.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx; a retry after a lost answer may report the group
    /// unknown.
    pub async fn del(&self, req: &StrategyDelRequest<C>) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }
}
