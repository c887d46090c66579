//! 规则组标签 (doc 94882): the tag groups of customer rules groups. They live with their rules group,
//! so `get_corp_tag_list` never shows them and deleting the group deletes them; only first-level groups
//! take tags, and corp and rules-group tags together are limited to 3000 (40126).

use serde::Deserialize;
use serde_json::{json, Value};

use super::strategy_rules::Kind;
use super::strategy_store::Group;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::{Tag, TagGroup, World};
use crate::Shared;

/// 每个企业的企业标签和规则组标签合计最多可配置3000个.
const MAX_TAGS: usize = 3_000;

fn group_json(group: &TagGroup, tags: &[&Tag], strategy_id: Option<i64>) -> Value {
    let tags: Vec<Value> = tags
        .iter()
        .map(
            |t| json!({"id": t.id, "name": t.name, "create_time": t.create_time, "order": t.order}),
        )
        .collect();
    let mut answer = json!({
        "group_id": group.group_id,
        "group_name": group.group_name,
        "create_time": group.create_time,
        "order": group.order,
    });
    // The list answers each group's strategy_id; the add answer, as documented, does not.
    if let Some(id) = strategy_id {
        answer["strategy_id"] = json!(id);
    }
    answer["tag"] = json!(tags);
    answer
}

fn customer_groups(world: &World) -> &[Group] {
    &world.created.strategies.of_ref(Kind::Customer).list
}

#[derive(Deserialize)]
struct TagList {
    strategy_id: Option<i64>,
    #[serde(default)]
    tag_id: Vec<String>,
    #[serde(default)]
    group_id: Vec<String>,
}

pub(crate) fn get_strategy_tag_list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: TagList = input.json()?;
    let world = shared.world();
    if let Some(id) = req.strategy_id {
        world.created.strategies.of_ref(Kind::Customer).get(id)?;
    }
    let mut groups = Vec::new();
    for strategy in customer_groups(&world)
        .iter()
        .filter(|s| req.strategy_id.is_none_or(|id| id == s.id))
    {
        for g in &strategy.tag_groups {
            // As get_corp_tag_list: group_id wins over tag_id; with neither, everything.
            let tags: Vec<&Tag> = if !req.group_id.is_empty() {
                if req.group_id.contains(&g.group_id) {
                    g.tags.iter().collect()
                } else {
                    Vec::new()
                }
            } else if !req.tag_id.is_empty() {
                g.tags
                    .iter()
                    .filter(|t| req.tag_id.contains(&t.id))
                    .collect()
            } else {
                g.tags.iter().collect()
            };
            if !tags.is_empty() {
                groups.push(group_json(g, &tags, Some(strategy.id)));
            }
        }
    }
    ok(&json!({ "tag_group": groups }))
}

#[derive(Deserialize)]
struct NewTag {
    name: String,
    #[serde(default)]
    order: i64,
}

#[derive(Deserialize)]
struct AddStrategyTag {
    strategy_id: i64,
    group_id: Option<String>,
    group_name: Option<String>,
    #[serde(default)]
    order: i64,
    #[serde(default)]
    tag: Vec<NewTag>,
}

fn tag_count(world: &World) -> usize {
    let strategy_tags: usize = customer_groups(world)
        .iter()
        .flat_map(|s| &s.tag_groups)
        .map(|g| g.tags.len())
        .sum();
    world.all_tag_ids().count() + strategy_tags
}

