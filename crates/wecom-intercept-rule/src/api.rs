//! The methods of [`InterceptRuleApi`]: one per endpoint.

use wecom_core::{EmptyResponse, Result};

use crate::types::*;
use crate::InterceptRuleApi;

impl<'a> InterceptRuleApi<'a> {
    /// 新建敏感词规则: words (and optionally phone numbers, emails, red packets) members may not send
    /// customers, with a warning or a block.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95097>. Validated before sending: name 1..=20
    /// characters, 1..=300 words of 1..=32 characters, a range that is not empty with at most 1000
    /// members and 1000 departments. A corp holds at most 100 rules.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure, so a rule is never created twice.
    pub async fn add_intercept_rule(
        &self,
        req: &AddInterceptRuleRequest,
    ) -> Result<AddInterceptRuleResponse> {
        self.client().execute(req).await
    }

    /// 获取敏感词规则列表: every rule of the corp, with its id, name and creation time.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95097>. `GET`.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_intercept_rule_list(&self) -> Result<GetInterceptRuleListResponse> {
        self.client().execute(&GetInterceptRuleListRequest {}).await
    }

    /// 获取敏感词规则详情: a rule's words, semantics, interception and range (the range within the
    /// app's visible range).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95097>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_intercept_rule(
        &self,
        req: &GetInterceptRuleRequest,
    ) -> Result<GetInterceptRuleResponse> {
        self.client().execute(req).await
    }

    /// 修改敏感词规则: changes what is set; the range by members and departments added and removed.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95097>. Validated like
    /// [`add_intercept_rule`](Self::add_intercept_rule) for what is set.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn update_intercept_rule(
        &self,
        req: &UpdateInterceptRuleRequest,
    ) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 删除敏感词规则.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95097>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx (a repeated delete may answer an errcode).
    pub async fn del_intercept_rule(&self, req: &DelInterceptRuleRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }
}
