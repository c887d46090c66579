//! 客户群管理 and 客户群「加入群聊」.

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::configs::{chars, fields, len, Configs};
use super::contact_way::qr_code_of;
use super::paging;
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::Shared;

/// 「加入群聊」 configurations created through the API.
pub(crate) type JoinWays = Configs;

#[derive(Deserialize, Default)]
struct OwnerFilter {
    #[serde(default)]
    userid_list: Vec<String>,
}

#[derive(Deserialize)]
struct List {
    #[serde(default)]
    status_filter: i64,
    owner_filter: Option<OwnerFilter>,
    #[serde(default)]
    cursor: String,
    limit: Option<u64>,
}

pub(crate) fn list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: List = input.json()?;
    if !matches!(req.limit, Some(1..=1000)) {
        return Err(ApiError::invalid("limit must be 1..=1000"));
    }
    let limit = paging::limit(req.limit, 1000, 1000)?;
    let world = shared.world();
    let owners = req.owner_filter.unwrap_or_default().userid_list;
    if owners.is_empty() && world.members.len() > 1000 {
        return Err(ApiError::new(
            81017,
            "visible range exceeds 1000: filter by owner",
        ));
    }
    let chats: Vec<Value> = world
        .chats
        .iter()
        .filter(|c| owners.is_empty() || owners.contains(&c.owner))
        .filter(|c| req.status_filter == 0 || c.status == req.status_filter)
        .map(|c| json!({ "chat_id": c.chat_id, "status": c.status }))
        .collect();
    let (page, next_cursor) = paging::page(&chats, &req.cursor, limit)?;
    ok(&json!({ "group_chat_list": page, "next_cursor": next_cursor }))
}

#[derive(Deserialize)]
struct Get {
    #[serde(default)]
    chat_id: String,
    #[serde(default)]
    need_name: i64,
}

pub(crate) fn get(shared: &Shared, input: Input<'_>) -> Reply {
    let req: Get = input.json()?;
    let world = shared.world();
    let chat = world
        .chats
        .iter()
        .find(|c| c.chat_id == req.chat_id)
        .ok_or_else(|| ApiError::new(40050, "chatid not found"))?;
    let members: Vec<Value> = chat
        .members
        .iter()
        .map(|m| {
            let mut member = json!({
                "userid": m.userid,
                "type": m.kind,
                "join_time": m.join_time,
                "join_scene": m.join_scene,
                "group_nickname": "",
            });
            if !m.invitor.is_empty() {
                member["invitor"] = json!({ "userid": m.invitor });
            }
            if m.kind == 2 {
                if let Some(c) = world.customer(&m.userid).filter(|c| c.kind == 1) {
                    member["unionid"] = json!(c.unionid);
                }
            }
            if req.need_name == 1 {
                member["name"] = json!(m.name);
            }
            member
        })
        .collect();
    let admins: Vec<Value> = chat.admins.iter().map(|a| json!({ "userid": a })).collect();
    ok(&json!({
        "group_chat": {
            "chat_id": chat.chat_id,
            "name": chat.name,
            "owner": chat.owner,
            "create_time": chat.create_time,
            "notice": chat.notice,
            "member_list": members,
            "admin_list": admins,
            "member_version": format!("{:032x}", chat.members.len() as u128 * 0x9e37_79b9),
        }
    }))
}

/// The opengid a chat shows inside mini programs.
pub(crate) fn opengid_of(index: usize) -> String {
    format!("oSbxOpenGid{index:06}")
}

#[derive(Deserialize)]
struct OpenGid {
    #[serde(default)]
    opengid: String,
}

pub(crate) fn opengid_to_chatid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OpenGid = input.json()?;
    let world = shared.world();
    let chat = world
        .chats
        .iter()
        .enumerate()
        .find(|(i, _)| opengid_of(*i) == req.opengid)
        .map(|(_, c)| c)
        .ok_or_else(|| ApiError::new(40050, "opengid not found"))?;
    ok(&json!({ "chat_id": chat.chat_id }))
}

