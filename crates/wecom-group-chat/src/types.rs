//! Request and response types of 客户群管理, each request beside its endpoint description.

mod group_chat;
mod join_way;

pub use group_chat::{
    GroupChat, GroupChatAdmin, GroupChatGetRequest, GroupChatGetResponse, GroupChatListItem,
    GroupChatListRequest, GroupChatListResponse, GroupChatMember, GroupChatStatus, Invitor,
    JoinScene, MemberType, OpengidToChatidRequest, OpengidToChatidResponse, StatusFilter,
    MAX_LIST_LIMIT,
};
pub use join_way::{
    AddJoinWayRequest, AddJoinWayResponse, DelJoinWayRequest, GetJoinWayRequest,
    GetJoinWayResponse, JoinWay, JoinWayScene, UpdateJoinWayRequest, MAX_JOIN_WAY_CHATS,
    MAX_ROOM_BASE_NAME_CHARS, MAX_STATE_CHARS,
};
/// The 0/1 switch (`need_name`, `auto_create_room`), 群主过滤 and its limit, shared with other domains.
pub use wecom_content::{Flag, OwnerFilter, MAX_OWNER_FILTER};
