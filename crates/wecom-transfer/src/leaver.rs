//! A leaver in one call: every unassigned customer of a resigned member, and the groups given, to one
//! successor.

use std::collections::HashSet;

use futures::TryStreamExt;
use wecom_core::Result;

use crate::report::TransferReport;
use crate::types::*;
use crate::TransferApi;

/// What [`hand_over_leaver`](TransferApi::hand_over_leaver) did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeaverReport {
    /// One outcome per customer of the leaver that `get_unassigned_list` listed.
    pub customers: TransferReport,
    /// One outcome per group given.
    pub group_chats: TransferReport,
}

impl<'a> TransferApi<'a> {
    /// Hands everything a resigned member left to one successor: walks `get_unassigned_list` to the end,
    /// keeps the customers of `handover_userid`, sends them with
    /// [`resigned_transfer_customers`](Self::resigned_transfer_customers) (chunks of 100), then the groups
    /// `group_chat_ids` with [`resigned_transfer_groupchats`](Self::resigned_transfer_groupchats).
    ///
    /// The groups are given rather than looked up because listing them is the group-chat domain's
    /// endpoint (`groupchat/list` with the owner filter and status 1, 离职待继承):
    ///
    /// ```no_run
    /// # async fn run(client: &wecom_core::WecomClient, group_chat_ids: Vec<String>) -> wecom_core::Result<()> {
    /// use wecom_transfer::TransferExt;
    /// let report = client.transfer().hand_over_leaver("zhangsan", "lisi", group_chat_ids).await?;
    /// for item in report.customers.not_accepted() {
    ///     println!("{} stays unassigned: {:?}", item.id, item.outcome);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// The list is read in full before anything is sent, so an error while reading it (the only `Err`
    /// besides an invalid request) means nothing was transferred. Customers that a retry of this method
    /// would find again are those WeCom did not accept; accepted ones leave the unassigned list.
    ///
    /// What WeCom does in the 24 hours after: each accepted customer waits (status 2, 等待接替, with the
    /// takeover time in `resigned/transfer_result`) and is taken over by the successor automatically
    /// 24 hours later (status 1); until then the customer can refuse (status 3, and a `transfer_fail`
    /// callback), and the takeover fails if the successor has reached the customer limit (status 4).
    /// Follow them to the end with
    /// [`wait_for_resigned_transfer_result`](Self::wait_for_resigned_transfer_result). A group's change
    /// of owner is reported by the `change_external_chat` callback (`update`, `change_owner`), and
    /// `groupchat/list` shows the group as 离职继承中, then 离职继承完成.
    pub async fn hand_over_leaver(
        &self,
        handover_userid: &str,
        takeover_userid: &str,
        group_chat_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Result<LeaverReport> {
        let customers_req = ResignedTransferCustomerRequest::new(
            handover_userid,
            takeover_userid,
            Vec::<String>::new(),
        );
        let chats_req = GroupChatTransferRequest::new(group_chat_ids, takeover_userid);
        // Check both before reading anything.
        customers_req.check_fields()?;
        chats_req.check_fields()?;

        let mut seen = HashSet::new();
        let customers: Vec<String> = self
            .get_unassigned_list_stream(GetUnassignedListRequest::new())
            .try_filter_map(|item| {
                let keep = item.handover_userid == handover_userid
                    && seen.insert(item.external_userid.clone());
                futures::future::ready(Ok(keep.then_some(item.external_userid)))
            })
            .try_collect()
            .await?;

        let customers_req = ResignedTransferCustomerRequest {
            external_userid: customers,
            ..customers_req
        };
        Ok(LeaverReport {
            customers: self.resigned_transfer_customers(&customers_req).await?,
            group_chats: self.resigned_transfer_groupchats(&chats_req).await?,
        })
    }
}
