//! 欢迎语: welcome messages (with the codes of add_external_contact events) and group welcome templates.

use serde::Deserialize;
use serde_json::{json, Value};

use super::configs::{fields, Configs};
use super::media;
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::{Conversation, Message, Sender};
use crate::Shared;

/// A welcome code works for 20 seconds after the add_external_contact event.
const WELCOME_CODE_MILLIS: i64 = 20_000;

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
    let now = shared.clock.now_millis();
    let mut world = shared.world();
    // A welcome code works once, within 20 seconds (of the clock) of the add_external_contact event.
    let Some(code) = world.welcome_codes.remove(&req.welcome_code) else {
        return Err(ApiError::new(41051, "invalid welcome_code or already used"));
    };
    if now.saturating_sub(code.issued_millis) > WELCOME_CODE_MILLIS {
        return Err(ApiError::new(41051, "welcome_code expired"));
    }
    // The welcome message is the member's: it counts in the statistics of the day.
    if let (Some(member), Some(customer)) = (
        world.member_no(&code.userid),
        world.customer_no(&code.external_userid),
    ) {
        world.messages.extend([Message {
            time: now.div_euclid(1000),
            conversation: Conversation::Single { member, customer },
            sender: Sender::Member(member),
        }]);
    }
    Counters::add(&shared.metrics.counters.welcome_messages_sent, 1);
    ok(&json!({}))
}

pub(crate) fn add_group_welcome_template(shared: &Shared, input: Input<'_>) -> Reply {
    let fields = fields(input.json()?, &["template_id", "agentid", "notify"]);
    let now = shared.clock.now();
    let mut world = shared.world();
    let template_id = world.next_id("msgTplSbx");
    world
        .created
        .welcome_templates
        .insert(template_id.clone(), now, fields);
    Counters::add(&shared.metrics.counters.group_welcome_templates, 1);
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
    ok(&media::welcome_template(stored))
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
