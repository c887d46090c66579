//! Request and response types of 客户管理, each request beside its endpoint description.
//!
//! The customer and follow-info shapes default field by field (`#[serde(default)]` on each field, not
//! on the struct): a struct-level default builds and moves a whole default value for every object
//! decoded, which cost about 1 % of a `batch/get_by_user` call (measured with cachegrind).

mod batch;
mod contact;
mod follow;
mod get;
mod list;
mod remark;
mod served;

pub use batch::{
    BatchGetByUserRequest, BatchGetByUserResponse, CustomerWithFollowInfo, FailInfo,
    MAX_BATCH_LIMIT, MAX_BATCH_USERIDS,
};
pub use contact::{
    AttrMiniprogram, AttrText, AttrWeb, CustomerType, ExternalAttr, ExternalAttrType,
    ExternalContact, ExternalProfile, Gender, ProfileWechatChannels, WechatChannelsStatus,
};
pub use follow::{
    AddWay, FollowInfo, FollowUser, FollowUserTag, TagType, WechatChannels, WechatChannelsSource,
};
pub use get::{GetRequest, GetResponse};
pub use list::{GetFollowUserListRequest, GetFollowUserListResponse, ListRequest, ListResponse};
pub use remark::{
    RemarkRequest, MAX_DESCRIPTION_CHARS, MAX_REMARK_CHARS, MAX_REMARK_COMPANY_CHARS,
};
pub use served::{
    CheckFollowUserRequest, CheckFollowUserResponse, ContactListRequest, ContactListResponse,
    FollowPermission, ServedContact,
};
