//! The state of customer inheritance: resigned members, transfers and their takeovers, which complete
//! after a delay (WeCom: 24 hours) as the clock passes it.

use std::collections::{HashMap, HashSet};

use crate::metrics::{Counters, Metrics};
use crate::state::World;

/// WeCom's takeover delay: 24 hours, in milliseconds.
const DAY_MILLIS: i64 = 86_400_000;

/// 在职继承 or 离职继承: each has its own endpoints and its own list of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    OnJob,
    Resigned,
}

/// One accepted customer transfer.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub(crate) kind: Kind,
    pub(crate) handover: String,
    pub(crate) takeover: String,
    pub(crate) external_userid: String,
    pub(crate) started_millis: i64,
    pub(crate) due_millis: i64,
    /// 1 接替完毕, 2 等待接替, 3 客户拒绝.
    pub(crate) status: i64,
}

impl Record {
    /// The `takeover_time` WeCom shows: the (future) takeover while waiting, 0 once refused.
    pub(crate) fn takeover_time(&self) -> i64 {
        if self.status == 3 {
            0
        } else {
            self.due_millis.div_euclid(1000)
        }
    }
}

/// Everything inheritance changes or remembers.
#[derive(Debug)]
pub(crate) struct Transfers {
    /// Members who resigned, with their dimission time (unix seconds).
    pub(crate) resigned: HashMap<String, i64>,
    /// How long a takeover waits after the transfer.
    pub(crate) delay_millis: i64,
    /// Customers who refuse every takeover.
    pub(crate) refusing: HashSet<String>,
    /// Every accepted customer transfer, in order.
    pub(crate) records: Vec<Record>,
    /// Indexes into `records` of the takeovers still waiting.
    pending: Vec<usize>,
    /// Groups received per (new owner, day start): WeCom allows 300 a day.
    pub(crate) groups_per_day: HashMap<(String, i64), u32>,
}

impl Default for Transfers {
    fn default() -> Self {
        Self {
            resigned: HashMap::new(),
            delay_millis: DAY_MILLIS,
            refusing: HashSet::new(),
            records: Vec::new(),
            pending: Vec::new(),
            groups_per_day: HashMap::new(),
        }
    }
}

impl Transfers {
    pub(crate) fn is_resigned(&self, userid: &str) -> bool {
        self.resigned.contains_key(userid)
    }

    /// True while a takeover of `external_userid` waits (of either kind).
    pub(crate) fn is_pending(&self, external_userid: &str) -> bool {
        self.pending
            .iter()
            .any(|&i| self.records[i].external_userid == external_userid)
    }

    /// 在职 transfers of `external_userid` accepted since `since_millis`.
    pub(crate) fn onjob_transfers_since(&self, external_userid: &str, since_millis: i64) -> usize {
        self.records
            .iter()
            .filter(|r| r.kind == Kind::OnJob && r.external_userid == external_userid)
            .filter(|r| r.started_millis >= since_millis)
            .count()
    }

    /// Records an accepted transfer; its takeover is due after the delay.
    pub(crate) fn start(
        &mut self,
        kind: Kind,
        handover: &str,
        takeover: &str,
        external_userid: &str,
        now_millis: i64,
    ) {
        self.pending.push(self.records.len());
        self.records.push(Record {
            kind,
            handover: handover.to_owned(),
            takeover: takeover.to_owned(),
            external_userid: external_userid.to_owned(),
            started_millis: now_millis,
            due_millis: now_millis.saturating_add(self.delay_millis),
            status: 2,
        });
    }
}

/// Completes every takeover due at `now_millis`: the customer refuses (status 3) or the takeover member
/// now follows it instead of the handover member (status 1).
pub(crate) fn settle(world: &mut World, now_millis: i64, metrics: &Metrics) {
    let transfers = &mut world.created.transfers;
    if transfers.pending.is_empty() {
        return;
    }
    let (due, waiting): (Vec<usize>, Vec<usize>) = transfers
        .pending
        .iter()
        .partition(|&&i| transfers.records[i].due_millis <= now_millis);
    transfers.pending = waiting;
    for i in due {
        let record = &mut world.created.transfers.records[i];
        if world
            .created
            .transfers
            .refusing
            .contains(&record.external_userid)
        {
            record.status = 3;
            continue;
        }
        record.status = 1;
        let record = record.clone();
        move_follow(world, &record);
        Counters::add(&metrics.counters.customer_takeovers, 1);
    }
}

/// The takeover member follows the customer in the handover member's place.
fn move_follow(world: &mut World, record: &Record) {
    let Some(&index) = world.customer_index.get(&record.external_userid) else {
        return;
    };
    let customer = &mut world.customers[index];
    if customer.follow.iter().any(|f| f.userid == record.takeover) {
        customer.follow.retain(|f| f.userid != record.handover);
    } else if let Some(follow) = customer
        .follow
        .iter_mut()
        .find(|f| f.userid == record.handover)
    {
        follow.userid = record.takeover.clone();
        follow.createtime = record.due_millis.div_euclid(1000);
    }
    if let Some(list) = world.by_member.get_mut(&record.handover) {
        list.retain(|&i| i != index);
    }
    let list = world.by_member.entry(record.takeover.clone()).or_default();
    if !list.contains(&index) {
        list.push(index);
    }
}

/// Marks member `userid` resigned at `now` (unix seconds); its groups show 1 (跟进人离职). False when
/// there is no such member.
pub(crate) fn resign(world: &mut World, userid: &str, now: i64) -> bool {
    if !world.is_member(userid) {
        return false;
    }
    world
        .created
        .transfers
        .resigned
        .entry(userid.to_owned())
        .or_insert(now);
    for chat in world.chats.iter_mut().filter(|c| c.owner == userid) {
        if chat.status == 0 {
            chat.status = 1;
        }
    }
    true
}
