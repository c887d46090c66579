//! external_userid between subjects: a corp's own ids (企业主体), a service provider's (服务商主体), and a
//! customer's WeChat openid.

use serde::{Deserialize, Serialize};
use wecom_core::{check, EmptyResponse, Error, Result};

/// WeCom's limit of ids per `get_new_external_userid` / `groupchat/get_new_external_userid` call
/// (doc 97063: 建议200个，最多不超过1000个).
pub const MAX_NEW_EXTERNAL_USERIDS: usize = 1000;

/// Fails unless `value` holds something: WeCom answers an empty id with an errcode, so it is not sent.
pub(crate) fn required(field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid_request(format!("{field} is required")));
    }
    Ok(())
}

/// The body of `POST /cgi-bin/externalcontact/convert_to_openid` (外部联系人openid转换).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ConvertToOpenidRequest {
    /// 外部联系人的userid (a WeChat customer: WeCom-user contacts have no openid).
    pub external_userid: String,
}

impl ConvertToOpenidRequest {
    /// The openid of this customer.
    pub fn new(external_userid: impl Into<String>) -> Self {
        Self {
            external_userid: external_userid.into(),
        }
    }

    /// Checks that `external_userid` is set.
    pub fn check(&self) -> Result<()> {
        required("external_userid", &self.external_userid)
    }
}

wecom_core::impl_endpoint!(ConvertToOpenidRequest => ConvertToOpenidResponse,
    Post "/cgi-bin/externalcontact/convert_to_openid", Idempotent,
    validate = ConvertToOpenidRequest::check);

/// The answer of `convert_to_openid`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ConvertToOpenidResponse {
    /// 该企业的外部联系人openid (for WeChat Pay 企业付款 and the like).
    pub openid: String,
}

/// The body of `POST /cgi-bin/externalcontact/to_service_external_userid` (代开发应用external_userid转换):
/// a 代开发 app's external_userid to the one the provider's third-party app sees.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ToServiceExternalUseridRequest {
    /// 代开发自建应用获取到的外部联系人ID.
    pub external_userid: String,
}

impl ToServiceExternalUseridRequest {
    /// Converts this id.
    pub fn new(external_userid: impl Into<String>) -> Self {
        Self {
            external_userid: external_userid.into(),
        }
    }

    /// Checks that `external_userid` is set.
    pub fn check(&self) -> Result<()> {
        required("external_userid", &self.external_userid)
    }
}

wecom_core::impl_endpoint!(ToServiceExternalUseridRequest => ExternalUseridResponse,
    Post "/cgi-bin/externalcontact/to_service_external_userid", Idempotent,
    validate = ToServiceExternalUseridRequest::check);

/// The body of `POST /cgi-bin/externalcontact/from_service_external_userid` (服务商external_userid转换为
/// 自建应用external_userid): called with a self-built app's token.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FromServiceExternalUseridRequest {
    /// 服务商主体的external_userid, as the app `source_agentid` got it.
    pub external_userid: String,
    /// 企业授权的代开发自建应用或第三方应用的agentid.
    pub source_agentid: i64,
}

impl FromServiceExternalUseridRequest {
    /// Converts `external_userid`, got by the app `source_agentid`.
    pub fn new(external_userid: impl Into<String>, source_agentid: i64) -> Self {
        Self {
            external_userid: external_userid.into(),
            source_agentid,
        }
    }

    /// Checks that `external_userid` is set.
    pub fn check(&self) -> Result<()> {
        required("external_userid", &self.external_userid)
    }
}

wecom_core::impl_endpoint!(FromServiceExternalUseridRequest => ExternalUseridResponse,
    Post "/cgi-bin/externalcontact/from_service_external_userid", Idempotent,
    validate = FromServiceExternalUseridRequest::check);

/// The answer of the conversions that give one `external_userid`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ExternalUseridResponse {
    /// The converted external_userid.
    pub external_userid: String,
}

