//! 统计管理: numbers derived deterministically from the seed, the member and the day.

use serde::Deserialize;
use serde_json::{json, Value};

use crate::reply::{ok, ApiError, Input, Reply};
use crate::Shared;

const DAY: i64 = 86_400;

/// A stable pseudo-random number in `0..modulo` for (seed, key, day, salt).
fn stat(seed: u64, key: &str, day: i64, salt: u64, modulo: u64) -> u64 {
    let mut h = seed ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (day as u64);
    for b in key.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    fastrand::Rng::with_seed(h).u64(..modulo.max(1))
}

/// Midnight (UTC+8, as WeCom counts days) of the day holding `t`.
fn day_start(t: i64) -> i64 {
    (t + 8 * 3600).div_euclid(DAY) * DAY - 8 * 3600
}

#[derive(Deserialize)]
struct Behavior {
    #[serde(default)]
    userid: Vec<String>,
    #[serde(default)]
    partyid: Vec<i64>,
    start_time: i64,
    end_time: i64,
}

pub(crate) fn get_user_behavior_data(shared: &Shared, input: Input<'_>) -> Reply {
    let req: Behavior = input.json()?;
    if req.userid.is_empty() && req.partyid.is_empty() {
        return Err(ApiError::invalid("userid or partyid is required"));
    }
    if req.end_time < req.start_time || req.end_time - req.start_time > 30 * DAY {
        return Err(ApiError::invalid(
            "start_time..end_time must span at most 30 days",
        ));
    }
    let world = shared.world();
    let key = format!("{:?}{:?}", req.userid, req.partyid);
    let mut data = Vec::new();
    let mut day = day_start(req.start_time);
    while day <= req.end_time {
        let s = |salt, m| stat(world.seed, &key, day, salt, m);
        let chats = s(1, 40);
        data.push(json!({
            "stat_time": day,
            "chat_cnt": chats,
            "message_cnt": chats * (1 + s(2, 6)),
            "reply_percentage": (s(3, 10_000) as f64) / 100.0,
            "avg_reply_time": s(4, 60),
            "negative_feedback_cnt": s(5, 3),
            "new_apply_cnt": s(6, 12),
            "new_contact_cnt": s(7, 10),
        }));
        day += DAY;
    }
    ok(&json!({ "behavior_data": data }))
}

#[derive(Deserialize, Default)]
struct OwnerFilter {
    #[serde(default)]
    userid_list: Vec<String>,
}

#[derive(Deserialize)]
struct GroupStat {
    day_begin_time: i64,
    day_end_time: Option<i64>,
    owner_filter: Option<OwnerFilter>,
    #[serde(default)]
    order_by: Option<i64>,
    #[serde(default)]
    order_asc: i64,
    #[serde(default)]
    offset: u64,
    limit: Option<u64>,
}

fn chat_data(seed: u64, key: &str, begin: i64, end: i64) -> Value {
    let mut totals = [0u64; 8];
    let mut day = day_start(begin);
    while day <= end {
        for (salt, total) in totals.iter_mut().enumerate() {
            *total += stat(
                seed,
                key,
                day,
                100 + salt as u64,
                [3, 30, 20, 40, 500, 200, 900, 2][salt],
            );
        }
        day += DAY;
    }
    json!({
        "new_chat_cnt": totals[0], "chat_total": totals[1], "chat_has_msg": totals[2],
        "new_member_cnt": totals[3], "member_total": totals[4], "member_has_msg": totals[5],
        "msg_total": totals[6], "migrate_trainee_chat_cnt": totals[7],
    })
}

fn range(begin: i64, end: Option<i64>) -> Result<i64, ApiError> {
    let end = end.unwrap_or(begin);
    if end < begin || end - begin > 30 * DAY {
        return Err(ApiError::invalid(
            "day_begin_time..day_end_time must span at most 30 days",
        ));
    }
    Ok(end)
}

pub(crate) fn groupchat_statistic(shared: &Shared, input: Input<'_>) -> Reply {
    let req: GroupStat = input.json()?;
    let end = range(req.day_begin_time, req.day_end_time)?;
    let limit = match req.limit {
        None | Some(0) => 500,
        Some(n) if n <= 1000 => n,
        Some(n) => {
            return Err(ApiError::invalid(format!(
                "invalid limit {n}: at most 1000"
            )))
        }
    } as usize;
    let world = shared.world();
    let owners: Vec<String> = match req
        .owner_filter
        .map(|f| f.userid_list)
        .filter(|l| !l.is_empty())
    {
        Some(list) => list,
        None => world.members.iter().map(|m| m.userid.clone()).collect(),
    };
    let field = match req.order_by.unwrap_or(1) {
        2 => "chat_total",
        3 => "new_member_cnt",
        4 => "member_total",
        _ => "new_chat_cnt",
    };
    let mut items: Vec<Value> = owners
        .iter()
        .map(|o| json!({ "owner": o, "data": chat_data(world.seed, o, req.day_begin_time, end) }))
        .collect();
    items.sort_by_key(|v| v["data"][field].as_u64().unwrap_or(0));
    if req.order_asc == 0 {
        items.reverse();
    }
    let total = items.len();
    let start = (req.offset as usize).min(total);
    let page_end = start.saturating_add(limit).min(total);
    ok(&json!({ "total": total, "next_offset": page_end, "items": &items[start..page_end] }))
}

pub(crate) fn groupchat_statistic_group_by_day(shared: &Shared, input: Input<'_>) -> Reply {
    let req: GroupStat = input.json()?;
    let end = range(req.day_begin_time, req.day_end_time)?;
    let world = shared.world();
    let key = req
        .owner_filter
        .map(|f| f.userid_list.join(","))
        .unwrap_or_default();
    let mut items = Vec::new();
    let mut day = day_start(req.day_begin_time);
    while day <= end {
        items.push(json!({ "stat_time": day, "data": chat_data(world.seed, &key, day, day) }));
        day += DAY;
    }
    ok(&json!({ "items": items }))
}
