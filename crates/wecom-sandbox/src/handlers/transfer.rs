//! 在职继承 and 离职继承 of customers: transfer_customer, transfer_result, get_unassigned_list and their
//! resigned/ twins (docs 92125, 94088, 92124, 94081, 94082).

use serde::Deserialize;
use serde_json::{json, Value};

use super::inheritance::Kind;
use super::paging;
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::World;
use crate::Shared;

/// 90 days, in milliseconds: the window of WeCom's "at most two transfers per customer".
const NINETY_DAYS_MILLIS: i64 = 90 * 86_400_000;

#[derive(Deserialize)]
struct TransferBody {
    #[serde(default)]
    handover_userid: String,
    #[serde(default)]
    takeover_userid: String,
    #[serde(default)]
    external_userid: Vec<String>,
    transfer_success_msg: Option<String>,
}

pub(crate) fn transfer_customer(shared: &Shared, input: Input<'_>) -> Reply {
    transfer(shared, input, Kind::OnJob)
}

pub(crate) fn resigned_transfer_customer(shared: &Shared, input: Input<'_>) -> Reply {
    transfer(shared, input, Kind::Resigned)
}

fn transfer(shared: &Shared, input: Input<'_>, kind: Kind) -> Reply {
    let req: TransferBody = input.json()?;
    if req.external_userid.is_empty() || req.external_userid.len() > 100 {
        return Err(ApiError::invalid(format!(
            "external_userid holds {} ids: 1 to 100 allowed",
            req.external_userid.len()
        )));
    }
    let msg_chars = req
        .transfer_success_msg
        .as_deref()
        .map_or(0, |m| m.chars().count());
    if kind == Kind::OnJob && msg_chars > 200 {
        return Err(ApiError::invalid(
            "transfer_success_msg is longer than 200 characters",
        ));
    }
    let now = shared.clock.now_millis();
    let mut world = shared.world();
    check_members(&world, &req.handover_userid, &req.takeover_userid)?;
    if kind == Kind::Resigned && !world.created.transfers.is_resigned(&req.handover_userid) {
        return Err(ApiError::new(40097, "member not resigned"));
    }
    let mut answers = Vec::with_capacity(req.external_userid.len());
    for id in &req.external_userid {
        let code = refusal(&world, kind, &req, id, now);
        if code == 0 {
            world.created.transfers.start(
                kind,
                &req.handover_userid,
                &req.takeover_userid,
                id,
                now,
            );
            Counters::add(&shared.metrics.counters.customer_transfers, 1);
        }
        answers.push(json!({ "external_userid": id, "errcode": code }));
    }
    ok(&json!({ "customer": answers }))
}

/// Both members exist; the takeover member is in service.
fn check_members(world: &World, handover: &str, takeover: &str) -> Result<(), ApiError> {
    for userid in [handover, takeover] {
        if !world.is_member(userid) {
            return Err(ApiError::new(60111, format!("invalid userid {userid}")));
        }
    }
    if world.created.transfers.is_resigned(takeover) {
        return Err(ApiError::new(
            60111,
            format!("userid {takeover} has resigned"),
        ));
    }
    Ok(())
}

/// WeCom's per-customer errcode for a transfer of `id`, 0 when it is accepted.
fn refusal(world: &World, kind: Kind, req: &TransferBody, id: &str, now: i64) -> i64 {
    let transfers = &world.created.transfers;
    if req.handover_userid == req.takeover_userid {
        return 40130;
    }
    let Some(customer) = world.customer(id) else {
        return 40096;
    };
    if !customer
        .follow
        .iter()
        .any(|f| f.userid == req.handover_userid)
    {
        return 40131;
    }
    if transfers.is_pending(id) {
        return 40129;
    }
    // "90个自然日内，在职成员的每位客户仅可被转接2次" (doc 92125).
    if kind == Kind::OnJob && transfers.onjob_transfers_since(id, now - NINETY_DAYS_MILLIS) >= 2 {
        return 40128;
    }
    0
}

#[derive(Deserialize)]
struct ResultBody {
    #[serde(default)]
    handover_userid: String,
    #[serde(default)]
    takeover_userid: String,
    #[serde(default)]
    cursor: String,
}

pub(crate) fn transfer_result(shared: &Shared, input: Input<'_>) -> Reply {
    result(shared, input, Kind::OnJob)
}

pub(crate) fn resigned_transfer_result(shared: &Shared, input: Input<'_>) -> Reply {
    result(shared, input, Kind::Resigned)
}

fn result(shared: &Shared, input: Input<'_>, kind: Kind) -> Reply {
    let req: ResultBody = input.json()?;
    let world = shared.world();
    for userid in [&req.handover_userid, &req.takeover_userid] {
        if !world.is_member(userid) {
            return Err(ApiError::new(60111, format!("invalid userid {userid}")));
        }
    }
    let entries: Vec<Value> = world
        .created
        .transfers
        .records
        .iter()
        .filter(|r| r.kind == kind)
        .filter(|r| r.handover == req.handover_userid && r.takeover == req.takeover_userid)
        .map(|r| {
            json!({
                "external_userid": r.external_userid,
                "status": r.status,
                "takeover_time": r.takeover_time(),
            })
        })
        .collect();
    // "每个分页返回的数据不会超过1000条".
    let (page, next_cursor) = paging::page(&entries, &req.cursor, 1000)?;
    ok(&json!({ "customer": page, "next_cursor": next_cursor }))
}

#[derive(Deserialize)]
struct UnassignedBody {
    page_id: Option<u64>,
    #[serde(default)]
    cursor: String,
    page_size: Option<u64>,
}

pub(crate) fn get_unassigned_list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: UnassignedBody = input.json()?;
    let size = paging::limit(req.page_size, 1000, 1000)?;
    let world = shared.world();
    let transfers = &world.created.transfers;
    // The customers of resigned members, member by member, less those handed over or waiting.
    let mut entries = Vec::new();
    for member in &world.members {
        let Some(&dimission_time) = transfers.resigned.get(&member.userid) else {
            continue;
        };
        for &i in world.by_member.get(&member.userid).into_iter().flatten() {
            let id = &world.customers[i].external_userid;
            let assigned = transfers.records.iter().any(|r| {
                r.kind == Kind::Resigned
                    && r.handover == member.userid
                    && &r.external_userid == id
                    && matches!(r.status, 1 | 2)
            });
            if !assigned {
                entries.push(json!({
                    "handover_userid": member.userid,
                    "external_userid": id,
                    "dimission_time": dimission_time,
                }));
            }
        }
    }
    let (page, next_cursor) = match req.page_id.filter(|_| req.cursor.is_empty()) {
        // The old page number: that page alone, without a cursor.
        Some(page_id) => {
            let start = usize::try_from(page_id)
                .unwrap_or(usize::MAX)
                .saturating_mul(size)
                .min(entries.len());
            let end = start.saturating_add(size).min(entries.len());
            (&entries[start..end], String::new())
        }
        None => paging::page(&entries, &req.cursor, size)?,
    };
    ok(&json!({
        "info": page,
        "is_last": next_cursor.is_empty(),
        "next_cursor": next_cursor,
    }))
}
