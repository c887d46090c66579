//! 配置客户联系「联系我」方式: `add_contact_way`.

use serde::{Deserialize, Serialize};
use wecom_core::{Error, Result};

use super::{Conclusions, ContactWayScene, ContactWayStyle, ContactWayType};

/// The body of `add_contact_way`.
///
/// ```
/// use wecom_contact_way::{AddContactWayRequest, ContactWayScene, ContactWayType};
/// let req = AddContactWayRequest::new(ContactWayType::Single, ContactWayScene::QrCode)
///     .user(["zhangsan"])
///     .remark("门店导购")
///     .state("store-001");
/// assert_eq!(req.user, ["zhangsan"]);
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AddContactWayRequest {
    /// 联系方式类型 (required): 1 单人, 2 多人.
    #[serde(rename = "type")]
    pub r#type: ContactWayType,
    /// 场景 (required): 1 在小程序中联系, 2 通过二维码联系.
    pub scene: ContactWayScene,
    /// 在小程序中联系时使用的控件样式.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<ContactWayStyle>,
    /// 联系方式的备注信息, at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// 外部客户添加时是否无需验证 (WeCom's default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// 企业自定义的state参数, at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// 使用该联系方式的用户userID列表; exactly one for 单人.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user: Vec<String>,
    /// 使用该联系方式的部门id列表; only effective for 多人.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub party: Vec<i64>,
    /// 是否临时会话模式 (WeCom's default: false); 单人 only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_temp: Option<bool>,
    /// 临时会话二维码有效期 in seconds (default 7 days, at most 14 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u32>,
    /// 临时会话有效期 in seconds (default 24 h after adding, at most 14 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_expires_in: Option<u32>,
    /// 可进行临时会话的客户unionid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// 是否开启同一外部企业客户只能添加同一个员工 (WeCom's default: false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_exclusive: Option<bool>,
    /// 是否标记客户添加来源.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
    /// 结束语, only effective with `is_temp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusions: Option<Conclusions>,
}

/// The answer of `add_contact_way`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AddContactWayResponse {
    /// 新增联系方式的配置id; keep it, it is the only handle to edit or delete the way.
    pub config_id: String,
    /// 联系我二维码链接; only for scene 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<String>,
}

impl AddContactWayRequest {
    /// A new way of the given type and scene; for 单人 also set exactly one [`user`](Self::user).
    pub fn new(r#type: ContactWayType, scene: ContactWayScene) -> Self {
        Self {
            r#type,
            scene,
            style: None,
            remark: None,
            skip_verify: None,
            state: None,
            user: Vec::new(),
            party: Vec::new(),
            is_temp: None,
            expires_in: None,
            chat_expires_in: None,
            unionid: None,
            is_exclusive: None,
            mark_source: None,
            conclusions: None,
        }
    }

    shared_setters!();

    /// Sets whether this is a temporary chat (临时会话模式).
    pub fn is_temp(mut self, v: bool) -> Self {
        self.is_temp = Some(v);
        self
    }

    /// Temporary-chat mode with the QR code's and the chat's lifetimes in seconds (each ≤ 14 days).
    pub fn temp(self, expires_in: u32, chat_expires_in: u32) -> Self {
        self.is_temp(true)
            .expires_in(expires_in)
            .chat_expires_in(chat_expires_in)
    }

    /// Sets whether customers of one outside corp are all routed to the same member.
    pub fn is_exclusive(mut self, v: bool) -> Self {
        self.is_exclusive = Some(v);
        self
    }

    /// Checks the documented limits: state/remark ≤ 30 characters, user/party ≤ 100, exactly one
    /// user for 单人, temporary chats 单人 only, lifetimes ≤ 14 days, conclusions.
    pub fn check(&self) -> Result<()> {
        self.shared().check()?;
        if self.r#type == ContactWayType::Single && self.user.len() != 1 {
            return Err(Error::invalid_request(format!(
                "user: type 1 (单人) needs exactly one userid, got {}",
                self.user.len()
            )));
        }
        if self.is_temp == Some(true) && self.r#type != ContactWayType::Single {
            return Err(Error::invalid_request(
                "is_temp: a temporary-chat way must be type 1 (单人)",
            ));
        }
        Ok(())
    }
}

wecom_core::impl_endpoint!(AddContactWayRequest => AddContactWayResponse,
    Post "/cgi-bin/externalcontact/add_contact_way", NotIdempotent,
    validate = AddContactWayRequest::check);
