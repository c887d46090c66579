//! 获客助手 state of one world: links, the customers and clicks they got, the quota those customers use,
//! the chat keys of 多次收消息 callbacks, and the 获客助手组件's pay mode, once keys and bills.

use std::collections::HashMap;

use crate::days::DAY;

/// The quota a world starts with: one batch expiring a year after it is first used.
const DEFAULT_QUOTA: u64 = 100;
/// How long a `ChatKey` works (回调后30分钟内有效).
pub(crate) const CHAT_KEY_SECS: i64 = 30 * 60;
/// How long a once key works (14天内有效).
pub(crate) const ONCE_KEY_SECS: i64 = 14 * DAY;
/// The messages after which WeCom sends `message_from_customer` (the 3rd, 5th and 10th).
const CALLBACK_AT: [u64; 3] = [3, 5, 10];

/// Everything 获客助手 of one world.
#[derive(Debug, Default)]
pub(crate) struct Acquisition {
    pub(crate) links: Vec<Link>,
    quota: Option<Quota>,
    pub(crate) chat_keys: HashMap<String, ChatKey>,
    pub(crate) component: Component,
}

/// One link, kept after deletion (deleted links are neither listed nor usable).
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub(crate) link_id: String,
    pub(crate) link_name: String,
    pub(crate) url: String,
    pub(crate) create_time: i64,
    pub(crate) skip_verify: bool,
    pub(crate) mark_source: bool,
    pub(crate) users: Vec<String>,
    pub(crate) departments: Vec<i64>,
    /// (priority_type, priority_userid_list).
    pub(crate) priority: Option<(i64, Vec<String>)>,
    pub(crate) deleted: bool,
    /// The customers it brought, in order.
    pub(crate) customers: Vec<Acquired>,
    /// When someone opened it, whether or not they were added.
    pub(crate) clicks: Vec<i64>,
    /// The next member of the range to hand a customer to.
    pub(crate) next_member: usize,
}

/// A customer a link brought.
#[derive(Debug, Clone)]
pub(crate) struct Acquired {
    pub(crate) external_userid: String,
    pub(crate) userid: String,
    pub(crate) state: String,
    pub(crate) time: i64,
    /// Messages the member received from the customer (会话状态 1 once non-zero).
    pub(crate) messages: u64,
}

/// The quota: what was bought in all, and the batches left.
#[derive(Debug, Clone)]
pub(crate) struct Quota {
    pub(crate) total: u64,
    /// (expire_date, balance), in the order they were granted.
    pub(crate) batches: Vec<(i64, u64)>,
}

impl Quota {
    /// The batches not yet expired at `now`, with their balance.
    pub(crate) fn live(&self, now: i64) -> impl Iterator<Item = (i64, u64)> + '_ {
        self.batches
            .iter()
            .copied()
            .filter(move |&(expire, balance)| expire > now && balance > 0)
    }

    pub(crate) fn balance(&self, now: i64) -> u64 {
        self.live(now).map(|(_, b)| b).sum()
    }

    /// Uses one from the batch that expires first; false when nothing is left.
    fn consume(&mut self, now: i64) -> bool {
        let soonest = self
            .batches
            .iter_mut()
            .filter(|(expire, balance)| *expire > now && *balance > 0)
            .min_by_key(|(expire, _)| *expire);
        match soonest {
            Some((_, balance)) => {
                *balance -= 1;
                true
            }
            None => false,
        }
    }
}

/// What a `ChatKey` of a `message_from_customer` callback reads back.
#[derive(Debug, Clone)]
pub(crate) struct ChatKey {
    pub(crate) userid: String,
    pub(crate) external_userid: String,
    pub(crate) link_id: String,
    pub(crate) state: String,
    pub(crate) recv_msg_cnt: u64,
    pub(crate) issued: i64,
}

