//! Request and response types of 统计管理, each request beside its endpoint description.

mod behavior;
mod groupchat;

pub use behavior::{
    BehaviorData, GetUserBehaviorDataRequest, GetUserBehaviorDataResponse, MAX_BEHAVIOR_IDS,
    MAX_SPAN_SECS,
};
pub use groupchat::{
    GroupChatStatisticByDayItem, GroupChatStatisticData, GroupChatStatisticGroupByDayRequest,
    GroupChatStatisticGroupByDayResponse, GroupChatStatisticItem, GroupChatStatisticRequest,
    GroupChatStatisticResponse, OrderBy, OwnerFilter, SortOrder, MAX_OWNER_FILTER,
    MAX_STATISTIC_LIMIT,
};
