//! `Event = change_external_tag`: corp customer tags and tag groups.

use serde::Serialize;

use super::wire::Reader;

/// The `ChangeType`s of `change_external_tag`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum TagChange {
    /// `create`: a tag or tag group was created.
    Create(TagRef),
    /// `update`: a tag or tag group was renamed or changed.
    Update(TagRef),
    /// `delete`: a tag or tag group was deleted.
    Delete(TagRef),
    /// `shuffle`: tags were reordered.
    Shuffle {
        /// `Id`: the tag group whose tags were reordered; empty when the order of the groups changed.
        id: String,
        /// `StrategyId`: the 规则组 (only sent to the 客户联系 app; `None` and kept raw in `extra` if it is
        /// not a number, as in WeCom's own sample `STRATEGY_ID`).
        strategy_id: Option<u64>,
    },
}

/// The tag or tag group a `create`, `update` or `delete` is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagRef {
    /// `Id`: a tag id or a tag-group id, as `tag_type` says.
    pub id: String,
    /// `TagType`: `tag` or `tag_group`.
    pub tag_type: TagType,
    /// `StrategyId`: the 规则组 (only sent to the 客户联系 app; `None` and kept raw in `extra` if it is
    /// not a number).
    pub strategy_id: Option<u64>,
}

string_enum! {
    /// `TagType`: what `Id` names.
    TagType {
        /// `tag`: a tag.
        Tag = "tag",
        /// `tag_group`: a tag group.
        TagGroup = "tag_group",
    }
}

/// The typed change, or `None` for a change type this crate does not know.
pub(super) fn read(change_type: &str, wire: &mut Reader<'_, '_>) -> Option<TagChange> {
    Some(match change_type {
        "create" => TagChange::Create(tag_ref(wire)),
        "update" => TagChange::Update(tag_ref(wire)),
        "delete" => TagChange::Delete(tag_ref(wire)),
        "shuffle" => TagChange::Shuffle {
            id: wire.text("Id"),
            strategy_id: wire.number("StrategyId"),
        },
        _ => return None,
    })
}

fn tag_ref(wire: &mut Reader<'_, '_>) -> TagRef {
    TagRef {
        id: wire.text("Id"),
        tag_type: TagType::from(wire.text("TagType")),
        strategy_id: wire.number("StrategyId"),
    }
}
