//! Request and response types of 消息推送, each request beside its endpoint description.

mod attachment;
mod groupmsg;
mod groupmsg_result;
mod mass_send;
mod welcome;

pub use attachment::{Attachment, Image, Link, Media, MiniProgram, Text, MAX_ATTACHMENTS};
pub use groupmsg::{
    CreateType, FilterType, GetGroupMsgListV2Request, GetGroupMsgListV2Response, GroupMsg,
    SendStatus, TaskStatus, MAX_LIST_LIMIT, MAX_LIST_SPAN_SECS, MAX_TASK_LIMIT,
};
pub use groupmsg_result::{
    GetGroupMsgSendResultRequest, GetGroupMsgSendResultResponse, GetGroupMsgTaskRequest,
    GetGroupMsgTaskResponse, GroupMsgSendResult, GroupMsgTask,
};
pub use mass_send::{
    AddMsgTemplateRequest, AddMsgTemplateResponse, CancelGroupMsgSendRequest, ChatType,
    RemindGroupMsgSendRequest, TagFilter, TagGroup, MAX_CHAT_IDS, MAX_EXTERNAL_USERIDS,
    MAX_MSG_TEXT_BYTES,
};
/// 是否通知成员将这条入群欢迎语应用到客户群中 (`notify`; WeCom notifies when absent): the shared 0/1
/// [`Flag`](wecom_content::Flag). `Notify::Silent` is 0 (不通知), `Notify::Notify` is 1 (通知).
pub use wecom_content::Flag as Notify;
pub use welcome::{
    AddGroupWelcomeTemplateRequest, AddGroupWelcomeTemplateResponse,
    DelGroupWelcomeTemplateRequest, EditGroupWelcomeTemplateRequest,
    GetGroupWelcomeTemplateRequest, GetGroupWelcomeTemplateResponse, GroupWelcomeContent,
    SendWelcomeMsgRequest, MAX_TEMPLATE_TEXT_BYTES, MAX_WELCOME_TEXT_BYTES,
};
