//! Generated chat activity: the messages of the history, from which the statistics are counted.
//!
//! Single chats: each customer has 0–3 conversation days between being added and the anchor. On such a
//! day either the customer writes first — and the member replies within an hour 4 times in 5 — or the
//! member does; 0–3 more messages alternate. Group chats: on a third of the days since a chat was
//! created, 1–8 of its members (those who had joined) write. Nothing is generated on or after the anchor
//! (0:00 of the clock's day): today belongs to what the API sends.

use super::{Conversation, Message, Sender, World};
use crate::days::{day_start, DAY};

const HOUR: i64 = 3_600;

impl World {
    pub(crate) fn generate_messages(&mut self, rng: &mut fastrand::Rng, anchor: i64) {
        let mut log = Vec::new();
        for (customer, c) in (0u32..).zip(&self.customers) {
            for follow in &c.follow {
                let Some(member) = self.member_no(&follow.userid) else {
                    continue;
                };
                let conversation = Conversation::Single { member, customer };
                single_chat_days(rng, &mut log, conversation, follow.createtime, anchor);
            }
        }
        for (chat_no, chat) in (0u32..).zip(&self.chats) {
            let conversation = Conversation::Group { chat: chat_no };
            let mut day = day_start(chat.create_time);
            while day < anchor {
                if rng.u8(..3) == 0 {
                    for _ in 0..rng.usize(1..=8) {
                        let time = day + rng.i64(8 * HOUR..22 * HOUR);
                        let member = &chat.members[rng.usize(..chat.members.len())];
                        if time < member.join_time || time >= anchor {
                            continue;
                        }
                        let sender = if member.kind == 1 {
                            self.member_no(&member.userid).map(Sender::Member)
                        } else {
                            self.customer_no(&member.userid).map(Sender::Customer)
                        };
                        if let Some(sender) = sender {
                            log.push(Message {
                                time,
                                conversation,
                                sender,
                            });
                        }
                    }
                }
                day += DAY;
            }
        }
        self.messages.extend(log);
    }
}

fn single_chat_days(
    rng: &mut fastrand::Rng,
    log: &mut Vec<Message>,
    conversation: Conversation,
    added: i64,
    anchor: i64,
) {
    let Conversation::Single { member, customer } = conversation else {
        return;
    };
    let first_day = day_start(added);
    let days = (anchor - first_day) / DAY;
    if days <= 0 {
        return;
    }
    for _ in 0..rng.usize(0..4) {
        let day = first_day + rng.i64(0..days) * DAY;
        let mut time = (day + rng.i64(9 * HOUR..20 * HOUR)).max(added);
        let mut by_member = rng.bool();
        let mut day_log = vec![(time, by_member)];
        if !by_member && rng.u8(..5) < 4 {
            time += rng.i64(60..HOUR);
            by_member = true;
            day_log.push((time, by_member));
        }
        for _ in 0..rng.usize(0..4) {
            time += rng.i64(30..900);
            by_member = !by_member;
            day_log.push((time, by_member));
        }
        // A conversation stays within its day (and before the anchor).
        let end = (day + DAY).min(anchor);
        log.extend(
            day_log
                .into_iter()
                .filter(|&(t, _)| t < end)
                .map(|(time, by_member)| Message {
                    time,
                    conversation,
                    sender: if by_member {
                        Sender::Member(member)
                    } else {
                        Sender::Customer(customer)
                    },
                }),
        );
    }
}
