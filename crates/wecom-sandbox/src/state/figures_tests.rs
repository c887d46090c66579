//! The figures of a small hand-built world, worked out by hand.

use std::collections::HashMap;

use super::*;
use crate::state::{ChatMember, Customer, Follow, GroupChat, Member, Message};

/// 2024-12-01 00:00 +08:00.
const D: i64 = 1_732_982_400;

fn follow(userid: &str, createtime: i64, add_way: i64) -> Follow {
    Follow {
        userid: userid.into(),
        remark: String::new(),
        description: String::new(),
        createtime,
        tag_ids: Vec::new(),
        remark_corp_name: String::new(),
        remark_mobiles: Vec::new(),
        add_way,
        state: String::new(),
    }
}

fn chat_member(userid: &str, kind: i64, join_time: i64) -> ChatMember {
    ChatMember {
        userid: userid.into(),
        kind,
        join_time,
        join_scene: 1,
        invitor: String::new(),
        name: String::new(),
    }
}

/// zhangsan (member 0) follows c0 (added day 0, a customer's request) and c1 (day 0, his own request);
/// lisi (member 1) follows c2 (day 1, assigned). zhangsan owns one chat: himself and c0 on day 0, c2 on
/// day 1.
fn world() -> World {
    let mut w = World::default();
    for (i, userid) in ["zhangsan", "lisi"].into_iter().enumerate() {
        w.members.push(Member {
            userid: userid.into(),
            name: userid.into(),
        });
        w.member_index.insert(userid.into(), i as u32);
    }
    let follows = [
        follow("zhangsan", D + 100, 1),
        follow("zhangsan", D + 200, 2),
        follow("lisi", D + DAY + 5, 202),
    ];
    let mut by_member: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, f) in follows.into_iter().enumerate() {
        let external_userid = format!("c{i}");
        by_member.entry(f.userid.clone()).or_default().push(i);
        w.customer_index.insert(external_userid.clone(), i);
        w.customers.push(Customer {
            external_userid,
            name: String::new(),
            kind: 1,
            gender: 0,
            avatar: String::new(),
            unionid: String::new(),
            corp_name: String::new(),
            follow: vec![f],
        });
    }
    w.by_member = by_member;
    w.chats.push(GroupChat {
        chat_id: "wr0".into(),
        name: String::new(),
        owner: "zhangsan".into(),
        create_time: D + 10,
        notice: String::new(),
        status: 0,
        members: vec![
            chat_member("zhangsan", 1, D + 10),
            chat_member("c0", 2, D + 20),
            chat_member("c2", 2, D + DAY + 30),
        ],
        admins: Vec::new(),
    });
    let single = |member, customer| Conversation::Single { member, customer };
    let group = Conversation::Group { chat: 0 };
    let log = [
        // Day 0: c0 opens, zhangsan answers after 10 minutes; c1 opens, no answer; lisi opens with c2.
        (D + 1_000, single(0, 0), Sender::Customer(0)),
        (D + 1_600, single(0, 0), Sender::Member(0)),
        (D + 2_000, single(0, 0), Sender::Customer(0)),
        (D + 3_000, single(0, 1), Sender::Customer(1)),
        (D + 4_000, single(1, 2), Sender::Member(1)),
        (D + 5_000, group, Sender::Member(0)),
        (D + 5_100, group, Sender::Customer(0)),
        // Day 1: zhangsan opens with c0; c2 writes in the group.
        (D + DAY + 100, single(0, 0), Sender::Member(0)),
        (D + DAY + 200, single(0, 0), Sender::Customer(0)),
        (D + DAY + 300, single(0, 0), Sender::Member(0)),
        (D + DAY + 400, group, Sender::Customer(2)),
    ];
    w.messages
        .extend(log.map(|(time, conversation, sender)| Message {
            time,
            conversation,
            sender,
        }));
    w
}

#[test]
fn behavior_of_one_member() {
    let days = world().behavior(&[true, false], D, 2, 0);
    let day0 = Behavior {
        chat_cnt: 2,
        message_cnt: 2,
        customer_started: 2,
        replied: 1,
        reply_secs: 600,
        negative_feedback_cnt: 0,
        new_apply_cnt: 1,
        new_contact_cnt: 2,
    };
    let day1 = Behavior {
        chat_cnt: 1,
        message_cnt: 2,
        ..Behavior::default()
    };
    assert_eq!(days, [day0, day1]);
}

#[test]
fn behavior_of_both_members_combined() {
    let days = world().behavior(&[true, true], D, 2, 0);
    assert_eq!(
        (
            days[0].chat_cnt,
            days[0].message_cnt,
            days[0].customer_started
        ),
        (3, 3, 2)
    );
    assert_eq!((days[1].new_contact_cnt, days[1].new_apply_cnt), (1, 1));
}

#[test]
fn nothing_before_the_history() {
    let days = world().behavior(&[true, true], D, 2, D + DAY);
    assert_eq!(days[0], Behavior::default());
    assert_eq!(days[1].message_cnt, 2);
    let figures = world().chat_figures_by_owner(D, D + DAY, D + DAY);
    assert_eq!(figures, [ChatFigures::default(), ChatFigures::default()]);
}

#[test]
fn group_chat_figures_by_owner() {
    let w = world();
    let day0 = w.chat_figures_by_owner(D, D + DAY, 0);
    assert_eq!(
        day0[0],
        ChatFigures {
            new_chat_cnt: 1,
            chat_total: 1,
            chat_has_msg: 1,
            new_member_cnt: 2,
            member_total: 2,
            member_has_msg: 2,
            msg_total: 2,
            migrate_trainee_chat_cnt: 0,
        }
    );
    assert_eq!(day0[1], ChatFigures::default(), "lisi owns no chat");
    let day1 = w.chat_figures_by_owner(D + DAY, D + 2 * DAY, 0);
    assert_eq!(
        day1[0],
        ChatFigures {
            chat_total: 1,
            chat_has_msg: 1,
            new_member_cnt: 1,
            member_total: 3,
            member_has_msg: 1,
            msg_total: 1,
            ..ChatFigures::default()
        }
    );
    let both = w.chat_figures_by_owner(D, D + 2 * DAY, 0);
    assert_eq!(
        (
            both[0].new_member_cnt,
            both[0].msg_total,
            both[0].member_has_msg
        ),
        (3, 3, 3)
    );
}

#[test]
fn the_generated_history_lies_before_the_anchor() {
    let now = D + 10 * 3_600;
    let w = World::generate(7, &crate::state::SandboxSize::default(), now);
    let all = w.messages.all();
    assert!(all.len() > 1_000, "{} messages", all.len());
    assert!(all.windows(2).all(|p| p[0].time <= p[1].time));
    assert!(all.iter().all(|m| (D - 180 * DAY..D).contains(&m.time)));
    let recent = w.behavior(&vec![true; w.members.len()], D - 30 * DAY, 30, 0);
    assert!(recent
        .iter()
        .any(|d| d.replied > 0 && d.replied < d.customer_started));
}
