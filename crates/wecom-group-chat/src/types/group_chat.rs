//! 获取客户群列表, 获取客户群详情 and 客户群opengid转换.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Result};

use super::{Flag, OwnerFilter};

/// Most groups per page of `groupchat/list` (取值范围 1 ~ 1000).
pub const MAX_LIST_LIMIT: u32 = 1_000;

wecom_core::int_enum! {
    /// 客户群跟进状态过滤 (the `status_filter` of `groupchat/list`).
    #[derive(Default)]
    pub enum StatusFilter {
        /// 0: 所有列表 (即不过滤), the default.
        #[default]
        All = 0,
        /// 1: 离职待继承.
        ResignedPending = 1,
        /// 2: 离职继承中.
        Transferring = 2,
        /// 3: 离职继承完成.
        Transferred = 3,
    }
}

wecom_core::int_enum! {
    /// 客户群跟进状态 of one group in the `groupchat/list` answer.
    #[derive(Default)]
    pub enum GroupChatStatus {
        /// 0: 跟进人正常.
        #[default]
        Normal = 0,
        /// 1: 跟进人离职.
        OwnerResigned = 1,
        /// 2: 离职继承中.
        Transferring = 2,
        /// 3: 离职继承完成.
        Transferred = 3,
    }
}

wecom_core::int_enum! {
    /// 成员类型 of a group member.
    pub enum MemberType {
        /// 1: 企业成员.
        Member = 1,
        /// 2: 外部联系人.
        ExternalContact = 2,
    }
}

impl Default for MemberType {
    /// `Unknown(0)`: WeCom did not say.
    fn default() -> Self {
        Self::Unknown(0)
    }
}

wecom_core::int_enum! {
    /// 入群方式 of a group member.
    pub enum JoinScene {
        /// 1: 由群成员邀请入群（直接邀请入群）.
        DirectInvite = 1,
        /// 2: 由群成员邀请入群（通过邀请链接入群）.
        InviteLink = 2,
        /// 3: 通过扫描群二维码入群.
        QrCode = 3,
    }
}

impl Default for JoinScene {
    /// `Unknown(0)`: WeCom did not say.
    fn default() -> Self {
        Self::Unknown(0)
    }
}

/// The body of `POST /cgi-bin/externalcontact/groupchat/list` (获取客户群列表).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GroupChatListRequest {
    /// 客户群跟进状态过滤; WeCom's default is [`StatusFilter::All`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_filter: Option<StatusFilter>,
    /// 群主过滤. Without it WeCom lists the groups of every owner in the app's visible range and answers
    /// errcode 81017 when that range holds more than 1000 members: pass an owner filter then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_filter: Option<OwnerFilter>,
    /// 分页游标 from the previous page's `next_cursor`; absent on the first call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// 每页数量, 1 ..= [`MAX_LIST_LIMIT`].
    pub limit: u32,
}

impl GroupChatListRequest {
    /// The first page of up to `limit` groups (1 ..= 1000).
    pub fn new(limit: u32) -> Self {
        Self {
            status_filter: None,
            owner_filter: None,
            cursor: None,
            limit,
        }
    }

    /// Only groups in this follow-up state.
    pub fn status_filter(mut self, v: StatusFilter) -> Self {
        self.status_filter = Some(v);
        self
    }

    /// Only groups owned by these members (at most 100).
    pub fn owner_filter<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.owner_filter = Some(OwnerFilter::new(userids));
        self
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Checks limit 1 ..= 1000 and at most 100 owners.
    pub fn check(&self) -> Result<()> {
        check::between("limit", self.limit.into(), 1, MAX_LIST_LIMIT.into())?;
        if let Some(filter) = &self.owner_filter {
            filter.check()?;
        }
        Ok(())
    }
}

wecom_core::impl_endpoint!(GroupChatListRequest => GroupChatListResponse,
    Post "/cgi-bin/externalcontact/groupchat/list", Idempotent,
    validate = GroupChatListRequest::check);

