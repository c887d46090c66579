//! The daily figures of 联系客户统计, summed over the calls a query takes (WeCom answers at most 100
//! members and 31 days a call).

use std::collections::BTreeMap;

use wecom_statistics::BehaviorData;

/// One day's figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Day {
    /// 0:00 (UTC+8) of the day.
    pub stat_time: i64,
    /// 聊天总数.
    pub chat_cnt: i64,
    /// 发送消息数.
    pub message_cnt: i64,
    /// 已回复聊天占比, %; absent on days without customer-started chats.
    pub reply_percentage: Option<f64>,
    /// 平均首次回复时长, minutes; absent on days without replies.
    pub avg_reply_time: Option<f64>,
    /// 删除/拉黑成员的客户数.
    pub negative_feedback_cnt: i64,
    /// 发起申请数.
    pub new_apply_cnt: i64,
    /// 新增客户数.
    pub new_contact_cnt: i64,
}

/// One figure: its WeCom name, its title, and how to read it from a day.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    /// WeCom's field name.
    pub key: &'static str,
    /// The title of its chart panel.
    pub title: &'static str,
    /// True for counts (printed without decimals).
    pub count: bool,
    /// The day's value, if WeCom gave one.
    pub value: fn(&Day) -> Option<f64>,
}

/// Every figure, in WeCom's order.
pub const FIGURES: [Figure; 7] = [
    Figure {
        key: "chat_cnt",
        title: "chat_cnt 聊天总数",
        count: true,
        value: |d| Some(d.chat_cnt as f64),
    },
    Figure {
        key: "message_cnt",
        title: "message_cnt 发送消息数",
        count: true,
        value: |d| Some(d.message_cnt as f64),
    },
    Figure {
        key: "reply_percentage",
        title: "reply_percentage 已回复聊天占比 (%)",
        count: false,
        value: |d| d.reply_percentage,
    },
    Figure {
        key: "avg_reply_time",
        title: "avg_reply_time 平均首次回复时长 (min)",
        count: false,
        value: |d| d.avg_reply_time,
    },
    Figure {
        key: "negative_feedback_cnt",
        title: "negative_feedback_cnt 删除/拉黑成员的客户数",
        count: true,
        value: |d| Some(d.negative_feedback_cnt as f64),
    },
    Figure {
        key: "new_apply_cnt",
        title: "new_apply_cnt 发起申请数",
        count: true,
        value: |d| Some(d.new_apply_cnt as f64),
    },
    Figure {
        key: "new_contact_cnt",
        title: "new_contact_cnt 新增客户数",
        count: true,
        value: |d| Some(d.new_contact_cnt as f64),
    },
];

/// A mean of the values given, weighted by the day's chat count when there is one.
#[derive(Debug, Clone, Default)]
struct Mean {
    weighted: f64,
    weight: f64,
    plain: f64,
    n: u32,
}

impl Mean {
    fn add(&mut self, value: Option<f64>, weight: i64) {
        if let Some(value) = value {
            self.weighted += value * weight as f64;
            self.weight += weight as f64;
            self.plain += value;
            self.n += 1;
        }
    }

    fn get(&self) -> Option<f64> {
        if self.weight > 0.0 {
            Some(self.weighted / self.weight)
        } else if self.n > 0 {
            Some(self.plain / f64::from(self.n))
        } else {
            None
        }
    }
}

/// Days being summed from the answers of several calls.
#[derive(Debug, Default)]
pub struct Days {
    days: BTreeMap<i64, (Day, Mean, Mean)>,
}

