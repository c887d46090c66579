//! `Event = change_external_chat`: customer groups created, changed or dismissed.

use serde::Serialize;

use super::wire::{number, optional, text, Wire};
use crate::error::Result;
use crate::xml;

/// The `ChangeType`s of `change_external_chat`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum ChatChange {
    /// `create`: a customer group was created.
    Create {
        /// `ChatId`: the group.
        chat_id: String,
    },
    /// `update`: members, owner, name or notice changed.
    Update(ChatUpdate),
    /// `dismiss`: the group was dismissed.
    Dismiss {
        /// `ChatId`: the group.
        chat_id: String,
    },
}

/// The elements of a `change_external_chat` / `update` event.
///
/// The group's new details are not in the event: fetch them with 获取客户群详情. `last_mem_ver` /
/// `cur_mem_ver` reveal lost or reordered callbacks: if `last_mem_ver` is not the version you stored, fetch
/// the group again.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ChatUpdate {
    /// `ChatId`: the group.
    pub chat_id: String,
    /// `UpdateDetail`: what changed.
    pub update_detail: UpdateDetail,
    /// `JoinScene` (with `add_member`): how the members joined.
    pub join_scene: Option<JoinScene>,
    /// `QuitScene` (with `del_member`): how the members left.
    pub quit_scene: Option<QuitScene>,
    /// `MemChangeCnt`: how many members joined or left.
    pub mem_change_cnt: Option<u32>,
    /// `MemChangeList`: the ids of the members who joined or left (`<Item>` elements).
    pub mem_change_list: Vec<String>,
    /// `LastMemVer`: the member-list version before this change.
    pub last_mem_ver: Option<String>,
    /// `CurMemVer`: the member-list version after this change.
    pub cur_mem_ver: Option<String>,
}

string_enum! {
    /// `UpdateDetail` of a group `update`.
    UpdateDetail {
        /// `add_member`: members joined.
        AddMember = "add_member",
        /// `del_member`: members left.
        DelMember = "del_member",
        /// `change_owner`: the owner changed.
        ChangeOwner = "change_owner",
        /// `change_name`: the name changed.
        ChangeName = "change_name",
        /// `change_notice`: the notice changed.
        ChangeNotice = "change_notice",
    }
}

impl Default for UpdateDetail {
    fn default() -> Self {
        Self::Other(String::new())
    }
}

int_enum! {
    /// `JoinScene`: how members joined a group.
    JoinScene {
        /// 0: invited by a member (directly or through an invitation link).
        Invited = 0,
        /// 3: scanned the group's QR code.
        QrCode = 3,
    }
}

int_enum! {
    /// `QuitScene`: how members left a group.
    QuitScene {
        /// 0: left by themselves.
        Left = 0,
        /// 1: removed by the owner or an administrator.
        Removed = 1,
    }
}

pub(super) fn is_known(change_type: &str) -> bool {
    matches!(change_type, "create" | "update" | "dismiss")
}

/// The typed change, or `None` for a change type this crate does not know.
pub(super) fn from_wire(change_type: &str, wire: &Wire<'_>) -> Result<Option<ChatChange>> {
    let chat_id = text(wire.chat_id.as_deref());
    Ok(Some(match change_type {
        "create" => ChatChange::Create { chat_id },
        "dismiss" => ChatChange::Dismiss { chat_id },
        "update" => ChatChange::Update(ChatUpdate {
            chat_id,
            update_detail: UpdateDetail::from(text(wire.update_detail.as_deref())),
            join_scene: number::<i64>("JoinScene", wire.join_scene.as_deref())?
                .map(JoinScene::from),
            quit_scene: number::<i64>("QuitScene", wire.quit_scene.as_deref())?
                .map(QuitScene::from),
            mem_change_cnt: number("MemChangeCnt", wire.mem_change_cnt.as_deref())?,
            mem_change_list: match wire.mem_change_list.as_deref() {
                Some(inner) => xml::items(inner)?,
                None => Vec::new(),
            },
            last_mem_ver: optional(wire.last_mem_ver.as_deref()),
            cur_mem_ver: optional(wire.cur_mem_ver.as_deref()),
        }),
        _ => return Ok(None),
    }))
}
