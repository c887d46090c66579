//! Deterministic generation of a world from a seed, in the recent past of the clock.
//!
//! Every generated time falls within the [`HISTORY_DAYS`] before 0:00 of the clock's day (the anchor):
//! recent ranges show activity, 2001 shows none, and the same seed on the same day (or with the same
//! fixed clock) gives the same world.

use std::collections::HashMap;

use super::{ChatMember, Customer, Follow, GroupChat, Member, SandboxSize, Tag, TagGroup, World};
use crate::days::{day_start, DAY, HISTORY_DAYS};

const SURNAMES: &[&str] = &[
    "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "晓东", "子涵",
];
const PINYIN: &[&str] = &[
    "zhangsan", "lisi", "wangwu", "zhaoliu", "sunqi", "zhouba", "wujiu", "zhengshi", "chenyi",
    "liuer",
];
const COMPANIES: &[&str] = &[
    "腾讯科技",
    "深圳市华星贸易",
    "杭州云帆网络",
    "北京启明教育",
    "上海海川物流",
];
const TAG_GROUPS: &[(&str, &[&str])] = &[
    ("客户等级", &["一般", "重要", "核心"]),
    ("来源渠道", &["官网", "展会", "转介绍", "直播"]),
    ("意向产品", &["基础版", "专业版", "企业版"]),
    ("跟进阶段", &["初次接触", "需求确认", "报价中", "已成交"]),
];
const ADD_WAYS: &[i64] = &[0, 1, 2, 3, 4, 5, 6, 9, 10, 16, 201, 202];
const HISTORY: i64 = HISTORY_DAYS * DAY;

impl World {
    /// A world of `size` from `seed`, its history ending at 0:00 of the day of `now`.
    pub(crate) fn generate(seed: u64, size: &SandboxSize, now: i64) -> World {
        let mut rng = fastrand::Rng::with_seed(seed);
        // A clock set beyond WeCom's 32-bit times generates as if at its ends.
        let anchor = day_start(now.clamp(0, i64::from(u32::MAX)));
        let epoch = anchor - HISTORY;
        let mut world = World {
            seed,
            ..World::default()
        };
        world.members = (0..size.members.max(1))
            .map(|i| Member {
                userid: member_userid(i),
                name: format!(
                    "{}{}",
                    SURNAMES[i % SURNAMES.len()],
                    GIVEN[(i * 7) % GIVEN.len()]
                ),
            })
            .collect();
        world.member_index = (0u32..)
            .zip(&world.members)
            .map(|(i, m)| (m.userid.clone(), i))
            .collect();
        world.tag_groups = (0..size.tag_groups)
            .map(|g| {
                let (name, tags) = TAG_GROUPS[g % TAG_GROUPS.len()];
                let group_name = if g < TAG_GROUPS.len() {
                    name.to_owned()
                } else {
                    format!("{name}{g}")
                };
                TagGroup {
                    group_id: format!("etSbxGroup{g:04}{:012x}", rng.u64(..) >> 16),
                    group_name,
                    create_time: epoch + g as i64 * 3_600,
                    order: (size.tag_groups - g) as i64,
                    tags: tags
                        .iter()
                        .enumerate()
                        .map(|(t, tag)| Tag {
                            id: format!("etSbxTag{g:03}{t:03}{:012x}", rng.u64(..) >> 16),
                            name: (*tag).to_owned(),
                            create_time: epoch + g as i64 * 3_600 + t as i64,
                            order: (tags.len() - t) as i64,
                        })
                        .collect(),
                }
            })
            .collect();
        let tag_ids: Vec<String> = world.all_tag_ids().map(str::to_owned).collect();
        let mut by_member: HashMap<String, Vec<usize>> = HashMap::new();
        for i in 0..size.customers {
            let member = &world.members[i % world.members.len()];
            let kind = if rng.u8(..10) < 8 { 1 } else { 2 };
            let given = GIVEN[rng.usize(..GIVEN.len())];
            let name = format!("{}{}", SURNAMES[rng.usize(..SURNAMES.len())], given);
            let mut tag_ids_dedup: Vec<String> = if tag_ids.is_empty() {
                Vec::new()
            } else {
                (0..rng.usize(0..3))
                    .map(|_| tag_ids[rng.usize(..tag_ids.len())].clone())
                    .collect()
            };
            tag_ids_dedup.sort();
            tag_ids_dedup.dedup();
            let external_userid = format!("wmSbx{i:07}{}", alnum(&mut rng, 20));
            by_member.entry(member.userid.clone()).or_default().push(i);
            world.customer_index.insert(external_userid.clone(), i);
            world.customers.push(Customer {
                external_userid,
                name: name.clone(),
                kind,
                gender: rng.i64(0..3),
                avatar: format!("https://wework.qpic.cn/wwhead/sandbox{i}/0"),
                unionid: if kind == 1 {
                    format!("oSbx{}", alnum(&mut rng, 24))
                } else {
                    String::new()
                },
                corp_name: if kind == 2 {
                    COMPANIES[i % COMPANIES.len()].to_owned()
                } else {
                    String::new()
                },
                follow: vec![Follow {
                    userid: member.userid.clone(),
                    remark: format!("{name}-{}", ["老客户", "新客户", "潜在客户"][i % 3]),
                    description: format!("{}对接，第{}次沟通", member.name, 1 + i % 5),
                    createtime: epoch + rng.i64(0..HISTORY),
                    tag_ids: tag_ids_dedup,
                    remark_corp_name: if kind == 2 {
                        COMPANIES[i % COMPANIES.len()].to_owned()
                    } else {
                        String::new()
                    },
                    remark_mobiles: if i % 4 == 0 {
                        vec![format!("1380013{:04}", i % 10_000)]
                    } else {
                        Vec::new()
                    },
                    add_way: ADD_WAYS[rng.usize(..ADD_WAYS.len())],
                    state: if i % 5 == 0 {
                        "channel_qr".to_owned()
                    } else {
                        String::new()
                    },
                }],
            });
        }
        world.by_member = by_member;
        world.chats = (0..size.group_chats)
            .map(|c| generate_chat(&mut rng, &world, c, anchor))
            .collect();
        world.generate_messages(&mut rng, anchor);
        world
    }
}

