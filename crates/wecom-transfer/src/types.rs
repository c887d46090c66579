//! Request and response types of 在职继承 and 离职继承, each request beside its endpoint description.

mod customer;
mod group;
mod result;
mod unassigned;

pub use customer::{
    CustomerTransferResult, ResignedTransferCustomerRequest, TransferCustomerRequest,
    TransferCustomerResponse, MAX_TRANSFER_CUSTOMERS, MAX_TRANSFER_SUCCESS_MSG_CHARS,
};
pub use group::{
    FailedChat, GroupChatOnjobTransferRequest, GroupChatTransferRequest, GroupChatTransferResponse,
    MAX_TRANSFER_CHATS,
};
pub use result::{
    CustomerTakeover, ResignedTransferResultRequest, TakeoverStatus, TransferResultRequest,
    TransferResultResponse,
};
pub use unassigned::{
    GetUnassignedListRequest, GetUnassignedListResponse, UnassignedCustomer,
    MAX_UNASSIGNED_PAGE_SIZE,
};
