//! The methods of [`IdConvertApi`] that convert one id (or one unionid) per call.

use wecom_core::{EmptyResponse, Result};

use crate::types::*;
use crate::IdConvertApi;

impl<'a> IdConvertApi<'a> {
    /// 外部联系人openid转换: the openid of a WeChat customer, e.g. for WeChat Pay 企业付款.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92323>. Corp token (`access_token`). Only
    /// customers who are WeChat users have one (a WeCom-user contact is refused).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn convert_to_openid(
        &self,
        external_userid: impl Into<String>,
    ) -> Result<ConvertToOpenidResponse> {
        let req = ConvertToOpenidRequest::new(external_userid);
        self.client().execute(&req).await
    }

    /// 企业主体unionid转换为第三方external_userid: for a mini program a provider builds for a corp (the
    /// corp's subject), the customer's external_userid from its unionid and openid.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93274>. Corp token of a third-party or 代开发
    /// app (`access_token`). Superseded by
    /// [`idconvert_unionid_to_external_userid`](Self::idconvert_unionid_to_external_userid).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn unionid_to_external_userid(
        &self,
        unionid: impl Into<String>,
        openid: impl Into<String>,
    ) -> Result<ExternalUseridResponse> {
        let req = UnionidToExternalUseridRequest::new(unionid, openid);
        self.client().execute(&req).await
    }

    /// 代开发应用external_userid转换: a 代开发 app's external_userid to the one the provider's
    /// third-party app sees in the same corp.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95195>. Token of the 代开发 app
    /// (`access_token`); the corp must also have authorized the provider's third-party app.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn to_service_external_userid(
        &self,
        external_userid: impl Into<String>,
    ) -> Result<ExternalUseridResponse> {
        let req = ToServiceExternalUseridRequest::new(external_userid);
        self.client().execute(&req).await
    }

    /// 服务商external_userid转自建应用external_userid: an id a third-party or 代开发 app (agent
    /// `source_agentid`) got, as the corp's self-built app knows it.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95884>. Token of a self-built or basic app
    /// (`access_token`); the follower must be visible to both apps.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn from_service_external_userid(
        &self,
        external_userid: impl Into<String>,
        source_agentid: i64,
    ) -> Result<ExternalUseridResponse> {
        let req = FromServiceExternalUseridRequest::new(external_userid, source_agentid);
        self.client().execute(&req).await
    }

    /// 第三方主体unionid转换为第三方external_userid: the user's external_userid in each corp that
    /// authorized the suite (or in `req.corpid` only).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95327> (§4.2; also 95878). **Suite token**
    /// (`suite_access_token`): the client needs [`suite`](wecom_core::ClientBuilder::suite) credentials,
    /// else [`Error::NoTokenFor`](wecom_core::Error::NoTokenFor) before anything is sent. WeCom allows
    /// 50 000 calls an hour and 240 000 a day per provider, for calls a user's action triggers only.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn unionid_to_external_userid_3rd(
        &self,
        req: &UnionidToExternalUserid3rdRequest,
    ) -> Result<UnionidToExternalUserid3rdResponse> {
        self.client().execute(req).await
    }

    /// unionid转换为第三方external_userid (`idconvert/`): the external_userid of a WeChat user who is the
    /// corp's customer, else a pending_id (valid 90 days) to link later with
    /// [`external_userid_to_pending_id`](Self::external_userid_to_pending_id).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95900> (代开发: 97108). Corp token of a
    /// third-party or 代开发 app (`access_token`). WeCom allows 100 000 calls an hour, 480 000 a day and
    /// 7 500 000 a month, counted per corp ([`SubjectType::Corp`]) or per provider
    /// ([`SubjectType::Provider`]); a mass-call ticket lifts that budget.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn idconvert_unionid_to_external_userid(
        &self,
        req: &IdconvertUnionidToExternalUseridRequest,
    ) -> Result<IdconvertUnionidToExternalUseridResponse> {
        self.client().execute(req).await
    }

    /// 设置迁移完成: the provider has moved every third-party app of corp `corpid` to the new
    /// external_userids; from then on those apps get only new ids (and `get_new_external_userid` is
    /// refused to them).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95327>. **Provider token**
    /// (`provider_access_token`): the client needs [`provider`](wecom_core::ClientBuilder::provider)
    /// credentials. One-way: there is no call to undo it.
    ///
    /// Idempotent (setting the same state again changes nothing): retried on -1/45033/timeouts/5xx.
    pub async fn finish_external_userid_migration(
        &self,
        corpid: impl Into<String>,
    ) -> Result<EmptyResponse> {
        let req = FinishExternalUseridMigrationRequest::new(corpid);
        self.client().execute(&req).await
    }
}
