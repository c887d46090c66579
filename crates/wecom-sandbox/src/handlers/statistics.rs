//! 统计管理: figures counted from the world's customers, chats and messages (see `state/figures.rs`),
//! over ranges checked before the world is locked.

use serde::Deserialize;
use serde_json::{json, Value};

use super::times;
use crate::days::{history_start, DAY};
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::{Behavior, ChatFigures, World};
use crate::Shared;

/// The sandbox's only department, 1 (the root), holds every member.
const ROOT_DEPARTMENT: i64 = 1;
/// Longest span of a statistics query (支持的最大查询跨度为30天).
const MAX_SPAN_DAYS: i64 = 30;
/// Most userids, partyids or owners per query (最多100个).
const MAX_IDS: usize = 100;

#[derive(Deserialize)]
struct BehaviorQuery {
    #[serde(default)]
    userid: Vec<String>,
    #[serde(default)]
    partyid: Vec<i64>,
    start_time: i64,
    end_time: i64,
}

/// A mask over `world.members`: the members named, and everyone when the root department is.
fn member_mask(world: &World, userids: &[String], partyids: &[i64]) -> Vec<bool> {
    let everyone = partyids.contains(&ROOT_DEPARTMENT);
    let mut mask = vec![everyone; world.members.len()];
    for no in userids.iter().filter_map(|u| world.member_no(u)) {
        mask[no as usize] = true;
    }
    mask
}

fn behavior_json(stat_time: i64, f: &Behavior) -> Value {
    let mut day = json!({
        "stat_time": stat_time,
        "chat_cnt": f.chat_cnt,
        "message_cnt": f.message_cnt,
        "negative_feedback_cnt": f.negative_feedback_cnt,
        "new_apply_cnt": f.new_apply_cnt,
        "new_contact_cnt": f.new_contact_cnt,
    });
    // WeCom answers these two only on days with replies (仅在确有回复时返回).
    if f.replied > 0 {
        let share = f.replied as f64 * 100.0 / f.customer_started as f64;
        day["reply_percentage"] = json!((share * 100.0).round() / 100.0);
        day["avg_reply_time"] = json!(f.reply_secs / 60 / f.replied as i64);
    }
    day
}

pub(crate) fn get_user_behavior_data(shared: &Shared, input: Input<'_>) -> Reply {
    let req: BehaviorQuery = input.json()?;
    if req.userid.is_empty() && req.partyid.is_empty() {
        return Err(ApiError::invalid("userid or partyid is required"));
    }
    if req.userid.len() > MAX_IDS || req.partyid.len() > MAX_IDS {
        return Err(ApiError::invalid("userid and partyid hold at most 100 ids"));
    }
    let range = times::span(
        ("start_time", req.start_time),
        ("end_time", req.end_time),
        MAX_SPAN_DAYS,
    )?;
    let (first_day, days) = times::days(range);
    let since = history_start(shared.clock.now());
    let world = shared.world();
    let mask = member_mask(&world, &req.userid, &req.partyid);
    let data: Vec<Value> = (0i64..)
        .zip(world.behavior(&mask, first_day, days, since))
        .map(|(d, f)| behavior_json(first_day + d * DAY, &f))
        .collect();
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

impl GroupStat {
    /// The checked day range `[first day, last day + 1)` and the owners filtered on (empty: all).
    fn checked(&self) -> Result<((i64, usize), Vec<String>), ApiError> {
        let end = self.day_end_time.unwrap_or(self.day_begin_time);
        let range = times::span(
            ("day_begin_time", self.day_begin_time),
            ("day_end_time", end),
            MAX_SPAN_DAYS,
        )?;
        let owners = self
            .owner_filter
            .as_ref()
            .map(|f| f.userid_list.clone())
            .unwrap_or_default();
        if owners.len() > MAX_IDS {
            return Err(ApiError::invalid("owner_filter holds at most 100 owners"));
        }
        Ok((times::days(range), owners))
    }
}

fn chat_json(f: &ChatFigures) -> Value {
    json!({
        "new_chat_cnt": f.new_chat_cnt, "chat_total": f.chat_total, "chat_has_msg": f.chat_has_msg,
        "new_member_cnt": f.new_member_cnt, "member_total": f.member_total,
        "member_has_msg": f.member_has_msg, "msg_total": f.msg_total,
        "migrate_trainee_chat_cnt": f.migrate_trainee_chat_cnt,
    })
}

pub(crate) fn groupchat_statistic(shared: &Shared, input: Input<'_>) -> Reply {
    let req: GroupStat = input.json()?;
    let ((first_day, days), owners) = req.checked()?;
    let limit = match req.limit {
        None | Some(0) => 500,
        Some(n) if n <= 1000 => n as usize,
        Some(n) => {
            return Err(ApiError::invalid(format!(
                "invalid limit {n}: at most 1000"
            )))
        }
    };
    let since = history_start(shared.clock.now());
    let world = shared.world();
    let owners: Vec<String> = if owners.is_empty() {
        world.members.iter().map(|m| m.userid.clone()).collect()
    } else {
        owners
    };
    let to = first_day + days as i64 * DAY;
    let by_owner = world.chat_figures_by_owner(first_day, to, since);
    let none = ChatFigures::default();
    let mut rows: Vec<(&str, &ChatFigures)> = owners
        .iter()
        .map(|o| {
            let figures = world.member_no(o).and_then(|n| by_owner.get(n as usize));
            (o.as_str(), figures.unwrap_or(&none))
        })
        .collect();
    let key = |f: &ChatFigures| match req.order_by.unwrap_or(1) {
        2 => f.chat_total,
        3 => f.new_member_cnt,
        4 => f.member_total,
        _ => f.new_chat_cnt,
    };
    // Stable sorts: owners with equal figures keep their order.
    if req.order_asc == 1 {
        rows.sort_by_key(|(_, f)| key(f));
    } else {
        rows.sort_by_key(|(_, f)| std::cmp::Reverse(key(f)));
    }
    let total = rows.len();
    let start = usize::try_from(req.offset).unwrap_or(usize::MAX).min(total);
    let page_end = start.saturating_add(limit).min(total);
    let items: Vec<Value> = rows[start..page_end]
        .iter()
        .map(|(owner, f)| json!({ "owner": owner, "data": chat_json(f) }))
        .collect();
    ok(&json!({ "total": total, "next_offset": page_end, "items": items }))
}

pub(crate) fn groupchat_statistic_group_by_day(shared: &Shared, input: Input<'_>) -> Reply {
    let req: GroupStat = input.json()?;
    let ((first_day, days), owners) = req.checked()?;
    let since = history_start(shared.clock.now());
    let world = shared.world();
    let mask = member_mask(&world, &owners, &[]);
    let everyone = owners.is_empty();
    let mut items = Vec::with_capacity(days);
    for day in (0..days as i64).map(|d| first_day + d * DAY) {
        let mut sum = ChatFigures::default();
        let by_owner = world.chat_figures_by_owner(day, day + DAY, since);
        for (f, _) in by_owner.iter().zip(&mask).filter(|(_, &m)| m || everyone) {
            sum.add(f);
        }
        items.push(json!({ "stat_time": day, "data": chat_json(&sum) }));
    }
    ok(&json!({ "items": items }))
}
