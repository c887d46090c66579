//! 分配离职成员的客户群 (groupchat/transfer, doc 92127) and 分配在职成员的客户群
//! (groupchat/onjob_transfer, doc 95703): groups change owner at once; failures are listed per group.

use serde::Deserialize;
use serde_json::{json, Value};

use crate::days::day_start;
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::{ChatMember, World};
use crate::Shared;

/// "同一个人的群，限制每天最多分配300个给新群主".
const GROUPS_PER_DAY: u32 = 300;
/// The errcode for that limit: WeCom's global list names none; 45009 (接口调用超过限制) is a guess.
const DAILY_LIMIT_ERRCODE: i64 = 45009;

#[derive(Deserialize)]
struct Body {
    #[serde(default)]
    chat_id_list: Vec<String>,
    #[serde(default)]
    new_owner: String,
}

pub(crate) fn transfer(shared: &Shared, input: Input<'_>) -> Reply {
    transfer_groups(shared, input, true)
}

pub(crate) fn onjob_transfer(shared: &Shared, input: Input<'_>) -> Reply {
    transfer_groups(shared, input, false)
}

fn transfer_groups(shared: &Shared, input: Input<'_>, resigned_owners: bool) -> Reply {
    let req: Body = input.json()?;
    if req.chat_id_list.is_empty() || req.chat_id_list.len() > 100 {
        return Err(ApiError::invalid(format!(
            "chat_id_list holds {} ids: 1 to 100 allowed",
            req.chat_id_list.len()
        )));
    }
    let now = shared.clock.now();
    let mut world = shared.world();
    if !world.is_member(&req.new_owner) || world.created.transfers.is_resigned(&req.new_owner) {
        return Err(ApiError::new(
            60111,
            format!("invalid new_owner {}", req.new_owner),
        ));
    }
    let day = (req.new_owner.clone(), day_start(now));
    let mut failed: Vec<Value> = Vec::new();
    for chat_id in &req.chat_id_list {
        let refused = refusal(&world, chat_id, &req.new_owner, resigned_owners);
        let taken_today = world
            .created
            .transfers
            .groups_per_day
            .get(&day)
            .copied()
            .unwrap_or(0);
        let refused = refused.or_else(|| {
            (taken_today >= GROUPS_PER_DAY)
                .then_some((DAILY_LIMIT_ERRCODE, "new owner received 300 groups today"))
        });
        if let Some((code, message)) = refused {
            failed.push(json!({ "chat_id": chat_id, "errcode": code, "errmsg": message }));
            continue;
        }
        hand_over(&mut world, chat_id, &req.new_owner, resigned_owners, now);
        *world
            .created
            .transfers
            .groups_per_day
            .entry(day.clone())
            .or_default() += 1;
        Counters::add(&shared.metrics.counters.group_chat_transfers, 1);
    }
    ok(&json!({ "failed_chat_list": failed }))
}

/// Why `chat_id` cannot go to `new_owner`, as WeCom words it; `None` when it can.
fn refusal(
    world: &World,
    chat_id: &str,
    new_owner: &str,
    resigned_owners: bool,
) -> Option<(i64, &'static str)> {
    let Some(chat) = world.chats.iter().find(|c| c.chat_id == chat_id) else {
        return Some((90501, "chat is not external group chat"));
    };
    let owner_resigned = world.created.transfers.is_resigned(&chat.owner);
    if resigned_owners {
        if chat.status == 3 {
            return Some((90508, "chat already transferred"));
        }
        if !owner_resigned {
            return Some((90500, "the owner of this chat is not resigned"));
        }
    } else {
        if owner_resigned {
            return Some((90502, "the owner of this chat is resigned"));
        }
        if chat.owner == new_owner {
            return Some((90504, "the owner of this chat is not changed"));
        }
    }
    None
}

/// `new_owner` owns the group (and is in it); a resigned owner leaves it, and it shows 3 (离职继承完成).
fn hand_over(world: &mut World, chat_id: &str, new_owner: &str, resigned_owner: bool, now: i64) {
    let name = world
        .member_no(new_owner)
        .and_then(|i| world.members.get(i as usize))
        .map(|m| m.name.clone())
        .unwrap_or_default();
    let Some(chat) = world.chats.iter_mut().find(|c| c.chat_id == chat_id) else {
        return;
    };
    let old_owner = std::mem::replace(&mut chat.owner, new_owner.to_owned());
    if resigned_owner {
        chat.members.retain(|m| m.userid != old_owner);
        chat.status = 3;
    }
    if !chat.members.iter().any(|m| m.userid == new_owner) {
        chat.members.push(ChatMember {
            userid: new_owner.to_owned(),
            kind: 1,
            join_time: now,
            join_scene: 1,
            invitor: String::new(),
            name,
        });
    }
}