pub(crate) fn add_strategy_tag(shared: &Shared, input: Input<'_>) -> Reply {
    let req: AddStrategyTag = input.json()?;
    if req.tag.is_empty() {
        return Err(ApiError::invalid("tag is empty"));
    }
    let now = shared.clock.now();
    let mut world = shared.world();
    if tag_count(&world) + req.tag.len() > MAX_TAGS {
        return Err(ApiError::new(40126, "corp tag count exceeds 3000"));
    }
    let strategy = world
        .created
        .strategies
        .of_ref(Kind::Customer)
        .get(req.strategy_id)?;
    if strategy.parent_id != 0 {
        return Err(ApiError::invalid(
            "tags can be added to first-level strategies only",
        ));
    }
    let existing = match &req.group_id {
        Some(id) => Some(
            strategy
                .tag_groups
                .iter()
                .position(|g| &g.group_id == id)
                .ok_or_else(|| ApiError::new(40068, format!("invalid tag group id {id}")))?,
        ),
        None => {
            let name = req.group_name.as_deref().unwrap_or_default();
            if name.is_empty() {
                return Err(ApiError::invalid("group_id or group_name is required"));
            }
            strategy
                .tag_groups
                .iter()
                .position(|g| g.group_name == name)
        }
    };
    // Names are checked before anything is created: a refused call changes nothing.
    let taken = existing.map_or(&[][..], |i| strategy.tag_groups[i].tags.as_slice());
    for (i, new) in req.tag.iter().enumerate() {
        if req.tag[..i].iter().any(|t| t.name == new.name)
            || taken.iter().any(|t| t.name == new.name)
        {
            return Err(ApiError::new(
                40071,
                format!("tag name {} exists", new.name),
            ));
        }
    }
    let group_id = match existing {
        Some(_) => None,
        None => Some(world.next_id("etSbxStrGroup")),
    };
    let tags: Vec<Tag> = req
        .tag
        .iter()
        .map(|new| Tag {
            id: world.next_id("etSbxStrTag"),
            name: new.name.clone(),
            create_time: now,
            order: new.order,
        })
        .collect();
    let strategy = world
        .created
        .strategies
        .of(Kind::Customer)
        .get_mut(req.strategy_id)?;
    let index = match (existing, group_id) {
        (Some(i), _) => i,
        (None, group_id) => {
            strategy.tag_groups.push(TagGroup {
                group_id: group_id.unwrap_or_default(),
                group_name: req.group_name.unwrap_or_default(),
                create_time: now,
                order: req.order,
                tags: Vec::new(),
            });
            strategy.tag_groups.len() - 1
        }
    };
    let group = &mut strategy.tag_groups[index];
    group.tags.extend(tags.iter().cloned());
    ok(&json!({ "tag_group": group_json(group, &tags.iter().collect::<Vec<_>>(), None) }))
}

#[derive(Deserialize)]
struct EditStrategyTag {
    id: String,
    name: Option<String>,
    order: Option<i64>,
}

pub(crate) fn edit_strategy_tag(shared: &Shared, input: Input<'_>) -> Reply {
    let req: EditStrategyTag = input.json()?;
    let mut world = shared.world();
    let taken = || ApiError::new(40071, "tag or tag group name exists");
    for strategy in &mut world.created.strategies.of(Kind::Customer).list {
        let groups = &mut strategy.tag_groups;
        if let Some(i) = groups.iter().position(|g| g.group_id == req.id) {
            if let Some(name) = &req.name {
                if groups
                    .iter()
                    .any(|g| g.group_id != req.id && &g.group_name == name)
                {
                    return Err(taken());
                }
                groups[i].group_name = name.clone();
            }
            if let Some(order) = req.order {
                groups[i].order = order;
            }
            return ok(&json!({}));
        }
        for group in groups.iter_mut() {
            if let Some(i) = group.tags.iter().position(|t| t.id == req.id) {
                if let Some(name) = &req.name {
                    if group.tags.iter().any(|t| t.id != req.id && &t.name == name) {
                        return Err(taken());
                    }
                    group.tags[i].name = name.clone();
                }
                if let Some(order) = req.order {
                    group.tags[i].order = order;
                }
                return ok(&json!({}));
            }
        }
    }
    Err(ApiError::new(40068, format!("invalid tagid {}", req.id)))
}

#[derive(Deserialize)]
struct DelStrategyTag {
    #[serde(default)]
    tag_id: Vec<String>,
    #[serde(default)]
    group_id: Vec<String>,
}

pub(crate) fn del_strategy_tag(shared: &Shared, input: Input<'_>) -> Reply {
    let req: DelStrategyTag = input.json()?;
    if req.tag_id.is_empty() && req.group_id.is_empty() {
        return Err(ApiError::invalid("tag_id or group_id is required"));
    }
    let mut world = shared.world();
    let strategies = &mut world.created.strategies.of(Kind::Customer).list;
    let known = |id: &String| {
        strategies
            .iter()
            .flat_map(|s| &s.tag_groups)
            .any(|g| &g.group_id == id || g.tags.iter().any(|t| &t.id == id))
    };
    if let Some(unknown) = req.tag_id.iter().chain(&req.group_id).find(|id| !known(id)) {
        return Err(ApiError::new(40068, format!("invalid tagid {unknown}")));
    }
    for strategy in strategies.iter_mut() {
        strategy
            .tag_groups
            .retain(|g| !req.group_id.contains(&g.group_id));
        for group in &mut strategy.tag_groups {
            group.tags.retain(|t| !req.tag_id.contains(&t.id));
        }
        // A group whose last tag went is deleted too (标签组会被自动删除).
        strategy.tag_groups.retain(|g| !g.tags.is_empty());
    }
    ok(&json!({}))
}
