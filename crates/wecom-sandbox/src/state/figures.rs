//! Statistics counted from the world, as WeCom defines each figure (docs 92132 and 92133).
//!
//! Only what lies in `[history_start, …)` counts: WeCom keeps 180 days. A figure the sandbox has no
//! data for (customers deleting a member, 教培 chat migration) is 0.

use std::collections::{HashMap, HashSet};

use super::{Conversation, Sender, World};
use crate::days::DAY;

/// add_way values of a friend request the member sent (搜索手机号, 群聊, 手机通讯录, 微信联系人, 搜索邮箱,
/// 内部成员共享, 管理员/负责人分配); the others are the customer's request. The sandbox's customers accept
/// every request, so each of these follows is one 发起申请 and one 新增客户 on the same day.
const MEMBER_REQUESTS: [i64; 7] = [2, 4, 5, 6, 9, 201, 202];

/// 联系客户统计 of one day for a set of members (their combined figures).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Behavior {
    /// 聊天总数: chats (single and group) in which one of the members wrote.
    pub(crate) chat_cnt: u64,
    /// 发送消息数: messages the members wrote, in single and group chats.
    pub(crate) message_cnt: u64,
    /// Single chats of the day that the customer opened.
    pub(crate) customer_started: u64,
    /// Of those, the ones a member answered the same day.
    pub(crate) replied: u64,
    /// Seconds from the customer's first message to the first answer, summed over `replied`.
    pub(crate) reply_secs: i64,
    /// 删除/拉黑成员的客户数: the sandbox models no deletions.
    pub(crate) negative_feedback_cnt: u64,
    /// 发起申请数: follows of the day added at the member's request.
    pub(crate) new_apply_cnt: u64,
    /// 新增客户数: follows of the day.
    pub(crate) new_contact_cnt: u64,
}

/// 群聊数据统计 of one owner's chats over `[from, to)`: the flows (new chats, new members, messages,
/// chats and members that wrote) within the range, the totals (chats, members) as of its end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ChatFigures {
    pub(crate) new_chat_cnt: u64,
    pub(crate) chat_total: u64,
    /// Chats with at least one message in the range.
    pub(crate) chat_has_msg: u64,
    pub(crate) new_member_cnt: u64,
    pub(crate) member_total: u64,
    /// Chat members who wrote in the range (per chat).
    pub(crate) member_has_msg: u64,
    pub(crate) msg_total: u64,
    pub(crate) migrate_trainee_chat_cnt: u64,
}

impl ChatFigures {
    /// Adds another owner's figures (chats have one owner, so the sums count nothing twice).
    pub(crate) fn add(&mut self, other: &ChatFigures) {
        self.new_chat_cnt += other.new_chat_cnt;
        self.chat_total += other.chat_total;
        self.chat_has_msg += other.chat_has_msg;
        self.new_member_cnt += other.new_member_cnt;
        self.member_total += other.member_total;
        self.member_has_msg += other.member_has_msg;
        self.msg_total += other.msg_total;
        self.migrate_trainee_chat_cnt += other.migrate_trainee_chat_cnt;
    }
}

/// Per (day, conversation): did a member write, and how did the customer's chat go.
#[derive(Default)]
struct ConversationDay {
    member_wrote: bool,
    seen: bool,
    customer_opened_at: Option<i64>,
    answered_at: Option<i64>,
}

impl World {
    /// The figures of `members` (a mask over `self.members`) for each of `days` days from `first_day`.
    pub(crate) fn behavior(
        &self,
        members: &[bool],
        first_day: i64,
        days: usize,
        history_start: i64,
    ) -> Vec<Behavior> {
        let mut out = vec![Behavior::default(); days];
        let end = first_day.saturating_add(DAY.saturating_mul(days as i64));
        let from = first_day.max(history_start);
        let day_of = |t: i64| usize::try_from((t - first_day) / DAY).ok();
        let chosen = |m: u32| members.get(m as usize).copied().unwrap_or(false);
        for (member, m) in (0u32..).zip(&self.members) {
            if !chosen(member) {
                continue;
            }
            let customers = self.by_member.get(&m.userid).map_or(&[][..], Vec::as_slice);
            let follows = customers
                .iter()
                .flat_map(|&c| &self.customers[c].follow)
                .filter(|f| f.userid == m.userid && (from..end).contains(&f.createtime));
            for follow in follows {
                if let Some(day) = day_of(follow.createtime).and_then(|d| out.get_mut(d)) {
                    day.new_contact_cnt += 1;
                    day.new_apply_cnt += u64::from(MEMBER_REQUESTS.contains(&follow.add_way));
                }
            }
        }
        let mut conversations: HashMap<(usize, Conversation), ConversationDay> = HashMap::new();
        for message in self.messages.between(from, end) {
            let Some(day) = day_of(message.time) else {
                continue;
            };
            let by_chosen = matches!(message.sender, Sender::Member(m) if chosen(m));
            let single_of_chosen = matches!(message.conversation, Conversation::Single { member, .. } if chosen(member));
            if !by_chosen && !single_of_chosen {
                continue;
            }
            let entry = conversations
                .entry((day, message.conversation))
                .or_default();
            if by_chosen {
                out[day].message_cnt += 1;
                entry.member_wrote = true;
            }
            if single_of_chosen {
                let by_customer = matches!(message.sender, Sender::Customer(_));
                if !entry.seen && by_customer {
                    entry.customer_opened_at = Some(message.time);
                }
                entry.seen = true;
                if by_chosen && entry.customer_opened_at.is_some() && entry.answered_at.is_none() {
                    entry.answered_at = Some(message.time);
                }
            }
        }
        for ((day, _), c) in conversations {
            let figures = &mut out[day];
            figures.chat_cnt += u64::from(c.member_wrote);
            if let Some(opened) = c.customer_opened_at {
                figures.customer_started += 1;
                if let Some(answered) = c.answered_at {
                    figures.replied += 1;
                    figures.reply_secs += answered - opened;
                }
            }
        }
        out
    }

    /// The group-chat figures of `[from, to)` for every member as an owner (indexed like `members`).
    pub(crate) fn chat_figures_by_owner(
        &self,
        from: i64,
        to: i64,
        history_start: i64,
    ) -> Vec<ChatFigures> {
        let mut out = vec![ChatFigures::default(); self.members.len()];
        if to <= history_start {
            return out;
        }
        let from = from.max(history_start);
        let owner_of: Vec<Option<usize>> = self
            .chats
            .iter()
            .map(|c| self.member_no(&c.owner).map(|o| o as usize))
            .collect();
        for (chat, owner) in self.chats.iter().zip(&owner_of) {
            let Some(f) = owner.and_then(|o| out.get_mut(o)) else {
                continue;
            };
            if chat.create_time >= to {
                continue;
            }
            f.chat_total += 1;
            f.new_chat_cnt += u64::from(chat.create_time >= from);
            for member in chat.members.iter().filter(|m| m.join_time < to) {
                f.member_total += 1;
                f.new_member_cnt += u64::from(member.join_time >= from);
            }
        }
        let mut chats_with_msg = HashSet::new();
        let mut writers = HashSet::new();
        for message in self.messages.between(from, to) {
            let Conversation::Group { chat } = message.conversation else {
                continue;
            };
            let owner = owner_of.get(chat as usize).copied().flatten();
            let Some(f) = owner.and_then(|o| out.get_mut(o)) else {
                continue;
            };
            f.msg_total += 1;
            f.chat_has_msg += u64::from(chats_with_msg.insert(chat));
            f.member_has_msg += u64::from(writers.insert((chat, message.sender)));
        }
        out
    }
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