/// A chat created within the history, whose members joined between its creation and `anchor`.
fn generate_chat(rng: &mut fastrand::Rng, world: &World, c: usize, anchor: i64) -> GroupChat {
    let owner = world.members[c % world.members.len()].userid.clone();
    let create_time = anchor - HISTORY + rng.i64(0..HISTORY);
    let mut members = vec![ChatMember {
        userid: owner.clone(),
        kind: 1,
        join_time: create_time,
        join_scene: 1,
        invitor: String::new(),
        name: world.members[c % world.members.len()].name.clone(),
    }];
    let customers = world
        .by_member
        .get(&owner)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (k, &i) in customers.iter().take(2 + rng.usize(0..8)).enumerate() {
        let customer = &world.customers[i];
        members.push(ChatMember {
            userid: customer.external_userid.clone(),
            kind: 2,
            join_time: create_time + rng.i64(0..anchor - create_time),
            join_scene: 1 + (k as i64 % 3),
            invitor: owner.clone(),
            name: customer.name.clone(),
        });
    }
    GroupChat {
        chat_id: format!("wrSbx{c:05}{}", alnum(rng, 20)),
        name: format!(
            "{}客户交流群{}",
            ["VIP", "售后", "新品", "区域"][c % 4],
            c + 1
        ),
        owner,
        create_time,
        notice: if c % 2 == 0 {
            "欢迎加入，群内请勿发广告".to_owned()
        } else {
            String::new()
        },
        status: if c % 10 == 9 { 1 } else { 0 },
        members,
        admins: Vec::new(),
    }
}

fn member_userid(i: usize) -> String {
    match PINYIN.get(i) {
        Some(name) => (*name).to_owned(),
        None => format!("member{i:03}"),
    }
}

fn alnum(rng: &mut fastrand::Rng, n: usize) -> String {
    (0..n).map(|_| rng.alphanumeric()).collect()
}