impl CursorRequest for GroupChatListRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `groupchat/list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatListResponse {
    /// 客户群列表.
    pub group_chat_list: Vec<GroupChatListItem>,
    /// 分页游标 of the next page; empty when there is none.
    pub next_cursor: String,
}

impl Page for GroupChatListResponse {
    type Item = GroupChatListItem;
    fn into_items(self) -> Vec<GroupChatListItem> {
        self.group_chat_list
    }
}

impl CursorPage for GroupChatListResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

/// One group of a `groupchat/list` page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatListItem {
    /// 客户群ID.
    pub chat_id: String,
    /// 客户群跟进状态.
    pub status: GroupChatStatus,
}

/// The body of `POST /cgi-bin/externalcontact/groupchat/get` (获取客户群详情).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GroupChatGetRequest {
    /// 客户群ID.
    pub chat_id: String,
    /// 是否需要返回群成员的名字 `member_list[].name`: 0 不返回 (default), 1 返回.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_name: Option<Flag>,
}

impl GroupChatGetRequest {
    /// The details of one group.
    pub fn new(chat_id: impl Into<String>) -> Self {
        Self {
            chat_id: chat_id.into(),
            need_name: None,
        }
    }

    /// Whether WeCom should also return each member's `name` (sent as 0 / 1).
    pub fn need_name(mut self, v: bool) -> Self {
        self.need_name = Some(v.into());
        self
    }
}

wecom_core::impl_endpoint!(GroupChatGetRequest => GroupChatGetResponse,
    Post "/cgi-bin/externalcontact/groupchat/get", Idempotent);

/// The answer of `groupchat/get`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatGetResponse {
    /// 客户群详情.
    pub group_chat: GroupChat,
}

/// 客户群详情.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChat {
    /// 客户群ID.
    pub chat_id: String,
    /// 群名.
    pub name: String,
    /// 群主ID (a member's userid).
    pub owner: String,
    /// 群的创建时间 (unix seconds).
    pub create_time: i64,
    /// 群公告; absent when the group has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// 群成员列表.
    pub member_list: Vec<GroupChatMember>,
    /// 群管理员列表.
    pub admin_list: Vec<GroupChatAdmin>,
    /// 当前群成员版本号, to compare with the group-change callback and skip needless calls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_version: Option<String>,
}

/// 群成员.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatMember {
    /// 群成员id: a userid for members, an external_userid for customers.
    pub userid: String,
    /// 成员类型 (JSON `type`).
    #[serde(rename = "type")]
    pub member_type: MemberType,
    /// 微信unionid; only for WeChat users when the corp has bound a WeChat developer id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// 入群时间 (unix seconds).
    pub join_time: i64,
    /// 入群方式.
    pub join_scene: JoinScene,
    /// 邀请者; only when a member of this corp invited them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitor: Option<Invitor>,
    /// 在群里的昵称.
    pub group_nickname: String,
    /// 名字; only when `need_name` = 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The `state` of the 「加入群聊」 configuration through which they joined, when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// 邀请者.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Invitor {
    /// 邀请者的userid.
    pub userid: String,
}

/// 群管理员.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatAdmin {
    /// 群管理员userid.
    pub userid: String,
}

/// The body of `POST /cgi-bin/externalcontact/opengid_to_chatid` (客户群opengid转换).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OpengidToChatidRequest {
    /// 小程序在微信获取到的群ID (from `wx.getGroupEnterInfo`).
    pub opengid: String,
}

impl OpengidToChatidRequest {
    /// Converts this opengid.
    pub fn new(opengid: impl Into<String>) -> Self {
        Self {
            opengid: opengid.into(),
        }
    }
}

wecom_core::impl_endpoint!(OpengidToChatidRequest => OpengidToChatidResponse,
    Post "/cgi-bin/externalcontact/opengid_to_chatid", Idempotent);

/// The answer of `opengid_to_chatid`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct OpengidToChatidResponse {
    /// 客户群ID, usable with `groupchat/get`.
    pub chat_id: String,
}
