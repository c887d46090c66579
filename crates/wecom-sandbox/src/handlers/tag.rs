//! 企业客户标签: tag groups, tags, marking customers.

use serde::Deserialize;
use serde_json::{json, Value};

use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::{Tag, TagGroup};
use crate::Shared;

fn group_json(group: &TagGroup, tags: &[&Tag]) -> Value {
    let tags: Vec<Value> = tags
        .iter()
        .map(
            |t| json!({"id": t.id, "name": t.name, "create_time": t.create_time, "order": t.order}),
        )
        .collect();
    json!({
        "group_id": group.group_id,
        "group_name": group.group_name,
        "create_time": group.create_time,
        "order": group.order,
        "tag": tags,
    })
}

#[derive(Deserialize)]
struct TagList {
    #[serde(default)]
    tag_id: Vec<String>,
    #[serde(default)]
    group_id: Vec<String>,
}

pub(crate) fn get_corp_tag_list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: TagList = input.json()?;
    let world = shared.world();
    let groups: Vec<Value> = world
        .tag_groups
        .iter()
        .filter_map(|g| {
            // Doc 92117: with group_id given, tag_id is ignored and whole groups are answered; else
            // tag_id picks tags; with neither, everything.
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
            (!tags.is_empty()).then(|| group_json(g, &tags))
        })
        .collect();
    ok(&json!({ "tag_group": groups }))
}

#[derive(Deserialize)]
struct NewTag {
    name: String,
    #[serde(default)]
    order: i64,
}

#[derive(Deserialize)]
struct AddCorpTag {
    group_id: Option<String>,
    group_name: Option<String>,
    #[serde(default)]
    order: i64,
    #[serde(default)]
    tag: Vec<NewTag>,
}

pub(crate) fn add_corp_tag(shared: &Shared, input: Input<'_>) -> Reply {
    let req: AddCorpTag = input.json()?;
    if req.tag.is_empty() {
        return Err(ApiError::invalid("tag is empty"));
    }
    let now = shared.clock.now();
    let mut world = shared.world();
    let existing = match &req.group_id {
        Some(id) => Some(
            world
                .tag_groups
                .iter()
                .position(|g| &g.group_id == id)
                .ok_or_else(|| ApiError::new(40068, "invalid tagid"))?,
        ),
        None => {
            let name = req.group_name.as_deref().unwrap_or_default();
            if name.is_empty() {
                return Err(ApiError::invalid("group_id or group_name is required"));
            }
            world.tag_groups.iter().position(|g| g.group_name == name)
        }
    };
    // Every name is checked before anything is created: a refused call changes nothing.
    let taken = existing.map_or(&[][..], |i| world.tag_groups[i].tags.as_slice());
    for (i, new) in req.tag.iter().enumerate() {
        let repeated = req.tag[..i].iter().any(|t| t.name == new.name);
        if repeated || taken.iter().any(|t| t.name == new.name) {
            return Err(ApiError::new(
                40071,
                format!("tag name {} exists", new.name),
            ));
        }
    }
    let group_index = match existing {
        Some(i) => i,
        None => {
            let group_id = world.next_id("etSbxGroup");
            world.tag_groups.push(TagGroup {
                group_id,
                group_name: req.group_name.clone().unwrap_or_default(),
                create_time: now,
                order: req.order,
                tags: Vec::new(),
            });
            Counters::add(&shared.metrics.counters.tag_groups, 1);
            world.tag_groups.len() - 1
        }
    };
    let mut added = Vec::new();
    for new in &req.tag {
        let tag = Tag {
            id: world.next_id("etSbxTag"),
            name: new.name.clone(),
            create_time: now,
            order: new.order,
        };
        world.tag_groups[group_index].tags.push(tag.clone());
        added.push(tag);
    }
    Counters::add(&shared.metrics.counters.tags, added.len() as u64);
    let group = &world.tag_groups[group_index];
    ok(&json!({ "tag_group": group_json(group, &added.iter().collect::<Vec<_>>()) }))
}

