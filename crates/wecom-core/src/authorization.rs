//! 应用授权: a third-party app turns the temporary auth code of a `create_auth` callback into the
//! corp's permanent code, which [`WecomClient::authorized_corp`](crate::WecomClient::authorized_corp)
//! then uses for the corp's tokens.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{check, Result, WecomClient};

/// The body of `POST /cgi-bin/service/v2/get_permanent_code?suite_access_token=…` (获取企业永久授权码,
/// the faster v2 WeCom recommends since 2025).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct GetPermanentCodeRequest {
    /// 临时授权码: from the `create_auth` callback (`AuthCode`) or the redirect after authorization;
    /// 64 to 512 bytes, valid once.
    pub auth_code: String,
}

impl GetPermanentCodeRequest {
    /// The request for `auth_code`.
    pub fn new(auth_code: impl Into<String>) -> Self {
        Self {
            auth_code: auth_code.into(),
        }
    }

    fn check(&self) -> Result<()> {
        check::count_between("auth_code bytes", self.auth_code.len(), 64, 512)
    }
}

crate::impl_endpoint!(GetPermanentCodeRequest => PermanentCodeResponse,
    Post "/cgi-bin/service/v2/get_permanent_code", NotIdempotent, token = Suite,
    validate = GetPermanentCodeRequest::check);

/// A corp's permanent code (永久授权码, at most 512 bytes): a credential, so `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PermanentCode(String);

impl PermanentCode {
    /// The code, to store it (encrypted, like a secret) and to build the corp's client.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PermanentCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PermanentCode(<redacted>)")
    }
}

/// The answer of `service/v2/get_permanent_code`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct PermanentCodeResponse {
    /// 企业微信永久授权码.
    pub permanent_code: PermanentCode,
    /// 授权方企业信息.
    pub auth_corp_info: AuthCorpInfo,
    /// 授权管理员的信息; may be absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_user_info: Option<AuthUserInfo>,
    /// 推广二维码安装相关信息: only when installed through a promotion QR code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register_code_info: Option<RegisterCodeInfo>,
    /// 安装应用时扫码或者授权链接中带的state值.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// `auth_corp_info`: the corp that authorized the app.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct AuthCorpInfo {
    /// 授权方企业微信id: the `auth_corpid` of [`WecomClient::authorized_corp`].
    pub corpid: String,
    /// 授权方企业名称 (简称).
    pub corp_name: String,
}

/// `auth_user_info`: the administrator who authorized; every field may be empty.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct AuthUserInfo {
    /// 授权管理员的userid.
    pub userid: String,
    /// 授权管理员的open_userid.
    pub open_userid: String,
    /// 授权管理员的name.
    pub name: String,
    /// 授权管理员的头像url.
    pub avatar: String,
}

/// `register_code_info`: the promotion QR code the corp installed through.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct RegisterCodeInfo {
    /// 注册码.
    pub register_code: String,
    /// 推广包ID.
    pub template_id: String,
    /// The state given when the register code was made; only then returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

impl WecomClient {
    /// 获取企业永久授权码 (v2): exchanges the temporary auth code of a `create_auth` callback for the
    /// corp's permanent code. Takes the suite token.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/100776>
    ///
    /// Never retried: the auth code is valid once, so a second try after an ambiguous failure could only
    /// fail. If the answer is lost, WeCom keeps the authorization; the corp's administrator re-authorizing
    /// (a new `create_auth` or `change_auth`) gives a fresh code.
    pub async fn get_permanent_code(
        &self,
        auth_code: impl Into<String>,
    ) -> Result<PermanentCodeResponse> {
        self.execute(&GetPermanentCodeRequest::new(auth_code)).await
    }
}
