//! Rules groups (规则组) of both families: a tree of groups (at most 5 levels), each with its
//! administrators, a range within its parent's (at most 3000 nodes), its permissions (a child uses its
//! root's), and for customer groups their tag groups. Ids are per family, in creation order.

use serde_json::{Map, Value};

use super::strategy_rules::{Kind, Node, ROOT_DEPARTMENT};
use crate::reply::ApiError;
use crate::state::TagGroup;

/// 每个管理组的管理范围内最多支持3000个节点.
const MAX_NODES: usize = 3_000;
/// 管理组的最大层级为5层.
const MAX_LEVELS: usize = 5;

/// One rules group.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(crate) id: i64,
    pub(crate) parent_id: i64,
    pub(crate) name: String,
    pub(crate) create_time: i64,
    pub(crate) admins: Vec<String>,
    /// The group's own permissions, one per documented flag (a child answers its root's).
    privilege: Vec<bool>,
    pub(crate) range: Vec<Node>,
    /// Customer groups only: their tag groups (规则组标签).
    pub(crate) tag_groups: Vec<TagGroup>,
}

/// The rules groups of one family, in creation order (so parents come before their children).
#[derive(Debug, Default)]
pub(crate) struct Groups {
    serial: i64,
    pub(crate) list: Vec<Group>,
}

/// Both families.
#[derive(Debug, Default)]
pub(crate) struct Strategies {
    pub(crate) customer: Groups,
    pub(crate) moment: Groups,
}

impl Strategies {
    pub(crate) fn of(&mut self, kind: Kind) -> &mut Groups {
        match kind {
            Kind::Customer => &mut self.customer,
            Kind::Moment => &mut self.moment,
        }
    }

    pub(crate) fn of_ref(&self, kind: Kind) -> &Groups {
        match kind {
            Kind::Customer => &self.customer,
            Kind::Moment => &self.moment,
        }
    }
}

impl Groups {
    pub(crate) fn get(&self, id: i64) -> Result<&Group, ApiError> {
        self.list
            .iter()
            .find(|g| g.id == id)
            .ok_or_else(|| ApiError::invalid(format!("invalid strategy_id {id}")))
    }

    pub(crate) fn get_mut(&mut self, id: i64) -> Result<&mut Group, ApiError> {
        self.list
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or_else(|| ApiError::invalid(format!("invalid strategy_id {id}")))
    }

    /// The levels from the root down to `id` (1 for a root).
    fn level(&self, id: i64) -> usize {
        let mut level = 1;
        let mut parent = self.get(id).map_or(0, |g| g.parent_id);
        while let Ok(group) = self.get(parent) {
            level += 1;
            parent = group.parent_id;
        }
        level
    }

    /// Whether every node lies within the range of `parent_id` (0: no parent, anything goes).
    pub(crate) fn within_parent(&self, parent_id: i64, nodes: &[Node]) -> Result<(), ApiError> {
        let Ok(parent) = self.get(parent_id) else {
            return Ok(());
        };
        let covered = |node: &Node| {
            parent.range.contains(node)
                || (matches!(node, Node::Member(_))
                    && parent.range.contains(&Node::Department(ROOT_DEPARTMENT)))
        };
        match nodes.iter().find(|n| !covered(n)) {
            Some(node) => Err(ApiError::invalid(format!(
                "{node:?} is outside the range of parent strategy {parent_id}"
            ))),
            None => Ok(()),
        }
    }

    /// Adds a group after the caller checked its admins and nodes; returns its id.
    pub(crate) fn create(&mut self, mut group: Group) -> Result<i64, ApiError> {
        if group.parent_id != 0 {
            self.get(group.parent_id)?;
            if self.level(group.parent_id) >= MAX_LEVELS {
                return Err(ApiError::invalid(format!(
                    "strategies nest at most {MAX_LEVELS} levels"
                )));
            }
            self.within_parent(group.parent_id, &group.range)?;
        }
        self.serial += 1;
        group.id = self.serial;
        self.list.push(group);
        Ok(self.serial)
    }

    /// Applies a range change to `id`, then trims descendants to their parents' new ranges.
    pub(crate) fn change_range(
        &mut self,
        id: i64,
        add: Vec<Node>,
        del: &[Node],
    ) -> Result<(), ApiError> {
        let parent_id = self.get(id)?.parent_id;
        self.within_parent(parent_id, &add)?;
        let group = self.get_mut(id)?;
        let mut range: Vec<Node> = group.range.clone();
        range.retain(|n| !del.contains(n));
        for node in add {
            if !range.contains(&node) {
                range.push(node);
            }
        }
        if range.len() > MAX_NODES {
            return Err(ApiError::invalid(format!(
                "a strategy's range holds at most {MAX_NODES} nodes"
            )));
        }
        group.range = range;
        for i in 0..self.list.len() {
            let parent = self.list[i].parent_id;
            if parent == 0 {
                continue;
            }
            let kept: Vec<Node> = self.list[i]
                .range
                .iter()
                .filter(|n| self.within_parent(parent, std::slice::from_ref(n)).is_ok())
                .cloned()
                .collect();
            self.list[i].range = kept;
        }
        Ok(())
    }

    /// Deletes `id` and every group below it, with their tags.
    pub(crate) fn delete(&mut self, id: i64) -> Result<(), ApiError> {
        self.get(id)?;
        let mut doomed = vec![id];
        for group in &self.list {
            if doomed.contains(&group.parent_id) {
                doomed.push(group.id);
            }
        }
        self.list.retain(|g| !doomed.contains(&g.id));
        Ok(())
    }

    /// The permissions a group answers: its root's.
    pub(crate) fn privilege_json(&self, kind: Kind, id: i64) -> Result<Value, ApiError> {
        let mut group = self.get(id)?;
        while let Ok(parent) = self.get(group.parent_id) {
            group = parent;
        }
        let flags: Map<String, Value> = kind
            .flags()
            .iter()
            .zip(&group.privilege)
            .map(|((name, _), on)| ((*name).to_owned(), Value::Bool(*on)))
            .collect();
        Ok(Value::Object(flags))
    }
}

impl Group {
    pub(crate) fn new(parent_id: i64, name: String, now: i64, admins: Vec<String>) -> Self {
        Self {
            id: 0,
            parent_id,
            name,
            create_time: now,
            admins,
            privilege: Vec::new(),
            range: Vec::new(),
            tag_groups: Vec::new(),
        }
    }

    pub(crate) fn set_privilege(&mut self, privilege: Vec<bool>) {
        self.privilege = privilege;
    }
}
