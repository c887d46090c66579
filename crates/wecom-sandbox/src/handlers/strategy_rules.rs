//! The rules of rules groups (docs 94883 and 94890) that need no group: the two families and their
//! documented permission flags, range nodes within the app's visibility (every member, and department
//! 1, the sandbox's only department), administrator lists.
//!
//! WeCom documents no errcode of its own for these rules; the sandbox answers 40058 (不合法的参数) for an
//! unknown id or a broken rule and 60011 (无权限) for a member or department outside the app's
//! visibility.

use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::reply::ApiError;
use crate::state::World;

/// The sandbox's only department, 1 (the root): visible, and holding every member.
pub(crate) const ROOT_DEPARTMENT: i64 = 1;
/// 每个规则组最多可配置20个负责人.
const MAX_ADMINS: usize = 20;
/// 单次最多可配置 100 个管理节点 (per list sent).
const MAX_NODES_PER_CALL: usize = 100;

/// The two families.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Customer,
    Moment,
}

impl Kind {
    /// The documented permission flags and whether each is basic (always on).
    pub(crate) fn flags(self) -> &'static [(&'static str, bool)] {
        match self {
            Kind::Customer => CUSTOMER_FLAGS,
            Kind::Moment => MOMENT_FLAGS,
        }
    }
}

const CUSTOMER_FLAGS: &[(&str, bool)] = &[
    ("view_customer_list", true),
    ("view_customer_data", true),
    ("view_room_list", true),
    ("contact_me", true),
    ("join_room", true),
    ("share_customer", false),
    ("oper_resign_customer", false),
    ("oper_resign_group", false),
    ("send_customer_msg", false),
    ("edit_welcome_msg", false),
    ("view_behavior_data", false),
    ("view_room_data", false),
    ("send_group_msg", false),
    ("room_deduplication", false),
    ("rapid_reply", false),
    ("onjob_customer_transfer", false),
    ("edit_anti_spam_rule", false),
    ("export_customer_list", false),
    ("export_customer_data", false),
    ("export_customer_group_list", false),
    ("manage_customer_tag", false),
];

const MOMENT_FLAGS: &[(&str, bool)] = &[
    ("view_moment_list", false),
    ("send_moment", false),
    ("manage_moment_cover_and_sign", false),
];

/// A node of a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Member(String),
    Department(i64),
}

/// A range node as sent: `{"type": 1, "userid": …}` or `{"type": 2, "partyid": …}`.
#[derive(Debug, Deserialize)]
pub(crate) struct RawNode {
    #[serde(rename = "type")]
    kind: i64,
    userid: Option<String>,
    partyid: Option<i64>,
}

impl Node {
    pub(crate) fn json(&self) -> Value {
        match self {
            Node::Member(userid) => json!({"type": 1, "userid": userid}),
            Node::Department(partyid) => json!({"type": 2, "partyid": partyid}),
        }
    }
}

/// Reads the nodes of `field` (at most 100), each visible to the app; duplicates are dropped.
pub(crate) fn nodes(world: &World, field: &str, raw: &[RawNode]) -> Result<Vec<Node>, ApiError> {
    if raw.len() > MAX_NODES_PER_CALL {
        return Err(ApiError::invalid(format!(
            "{field} holds {} nodes; at most {MAX_NODES_PER_CALL} per call",
            raw.len()
        )));
    }
    let mut out: Vec<Node> = Vec::with_capacity(raw.len());
    for node in raw {
        let node = match (node.kind, &node.userid, node.partyid) {
            (1, Some(userid), _) if !userid.is_empty() => Node::Member(userid.clone()),
            (2, _, Some(partyid)) => Node::Department(partyid),
            _ => return Err(ApiError::invalid(format!("invalid {field} node"))),
        };
        let visible = match &node {
            Node::Member(userid) => world.is_member(userid),
            Node::Department(partyid) => *partyid == ROOT_DEPARTMENT,
        };
        if !visible {
            return Err(ApiError::new(
                60011,
                format!("no privilege to access/modify contact/party: {node:?} is outside the app's visible range"),
            ));
        }
        if !out.contains(&node) {
            out.push(node);
        }
    }
    Ok(out)
}

/// Checks an administrator list: `min` to 20 members the app can see.
pub(crate) fn admins(world: &World, admins: &[String], min: usize) -> Result<(), ApiError> {
    if admins.len() < min || admins.len() > MAX_ADMINS {
        return Err(ApiError::invalid(format!(
            "admin_list holds {} userids; {min} to {MAX_ADMINS} allowed",
            admins.len()
        )));
    }
    match admins.iter().find(|a| !world.is_member(a)) {
        Some(outside) => Err(ApiError::new(
            60011,
            format!("no privilege to access/modify contact: admin {outside} is outside the app's visible range"),
        )),
        None => Ok(()),
    }
}

/// WeCom's default permissions overwritten by the flags `given` names (unknown flags are dropped);
/// basic flags stay on.
pub(crate) fn privilege(kind: Kind, given: Option<&Map<String, Value>>) -> Vec<bool> {
    kind.flags()
        .iter()
        .map(|(name, basic)| {
            *basic
                || given
                    .and_then(|g| g.get(*name))
                    .and_then(Value::as_bool)
                    .unwrap_or(true)
        })
        .collect()
}