#[derive(Deserialize)]
struct EditCorpTag {
    id: String,
    name: Option<String>,
    order: Option<i64>,
}

pub(crate) fn edit_corp_tag(shared: &Shared, input: Input<'_>) -> Reply {
    let req: EditCorpTag = input.json()?;
    let mut world = shared.world();
    for group in &mut world.tag_groups {
        if group.group_id == req.id {
            if let Some(name) = req.name {
                group.group_name = name;
            }
            if let Some(order) = req.order {
                group.order = order;
            }
            return ok(&json!({}));
        }
        if let Some(tag) = group.tags.iter_mut().find(|t| t.id == req.id) {
            if let Some(name) = req.name {
                tag.name = name;
            }
            if let Some(order) = req.order {
                tag.order = order;
            }
            return ok(&json!({}));
        }
    }
    Err(ApiError::new(40068, "invalid tagid"))
}

pub(crate) fn del_corp_tag(shared: &Shared, input: Input<'_>) -> Reply {
    let req: TagList = input.json()?;
    if req.tag_id.is_empty() && req.group_id.is_empty() {
        return Err(ApiError::invalid("tag_id or group_id is required"));
    }
    let mut world = shared.world();
    let known = |id: &String, w: &crate::state::World| {
        w.tag_groups
            .iter()
            .any(|g| &g.group_id == id || g.tags.iter().any(|t| &t.id == id))
    };
    if let Some(unknown) = req
        .tag_id
        .iter()
        .chain(&req.group_id)
        .find(|id| !known(id, &world))
    {
        return Err(ApiError::new(40068, format!("invalid tagid {unknown}")));
    }
    let mut removed: Vec<String> = req.tag_id.clone();
    for group in world
        .tag_groups
        .iter()
        .filter(|g| req.group_id.contains(&g.group_id))
    {
        removed.extend(group.tags.iter().map(|t| t.id.clone()));
    }
    world
        .tag_groups
        .retain(|g| !req.group_id.contains(&g.group_id));
    for group in &mut world.tag_groups {
        group.tags.retain(|t| !removed.contains(&t.id));
    }
    // A group whose last tag went is deleted too, as WeCom does.
    world.tag_groups.retain(|g| !g.tags.is_empty());
    for customer in &mut world.customers {
        for follow in &mut customer.follow {
            follow.tag_ids.retain(|id| !removed.contains(id));
        }
    }
    ok(&json!({}))
}

#[derive(Deserialize)]
struct MarkTag {
    userid: String,
    external_userid: String,
    #[serde(default)]
    add_tag: Vec<String>,
    #[serde(default)]
    remove_tag: Vec<String>,
}

pub(crate) fn mark_tag(shared: &Shared, input: Input<'_>) -> Reply {
    let req: MarkTag = input.json()?;
    if req.add_tag.is_empty() && req.remove_tag.is_empty() {
        return Err(ApiError::invalid("add_tag or remove_tag is required"));
    }
    let mut world = shared.world();
    let known: Vec<String> = world.all_tag_ids().map(str::to_owned).collect();
    if let Some(unknown) = req
        .add_tag
        .iter()
        .chain(&req.remove_tag)
        .find(|id| !known.contains(id))
    {
        return Err(ApiError::new(40068, format!("invalid tagid {unknown}")));
    }
    let follow = world
        .customer_mut(&req.external_userid)
        .and_then(|c| c.follow.iter_mut().find(|f| f.userid == req.userid))
        .ok_or_else(|| ApiError::new(84061, "not external contact"))?;
    for id in req.add_tag {
        if !follow.tag_ids.contains(&id) {
            follow.tag_ids.push(id);
        }
    }
    follow.tag_ids.retain(|id| !req.remove_tag.contains(id));
    ok(&json!({}))
}
