//! The members who added a customer: `follow_user` of `get`, `follow_info` of `batch/get_by_user`.

use serde::{Deserialize, Deserializer, Serialize};

wecom_core::int_enum! {
    /// 该成员添加此客户的来源 (来源定义, doc 92114).
    #[derive(Default)]
    pub enum AddWay {
        /// 0: 未知来源.
        #[default]
        Unspecified = 0,
        /// 1: 扫描二维码.
        QrCode = 1,
        /// 2: 搜索手机号.
        MobileSearch = 2,
        /// 3: 名片分享.
        BusinessCard = 3,
        /// 4: 群聊.
        GroupChat = 4,
        /// 5: 手机通讯录.
        PhoneContacts = 5,
        /// 6: 微信联系人.
        WechatContacts = 6,
        /// 8: 安装第三方应用时自动添加的客服人员.
        ThirdPartyAppService = 8,
        /// 9: 搜索邮箱.
        EmailSearch = 9,
        /// 10: 视频号添加 (see [`FollowUser::wechat_channels`]).
        WechatChannels = 10,
        /// 11: 通过日程参与人添加.
        Schedule = 11,
        /// 12: 通过会议参与人添加.
        Meeting = 12,
        /// 13: 添加微信好友对应的企业微信.
        WechatFriendWecom = 13,
        /// 14: 通过智慧硬件专属客服添加.
        SmartHardwareService = 14,
        /// 15: 通过上门服务客服添加.
        OnsiteService = 15,
        /// 16: 通过获客链接添加.
        AcquisitionLink = 16,
        /// 17: 通过定制开发添加.
        CustomDevelopment = 17,
        /// 18: 通过需求回复添加.
        RequirementReply = 18,
        /// 21: 通过第三方售前客服添加.
        ThirdPartyPreSales = 21,
        /// 22: 通过可能的商务伙伴添加.
        PotentialPartner = 22,
        /// 24: 通过接受微信账号收到的好友申请添加.
        WechatFriendRequest = 24,
        /// 201: 内部成员共享.
        InternalShare = 201,
        /// 202: 管理员/负责人分配.
        AdminAssignment = 202,
    }
}

wecom_core::int_enum! {
    /// 该成员添加此外部联系人所打标签类型.
    pub enum TagType {
        /// 1: 企业设置.
        Corp = 1,
        /// 2: 用户自定义.
        Personal = 2,
        /// 3: 规则组标签.
        Strategy = 3,
    }
}

impl Default for TagType {
    /// `Unknown(0)`: WeCom always sends a type; 0 only stands in for a missing one.
    fn default() -> Self {
        Self::Unknown(0)
    }
}

wecom_core::int_enum! {
    /// 视频号添加场景 of [`WechatChannels`].
    #[derive(Default)]
    pub enum WechatChannelsSource {
        /// 0: 未知 (also for adds before 2022-04-21 or from old WeChat versions).
        #[default]
        Unspecified = 0,
        /// 1: 视频号主页.
        Profile = 1,
        /// 2: 视频号直播间.
        LiveRoom = 2,
        /// 3: 视频号留资服务.
        LeadsService = 3,
    }
}

/// An integer code sent as a number or a numeric string.
fn code_from_any<'de, D, T>(de: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: From<i64>,
{
    wecom_core::lenient::i64_from_any(de).map(T::from)
}

/// 该成员添加此客户的来源add_way为10时, 对应的视频号信息.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct WechatChannels {
    /// 视频号名称.
    #[serde(default)]
    pub nickname: String,
    /// 视频号添加场景 (WeCom has sent it as a number and as a string; both decode).
    #[serde(deserialize_with = "code_from_any")]
    #[serde(default)]
    pub source: WechatChannelsSource,
}

/// One tag a member put on the customer (`follow_user[].tags[]` of `get`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct FollowUserTag {
    /// 该成员添加此外部联系人所打标签的分组名称.
    #[serde(default)]
    pub group_name: String,
    /// 该成员添加此外部联系人所打标签名称.
    #[serde(default)]
    pub tag_name: String,
    /// 该成员添加此外部联系人所打企业标签的id; only for corp and strategy tags.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub tag_id: Option<String>,
    /// 标签类型 (JSON `type`): 1 企业设置, 2 用户自定义, 3 规则组标签.
    #[serde(rename = "type")]
    #[serde(default)]
    pub tag_type: TagType,
}

/// 添加了此外部联系人的企业成员 (`follow_user[]` of `get`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct FollowUser {
    /// 添加了此外部联系人的企业成员userid.
    #[serde(default)]
    pub userid: String,
    /// 该成员对此外部联系人的备注.
    #[serde(default)]
    pub remark: String,
    /// 该成员对此外部联系人的描述.
    #[serde(default)]
    pub description: String,
    /// 该成员添加此外部联系人的时间 (Unix seconds; JSON `createtime`, not `create_time`). Sent as a
    /// number or a string; both decode.
    #[serde(deserialize_with = "wecom_core::lenient::i64_from_any")]
    #[serde(default)]
    pub createtime: i64,
    /// 该成员添加此外部联系人所打标签.
    #[serde(default)]
    pub tags: Vec<FollowUserTag>,
    /// 该成员对此微信客户备注的企业名称; only for WeChat customers with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub remark_corp_name: Option<String>,
    /// 该成员对此客户备注的手机号码; not for third-party apps.
    #[serde(default)]
    pub remark_mobiles: Vec<String>,
    /// 发起添加的userid: the member (member added), the customer's external userid (customer added),
    /// or the sharing member / assigning admin.
    #[serde(default)]
    pub oper_userid: String,
    /// 该成员添加此客户的来源.
    #[serde(deserialize_with = "code_from_any")]
    #[serde(default)]
    pub add_way: AddWay,
    /// 视频号信息, when `add_way` is 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub wechat_channels: Option<WechatChannels>,
    /// 企业自定义的state参数: which 「联系我」 or acquisition link the customer came through.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub state: Option<String>,
}

/// The listed member's relation to the customer (`follow_info` of a `batch/get_by_user` item): like
/// [`FollowUser`], with tag ids instead of tags.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct FollowInfo {
    /// 企业成员的userid.
    #[serde(default)]
    pub userid: String,
    /// 该成员对此外部联系人的备注.
    #[serde(default)]
    pub remark: String,
    /// 该成员对此外部联系人的描述.
    #[serde(default)]
    pub description: String,
    /// 该成员添加此外部联系人的时间 (Unix seconds; number or string).
    #[serde(deserialize_with = "wecom_core::lenient::i64_from_any")]
    #[serde(default)]
    pub createtime: i64,
    /// 该成员添加此外部联系人所打企业标签的id.
    #[serde(default)]
    pub tag_id: Vec<String>,
    /// 该成员对此微信客户备注的企业名称.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub remark_corp_name: Option<String>,
    /// 该成员对此客户备注的手机号码; not for third-party apps.
    #[serde(default)]
    pub remark_mobiles: Vec<String>,
    /// 发起添加的userid.
    #[serde(default)]
    pub oper_userid: String,
    /// 该成员添加此客户的来源.
    #[serde(deserialize_with = "code_from_any")]
    #[serde(default)]
    pub add_way: AddWay,
    /// 视频号信息, when `add_way` is 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub wechat_channels: Option<WechatChannels>,
    /// 企业自定义的state参数.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub state: Option<String>,
}
