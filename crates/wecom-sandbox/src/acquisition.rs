//! What WeChat users and WeCom's billing do to 获客助手 in a sandbox: customers coming through links
//! (each using one of the quota, or paid by the provider with a once key), their messages (the 3rd, 5th
//! and 10th give a `ChatKey`, as the `message_from_customer` callback would), the quota bought, and the
//! 获客助手组件's pay mode. All act on the sandbox's own corp.

use std::fmt;

use crate::handlers::acquisition_store::Refusal;
use crate::handlers::acquisition_use::{add_customer, count_customer};
use crate::Sandbox;

/// How a WeChat user opens a link.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkVisit {
    /// The `customer_channel` appended to the link's URL: the customer's `state`.
    pub customer_channel: Option<String>,
    /// A `once_key` of `create_once_key`: the provider pays (a bill) instead of the corp's quota.
    pub once_key: Option<String>,
}

impl LinkVisit {
    /// A visit through `…?customer_channel={channel}`.
    pub fn channel(channel: impl Into<String>) -> Self {
        Self {
            customer_channel: Some(channel.into()),
            once_key: None,
        }
    }
}

/// A customer a link brought: who, and the member they were handed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkCustomer {
    /// The new customer's external_userid.
    pub external_userid: String,
    /// The member of the link's range who now follows them.
    pub userid: String,
}

/// Why nobody could be added through a link. The click still counts in the link's statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinkRefused {
    /// No such link, or it was deleted.
    UnknownLink,
    /// The quota is used up (or expired): every link stops adding customers until more is bought, as
    /// WeCom's `link_unavailable` / `balance_exhausted` callbacks announce.
    QuotaExhausted,
    /// The once key is unknown, used, older than 14 days, of another link, or the corp does not let the
    /// provider pay.
    InvalidOnceKey,
}

impl fmt::Display for LinkRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::UnknownLink => "no such acquisition link",
            Self::QuotaExhausted => "the acquisition quota is used up",
            Self::InvalidOnceKey => "invalid once_key",
        })
    }
}

impl std::error::Error for LinkRefused {}

impl From<Refusal> for LinkRefused {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::UnknownLink => Self::UnknownLink,
            Refusal::QuotaExhausted => Self::QuotaExhausted,
            Refusal::InvalidOnceKey => Self::InvalidOnceKey,
        }
    }
}

impl Sandbox {
    /// A WeChat user opens link `link_id` and adds the next member of its range (round robin), now by
    /// the clock: a new customer of the corp (add_way 16, `state` = the channel), listed by
    /// `customer_acquisition/customer` and counted by `statistic`.
    pub fn add_customer_through_link(
        &self,
        link_id: &str,
        visit: LinkVisit,
    ) -> Result<LinkCustomer, LinkRefused> {
        let now = self.shared.clock.now();
        let channel = visit.customer_channel.unwrap_or_default();
        let added = add_customer(
            &mut self.shared.world(),
            link_id,
            &channel,
            visit.once_key.as_deref(),
            now,
        )?;
        count_customer(&self.shared);
        Ok(LinkCustomer {
            external_userid: added.0,
            userid: added.1,
        })
    }

    /// Replaces the corp's quota with these batches: (expire_date in unix seconds, balance). The total
    /// bought becomes their sum. Until this is called the corp has 100, expiring a year after first use.
    pub fn set_acquisition_quota(&self, batches: &[(i64, u64)]) {
        let now = self.shared.clock.now();
        let mut world = self.shared.world();
        let quota = world.created.acquisition.quota(now);
        quota.total = batches.iter().map(|(_, b)| b).sum();
        quota.batches = batches.to_vec();
    }

    /// The quota left now (batches not yet expired).
    pub fn acquisition_balance(&self) -> u64 {
        let now = self.shared.clock.now();
        self.shared
            .world()
            .created
            .acquisition
            .quota(now)
            .balance(now)
    }

    /// Customer `external_userid` (added through a link) sends the member a message. On the 3rd, 5th
    /// and 10th WeCom calls back `message_from_customer`: the answer is then that callback's `ChatKey`,
    /// which `get_chat_info` reads for 30 minutes. `None` for other messages and unknown customers.
    pub fn customer_messages_member(&self, external_userid: &str) -> Option<String> {
        let now = self.shared.clock.now();
        let mut world = self.shared.world();
        let key = world.next_id("CHATKEY");
        world
            .created
            .acquisition
            .receive_message(external_userid, key, now)
    }

    /// Sets how the corp pays for the 获客助手组件: `provider_pays` (pay_mode 1, so `create_once_key`
    /// works and a customer added with a once key becomes a bill of `price_fen`) or the corp's quota.
    pub fn set_acquisition_pay_mode(&self, provider_pays: bool, price_fen: u64) {
        let mut world = self.shared.world();
        let component = &mut world.created.acquisition.component;
        component.pay_mode = i64::from(provider_pays);
        component.price = price_fen;
    }

    /// Customers added through links so far (by quota or by the provider), in every corp.
    pub fn acquired_customers(&self) -> u64 {
        crate::metrics::Counters::get(&self.shared.metrics.counters.acquired_customers)
    }
}
