//! 客户群「加入群聊」管理: add, get, update and delete join-way configurations.

use serde::{Deserialize, Serialize};
use wecom_core::{check, EmptyResponse, Result};

use super::Flag;

/// Most groups one configuration may use (chat_id_list, 支持5个).
pub const MAX_JOIN_WAY_CHATS: usize = 5;
/// Longest `state`, in characters (不超过30个UTF-8字符).
pub const MAX_STATE_CHARS: usize = 30;
/// Longest `room_base_name`, in characters (最长40个utf8字符).
pub const MAX_ROOM_BASE_NAME_CHARS: usize = 40;

wecom_core::int_enum! {
    /// 场景 of a 「加入群聊」 configuration.
    pub enum JoinWayScene {
        /// 1: 群的小程序插件.
        MiniProgram = 1,
        /// 2: 群的二维码插件.
        QrCode = 2,
    }
}

impl Default for JoinWayScene {
    /// `Unknown(0)`: WeCom did not say.
    fn default() -> Self {
        Self::Unknown(0)
    }
}

/// The setters and the check that the add and update requests share.
macro_rules! join_way_fields {
    ($req:ident) => {
        impl $req {
            /// 联系方式的备注信息 (WeCom truncates it past 30 characters).
            pub fn remark(mut self, v: impl Into<String>) -> Self {
                self.remark = Some(v.into());
                self
            }

            /// 当群满了后，是否自动新建群 (sent as 0 / 1; WeCom's default is 1).
            pub fn auto_create_room(mut self, v: bool) -> Self {
                self.auto_create_room = Some(v.into());
                self
            }

            /// 自动建群的群名前缀 (≤ 40 characters), used when `auto_create_room` is 1.
            pub fn room_base_name(mut self, v: impl Into<String>) -> Self {
                self.room_base_name = Some(v.into());
                self
            }

            /// 自动建群的群起始序号, used when `auto_create_room` is 1: with name 「销售客服群」 and id 10
            /// the first new group is 「销售客服群10」.
            pub fn room_base_id(mut self, v: i64) -> Self {
                self.room_base_id = Some(v);
                self
            }

            /// 企业自定义的state参数 (≤ 30 characters), returned per member by `groupchat/get`.
            pub fn state(mut self, v: impl Into<String>) -> Self {
                self.state = Some(v.into());
                self
            }

            /// 是否标记客户添加来源为该应用创建的「加入群聊」 (only for 「营销获客」 apps; WeCom's default
            /// is true).
            pub fn mark_source(mut self, v: bool) -> Self {
                self.mark_source = Some(v);
                self
            }

            /// Checks 1 ..= 5 groups, `state` ≤ 30 characters and `room_base_name` ≤ 40 characters.
            pub fn check(&self) -> Result<()> {
                check_join_way(
                    &self.chat_id_list,
                    self.state.as_deref(),
                    self.room_base_name.as_deref(),
                )
            }
        }
    };
}

fn check_join_way(chats: &[String], state: Option<&str>, base_name: Option<&str>) -> Result<()> {
    check::count_between("chat_id_list", chats.len(), 1, MAX_JOIN_WAY_CHATS)?;
    check::max_chars("state", state.unwrap_or_default(), MAX_STATE_CHARS)?;
    check::max_chars(
        "room_base_name",
        base_name.unwrap_or_default(),
        MAX_ROOM_BASE_NAME_CHARS,
    )
}

fn ids<I, S>(chat_ids: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    chat_ids.into_iter().map(Into::into).collect()
}

/// The body of `POST /cgi-bin/externalcontact/groupchat/add_join_way` (配置客户群进群方式).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AddJoinWayRequest {
    /// 场景.
    pub scene: JoinWayScene,
    /// 联系方式的备注信息.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// 当群满了后，是否自动新建群 (WeCom's default: 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_create_room: Option<Flag>,
    /// 自动建群的群名前缀.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_base_name: Option<String>,
    /// 自动建群的群起始序号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_base_id: Option<i64>,
    /// 使用该配置的客户群ID列表, 1 ..= [`MAX_JOIN_WAY_CHATS`].
    pub chat_id_list: Vec<String>,
    /// 企业自定义的state参数, ≤ [`MAX_STATE_CHARS`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// 是否标记客户添加来源 (营销获客 apps only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

