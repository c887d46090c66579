//! From a WeChat user's unionid (and openid) to the external_userid, or to the pending_id that stands for
//! it until the user becomes a customer.

use serde::{Deserialize, Serialize};
use wecom_core::{check, Result};

use super::external_userid::required;
use super::ExternalUseridResponse;

/// WeCom's limit of ids per `idconvert/batch/external_userid_to_pending_id` call (最多可同时查询100个).
pub const MAX_PENDING_ID_QUERY: usize = 100;

/// The body of `POST /cgi-bin/externalcontact/unionid_to_external_userid` (企业主体unionid转换为第三方
/// external_userid, the older conversion for mini programs a provider builds for a corp).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UnionidToExternalUseridRequest {
    /// 微信客户的unionid.
    pub unionid: String,
    /// 微信客户的openid, from the same mini program as the unionid.
    pub openid: String,
}

impl UnionidToExternalUseridRequest {
    /// Converts this unionid / openid pair.
    pub fn new(unionid: impl Into<String>, openid: impl Into<String>) -> Self {
        Self {
            unionid: unionid.into(),
            openid: openid.into(),
        }
    }

    /// Checks that both ids are set.
    pub fn check(&self) -> Result<()> {
        required("unionid", &self.unionid)?;
        required("openid", &self.openid)
    }
}

wecom_core::impl_endpoint!(UnionidToExternalUseridRequest => ExternalUseridResponse,
    Post "/cgi-bin/externalcontact/unionid_to_external_userid", Idempotent,
    validate = UnionidToExternalUseridRequest::check);

/// The body of `POST /cgi-bin/service/externalcontact/unionid_to_external_userid_3rd` (第三方主体unionid
/// 转换为第三方external_userid), called with the suite's `suite_access_token`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UnionidToExternalUserid3rdRequest {
    /// 微信用户的unionid.
    pub unionid: String,
    /// 微信用户的openid, from the same mini program or official account.
    pub openid: String,
    /// 需要换取的企业corpid; every authorized corp when absent (WeCom answers faster with it, and
    /// requires it for customer groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpid: Option<String>,
}

impl UnionidToExternalUserid3rdRequest {
    /// Looks this unionid / openid pair up in every corp that authorized the suite.
    pub fn new(unionid: impl Into<String>, openid: impl Into<String>) -> Self {
        Self {
            unionid: unionid.into(),
            openid: openid.into(),
            corpid: None,
        }
    }

    /// Only in this corp.
    pub fn corpid(mut self, corpid: impl Into<String>) -> Self {
        self.corpid = Some(corpid.into());
        self
    }

    /// Checks that both ids are set.
    pub fn check(&self) -> Result<()> {
        required("unionid", &self.unionid)?;
        required("openid", &self.openid)
    }
}

wecom_core::impl_endpoint!(UnionidToExternalUserid3rdRequest => UnionidToExternalUserid3rdResponse,
    Post "/cgi-bin/service/externalcontact/unionid_to_external_userid_3rd", Idempotent,
    token = Suite, validate = UnionidToExternalUserid3rdRequest::check);

/// The answer of `unionid_to_external_userid_3rd`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct UnionidToExternalUserid3rdResponse {
    /// 该unionid对应的外部联系人信息, one entry per corp.
    pub external_userid_info: Vec<CorpExternalUserid>,
}

/// One corp's external_userid of the user.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct CorpExternalUserid {
    /// 所属企业id.
    pub corpid: String,
    /// 外部联系人id.
    pub external_userid: String,
}

wecom_core::int_enum! {
    /// 小程序或公众号的主体类型 of `idconvert/unionid_to_external_userid`; it also decides whose call
    /// budget counts (the corp's, shared by its providers, or the provider's).
    pub enum SubjectType {
        /// 0: 主体名称是企业的.
        Corp = 0,
        /// 1: 主体名称是服务商的.
        Provider = 1,
    }
}

