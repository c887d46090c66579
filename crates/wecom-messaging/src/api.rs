//! The methods of [`MessagingApi`]: one per endpoint, plus streams over the cursor-paged reads.

use futures::Stream;
use wecom_core::{EmptyResponse, Result};

use crate::types::*;
use crate::MessagingApi;

impl<'a> MessagingApi<'a> {
    /// 创建企业群发: creates a mass-message task that members confirm on their clients before it is sent
    /// to customers (`chat_type` single) or customer groups (`group`).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92135>. Validated before sending: at most 9
    /// attachments, some content (text or an attachment), text ≤ 4000 bytes, link url and picurl
    /// ≤ 2048 bytes, ≤ 10 000 customers, ≤ 2 000 groups, a sender for group messages. Notable errcodes:
    /// 45009 (frequency limit), 48002, 60011 (no privilege over the sender).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure (timeout, 5xx, -1), so a mass message is
    /// never created twice; check `get_groupmsg_list_v2` before creating it again.
    pub async fn add_msg_template(
        &self,
        req: &AddMsgTemplateRequest,
    ) -> Result<AddMsgTemplateResponse> {
        self.client().execute(req).await
    }

    /// 获取群发记录列表: one page of the corp's and members' mass messages.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93338>. Validated: end_time ≥ start_time,
    /// a span of at most one month, limit 1..=100.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_groupmsg_list_v2(
        &self,
        req: &GetGroupMsgListV2Request,
    ) -> Result<GetGroupMsgListV2Response> {
        self.client().execute(req).await
    }

    /// Every [`GroupMsg`] of [`get_groupmsg_list_v2`](Self::get_groupmsg_list_v2), fetching page after
    /// page from `req`'s cursor on; ends after the last page or the first error (which it yields).
    pub fn get_groupmsg_list_v2_stream(
        &self,
        req: GetGroupMsgListV2Request,
    ) -> impl Stream<Item = Result<GroupMsg>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取群发成员发送任务列表: one page of the members' tasks of a mass message.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93338>. Validated: limit 1..=1000.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_groupmsg_task(
        &self,
        req: &GetGroupMsgTaskRequest,
    ) -> Result<GetGroupMsgTaskResponse> {
        self.client().execute(req).await
    }

    /// Every [`GroupMsgTask`] of [`get_groupmsg_task`](Self::get_groupmsg_task); ends like
    /// [`get_groupmsg_list_v2_stream`](Self::get_groupmsg_list_v2_stream).
    pub fn get_groupmsg_task_stream(
        &self,
        req: GetGroupMsgTaskRequest,
    ) -> impl Stream<Item = Result<GroupMsgTask>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取企业群发成员执行结果: one page of one member's per-recipient results.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93338>. Validated: limit 1..=1000.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_groupmsg_send_result(
        &self,
        req: &GetGroupMsgSendResultRequest,
    ) -> Result<GetGroupMsgSendResultResponse> {
        self.client().execute(req).await
    }

    /// Every [`GroupMsgSendResult`] of [`get_groupmsg_send_result`](Self::get_groupmsg_send_result);
    /// ends like [`get_groupmsg_list_v2_stream`](Self::get_groupmsg_list_v2_stream).
    pub fn get_groupmsg_send_result_stream(
        &self,
        req: GetGroupMsgSendResultRequest,
    ) -> impl Stream<Item = Result<GroupMsgSendResult>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 提醒成员群发: pushes the mass-message notice to the members again (WeCom caps reminders: three per
    /// message within 24 hours).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97610>.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure (each call spends a reminder).
    pub async fn remind_groupmsg_send(&self, msgid: impl Into<String>) -> Result<EmptyResponse> {
        self.client()
            .execute(&RemindGroupMsgSendRequest::new(msgid))
            .await
    }

    /// 停止企业群发: stops a mass message members need no longer send.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97611>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn cancel_groupmsg_send(&self, msgid: impl Into<String>) -> Result<EmptyResponse> {
        self.client()
            .execute(&CancelGroupMsgSendRequest::new(msgid))
            .await
    }

    /// 发送新客户欢迎语: sends a welcome message through the member who just added a customer.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92137>. The `welcome_code` comes from the
    /// `add_external_contact` callback, works once, and only within 20 seconds. Validated: at most 9
    /// attachments, some content, text ≤ 4000 bytes. Notable errcodes: 41051 (externaluser has started
    /// chatting: another app already used the code, or the member already spoke).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure, so the customer is welcomed at most once.
    pub async fn send_welcome_msg(&self, req: &SendWelcomeMsgRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 添加入群欢迎语素材: adds a template to the corp's group welcome library (at most 100 templates).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92366>. Validated: not everything empty, at
    /// most one of image/link/miniprogram/file/video, text ≤ 3000 bytes.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure (a retry could add a duplicate template).
    pub async fn add_group_welcome_template(
        &self,
        req: &AddGroupWelcomeTemplateRequest,
    ) -> Result<AddGroupWelcomeTemplateResponse> {
        self.client().execute(req).await
    }

    /// 编辑入群欢迎语素材: replaces a template's content (only templates the caller created).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92366>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn edit_group_welcome_template(
        &self,
        req: &EditGroupWelcomeTemplateRequest,
    ) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 获取入群欢迎语素材: reads a template's content.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92366>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_group_welcome_template(
        &self,
        req: &GetGroupWelcomeTemplateRequest,
    ) -> Result<GetGroupWelcomeTemplateResponse> {
        self.client().execute(req).await
    }

    /// 删除入群欢迎语素材: deletes a template (only templates the caller created).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92366>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn del_group_welcome_template(
        &self,
        req: &DelGroupWelcomeTemplateRequest,
    ) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }
}
