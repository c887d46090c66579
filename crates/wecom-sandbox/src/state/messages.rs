//! The chat log the statistics are counted from: who wrote where, and when.
//!
//! WeCom's API does not list messages (only 会话存档 does, out of scope), so the log is never served as
//! such; `get_user_behavior_data` and the group-chat statistics count it. Entries are small (indices,
//! not ids) because a large sandbox holds hundreds of thousands of them.

/// Where a message was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Conversation {
    /// The one-to-one chat of a member and a customer (indices into `members` and `customers`).
    Single { member: u32, customer: u32 },
    /// A customer group chat (an index into `chats`).
    Group { chat: u32 },
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Sender {
    /// A member (an index into `members`).
    Member(u32),
    /// A customer (an index into `customers`).
    Customer(u32),
}

/// One message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Message {
    /// Unix seconds.
    pub(crate) time: i64,
    pub(crate) conversation: Conversation,
    pub(crate) sender: Sender,
}

/// Messages ordered by time.
#[derive(Debug, Default)]
pub(crate) struct Messages {
    by_time: Vec<Message>,
}

impl Messages {
    /// Adds messages, keeping the order by time (the sort is stable and nearly free on sorted runs).
    pub(crate) fn extend(&mut self, new: impl IntoIterator<Item = Message>) {
        let before = self.by_time.len();
        self.by_time.extend(new);
        let sorted = self.by_time[before.saturating_sub(1)..]
            .windows(2)
            .all(|w| w[0].time <= w[1].time);
        if !sorted {
            self.by_time.sort_by_key(|m| m.time);
        }
    }

    /// The messages of `[start, end)`.
    pub(crate) fn between(&self, start: i64, end: i64) -> &[Message] {
        let from = self.by_time.partition_point(|m| m.time < start);
        let to = self.by_time.partition_point(|m| m.time < end).max(from);
        &self.by_time[from..to]
    }

    /// Every message, by time.
    #[cfg(test)]
    pub(crate) fn all(&self) -> &[Message] {
        &self.by_time
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(time: i64) -> Message {
        Message {
            time,
            conversation: Conversation::Group { chat: 0 },
            sender: Sender::Member(0),
        }
    }

    #[test]
    fn stays_ordered_and_slices_half_open_ranges() {
        let mut log = Messages::default();
        log.extend([at(10), at(30)]);
        log.extend([at(20), at(40)]);
        let times = |s: &[Message]| s.iter().map(|m| m.time).collect::<Vec<_>>();
        assert_eq!(times(log.all()), [10, 20, 30, 40]);
        assert_eq!(times(log.between(20, 40)), [20, 30]);
        assert_eq!(times(log.between(50, 10)), Vec::<i64>::new());
    }
}
