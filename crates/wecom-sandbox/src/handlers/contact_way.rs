//! 配置客户联系「联系我」方式.

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::configs::{chars, fields, len, Configs};
use super::paging;
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

pub(crate) fn add(shared: &Shared, input: Input<'_>) -> Reply {
    let mut fields = fields(input.json()?, &["config_id", "qr_code"]);
    check(&fields, true)?;
    let mut world = shared.world();
    let config_id = world.next_id("cwSbx");
    let qr_code = (fields.get("scene").and_then(Value::as_i64) == Some(2))
        .then(|| format!("https://wework.qpic.cn/wwpic/sandbox/{config_id}/0"));
    if let Some(qr) = &qr_code {
        fields.insert("qr_code".into(), json!(qr));
    }
    let now = world.now;
    world
        .created
        .contact_ways
        .insert(config_id.clone(), now, fields);
    let mut answer = json!({ "config_id": config_id });
    if let Some(qr) = qr_code {
        answer["qr_code"] = json!(qr);
    }
    ok(&answer)
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
    let mut way = stored.clone();
    way.insert("config_id".into(), json!(req.config_id));
    ok(&json!({ "contact_way": way }))
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
    let world = shared.world();
    let end = req.end_time.unwrap_or(world.now);
    let start = req.start_time.unwrap_or(end - 90 * 86_400);
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
