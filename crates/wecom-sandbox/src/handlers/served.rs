//! 获取已服务的外部联系人 (contact_list, doc 99434) and 检查成员/部门是否具备客户联系权限
//! (check_follow_user, doc 96312).

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::paging;
use crate::reply::{ok, Input, Reply};
use crate::Shared;

#[derive(Deserialize)]
struct ContactList {
    #[serde(default)]
    cursor: String,
    limit: Option<u64>,
}

/// The temporary id of customer number `index` (WeCom's is valid for 4 hours; the sandbox's forever).
fn tmp_openid(index: usize) -> String {
    format!(
        "tmpSbx{:010}",
        (index as u64).wrapping_mul(2_654_435_761) % 10_000_000_000
    )
}

pub(crate) fn contact_list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ContactList = input.json()?;
    // WeCom documents only the default (1000); larger asks get pages of 1000.
    let limit = paging::limit(req.limit.map(|l| l.min(1000)), 1000, 1000)?;
    let world = shared.world();
    let mut entries: Vec<Value> = Vec::new();
    for (i, customer) in world.customers.iter().enumerate() {
        for follow in &customer.follow {
            entries.push(json!({
                "is_customer": true,
                "tmp_openid": tmp_openid(i),
                "external_userid": customer.external_userid,
                "follow_userid": follow.userid,
                "add_time": follow.createtime,
            }));
        }
    }
    for chat in &world.chats {
        for member in chat.members.iter().filter(|m| m.kind == 2) {
            let Some(&i) = world.customer_index.get(&member.userid) else {
                continue;
            };
            entries.push(json!({
                "is_customer": true,
                "tmp_openid": tmp_openid(i),
                "external_userid": member.userid,
                "chat_id": chat.chat_id,
                "add_time": member.join_time,
            }));
        }
    }
    let (page, next_cursor) = paging::page(&entries, &req.cursor, limit)?;
    ok(&json!({ "info_list": page, "next_cursor": next_cursor }))
}

#[derive(Deserialize)]
struct CheckFollowUser {
    #[serde(default)]
    userid: Vec<String>,
    #[serde(default)]
    partyid: Vec<u64>,
}

/// The sandbox's one department, 1, holds every member.
const ROOT_PARTY: u64 = 1;

pub(crate) fn check_follow_user(shared: &Shared, input: Input<'_>) -> Reply {
    let req: CheckFollowUser = input.json()?;
    let world = shared.world();
    let (users_ok, users_no): (Vec<&String>, Vec<&String>) = req
        .userid
        .iter()
        .partition(|u| world.is_member(u) && !world.created.transfers.is_resigned(u));
    let (parties_ok, parties_no): (Vec<u64>, Vec<u64>) =
        req.partyid.iter().partition(|&&p| p == ROOT_PARTY);
    // Like WeCom's sample, a side lists only what it has.
    let side = |users: Vec<&String>, parties: Vec<u64>| {
        let mut side = Map::new();
        if !users.is_empty() {
            side.insert("userid".into(), json!(users));
        }
        if !parties.is_empty() {
            side.insert("partyid".into(), json!(parties));
        }
        Value::Object(side)
    };
    ok(&json!({
        "authorized": side(users_ok, parties_ok),
        "unauthorized": side(users_no, parties_no),
    }))
}
