//! 欢迎语: welcome messages (with the codes of add_external_contact events) and group welcome templates.

use std::sync::atomic::Ordering;
use std::time::Duration;

use serde::Deserialize;
use serde_json::{json, Value};

use super::configs::{fields, Configs};
use crate::reply::{ok, ApiError, Input, Reply};
use crate::Shared;

/// 入群欢迎语素材 created through the API.
pub(crate) type WelcomeTemplates = Configs;

#[derive(Deserialize)]
struct Welcome {
    #[serde(default)]
    welcome_code: String,
    #[serde(default)]
    attachments: Vec<Value>,
}

pub(crate) fn send_welcome_msg(shared: &Shared, input: Input<'_>) -> Reply {
    let req: Welcome = input.json()?;
    if req.attachments.len() > 9 {
        return Err(ApiError::invalid("at most 9 attachments"));
    }
    let mut world = shared.world();
    // A welcome code works once, within 20 seconds of the add_external_contact event.
    let Some((_, _, issued)) = world.welcome_codes.remove(&req.welcome_code) else {
        return Err(ApiError::new(41051, "invalid welcome_code or already used"));
    };
    if issued.elapsed() > Duration::from_secs(20) {
        return Err(ApiError::new(41051, "welcome_code expired"));
    }
    shared
        .metrics
        .welcome_messages_sent
        .fetch_add(1, Ordering::Relaxed);
    ok(&json!({}))
}

pub(crate) fn add_group_welcome_template(shared: &Shared, input: Input<'_>) -> Reply {
    let fields = fields(input.json()?, &["template_id", "agentid", "notify"]);
    let mut world = shared.world();
    let template_id = world.next_id("msgTplSbx");
    let now = world.now;
    world
        .created
        .welcome_templates
        .insert(template_id.clone(), now, fields);
    ok(&json!({ "template_id": template_id }))
}

#[derive(Deserialize)]
struct ByTemplate {
    #[serde(default)]
    template_id: String,
}

fn unknown_template() -> ApiError {
    ApiError::invalid("invalid template_id")
}

pub(crate) fn edit_group_welcome_template(shared: &Shared, input: Input<'_>) -> Reply {
    let body: Value = input.json()?;
    let id = body
        .get("template_id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let fields = fields(body, &["template_id", "agentid"]);
    if !shared.world().created.welcome_templates.update(&id, fields) {
        return Err(unknown_template());
    }
    ok(&json!({}))
}

pub(crate) fn get_group_welcome_template(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByTemplate = input.json()?;
    let world = shared.world();
    let stored = world
        .created
        .welcome_templates
        .get(&req.template_id)
        .ok_or_else(unknown_template)?;
    ok(stored)
}

pub(crate) fn del_group_welcome_template(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByTemplate = input.json()?;
    if !shared
        .world()
        .created
        .welcome_templates
        .remove(&req.template_id)
    {
        return Err(unknown_template());
    }
    ok(&json!({}))
}