/// The body of `POST /cgi-bin/externalcontact/get_new_external_userid` (转换客户external_userid): one
/// call's worth (at most [`MAX_NEW_EXTERNAL_USERIDS`]); the SDK method sends any number in chunks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetNewExternalUseridRequest {
    /// 企业主体下的external_userid列表.
    pub external_userid_list: Vec<String>,
}

impl GetNewExternalUseridRequest {
    /// Converts these ids (1 to 1000).
    pub fn new<I, S>(external_userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            external_userid_list: external_userids.into_iter().map(Into::into).collect(),
        }
    }

    /// Checks 1 to 1000 ids.
    pub fn check(&self) -> Result<()> {
        let len = self.external_userid_list.len();
        check::count_between("external_userid_list", len, 1, MAX_NEW_EXTERNAL_USERIDS)
    }
}

wecom_core::impl_endpoint!(GetNewExternalUseridRequest => NewExternalUseridResponse,
    Post "/cgi-bin/externalcontact/get_new_external_userid", Idempotent,
    validate = GetNewExternalUseridRequest::check);

/// The body of `POST /cgi-bin/externalcontact/groupchat/get_new_external_userid` (转换客户群成员
/// external_userid): members of one customer group who are nobody's customer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GroupChatGetNewExternalUseridRequest {
    /// 客户群ID.
    pub chat_id: String,
    /// 企业主体下的external_userid列表.
    pub external_userid_list: Vec<String>,
}

impl GroupChatGetNewExternalUseridRequest {
    /// Converts these members (1 to 1000) of group `chat_id`.
    pub fn new<I, S>(chat_id: impl Into<String>, external_userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            chat_id: chat_id.into(),
            external_userid_list: external_userids.into_iter().map(Into::into).collect(),
        }
    }

    /// Checks the chat id and 1 to 1000 ids.
    pub fn check(&self) -> Result<()> {
        required("chat_id", &self.chat_id)?;
        let len = self.external_userid_list.len();
        check::count_between("external_userid_list", len, 1, MAX_NEW_EXTERNAL_USERIDS)
    }
}

wecom_core::impl_endpoint!(GroupChatGetNewExternalUseridRequest => NewExternalUseridResponse,
    Post "/cgi-bin/externalcontact/groupchat/get_new_external_userid", Idempotent,
    validate = GroupChatGetNewExternalUseridRequest::check);

/// The answer of `get_new_external_userid` and `groupchat/get_new_external_userid`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct NewExternalUseridResponse {
    /// One entry per id WeCom converted.
    pub items: Vec<NewExternalUserid>,
}

/// One converted id: WeCom gives an id already of the provider's subject back unchanged.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct NewExternalUserid {
    /// The id sent (企业主体).
    pub external_userid: String,
    /// 服务商主体下的external_userid.
    pub new_external_userid: String,
}

/// The body of `POST /cgi-bin/service/externalcontact/finish_external_userid_migration` (设置迁移完成),
/// called with the provider's `provider_access_token`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FinishExternalUseridMigrationRequest {
    /// 企业corpid of the authorized corp whose ids are migrated.
    pub corpid: String,
}

impl FinishExternalUseridMigrationRequest {
    /// Marks `corpid`'s external_userid migration as finished.
    pub fn new(corpid: impl Into<String>) -> Self {
        Self {
            corpid: corpid.into(),
        }
    }

    /// Checks that `corpid` is set.
    pub fn check(&self) -> Result<()> {
        required("corpid", &self.corpid)
    }
}

// Setting the same state twice is the same as once, so an ambiguous failure may be retried.
wecom_core::impl_endpoint!(FinishExternalUseridMigrationRequest => EmptyResponse,
    Post "/cgi-bin/service/externalcontact/finish_external_userid_migration", Idempotent,
    token = Provider, validate = FinishExternalUseridMigrationRequest::check);
