//! The methods of [`CustomerAcquisitionApi`]: one per endpoint, plus streams over the cursor-paged lists.

use futures::Stream;
use wecom_core::{EmptyResponse, Result};

use crate::types::*;
use crate::CustomerAcquisitionApi;

impl<'a> CustomerAcquisitionApi<'a> {
    /// 获取获客链接列表: one page of the ids of the links still in use.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>. Validated before sending: limit
    /// 1..=100. Takes the token of a self-built app in the 「可调用应用」 list (not the 客户联系 secret's),
    /// or a third-party / 代开发 app's with 「获客助手」 permission.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn list_link(&self, req: &ListLinkRequest) -> Result<ListLinkResponse> {
        self.client().execute(req).await
    }

    /// Every link id of [`list_link`](Self::list_link), fetching page after page from `req`'s cursor
    /// on; ends after the last page or the first error (which it yields).
    pub fn list_link_stream(
        &self,
        req: ListLinkRequest,
    ) -> impl Stream<Item = Result<String>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取获客链接详情: a link's name, URL, range and priority option.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get(&self, req: &GetLinkRequest) -> Result<GetLinkResponse> {
        self.client().execute(req).await
    }

    /// 创建获客链接: a link handing customers to the members of its range.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>. Validated before sending: name 1..=30
    /// characters, a range that is not empty with at most 500 members, at most 1000 priority members.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure, so a link is never created twice.
    pub async fn create_link(&self, req: &CreateLinkRequest) -> Result<CreateLinkResponse> {
        self.client().execute(req).await
    }

    /// 编辑获客链接: renames a link or replaces its range (覆盖更新), its verification and priority option.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>. Validated like
    /// [`create_link`](Self::create_link) for what is set. Only links this app created.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn update_link(&self, req: &UpdateLinkRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 删除获客链接: the link stops working.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx (a repeated delete may answer an errcode).
    pub async fn delete_link(&self, req: &DeleteLinkRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 获取由获客链接添加的客户信息: one page of the customers a link brought, with their member, chat
    /// status and channel.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97298>. Validated before sending: a link id,
    /// limit 1..=1000.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn customer(&self, req: &ListCustomerRequest) -> Result<ListCustomerResponse> {
        self.client().execute(req).await
    }

    /// Every [`AcquiredCustomer`] of [`customer`](Self::customer), fetching page after page from `req`'s
    /// cursor on; ends after the last page or the first error (which it yields).
    pub fn customer_stream(
        &self,
        req: ListCustomerRequest,
    ) -> impl Stream<Item = Result<AcquiredCustomer>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 查询剩余使用量: the quota bought, the balance, and the balance per batch by expiry.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97375>. `GET`. For how long it lasts, see
    /// [`quota_forecast`](Self::quota_forecast).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn quota(&self) -> Result<QuotaResponse> {
        self.client().execute(&QuotaRequest {}).await
    }

    /// 查询链接使用详情: a link's clicks and new customers over whole days.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97375>. Validated before sending: a link id,
    /// `start_time ≤ end_time`, at most 30 days apart (WeCom also keeps only the last 180 days).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn statistic(&self, req: &StatisticRequest) -> Result<StatisticResponse> {
        self.client().execute(req).await
    }

    /// 获取成员多次收消息详情: who talks to whom, and how many messages the member received, for the
    /// `ChatKey` of a `message_from_customer` callback.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/100130> (获客助手组件: 100135). The key is
    /// valid about 30 minutes after the callback.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_chat_info(&self, req: &GetChatInfoRequest) -> Result<GetChatInfoResponse> {
        self.client().execute(req).await
    }

    /// 获取客户可建联成员 (「营销获客」 third-party apps): the members, departments and tags customers may
    /// be connected with.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/101146>. `GET`.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_permit(&self) -> Result<GetPermitResponse> {
        self.client().execute(&GetPermitRequest {}).await
    }

    /// 生成代支付key (获客助手组件, with the corp's 服务商代支付 `pay_mode` 1): one-off keys, valid 14 days,
    /// appended as `once_key` to the link's `comp_scene` URL.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99603>. Validated before sending: a link id,
    /// 1..=1000 keys.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure, so keys are never made twice.
    pub async fn create_once_key(
        &self,
        req: &CreateOnceKeyRequest,
    ) -> Result<CreateOnceKeyResponse> {
        self.client().execute(req).await
    }

    /// 获取组件授权信息 (获客助手组件): the corp's pay mode, the price the provider pays, the link
    /// authorization mode and the authorized apps.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99610>. `POST` with an empty body.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_comp_auth_info(&self) -> Result<GetCompAuthInfoResponse> {
        self.client().execute(&GetCompAuthInfoRequest {}).await
    }

    /// 获取代支付流水 (获客助手组件): one page of what the provider paid for a corp's customers. Takes the
    /// **suite** token (`suite_access_token`): call it on a client built with `.suite(…)`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99602>. Validated before sending: a corp id,
    /// `begin_time ≤ end_time` at most 31 days apart, limit 1..=1000.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_bill_list(&self, req: &GetBillListRequest) -> Result<GetBillListResponse> {
        self.client().execute(req).await
    }

    /// Every [`Bill`] of [`get_bill_list`](Self::get_bill_list), fetching page after page from `req`'s
    /// cursor on; ends after the last page or the first error (which it yields).
    pub fn get_bill_list_stream(
        &self,
        req: GetBillListRequest,
    ) -> impl Stream<Item = Result<Bill>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }
}
