//! A 「联系我」 configuration as WeCom returns it, and its integer codes.

use serde::{Deserialize, Serialize};

use super::Conclusions;

wecom_core::int_enum! {
    /// 联系方式类型.
    pub enum ContactWayType {
        /// 1: 单人 (one member).
        Single = 1,
        /// 2: 多人 (several members or departments).
        Multi = 2,
    }
}

wecom_core::int_enum! {
    /// 场景.
    pub enum ContactWayScene {
        /// 1: 在小程序中联系 (a button in a mini program, through the 小程序插件).
        MiniProgram = 1,
        /// 2: 通过二维码联系 (a QR code; the answer carries `qr_code`).
        QrCode = 2,
    }
}

wecom_core::int_enum! {
    /// 在小程序中联系时使用的控件样式 (see the 附表 of the official page); only for scene 1.
    pub enum ContactWayStyle {
        /// 1: 样式一 (单人 and 多人).
        Style1 = 1,
        /// 2: 样式二 (单人 and 多人).
        Style2 = 2,
        /// 3: 样式三 (单人 only).
        Style3 = 3,
    }
}

/// Not sent by WeCom: `Unknown(0)`.
impl Default for ContactWayType {
    fn default() -> Self {
        Self::Unknown(0)
    }
}

/// Not sent by WeCom: `Unknown(0)`.
impl Default for ContactWayScene {
    fn default() -> Self {
        Self::Unknown(0)
    }
}

/// A 「联系我」 configuration, as `get_contact_way` answers it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ContactWay {
    /// 联系方式的配置id.
    pub config_id: String,
    /// 联系方式类型: 1 单人, 2 多人.
    #[serde(rename = "type")]
    pub r#type: ContactWayType,
    /// 场景: 1 在小程序中联系, 2 通过二维码联系.
    pub scene: ContactWayScene,
    /// 小程序中联系按钮的样式; only for scene 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style: Option<ContactWayStyle>,
    /// 联系方式的备注信息.
    pub remark: String,
    /// 外部客户添加时是否无需验证.
    pub skip_verify: bool,
    /// 企业自定义的state参数 (returned by 获取客户详情 for customers who came this way).
    pub state: String,
    /// 联系二维码的URL; only for scene 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<String>,
    /// 使用该联系方式的用户userID列表.
    pub user: Vec<String>,
    /// 使用该联系方式的部门id列表.
    pub party: Vec<i64>,
    /// 是否临时会话模式.
    pub is_temp: bool,
    /// 临时会话二维码有效期 (seconds); temporary-chat ways only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
    /// 临时会话有效期 (seconds); temporary-chat ways only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_expires_in: Option<i64>,
    /// 可进行临时会话的客户unionid; temporary-chat ways only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// 是否开启同一外部企业客户只能添加同一个员工.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_exclusive: Option<bool>,
    /// 是否标记客户添加来源 (newer field; absent from older answers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
    /// 结束语 (images carry `pic_url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conclusions: Option<Conclusions>,
}
