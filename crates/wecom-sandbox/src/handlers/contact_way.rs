//! 配置客户联系「联系我」方式.

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::configs::{chars, fields, len, Configs};
use super::{media, paging, times};
use crate::days::DAY;
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::Shared;

/// 「联系我」 configurations created through the API.
pub(crate) type ContactWays = Configs;

fn check(fields: &Map<String, Value>, creating: bool) -> Result<(), ApiError> {
    let int = |key: &str| fields.get(key).and_then(Value::as_i64);
    if creating && !matches!(int("type"), Some(1 | 2)) {
        return Err(ApiError::invalid("type must be 1 (单人) or 2 (多人)"));
    }
    if creating && !matches!(int("scene"), Some(1 | 2)) {
        return Err(ApiError::invalid("scene must be 1 (小程序) or 2 (二维码)"));
    }
    if chars(fields, "state") > 30 {
        return Err(ApiError::invalid("state is longer than 30 characters"));
    }
    if len(fields, "user") > 100 || len(fields, "party") > 100 {
        return Err(ApiError::invalid(
            "user and party hold at most 100 entries each",
        ));
    }
    if creating && int("type") == Some(1) && len(fields, "user") + len(fields, "party") != 1 {
        return Err(ApiError::invalid("type 1 (单人) takes exactly one user"));
    }
    Ok(())
}

/// The QR code of a scene-2 configuration (contact ways and join ways alike).
pub(crate) fn qr_code_of(config_id: &str) -> String {
    format!("https://wework.qpic.cn/wwpic/sandbox/{config_id}/0")
}

pub(crate) fn add(shared: &Shared, input: Input<'_>) -> Reply {
    let fields = fields(input.json()?, &["config_id", "qr_code"]);
    check(&fields, true)?;
    let qr_scene = fields.get("scene").and_then(Value::as_i64) == Some(2);
    let now = shared.clock.now();
    let mut world = shared.world();
    let config_id = world.next_id("cwSbx");
    world
        .created
        .contact_ways
        .insert(config_id.clone(), now, fields);
    Counters::add(&shared.metrics.counters.contact_ways, 1);
    let mut answer = json!({ "config_id": config_id });
    if qr_scene {
        answer["qr_code"] = json!(qr_code_of(&config_id));
    }
    ok(&answer)
}

/// A stored configuration as get_contact_way answers it (doc 92228): the documented fields only, with
/// WeCom's defaults, and 结束语 images as `pic_url`.
fn contact_way_json(config_id: &str, stored: &Map<String, Value>) -> Value {
    let given = |key: &str| stored.get(key).cloned();
    let scene = stored.get("scene").and_then(Value::as_i64).unwrap_or(0);
    let is_temp = stored
        .get("is_temp")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let mut way = json!({
        "config_id": config_id,
        "type": given("type").unwrap_or(json!(0)),
        "scene": scene,
        "remark": given("remark").unwrap_or(json!("")),
        "skip_verify": given("skip_verify").unwrap_or(json!(true)),
        "state": given("state").unwrap_or(json!("")),
        "user": given("user").unwrap_or(json!([])),
        "party": given("party").unwrap_or(json!([])),
        "is_temp": is_temp,
    });
    match (scene, given("style")) {
        (1, Some(style)) => way["style"] = style,
        (2, _) => way["qr_code"] = json!(qr_code_of(config_id)),
        _ => {}
    }
    if is_temp {
        // 临时会话: the QR code lasts 7 days and the chat 24 hours unless set.
        way["expires_in"] = given("expires_in").unwrap_or(json!(7 * DAY));
        way["chat_expires_in"] = given("chat_expires_in").unwrap_or(json!(DAY));
        if let Some(unionid) = given("unionid") {
            way["unionid"] = unionid;
        }
    }
    for key in ["is_exclusive", "mark_source"] {
        if let Some(value) = given(key) {
            way[key] = value;
        }
    }
    if let Some(sent) = stored.get("conclusions") {
        way["conclusions"] = media::conclusions(sent);
    }
    way
}

#[derive(Deserialize)]
struct ById {
    #[serde(default)]
    config_id: String,
}

fn unknown() -> ApiError {
    ApiError::new(41044, "invalid config_id")
}

pub(crate) fn get(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ById = input.json()?;
    let world = shared.world();
    let stored = world
        .created
        .contact_ways
        .get(&req.config_id)
        .ok_or_else(unknown)?;
    ok(&json!({ "contact_way": contact_way_json(&req.config_id, stored) }))
}

pub(crate) fn update(shared: &Shared, input: Input<'_>) -> Reply {
    let body: Value = input.json()?;
    let config_id = body
        .get("config_id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let fields = fields(body, &["config_id", "qr_code", "type", "scene"]);
    check(&fields, false)?;
    let mut world = shared.world();
    if !world.created.contact_ways.update(&config_id, fields) {
        return Err(unknown());
    }
    ok(&json!({}))
}

#[derive(Deserialize)]
struct List {
    start_time: Option<i64>,
    end_time: Option<i64>,
    #[serde(default)]
    cursor: String,
    limit: Option<u64>,
}

pub(crate) fn list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: List = input.json()?;
    let limit = paging::limit(req.limit, 100, 1000)?;
    // Defaults: created within the 90 days before now.
    let end = match req.end_time {
        Some(t) => times::timestamp("end_time", t)?,
        None => shared.clock.now(),
    };
    let start = match req.start_time {
        Some(t) => times::timestamp("start_time", t)?,
        None => end.saturating_sub(90 * DAY),
    };
    let world = shared.world();
    let ids = world.created.contact_ways.ids_between(start, end);
    let (page, next_cursor) = paging::page(&ids, &req.cursor, limit)?;
    let ways: Vec<Value> = page.iter().map(|id| json!({ "config_id": id })).collect();
    ok(&json!({ "contact_way": ways, "next_cursor": next_cursor }))
}

pub(crate) fn del(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ById = input.json()?;
    if !shared.world().created.contact_ways.remove(&req.config_id) {
        return Err(unknown());
    }
    ok(&json!({}))
}

#[derive(Deserialize)]
struct CloseTempChat {
    userid: String,
    external_userid: String,
}

pub(crate) fn close_temp_chat(shared: &Shared, input: Input<'_>) -> Reply {
    let req: CloseTempChat = input.json()?;
    let world = shared.world();
    let related = world
        .customer(&req.external_userid)
        .is_some_and(|c| c.follow.iter().any(|f| f.userid == req.userid));
    if !related {
        return Err(ApiError::new(84061, "not external contact"));
    }
    ok(&json!({}))
}