/// The 获客助手组件 of a world: how the corp pays, and what the provider paid for.
#[derive(Debug)]
pub(crate) struct Component {
    /// 0 扣企业, 1 服务商代支付.
    pub(crate) pay_mode: i64,
    /// What the provider pays per customer, in fen.
    pub(crate) price: u64,
    /// once_key → (link_id, issued), each usable once.
    pub(crate) once_keys: HashMap<String, (String, i64)>,
    /// (timestamp, link_id, state, price).
    pub(crate) bills: Vec<(i64, String, String, u64)>,
}

impl Default for Component {
    fn default() -> Self {
        Self {
            pay_mode: 0,
            price: 3_000,
            once_keys: HashMap::new(),
            bills: Vec::new(),
        }
    }
}

/// Why a customer could not come through a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    UnknownLink,
    QuotaExhausted,
    InvalidOnceKey,
}

impl Acquisition {
    /// The quota, first given its default batch (a year from `now`).
    pub(crate) fn quota(&mut self, now: i64) -> &mut Quota {
        self.quota.get_or_insert_with(|| Quota {
            total: DEFAULT_QUOTA,
            batches: vec![(now + 365 * DAY, DEFAULT_QUOTA)],
        })
    }

    /// A link not deleted.
    pub(crate) fn link(&self, link_id: &str) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| l.link_id == link_id && !l.deleted)
    }

    pub(crate) fn link_mut(&mut self, link_id: &str) -> Option<&mut Link> {
        self.links
            .iter_mut()
            .find(|l| l.link_id == link_id && !l.deleted)
    }

    /// Someone opens link `link_id` at `now` and is added to `userid` as `external_userid`: a click
    /// always counts; the customer costs one of the quota, or the provider pays with a valid once key.
    pub(crate) fn admit(
        &mut self,
        link_id: &str,
        once_key: Option<&str>,
        now: i64,
    ) -> Result<(), Refusal> {
        if self.link(link_id).is_none() {
            return Err(Refusal::UnknownLink);
        }
        if let Some(link) = self.link_mut(link_id) {
            link.clicks.push(now);
        }
        match once_key {
            Some(key) => {
                let valid = self.component.pay_mode == 1
                    && self
                        .component
                        .once_keys
                        .get(key)
                        .is_some_and(|(link, issued)| {
                            link == link_id && now < issued + ONCE_KEY_SECS
                        });
                if !valid {
                    return Err(Refusal::InvalidOnceKey);
                }
                self.component.once_keys.remove(key);
                Ok(())
            }
            None if self.quota(now).consume(now) => Ok(()),
            None => Err(Refusal::QuotaExhausted),
        }
    }

    /// The member the next customer of `link_id` goes to, among `members` of its range.
    pub(crate) fn next_member(&mut self, link_id: &str, members: &[String]) -> Option<String> {
        let link = self.link_mut(link_id)?;
        if members.is_empty() {
            return None;
        }
        let member = members[link.next_member % members.len()].clone();
        link.next_member += 1;
        Some(member)
    }

    /// The member received one more message from `external_userid`; the `ChatKey` (`key`) of the
    /// callback it triggers (the 3rd, 5th and 10th message), if any.
    pub(crate) fn receive_message(
        &mut self,
        external_userid: &str,
        key: String,
        now: i64,
    ) -> Option<String> {
        let (link_id, customer) = self.links.iter_mut().find_map(|link| {
            let id = link.link_id.clone();
            link.customers
                .iter_mut()
                .find(|c| c.external_userid == external_userid)
                .map(|c| (id, c))
        })?;
        customer.messages += 1;
        if !CALLBACK_AT.contains(&customer.messages) {
            return None;
        }
        let chat = ChatKey {
            userid: customer.userid.clone(),
            external_userid: customer.external_userid.clone(),
            link_id,
            state: customer.state.clone(),
            recv_msg_cnt: customer.messages,
            issued: now,
        };
        self.chat_keys.insert(key.clone(), chat);
        Some(key)
    }
}
