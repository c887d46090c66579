//! Request and response types of the rules groups, shared by both families where their JSON is the
//! same; each request is generic over its [`Family`], which picks the path and the privilege struct.

mod endpoints;
mod family;
mod privilege;
mod range;
mod read;
mod write;

pub use family::{CustomerFamily, Family, MomentFamily};
pub use privilege::{CustomerPrivilege, MomentPrivilege};
pub use range::{RangeNode, RangeType, MAX_RANGE_NODES, MAX_RANGE_NODES_PER_CALL};
pub use read::{
    Strategy, StrategyGetRangeRequest, StrategyGetRangeResponse, StrategyGetRequest,
    StrategyGetResponse, StrategyListItem, StrategyListRequest, StrategyListResponse,
    MAX_LIST_LIMIT,
};
pub use write::{
    StrategyCreateRequest, StrategyCreateResponse, StrategyDelRequest, StrategyEditRequest,
    MAX_ADMINS,
};

/// A customer rules group (客户联系规则组) as `customer_strategy/get` answers it.
pub type CustomerStrategy = Strategy<CustomerPrivilege>;

/// A moment rules group (客户朋友圈规则组) as `moment_strategy/get` answers it.
pub type MomentStrategy = Strategy<MomentPrivilege>;
