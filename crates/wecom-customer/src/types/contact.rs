//! The customer itself (`external_contact`), as `get` and `batch/get_by_user` answer it (doc 92114).

use serde::{Deserialize, Serialize};

wecom_core::int_enum! {
    /// 外部联系人的类型.
    pub enum CustomerType {
        /// 1: 微信用户.
        WechatUser = 1,
        /// 2: 企业微信用户.
        WecomUser = 2,
    }
}

impl Default for CustomerType {
    /// `Unknown(0)`: WeCom always sends a type; 0 only stands in for a missing one.
    fn default() -> Self {
        Self::Unknown(0)
    }
}

wecom_core::int_enum! {
    /// 外部联系人性别.
    #[derive(Default)]
    pub enum Gender {
        /// 0: 未知.
        #[default]
        Unspecified = 0,
        /// 1: 男性.
        Male = 1,
        /// 2: 女性.
        Female = 2,
    }
}

wecom_core::int_enum! {
    /// 属性类型 of an [`ExternalAttr`].
    #[derive(Default)]
    pub enum ExternalAttrType {
        /// 0: 文本.
        #[default]
        Text = 0,
        /// 1: 网页.
        Web = 1,
        /// 2: 小程序.
        Miniprogram = 2,
    }
}

wecom_core::int_enum! {
    /// 对外展示视频号状态 of [`ProfileWechatChannels`].
    #[derive(Default)]
    pub enum WechatChannelsStatus {
        /// 0: 企业视频号已被确认, 可正常使用.
        #[default]
        Confirmed = 0,
        /// 1: 企业视频号待确认.
        Pending = 1,
    }
}

/// 外部联系人 (a customer): `external_contact` of `get` and of each `batch/get_by_user` item.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ExternalContact {
    /// 外部联系人的userid.
    #[serde(default)]
    pub external_userid: String,
    /// 外部联系人的名称: the WeChat nickname of a WeChat user; for a WeCom user the name set by this
    /// contact or an admin, else the real name or account name.
    #[serde(default)]
    pub name: String,
    /// 外部联系人的职位; only for WeCom users (`type` 2) who do not hide it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub position: Option<String>,
    /// 外部联系人头像; third-party apps cannot get it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub avatar: Option<String>,
    /// 外部联系人所在企业的简称; only for WeCom users.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub corp_name: Option<String>,
    /// 外部联系人所在企业的主体名称; only for WeCom users.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub corp_full_name: Option<String>,
    /// 外部联系人的类型 (JSON `type`): 1 微信用户, 2 企业微信用户.
    #[serde(rename = "type")]
    #[serde(default)]
    pub customer_type: CustomerType,
    /// 外部联系人性别.
    #[serde(default)]
    pub gender: Gender,
    /// 外部联系人在微信开放平台的唯一身份标识 (unionid); only for WeChat users when the corp (or the
    /// service provider) has bound a WeChat developer id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub unionid: Option<String>,
    /// 外部联系人的自定义展示信息; only for WeCom users. WeCom sends an object; a string holding the
    /// object's JSON (as some older answers and the seed have it) decodes too, an empty one as `None`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "wecom_core::lenient::object_or_json_string"
    )]
    #[serde(default)]
    pub external_profile: Option<ExternalProfile>,
}

/// 外部联系人的自定义展示信息 (`external_profile`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ExternalProfile {
    /// 企业对外简称.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub external_corp_name: Option<String>,
    /// 对外展示的视频号.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub wechat_channels: Option<ProfileWechatChannels>,
    /// 属性列表: text, web page or mini program attributes.
    #[serde(default)]
    pub external_attr: Vec<ExternalAttr>,
}

/// 对外展示的视频号 of an [`ExternalProfile`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ProfileWechatChannels {
    /// 视频号名字.
    #[serde(default)]
    pub nickname: String,
    /// 对外展示视频号状态.
    #[serde(default)]
    pub status: WechatChannelsStatus,
}

/// One attribute of an [`ExternalProfile`]; the field matching `type` is set.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ExternalAttr {
    /// 属性类型 (JSON `type`): 0 文本, 1 网页, 2 小程序.
    #[serde(rename = "type")]
    #[serde(default)]
    pub attr_type: ExternalAttrType,
    /// 属性名称.
    #[serde(default)]
    pub name: String,
    /// 文本类型的属性 (`type` 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub text: Option<AttrText>,
    /// 网页类型的属性 (`type` 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub web: Option<AttrWeb>,
    /// 小程序类型的属性 (`type` 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub miniprogram: Option<AttrMiniprogram>,
}

/// 文本类型的属性.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AttrText {
    /// 文本属性内容.
    #[serde(default)]
    pub value: String,
}

/// 网页类型的属性.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AttrWeb {
    /// 网页的url.
    #[serde(default)]
    pub url: String,
    /// 网页的展示标题.
    #[serde(default)]
    pub title: String,
}

/// 小程序类型的属性.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AttrMiniprogram {
    /// 小程序appid.
    #[serde(default)]
    pub appid: String,
    /// 小程序的页面路径.
    #[serde(default)]
    pub pagepath: String,
    /// 小程序的展示标题.
    #[serde(default)]
    pub title: String,
}