/// The body of `POST /cgi-bin/idconvert/unionid_to_external_userid` (unionid转换为第三方
/// external_userid): the user's external_userid, or a pending_id while the user is no customer yet.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IdconvertUnionidToExternalUseridRequest {
    /// 微信客户的unionid.
    pub unionid: String,
    /// 微信客户的openid.
    pub openid: String,
    /// 小程序或公众号的主体类型; WeCom takes 0 (the corp's) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_type: Option<SubjectType>,
    /// 大批量调用凭据 (`corp/apply_mass_call_ticket`), which lifts the business call budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mass_call_ticket: Option<String>,
}

impl IdconvertUnionidToExternalUseridRequest {
    /// Converts this unionid / openid pair.
    pub fn new(unionid: impl Into<String>, openid: impl Into<String>) -> Self {
        Self {
            unionid: unionid.into(),
            openid: openid.into(),
            subject_type: None,
            mass_call_ticket: None,
        }
    }

    /// Whose mini program or official account the ids come from.
    pub fn subject_type(mut self, subject_type: SubjectType) -> Self {
        self.subject_type = Some(subject_type);
        self
    }

    /// Calls with a mass-call ticket.
    pub fn mass_call_ticket(mut self, ticket: impl Into<String>) -> Self {
        self.mass_call_ticket = Some(ticket.into());
        self
    }

    /// Checks that both ids are set.
    pub fn check(&self) -> Result<()> {
        required("unionid", &self.unionid)?;
        required("openid", &self.openid)
    }
}

wecom_core::impl_endpoint!(IdconvertUnionidToExternalUseridRequest => IdconvertUnionidToExternalUseridResponse,
    Post "/cgi-bin/idconvert/unionid_to_external_userid", Idempotent,
    validate = IdconvertUnionidToExternalUseridRequest::check);

/// The answer of `idconvert/unionid_to_external_userid`: one of the two ids.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct IdconvertUnionidToExternalUseridResponse {
    /// 该授权企业的外部联系人ID, when the user is a customer whose follower the app sees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// 临时外部联系人ID (90 days) otherwise; it only links the unionid to the external_userid later
    /// (`external_userid_to_pending_id`) and is no external_userid for other calls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_id: Option<String>,
}

/// The body of `POST /cgi-bin/idconvert/batch/external_userid_to_pending_id` (external_userid查询
/// pending_id): one call's worth (at most [`MAX_PENDING_ID_QUERY`]); the SDK method sends any number.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExternalUseridToPendingIdRequest {
    /// 群id: when set, only the group owner's visibility is checked and ids outside the group ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    /// 该企业的外部联系人ID (WeCom names this list without `_list`).
    pub external_userid: Vec<String>,
}

impl ExternalUseridToPendingIdRequest {
    /// The pending_ids of these customers (1 to 100).
    pub fn new<I, S>(external_userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            chat_id: None,
            external_userid: external_userids.into_iter().map(Into::into).collect(),
        }
    }

    /// Only members of this customer group.
    pub fn chat_id(mut self, chat_id: impl Into<String>) -> Self {
        self.chat_id = Some(chat_id.into());
        self
    }

    /// Checks 1 to 100 ids.
    pub fn check(&self) -> Result<()> {
        let len = self.external_userid.len();
        check::count_between("external_userid", len, 1, MAX_PENDING_ID_QUERY)
    }
}

wecom_core::impl_endpoint!(ExternalUseridToPendingIdRequest => ExternalUseridToPendingIdResponse,
    Post "/cgi-bin/idconvert/batch/external_userid_to_pending_id", Idempotent,
    validate = ExternalUseridToPendingIdRequest::check);

/// The answer of `external_userid_to_pending_id`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ExternalUseridToPendingIdResponse {
    /// 转换结果: the ids that have a pending_id.
    pub result: Vec<PendingId>,
}

/// A customer's pending_id: the link to the unionid looked up before the user became a customer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct PendingId {
    /// 该企业的外部联系人ID.
    pub external_userid: String,
    /// 该微信账号还未成为企业客户时返回的临时外部联系人ID.
    pub pending_id: String,
}
