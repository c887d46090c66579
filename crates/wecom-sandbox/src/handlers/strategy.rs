//! 客户联系规则组管理 (`customer_strategy/*`, doc 94883) and 客户朋友圈规则组管理 (`moment_strategy/*`,
//! doc 94890): the same six endpoints over the two families of `strategy_store`.

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::paging;
use super::strategy_rules::{self, Kind, RawNode};
use super::strategy_store::Group;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::Shared;

/// Declares the six endpoints of a family as plain handler functions.
macro_rules! family_handlers {
    ($kind:expr, $list:ident, $get:ident, $get_range:ident, $create:ident, $edit:ident, $del:ident) => {
        pub(crate) fn $list(shared: &Shared, input: Input<'_>) -> Reply {
            list(shared, input, $kind)
        }
        pub(crate) fn $get(shared: &Shared, input: Input<'_>) -> Reply {
            get(shared, input, $kind)
        }
        pub(crate) fn $get_range(shared: &Shared, input: Input<'_>) -> Reply {
            get_range(shared, input, $kind)
        }
        pub(crate) fn $create(shared: &Shared, input: Input<'_>) -> Reply {
            create(shared, input, $kind)
        }
        pub(crate) fn $edit(shared: &Shared, input: Input<'_>) -> Reply {
            edit(shared, input, $kind)
        }
        pub(crate) fn $del(shared: &Shared, input: Input<'_>) -> Reply {
            del(shared, input, $kind)
        }
    };
}

family_handlers!(
    Kind::Customer,
    customer_list,
    customer_get,
    customer_get_range,
    customer_create,
    customer_edit,
    customer_del
);
family_handlers!(
    Kind::Moment,
    moment_list,
    moment_get,
    moment_get_range,
    moment_create,
    moment_edit,
    moment_del
);

/// Most entries per page, and the default (默认为1000，最大不超过1000).
const PAGE: usize = 1_000;

#[derive(Deserialize)]
struct Paged {
    strategy_id: Option<i64>,
    #[serde(default)]
    cursor: String,
    limit: Option<u64>,
}

/// `{…, "next_cursor": …}`, the cursor left out after the last page as WeCom does.
fn with_cursor(mut answer: Value, next_cursor: String) -> Reply {
    if !next_cursor.is_empty() {
        answer["next_cursor"] = json!(next_cursor);
    }
    ok(&answer)
}

fn list(shared: &Shared, input: Input<'_>, kind: Kind) -> Reply {
    let req: Paged = input.json()?;
    let limit = paging::limit(req.limit, PAGE, PAGE)?;
    let world = shared.world();
    let ids: Vec<i64> = world
        .created
        .strategies
        .of_ref(kind)
        .list
        .iter()
        .map(|g| g.id)
        .collect();
    let (page, next) = paging::page(&ids, &req.cursor, limit)?;
    let strategy: Vec<Value> = page.iter().map(|id| json!({"strategy_id": id})).collect();
    with_cursor(json!({ "strategy": strategy }), next)
}

#[derive(Deserialize)]
struct ById {
    strategy_id: i64,
}

fn get(shared: &Shared, input: Input<'_>, kind: Kind) -> Reply {
    let req: ById = input.json()?;
    let world = shared.world();
    let groups = world.created.strategies.of_ref(kind);
    let group = groups.get(req.strategy_id)?;
    ok(&json!({"strategy": {
        "strategy_id": group.id,
        "parent_id": group.parent_id,
        "strategy_name": group.name,
        "create_time": group.create_time,
        "admin_list": group.admins,
        "privilege": groups.privilege_json(kind, group.id)?,
    }}))
}

fn get_range(shared: &Shared, input: Input<'_>, kind: Kind) -> Reply {
    let req: Paged = input.json()?;
    let id = req
        .strategy_id
        .ok_or_else(|| ApiError::invalid("strategy_id is required"))?;
    let limit = paging::limit(req.limit, PAGE, PAGE)?;
    let world = shared.world();
    let group = world.created.strategies.of_ref(kind).get(id)?;
    let (page, next) = paging::page(&group.range, &req.cursor, limit)?;
    let range: Vec<Value> = page.iter().map(|n| n.json()).collect();
    with_cursor(json!({ "range": range }), next)
}

#[derive(Deserialize)]
struct Create {
    #[serde(default)]
    parent_id: i64,
    #[serde(default)]
    strategy_name: String,
    #[serde(default)]
    admin_list: Vec<String>,
    privilege: Option<Map<String, Value>>,
    #[serde(default)]
    range: Vec<RawNode>,
}

fn create(shared: &Shared, input: Input<'_>, kind: Kind) -> Reply {
    let req: Create = input.json()?;
    if req.strategy_name.is_empty() {
        return Err(ApiError::invalid("strategy_name is required"));
    }
    let now = shared.clock.now();
    let mut world = shared.world();
    strategy_rules::admins(&world, &req.admin_list, 1)?;
    let range = strategy_rules::nodes(&world, "range", &req.range)?;
    let mut group = Group::new(req.parent_id, req.strategy_name, now, req.admin_list);
    // A child inherits its parent's permissions (privilege将被忽略); `privilege_json` reads the root's.
    group.set_privilege(strategy_rules::privilege(kind, req.privilege.as_ref()));
    group.range = range;
    let id = world.created.strategies.of(kind).create(group)?;
    ok(&json!({ "strategy_id": id }))
}

#[derive(Deserialize)]
struct Edit {
    strategy_id: i64,
    strategy_name: Option<String>,
    #[serde(default)]
    admin_list: Vec<String>,
    privilege: Option<Map<String, Value>>,
    #[serde(default)]
    range_add: Vec<RawNode>,
    #[serde(default)]
    range_del: Vec<RawNode>,
}

fn edit(shared: &Shared, input: Input<'_>, kind: Kind) -> Reply {
    let req: Edit = input.json()?;
    if req.strategy_name.as_deref() == Some("") {
        return Err(ApiError::invalid("strategy_name may not be empty"));
    }
    let mut world = shared.world();
    world.created.strategies.of_ref(kind).get(req.strategy_id)?;
    // An empty admin_list leaves the administrators as they are (如果为空则不对负责人做编辑).
    strategy_rules::admins(&world, &req.admin_list, 0)?;
    let add = strategy_rules::nodes(&world, "range_add", &req.range_add)?;
    let del = strategy_rules::nodes(&world, "range_del", &req.range_del)?;
    let groups = world.created.strategies.of(kind);
    // Every rule is checked before the group changes: a refused edit changes nothing.
    groups.change_range(req.strategy_id, add, &del)?;
    let group = groups.get_mut(req.strategy_id)?;
    if let Some(name) = req.strategy_name {
        group.name = name;
    }
    if !req.admin_list.is_empty() {
        group.admins = req.admin_list;
    }
    if let Some(given) = &req.privilege {
        group.set_privilege(strategy_rules::privilege(kind, Some(given)));
    }
    ok(&json!({}))
}

fn del(shared: &Shared, input: Input<'_>, kind: Kind) -> Reply {
    let req: ById = input.json()?;
    shared
        .world()
        .created
        .strategies
        .of(kind)
        .delete(req.strategy_id)?;
    ok(&json!({}))
}