impl AddJoinWayRequest {
    /// A configuration of `scene` for these groups (1 to 5 chat ids).
    pub fn new<I, S>(scene: JoinWayScene, chat_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            scene,
            remark: None,
            auto_create_room: None,
            room_base_name: None,
            room_base_id: None,
            chat_id_list: ids(chat_ids),
            state: None,
            mark_source: None,
        }
    }
}

join_way_fields!(AddJoinWayRequest);

wecom_core::impl_endpoint!(AddJoinWayRequest => AddJoinWayResponse,
    Post "/cgi-bin/externalcontact/groupchat/add_join_way", NotIdempotent,
    validate = AddJoinWayRequest::check);

/// The answer of `add_join_way`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AddJoinWayResponse {
    /// 配置id; the QR code comes from `get_join_way`.
    pub config_id: String,
}

/// The body of `POST /cgi-bin/externalcontact/groupchat/update_join_way` (更新客户群进群方式配置).
///
/// WeCom overwrites the whole configuration (使用覆盖的方式更新): fields left out are reset.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UpdateJoinWayRequest {
    /// 企业联系方式的配置id.
    pub config_id: String,
    /// 场景.
    pub scene: JoinWayScene,
    /// 联系方式的备注信息.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// 当群满了后，是否自动新建群 (WeCom's default: 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_create_room: Option<Flag>,
    /// 自动建群的群名前缀.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_base_name: Option<String>,
    /// 自动建群的群起始序号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_base_id: Option<i64>,
    /// 使用该配置的客户群ID列表, 1 ..= [`MAX_JOIN_WAY_CHATS`].
    pub chat_id_list: Vec<String>,
    /// 企业自定义的state参数, ≤ [`MAX_STATE_CHARS`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// 是否标记客户添加来源 (营销获客 apps only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

impl UpdateJoinWayRequest {
    /// Replaces configuration `config_id` with one of `scene` for these groups (1 to 5 chat ids).
    pub fn new<I, S>(config_id: impl Into<String>, scene: JoinWayScene, chat_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            config_id: config_id.into(),
            scene,
            remark: None,
            auto_create_room: None,
            room_base_name: None,
            room_base_id: None,
            chat_id_list: ids(chat_ids),
            state: None,
            mark_source: None,
        }
    }
}

join_way_fields!(UpdateJoinWayRequest);

wecom_core::impl_endpoint!(UpdateJoinWayRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/groupchat/update_join_way", Idempotent,
    validate = UpdateJoinWayRequest::check);

/// The body of `POST /cgi-bin/externalcontact/groupchat/get_join_way` (获取客户群进群方式配置).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetJoinWayRequest {
    /// 联系方式的配置id.
    pub config_id: String,
}

impl GetJoinWayRequest {
    /// Reads configuration `config_id`.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(GetJoinWayRequest => GetJoinWayResponse,
    Post "/cgi-bin/externalcontact/groupchat/get_join_way", Idempotent);

/// The answer of `get_join_way`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetJoinWayResponse {
    /// 配置详情.
    pub join_way: JoinWay,
}

/// 客户群「加入群聊」 configuration, as `get_join_way` returns it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct JoinWay {
    /// 配置id.
    pub config_id: String,
    /// 场景.
    pub scene: JoinWayScene,
    /// 联系方式的备注信息.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// 当群满了后，是否自动新建群.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_create_room: Option<Flag>,
    /// 自动建群的群名前缀.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_base_name: Option<String>,
    /// 自动建群的群起始序号.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_base_id: Option<i64>,
    /// 使用该配置的客户群ID列表.
    pub chat_id_list: Vec<String>,
    /// 联系二维码的URL; only for [`JoinWayScene::QrCode`] configurations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<String>,
    /// 企业自定义的state参数.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// 是否标记客户添加来源为该配置: sent on add and update, answered on read (older answers omit it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

/// The body of `POST /cgi-bin/externalcontact/groupchat/del_join_way` (删除客户群进群方式配置).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DelJoinWayRequest {
    /// 企业联系方式的配置id.
    pub config_id: String,
}

impl DelJoinWayRequest {
    /// Deletes configuration `config_id`.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(DelJoinWayRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/groupchat/del_join_way", Idempotent);
