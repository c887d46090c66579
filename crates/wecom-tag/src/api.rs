//! The methods of [`TagApi`]: one per endpoint.

use wecom_core::{EmptyResponse, Result};

use crate::types::{
    AddCorpTagRequest, AddCorpTagResponse, AddStrategyTagRequest, DelCorpTagRequest,
    DelStrategyTagRequest, EditCorpTagRequest, EditStrategyTagRequest, GetCorpTagListRequest,
    GetCorpTagListResponse, GetStrategyTagListRequest, MarkTagRequest,
};
use crate::TagApi;

impl<'a> TagApi<'a> {
    /// 获取企业标签库 — the corp's tag groups and tags, all or filtered by tag or group ids.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92117>
    ///
    /// With both filters WeCom uses `group_id` only; `deleted` is returned only when filtering.
    /// Notable errcodes: 48002 (the app may not call this API).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_corp_tag_list(
        &self,
        req: &GetCorpTagListRequest,
    ) -> Result<GetCorpTagListResponse> {
        self.client().execute(req).await
    }

    /// 添加企业客户标签 — adds tags to a group, creating the group when it is named and new.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92117>
    ///
    /// Checked before sending: see [`AddCorpTagRequest::check`]. The corp's tag library is limited in
    /// size; WeCom rejects additions beyond it.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure (a retry could create a second group).
    pub async fn add_corp_tag(&self, req: &AddCorpTagRequest) -> Result<AddCorpTagResponse> {
        self.client().execute(req).await
    }

    /// 编辑企业客户标签 — renames or reorders a tag or tag group.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92117>
    ///
    /// Checked before sending: `name` ≤ 30 characters. An app can only edit tags it created.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx (it sets the given values).
    pub async fn edit_corp_tag(&self, req: &EditCorpTagRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 删除企业客户标签 — deletes tags and/or whole groups.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92117>
    ///
    /// Checked before sending: `tag_id` and `group_id` not both empty. A group whose tags are all
    /// deleted disappears. A retry after a lost answer may report that the tag no longer exists.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn del_corp_tag(&self, req: &DelCorpTagRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 编辑客户企业标签 — adds and removes corp tags on a customer of a member.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92118>
    ///
    /// Checked before sending: `add_tag` and `remove_tag` not both empty. Notable errcodes: 84061
    /// (`external_userid` is not a customer of `userid`), 40096 (invalid external_userid), 60011
    /// (member outside the app's visible range).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx (adding a tag twice leaves it set once).
    pub async fn mark_tag(&self, req: &MarkTagRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 获取指定规则组下的企业客户标签 — the tag groups of a rules group (客户联系规则组), all or filtered by
    /// tag or group ids; each group carries its `strategy_id`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94882>
    ///
    /// With both filters WeCom uses `group_id` only. Only the 「客户联系」 secret may call it; an app sees
    /// the rules groups it created.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_strategy_tag_list(
        &self,
        req: &GetStrategyTagListRequest,
    ) -> Result<GetCorpTagListResponse> {
        self.client().execute(req).await
    }

    /// 为指定规则组创建企业客户标签 — adds tags to a group of a rules group, creating the group when it is
    /// named and new.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94882>
    ///
    /// Checked before sending: see [`AddStrategyTagRequest::check`]. Only first-level rules groups take
    /// tags; corp tags and rules-group tags together are limited to 3000 (errcode 40126 beyond).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure (a retry could create a second group).
    pub async fn add_strategy_tag(
        &self,
        req: &AddStrategyTagRequest,
    ) -> Result<AddCorpTagResponse> {
        self.client().execute(req).await
    }

    /// 编辑指定规则组下的企业客户标签 — renames or reorders a tag or tag group of a rules group.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94882>
    ///
    /// Checked before sending: `name` ≤ 30 characters. A group may not take the name of another group,
    /// nor a tag the name of another tag of its group (errcode 40071).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx (it sets the given values).
    pub async fn edit_strategy_tag(&self, req: &EditStrategyTagRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 删除指定规则组下的企业客户标签 — deletes tags and/or whole groups of rules groups.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94882>
    ///
    /// Checked before sending: `tag_id` and `group_id` not both empty. A group whose tags are all
    /// deleted disappears. A retry after a lost answer may report that the tag no longer exists.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn del_strategy_tag(&self, req: &DelStrategyTagRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }
}
