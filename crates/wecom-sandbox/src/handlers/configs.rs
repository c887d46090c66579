//! Stored configurations (contact ways, join ways, welcome templates): created, read, updated, deleted.

use serde_json::{Map, Value};

/// Configurations by id, in creation order.
#[derive(Debug, Default)]
pub(crate) struct Configs {
    items: Vec<(String, i64, Map<String, Value>)>,
}

impl Configs {
    pub(crate) fn insert(&mut self, id: String, create_time: i64, fields: Map<String, Value>) {
        self.items.push((id, create_time, fields));
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Map<String, Value>> {
        self.items
            .iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, _, f)| f)
    }

    /// Replaces every field of `id` (WeCom's 覆盖的方式更新); false when there is no such id.
    pub(crate) fn replace(&mut self, id: &str, fields: Map<String, Value>) -> bool {
        match self.items.iter_mut().find(|(i, _, _)| i == id) {
            Some((_, _, stored)) => {
                *stored = fields;
                true
            }
            None => false,
        }
    }

    /// Overwrites the given fields of `id`; false when there is no such id.
    pub(crate) fn update(&mut self, id: &str, fields: Map<String, Value>) -> bool {
        match self.items.iter_mut().find(|(i, _, _)| i == id) {
            Some((_, _, stored)) => {
                stored.extend(fields);
                true
            }
            None => false,
        }
    }

    pub(crate) fn remove(&mut self, id: &str) -> bool {
        let before = self.items.len();
        self.items.retain(|(i, _, _)| i != id);
        self.items.len() != before
    }

    /// Ids created within `[start, end]`, oldest first.
    pub(crate) fn ids_between(&self, start: i64, end: i64) -> Vec<String> {
        self.items
            .iter()
            .filter(|(_, t, _)| (start..=end).contains(t))
            .map(|(i, _, _)| i.clone())
            .collect()
    }
}

/// The body as a JSON object, minus the keys in `drop`.
pub(crate) fn fields(body: Value, drop: &[&str]) -> Map<String, Value> {
    let mut map = match body {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    for key in drop {
        map.remove(*key);
    }
    map
}

/// Chars of a string field, 0 when absent.
pub(crate) fn chars(map: &Map<String, Value>, key: &str) -> usize {
    map.get(key)
        .and_then(Value::as_str)
        .map_or(0, |s| s.chars().count())
}

/// Length of an array field, 0 when absent.
pub(crate) fn len(map: &Map<String, Value>, key: &str) -> usize {
    map.get(key).and_then(Value::as_array).map_or(0, Vec::len)
}
