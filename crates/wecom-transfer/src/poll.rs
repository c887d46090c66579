//! Following transfers to their end: poll `transfer_result` with backoff until every customer has a final
//! status or a deadline passes.

use std::collections::HashMap;
use std::time::Duration;

use futures::TryStreamExt;
use tokio::time::Instant;
use wecom_core::pagination::CursorRequest;
use wecom_core::{Result, WecomClient};

use crate::types::*;
use crate::TransferApi;

/// How patiently [`wait_for_transfer_result`](TransferApi::wait_for_transfer_result) polls.
///
/// The first poll is immediate; the next waits `first_delay`, and each further wait doubles, up to
/// `max_delay`, never past the deadline. WeCom completes a takeover 24 hours after the transfer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollOptions {
    /// How long to keep polling in all (default 25 hours).
    pub deadline: Duration,
    /// The wait after the first poll (default 1 minute).
    pub first_delay: Duration,
    /// The longest wait between two polls (default 30 minutes).
    pub max_delay: Duration,
}

impl Default for PollOptions {
    fn default() -> Self {
        Self {
            deadline: Duration::from_secs(25 * 3_600),
            first_delay: Duration::from_secs(60),
            max_delay: Duration::from_secs(30 * 60),
        }
    }
}

impl PollOptions {
    /// Polls for at most `deadline`, with `first_delay` doubling up to `max_delay` between polls.
    pub fn new(deadline: Duration, first_delay: Duration, max_delay: Duration) -> Self {
        Self {
            deadline,
            first_delay,
            max_delay,
        }
    }

    /// The wait after poll number `round` (1-based): `first_delay · 2^(round-1)`, capped at `max_delay`.
    ///
    /// ```
    /// use std::time::Duration;
    /// let opts = wecom_transfer::PollOptions::new(
    ///     Duration::from_secs(60), Duration::from_secs(1), Duration::from_secs(5));
    /// let waits: Vec<u64> = (1..=5).map(|r| opts.delay(r).as_secs()).collect();
    /// assert_eq!(waits, [1, 2, 4, 5, 5]);
    /// ```
    pub fn delay(&self, round: u32) -> Duration {
        let factor = 1u32
            .checked_shl(round.saturating_sub(1))
            .unwrap_or(u32::MAX);
        self.first_delay.saturating_mul(factor).min(self.max_delay)
    }
}

/// One customer followed to its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakeoverItem {
    /// 客户的external_userid.
    pub external_userid: String,
    /// The last status WeCom gave, `None` if no answer listed this customer.
    pub status: Option<TakeoverStatus>,
    /// The last `takeover_time` WeCom gave (0 when unlisted).
    pub takeover_time: i64,
}

impl TakeoverItem {
    /// True when WeCom gave a final status (anything but 2, 等待接替).
    pub fn is_final(&self) -> bool {
        self.status.is_some_and(TakeoverStatus::is_final)
    }
}

/// Where every customer of a transfer stands after polling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakeoverReport {
    /// One item per distinct customer asked about, in the order given.
    pub customers: Vec<TakeoverItem>,
    /// True when every customer reached a final status before the deadline.
    pub complete: bool,
    /// How many times the status list was read (each read walks every page).
    pub polls: u32,
}

impl TakeoverReport {
    /// The status of `external_userid`, if it was asked about and listed.
    pub fn status(&self, external_userid: &str) -> Option<TakeoverStatus> {
        self.customers
            .iter()
            .find(|c| c.external_userid == external_userid)
            .and_then(|c| c.status)
    }
}

impl<'a> TransferApi<'a> {
    /// Polls `transfer_result` (在职继承) with backoff until each of `external_userids` handed from
    /// `handover_userid` to `takeover_userid` has a final status — done, refused, limit reached, no
    /// record — or `opts.deadline` passes; returns the last status of each.
    ///
    /// Each poll walks every page. A poll that fails in a way a later one may not (timeout, 5xx, -1,
    /// 45033, 45009) is skipped and polled again after the next wait; any other error is returned. If
    /// no poll succeeded by the deadline, the last error is returned.
    pub async fn wait_for_transfer_result(
        &self,
        handover_userid: &str,
        takeover_userid: &str,
        external_userids: impl IntoIterator<Item = impl Into<String>>,
        opts: &PollOptions,
    ) -> Result<TakeoverReport> {
        let first = TransferResultRequest::new(handover_userid, takeover_userid);
        poll(self.client(), first, external_userids, opts).await
    }

    /// [`wait_for_transfer_result`](Self::wait_for_transfer_result) for 离职继承: polls
    /// `resigned/transfer_result`.
    pub async fn wait_for_resigned_transfer_result(
        &self,
        handover_userid: &str,
        takeover_userid: &str,
        external_userids: impl IntoIterator<Item = impl Into<String>>,
        opts: &PollOptions,
    ) -> Result<TakeoverReport> {
        let first = ResignedTransferResultRequest::new(handover_userid, takeover_userid);
        poll(self.client(), first, external_userids, opts).await
    }
}

async fn poll<R>(
    client: &WecomClient,
    first: R,
    external_userids: impl IntoIterator<Item = impl Into<String>>,
    opts: &PollOptions,
) -> Result<TakeoverReport>
where
    R: CursorRequest<Response = TransferResultResponse>,
{
    let started = Instant::now();
    let mut index = HashMap::new();
    let mut customers = Vec::new();
    for id in external_userids.into_iter().map(Into::into) {
        if !index.contains_key(&id) {
            index.insert(id.clone(), customers.len());
            customers.push(TakeoverItem {
                external_userid: id,
                status: None,
                takeover_time: 0,
            });
        }
    }
    let mut report = TakeoverReport {
        customers,
        complete: false,
        polls: 0,
    };
    if report.customers.is_empty() {
        report.complete = true;
        return Ok(report);
    }
    let mut succeeded = false;
    loop {
        report.polls += 1;
        let mut pages = client.paginate(first.clone()).items();
        let outcome: Result<()> = async {
            while let Some(item) = pages.try_next().await? {
                if let Some(&i) = index.get(&item.external_userid) {
                    let entry = &mut report.customers[i];
                    entry.status = Some(item.status);
                    entry.takeover_time = item.takeover_time;
                }
            }
            Ok(())
        }
        .await;
        let elapsed = started.elapsed();
        match outcome {
            Ok(()) => succeeded = true,
            Err(err) if err.is_retryable() || err.is_rate_limited() => {
                if !succeeded && elapsed >= opts.deadline {
                    return Err(err);
                }
            }
            Err(err) => return Err(err),
        }
        if succeeded && report.customers.iter().all(TakeoverItem::is_final) {
            report.complete = true;
            return Ok(report);
        }
        if elapsed >= opts.deadline {
            return Ok(report);
        }
        tokio::time::sleep(opts.delay(report.polls).min(opts.deadline - elapsed)).await;
    }
}
