//! `Event = change_external_chat`: customer groups created, changed or dismissed.

use serde::Serialize;

use super::wire::Reader;

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
    /// `JoinScene` (with `add_member`): how the members joined (`None` if not a number: then it is in
    /// `extra`, as is any number below that does not parse).
    pub join_scene: Option<JoinScene>,
    /// `QuitScene` (with `del_member`): how the members left.
    pub quit_scene: Option<QuitScene>,
    /// `MemChangeCnt`: how many members joined or left.
    pub mem_change_cnt: Option<u32>,
    /// `MemChangeList`: the ids of the members who joined or left (`<Item>` elements; empty, and the raw
    /// list in `extra`, if it holds anything else).
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

/// The typed change, or `None` for a change type this crate does not know.
pub(super) fn read(change_type: &str, wire: &mut Reader<'_, '_>) -> Option<ChatChange> {
    Some(match change_type {
        "create" => ChatChange::Create {
            chat_id: wire.text("ChatId"),
        },
        "dismiss" => ChatChange::Dismiss {
            chat_id: wire.text("ChatId"),
        },
        "update" => ChatChange::Update(ChatUpdate {
            chat_id: wire.text("ChatId"),
            update_detail: UpdateDetail::from(wire.text("UpdateDetail")),
            join_scene: wire.number::<i64>("JoinScene").map(JoinScene::from),
            quit_scene: wire.number::<i64>("QuitScene").map(QuitScene::from),
            mem_change_cnt: wire.number("MemChangeCnt"),
            mem_change_list: wire.items("MemChangeList"),
            last_mem_ver: wire.optional("LastMemVer"),
            cur_mem_ver: wire.optional("CurMemVer"),
        }),
        _ => return None,
    })
}
