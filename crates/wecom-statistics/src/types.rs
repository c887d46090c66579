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
    GroupChatStatisticResponse, OrderBy, MAX_STATISTIC_LIMIT,
};
/// 是否升序 (`order_asc`): the shared 0/1 [`Flag`](wecom_content::Flag); `SortOrder::Desc` is 0 (the
/// default), `SortOrder::Asc` is 1.
pub use wecom_content::Flag as SortOrder;
/// 群主过滤 and its limit, shared with `wecom-group-chat`.
pub use wecom_content::{OwnerFilter, MAX_OWNER_FILTER};
