//! A resigned member's whole handover in one call: the one job that needs two domains (the group list
//! is the group-chat domain's, the transfers the inheritance domain's), so it lives in the facade.

use futures::TryStreamExt;
use wecom_core::{Result, WecomClient};
use wecom_group_chat::{GroupChatExt, GroupChatListRequest, StatusFilter, MAX_LIST_LIMIT};
use wecom_transfer::{LeaverReport, TransferExt};

/// 离职继承 in one call (features `transfer` and `group-chat`): finds every customer group `leaver` owns
/// that waits for a successor (`groupchat/list` filtered by owner and 离职待继承), then hands the
/// leaver's unassigned customers and those groups to `successor` with
/// [`hand_over_leaver`](wecom_transfer::TransferApi::hand_over_leaver), whose docs say what WeCom does
/// in the 24 hours after.
///
/// Everything is read before anything is sent, so an `Err` means nothing was transferred; otherwise the
/// report has one outcome per customer and group, and nothing is ever sent twice.
///
/// ```no_run
/// # async fn run(client: &wecom_external_contact::WecomClient) -> wecom_external_contact::Result<()> {
/// let report = wecom_external_contact::hand_over_leaver(client, "zhangsan", "lisi").await?;
/// println!(
///     "{} customers and {} groups accepted",
///     report.customers.accepted().count(),
///     report.group_chats.accepted().count()
/// );
/// # Ok(()) }
/// ```
pub async fn hand_over_leaver(
    client: &WecomClient,
    leaver: &str,
    successor: &str,
) -> Result<LeaverReport> {
    let waiting = GroupChatListRequest::new(MAX_LIST_LIMIT)
        .owner_filter([leaver])
        .status_filter(StatusFilter::ResignedPending);
    let groups: Vec<String> = client
        .group_chat()
        .list_stream(waiting)
        .map_ok(|chat| chat.chat_id)
        .try_collect()
        .await?;
    client
        .transfer()
        .hand_over_leaver(leaver, successor, groups)
        .await
}
