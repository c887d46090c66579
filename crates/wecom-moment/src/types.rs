//! Request and response types of 客户朋友圈, each request beside its endpoint description.

mod list;
mod publish;
mod task;

pub use list::{
    GetMomentListRequest, GetMomentListResponse, Location, Moment, MomentCreateType, MomentFilter,
    MomentVideo, VisibleType, MAX_LIST_DAYS, MAX_MOMENT_LIST_LIMIT,
};
pub use publish::{
    GetMomentCommentsRequest, GetMomentCommentsResponse, GetMomentCustomerListRequest,
    GetMomentCustomerListResponse, GetMomentSendResultRequest, GetMomentSendResultResponse,
    GetMomentTaskRequest, GetMomentTaskResponse, MomentCustomer, MomentInteraction,
    MomentSentCustomer, MomentTask, PublishStatus, MAX_CUSTOMER_LIST_LIMIT, MAX_SEND_RESULT_LIMIT,
    MAX_TASK_LIMIT,
};
pub use task::{
    AddMomentTaskRequest, AddMomentTaskResponse, CancelMomentTaskRequest, ExternalContactList,
    GetMomentTaskResultRequest, InvalidExternalContactList, InvalidSenderList, MomentTaskOutcome,
    MomentTaskResult, MomentTaskStatus, SenderList, VisibleRange, MAX_MOMENT_IMAGES,
    MAX_MOMENT_LINK_TITLE_BYTES, MAX_MOMENT_SENDERS, MAX_MOMENT_TEXT_CHARS,
};
/// Message content shared with other domains: a moment's text and attachments (images and videos by a
/// media id from 上传附件资源, a link with its cover as `media_id`).
pub use wecom_content::{Attachment, Image, Link, Media, Text};