fn check_join_way(
    fields: &Map<String, Value>,
    creating: bool,
    world: &crate::state::World,
) -> Result<(), ApiError> {
    if creating && !matches!(fields.get("scene").and_then(Value::as_i64), Some(1 | 2)) {
        return Err(ApiError::invalid("scene must be 1 or 2"));
    }
    let chats = len(fields, "chat_id_list");
    if (creating && chats == 0) || chats > 5 {
        return Err(ApiError::invalid("chat_id_list holds 1 to 5 chat ids"));
    }
    if chars(fields, "state") > 30 {
        return Err(ApiError::invalid("state is longer than 30 characters"));
    }
    let listed = fields
        .get("chat_id_list")
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    for id in listed.filter_map(Value::as_str) {
        if !world.chats.iter().any(|c| c.chat_id == id) {
            return Err(ApiError::new(40050, format!("chatid {id} not found")));
        }
    }
    Ok(())
}

pub(crate) fn add_join_way(shared: &Shared, input: Input<'_>) -> Reply {
    let fields = fields(input.json()?, &["config_id", "qr_code"]);
    let now = shared.clock.now();
    let mut world = shared.world();
    check_join_way(&fields, true, &world)?;
    let config_id = world.next_id("jwSbx");
    world
        .created
        .join_ways
        .insert(config_id.clone(), now, fields);
    Counters::add(&shared.metrics.counters.join_ways, 1);
    ok(&json!({ "config_id": config_id }))
}

#[derive(Deserialize)]
struct ById {
    #[serde(default)]
    config_id: String,
}

fn unknown() -> ApiError {
    ApiError::new(41044, "invalid config_id")
}

/// A stored configuration as get_join_way answers it (doc 92229): the documented fields only, with
/// WeCom's defaults (auto_create_room 1, mark_source true) and the QR code of scene 2.
fn join_way_json(config_id: &str, stored: &Map<String, Value>) -> Value {
    let given = |key: &str| stored.get(key).cloned();
    let scene = stored.get("scene").and_then(Value::as_i64).unwrap_or(0);
    let mut way = json!({
        "config_id": config_id,
        "scene": scene,
        "remark": given("remark").unwrap_or(json!("")),
        "auto_create_room": given("auto_create_room").unwrap_or(json!(1)),
        "chat_id_list": given("chat_id_list").unwrap_or(json!([])),
        "state": given("state").unwrap_or(json!("")),
        "mark_source": given("mark_source").unwrap_or(json!(true)),
    });
    for key in ["room_base_name", "room_base_id"] {
        if let Some(value) = given(key) {
            way[key] = value;
        }
    }
    if scene == 2 {
        way["qr_code"] = json!(qr_code_of(config_id));
    }
    way
}

pub(crate) fn get_join_way(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ById = input.json()?;
    let world = shared.world();
    let stored = world
        .created
        .join_ways
        .get(&req.config_id)
        .ok_or_else(unknown)?;
    ok(&json!({ "join_way": join_way_json(&req.config_id, stored) }))
}

pub(crate) fn update_join_way(shared: &Shared, input: Input<'_>) -> Reply {
    let body: Value = input.json()?;
    let config_id = body
        .get("config_id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let fields = fields(body, &["config_id", "qr_code"]);
    let mut world = shared.world();
    // Doc 92229: "使用覆盖的方式更新": scene and chat_id_list are required again, and what the update
    // leaves out is gone.
    check_join_way(&fields, true, &world)?;
    if !world.created.join_ways.replace(&config_id, fields) {
        return Err(unknown());
    }
    ok(&json!({}))
}

pub(crate) fn del_join_way(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ById = input.json()?;
    if !shared.world().created.join_ways.remove(&req.config_id) {
        return Err(unknown());
    }
    ok(&json!({}))
}
