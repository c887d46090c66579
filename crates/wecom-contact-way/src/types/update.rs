//! 更新企业已配置的「联系我」方式: `update_contact_way`.

use serde::{Deserialize, Serialize};
use wecom_core::{EmptyResponse, Result};

use super::{Conclusions, ContactWayStyle};

/// The body of `update_contact_way`: the config id and the fields to change. `type`, `scene`,
/// `is_temp` and `is_exclusive` cannot be changed; `user` and `party`, when given, replace the old
/// lists. An expired temporary-chat way cannot be edited.
///
/// ```
/// use wecom_contact_way::UpdateContactWayRequest;
/// let req = UpdateContactWayRequest::new("42b34949e138eb6e027c123cba77fad7").remark("新备注");
/// assert_eq!(req.remark.as_deref(), Some("新备注"));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UpdateContactWayRequest {
    /// 企业联系方式的配置id (required).
    pub config_id: String,
    /// 联系方式的备注信息, at most 30 characters; replaces the old remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// 外部客户添加时是否无需验证.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// 样式, only for 在小程序中联系.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<ContactWayStyle>,
    /// 企业自定义的state参数, at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// 使用该联系方式的用户列表; replaces the old list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user: Vec<String>,
    /// 使用该联系方式的部门列表; replaces the old list; only effective for 多人.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub party: Vec<i64>,
    /// 临时会话二维码有效期 in seconds (temporary-chat ways only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u32>,
    /// 临时会话有效期 in seconds (temporary-chat ways only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_expires_in: Option<u32>,
    /// 可进行临时会话的客户unionid (temporary-chat ways only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// 是否标记客户添加来源.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
    /// 结束语 (temporary-chat ways only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusions: Option<Conclusions>,
}

impl UpdateContactWayRequest {
    /// An update of the way `config_id` that changes nothing yet.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
            remark: None,
            skip_verify: None,
            style: None,
            state: None,
            user: Vec::new(),
            party: Vec::new(),
            expires_in: None,
            chat_expires_in: None,
            unionid: None,
            mark_source: None,
            conclusions: None,
        }
    }

    shared_setters!();

    /// Checks the documented limits: state/remark ≤ 30 characters, user/party ≤ 100, lifetimes
    /// ≤ 14 days, conclusions.
    pub fn check(&self) -> Result<()> {
        self.shared().check()
    }
}

wecom_core::impl_endpoint!(UpdateContactWayRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/update_contact_way", Idempotent,
    validate = UpdateContactWayRequest::check);
