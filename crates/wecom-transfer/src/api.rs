//! The methods of [`TransferApi`]: one per endpoint, plus streams over the cursor-paged reads.

use futures::Stream;
use wecom_core::Result;

use crate::types::*;
use crate::TransferApi;

impl<'a> TransferApi<'a> {
    /// 分配在职成员的客户: hands up to 100 customers of a member in service to a colleague.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92125>. Validated before sending: both member
    /// ids, 1..=100 customers, `transfer_success_msg` ≤ 200 characters. The answer has one errcode per
    /// customer: 0 means the takeover *started* (the colleague takes over after 24 hours unless the
    /// customer refuses); 40128 transferred too often (each customer at most twice in 90 days), 40129 a
    /// transfer is pending, 40130 same member, 40096 / 40131 not a customer of the handover member.
    /// For more than 100, use [`transfer_customers`](Self::transfer_customers).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure.
    pub async fn transfer_customer(
        &self,
        req: &TransferCustomerRequest,
    ) -> Result<TransferCustomerResponse> {
        self.client().execute(req).await
    }

    /// 查询客户接替状态 (在职继承): one page (≤ 1000) of the customers handed from one member to another,
    /// with each one's status and takeover time.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94088>. Status 1 接替完毕, 2 等待接替,
    /// 3 客户拒绝, 4 接替成员客户达到上限, 5 无接替记录.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn transfer_result(
        &self,
        req: &TransferResultRequest,
    ) -> Result<TransferResultResponse> {
        self.client().execute(req).await
    }

    /// Every [`CustomerTakeover`] of [`transfer_result`](Self::transfer_result), page after page from
    /// `req`'s cursor on; ends after the last page or the first error (which it yields).
    pub fn transfer_result_stream(
        &self,
        req: TransferResultRequest,
    ) -> impl Stream<Item = Result<CustomerTakeover>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 分配在职成员的客户群: hands up to 100 groups of members in service to a new owner.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95703>. Validated before sending: 1..=100
    /// groups, a new owner. The new owner needs 客户联系, a verified name and an activated account; at
    /// most 300 groups of one person a day to one new owner; each group at most twice in 90 days.
    /// Groups that did not move come back in `failed_chat_list` (90502 the owner has resigned, 90501
    /// not a customer group, ...). For more than 100, use
    /// [`transfer_groupchats`](Self::transfer_groupchats).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure.
    pub async fn groupchat_onjob_transfer(
        &self,
        req: &GroupChatOnjobTransferRequest,
    ) -> Result<GroupChatTransferResponse> {
        self.client().execute(req).await
    }

    /// 获取待分配的离职成员列表: one page of the customers of resigned members not yet handed to anyone,
    /// with each member's resignation time.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92124>. Validated before sending: page_size
    /// 1..=1000. Page with `cursor` (`page_id` is the old way). A resigned member who left groups but
    /// no customers is not listed: find such groups with `groupchat/list` (status 1, 离职待继承).
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_unassigned_list(
        &self,
        req: &GetUnassignedListRequest,
    ) -> Result<GetUnassignedListResponse> {
        self.client().execute(req).await
    }

    /// Every [`UnassignedCustomer`] of [`get_unassigned_list`](Self::get_unassigned_list), page after
    /// page from `req`'s cursor on; ends after the page WeCom marks `is_last` (or with an empty
    /// cursor), a repeated cursor, or the first error (which it yields).
    pub fn get_unassigned_list_stream(
        &self,
        req: GetUnassignedListRequest,
    ) -> impl Stream<Item = Result<UnassignedCustomer>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 分配离职成员的客户: hands up to 100 customers of a resigned member to a colleague.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94081>. Validated before sending: both member
    /// ids, 1..=100 customers. `handover_userid` must have resigned (else errcode 40097 for the call).
    /// One errcode per customer: 0 means the takeover started (done after 24 hours); 40096 / 40131 not
    /// the leaver's customer, 40129 a transfer is pending. For more than 100, use
    /// [`resigned_transfer_customers`](Self::resigned_transfer_customers), or
    /// [`hand_over_leaver`](Self::hand_over_leaver) for everything a leaver left.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure.
    pub async fn resigned_transfer_customer(
        &self,
        req: &ResignedTransferCustomerRequest,
    ) -> Result<TransferCustomerResponse> {
        self.client().execute(req).await
    }

    /// 查询客户接替状态 (离职继承): one page (≤ 1000) of the customers handed from a resigned member to
    /// a colleague, with each one's status and takeover time.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94082>. Status 1 接替完毕, 2 等待接替,
    /// 3 客户拒绝, 4 接替成员客户达到上限.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn resigned_transfer_result(
        &self,
        req: &ResignedTransferResultRequest,
    ) -> Result<TransferResultResponse> {
        self.client().execute(req).await
    }

    /// Every [`CustomerTakeover`] of [`resigned_transfer_result`](Self::resigned_transfer_result), page
    /// after page from `req`'s cursor on; ends after the last page or the first error (which it yields).
    pub fn resigned_transfer_result_stream(
        &self,
        req: ResignedTransferResultRequest,
    ) -> impl Stream<Item = Result<CustomerTakeover>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 分配离职成员的客户群: hands up to 100 groups of resigned owners to a new owner.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92127>. Validated before sending: 1..=100
    /// groups, a new owner. Only groups whose owner has resigned; the new owner needs 客户联系, a
    /// verified name and an activated account; at most 300 groups of one person a day to one new owner.
    /// Groups that did not move come back in `failed_chat_list` (90500 the owner has not resigned,
    /// 90507 being handed over, 90508 already handed over, ...). For more than 100, use
    /// [`resigned_transfer_groupchats`](Self::resigned_transfer_groupchats).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure.
    pub async fn groupchat_transfer(
        &self,
        req: &GroupChatTransferRequest,
    ) -> Result<GroupChatTransferResponse> {
        self.client().execute(req).await
    }
}
