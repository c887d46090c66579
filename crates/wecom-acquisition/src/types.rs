//! Request and response types of 获客助手, each request beside its endpoint description.

mod component;
mod customer;
mod link;
mod quota;
mod range;

pub use component::{
    AuthApp, Bill, CreateOnceKeyRequest, CreateOnceKeyResponse, GetBillListRequest,
    GetBillListResponse, GetCompAuthInfoRequest, GetCompAuthInfoResponse, GetPermitRequest,
    GetPermitResponse, LinkAuthMode, PayMode, MAX_BILL_LIMIT, MAX_BILL_SPAN_SECS, MAX_ONCE_KEYS,
};
pub use customer::{
    AcquiredCustomer, ChatInfo, ChatStatus, GetChatInfoRequest, GetChatInfoResponse,
    ListCustomerRequest, ListCustomerResponse, MAX_CUSTOMER_LIMIT,
};
pub use link::{
    AcquisitionLink, CreateLinkRequest, CreateLinkResponse, DeleteLinkRequest, GetLinkRequest,
    GetLinkResponse, ListLinkRequest, ListLinkResponse, UpdateLinkRequest, MAX_LINK_NAME_CHARS,
    MAX_LIST_LINK_LIMIT,
};
pub use quota::{
    QuotaBatch, QuotaRequest, QuotaResponse, StatisticRequest, StatisticResponse,
    MAX_STATISTIC_SPAN_SECS,
};
pub use range::{LinkRange, PriorityOption, PriorityType, MAX_PRIORITY_USERS, MAX_RANGE_USERS};