impl Days {
    /// Adds one call's answer. Counts add up; the percentage and the reply time of several groups of
    /// members are combined as a mean weighted by chat count (WeCom gives no exact denominator).
    pub fn add(&mut self, answer: &[BehaviorData]) {
        for data in answer {
            let (day, reply, avg) = self.days.entry(data.stat_time).or_default();
            day.stat_time = data.stat_time;
            day.chat_cnt += data.chat_cnt;
            day.message_cnt += data.message_cnt;
            day.negative_feedback_cnt += data.negative_feedback_cnt;
            day.new_apply_cnt += data.new_apply_cnt;
            day.new_contact_cnt += data.new_contact_cnt;
            reply.add(data.reply_percentage, data.chat_cnt);
            avg.add(data.avg_reply_time.map(|t| t as f64), data.chat_cnt);
        }
    }

    /// The days in order.
    pub fn into_days(self) -> Vec<Day> {
        self.days
            .into_values()
            .map(|(mut day, reply, avg)| {
                day.reply_percentage = reply.get();
                day.avg_reply_time = avg.get();
                day
            })
            .collect()
    }
}

/// The sum of the counts and the chat-weighted means of the others, over all `days`.
pub fn total(days: &[Day]) -> Day {
    let mut sum = Days::default();
    let as_data: Vec<BehaviorData> = days
        .iter()
        .map(|d| BehaviorData {
            stat_time: 0,
            chat_cnt: d.chat_cnt,
            message_cnt: d.message_cnt,
            reply_percentage: d.reply_percentage,
            avg_reply_time: None,
            negative_feedback_cnt: d.negative_feedback_cnt,
            new_apply_cnt: d.new_apply_cnt,
            new_contact_cnt: d.new_contact_cnt,
        })
        .collect();
    sum.add(&as_data);
    let mut total = sum.into_days().pop().unwrap_or_default();
    let mut avg = Mean::default();
    for d in days {
        avg.add(d.avg_reply_time, d.chat_cnt);
    }
    total.avg_reply_time = avg.get();
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(stat_time: i64, chat_cnt: i64, reply: Option<f64>, avg: Option<i64>) -> BehaviorData {
        BehaviorData {
            stat_time,
            chat_cnt,
            message_cnt: chat_cnt * 10,
            reply_percentage: reply,
            avg_reply_time: avg,
            negative_feedback_cnt: 1,
            new_apply_cnt: 2,
            new_contact_cnt: 3,
        }
    }

    #[test]
    fn two_groups_of_members_add_up_day_by_day() {
        let mut days = Days::default();
        days.add(&[
            data(100, 1, Some(100.0), Some(10)),
            data(200, 0, None, None),
        ]);
        days.add(&[
            data(100, 3, Some(50.0), Some(2)),
            data(200, 2, Some(20.0), None),
        ]);
        let days = days.into_days();
        assert_eq!(
            days,
            [
                Day {
                    stat_time: 100,
                    chat_cnt: 4,
                    message_cnt: 40,
                    reply_percentage: Some(62.5),
                    avg_reply_time: Some(4.0),
                    negative_feedback_cnt: 2,
                    new_apply_cnt: 4,
                    new_contact_cnt: 6,
                },
                Day {
                    stat_time: 200,
                    chat_cnt: 2,
                    message_cnt: 20,
                    reply_percentage: Some(20.0),
                    avg_reply_time: None,
                    negative_feedback_cnt: 2,
                    new_apply_cnt: 4,
                    new_contact_cnt: 6,
                },
            ]
        );
        let sum = total(&days);
        assert_eq!(sum.chat_cnt, 6);
        assert_eq!(sum.new_contact_cnt, 12);
        assert_eq!(sum.reply_percentage, Some((62.5 * 4.0 + 20.0 * 2.0) / 6.0));
        assert_eq!(sum.avg_reply_time, Some(4.0));
    }

    #[test]
    fn one_answer_is_kept_as_it_is() {
        let mut days = Days::default();
        days.add(&[data(100, 0, Some(33.33), Some(7))]);
        let day = &days.into_days()[0];
        assert_eq!(day.reply_percentage, Some(33.33));
        assert_eq!(day.avg_reply_time, Some(7.0));
    }
}
