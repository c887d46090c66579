//! The methods of [`MomentApi`]: one per endpoint, plus a stream over each cursor-paged list.

use futures::Stream;
use wecom_core::{EmptyResponse, Result};

use crate::types::*;
use crate::MomentApi;

impl<'a> MomentApi<'a> {
    /// 创建发表任务: asks members to publish a moment (text, and up to 9 images, or a video, or a link)
    /// to their customers; WeCom creates it asynchronously and answers a job id.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95094>. Validated before sending: see
    /// [`AddMomentTaskRequest::check`]. Media ids come from 上传附件资源 (`attachment_type` 1, crate
    /// `wecom-media`). WeCom allows 10 tasks a minute per corp. Follow the job with
    /// [`follow_moment_task`](Self::follow_moment_task).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure, so a moment is never published twice.
    pub async fn add_moment_task(
        &self,
        req: &AddMomentTaskRequest,
    ) -> Result<AddMomentTaskResponse> {
        self.client().execute(req).await
    }

    /// 获取任务创建结果: the state of a moment job, and once done its moment id and the senders and
    /// tags it could not use.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95094>. GET, `jobid` in the query; a job id
    /// works for 24 hours.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_moment_task_result(
        &self,
        req: &GetMomentTaskResultRequest,
    ) -> Result<MomentTaskResult> {
        self.client().execute(req).await
    }

    /// 停止发表企业朋友圈: members who have not published the moment yet no longer can.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97612>. Only moments the corp published.
    ///
    /// Idempotent (stopping twice stops once): retried on -1/45033/timeouts/5xx.
    pub async fn cancel_moment_task(&self, req: &CancelMomentTaskRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 获取企业全部的发表列表: one page of the moments created in a window of at most 30 days.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>. Validated before sending: an ordered
    /// window of at most 30 days, limit 1..=20. Deleted moments are not listed.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_moment_list(
        &self,
        req: &GetMomentListRequest,
    ) -> Result<GetMomentListResponse> {
        self.client().execute(req).await
    }

    /// Every [`Moment`] of [`get_moment_list`](Self::get_moment_list) from `req`'s cursor on; ends after
    /// the last page or the first error (which it yields).
    pub fn get_moment_list_stream(
        &self,
        req: GetMomentListRequest,
    ) -> impl Stream<Item = Result<Moment>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取客户朋友圈企业发表的列表: each member's task of a corp moment and whether they published it.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>. Validated before sending: limit
    /// 1..=1000.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_moment_task(
        &self,
        req: &GetMomentTaskRequest,
    ) -> Result<GetMomentTaskResponse> {
        self.client().execute(req).await
    }

    /// Every [`MomentTask`] of [`get_moment_task`](Self::get_moment_task), page after page.
    pub fn get_moment_task_stream(
        &self,
        req: GetMomentTaskRequest,
    ) -> impl Stream<Item = Result<MomentTask>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取客户朋友圈发表时选择的可见范围: the customers chosen for one member's copy of a moment.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>. Validated before sending: limit
    /// 1..=1000.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_moment_customer_list(
        &self,
        req: &GetMomentCustomerListRequest,
    ) -> Result<GetMomentCustomerListResponse> {
        self.client().execute(req).await
    }

    /// Every [`MomentCustomer`] of [`get_moment_customer_list`](Self::get_moment_customer_list).
    pub fn get_moment_customer_list_stream(
        &self,
        req: GetMomentCustomerListRequest,
    ) -> impl Stream<Item = Result<MomentCustomer>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取客户朋友圈发表后的可见客户列表: the customers who can see a member's published moment.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>. Validated before sending: limit
    /// 1..=5000.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_moment_send_result(
        &self,
        req: &GetMomentSendResultRequest,
    ) -> Result<GetMomentSendResultResponse> {
        self.client().execute(req).await
    }

    /// Every [`MomentSentCustomer`] of [`get_moment_send_result`](Self::get_moment_send_result).
    pub fn get_moment_send_result_stream(
        &self,
        req: GetMomentSendResultRequest,
    ) -> impl Stream<Item = Result<MomentSentCustomer>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取客户朋友圈的互动数据: the comments and likes on a member's copy of a moment.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_moment_comments(
        &self,
        req: &GetMomentCommentsRequest,
    ) -> Result<GetMomentCommentsResponse> {
        self.client().execute(req).await
    }
}
