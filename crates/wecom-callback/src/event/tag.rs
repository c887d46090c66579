//! `Event = change_external_tag`: corp customer tags and tag groups.

use serde::Serialize;

use super::wire::{number, text, Wire};
use crate::error::Result;

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
        /// `StrategyId`: the 规则组 (only sent to the 客户联系 app).
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
    /// `StrategyId`: the 规则组 (only sent to the 客户联系 app).
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

pub(super) fn is_known(change_type: &str) -> bool {
    matches!(change_type, "create" | "update" | "delete" | "shuffle")
}

/// The typed change, or `None` for a change type this crate does not know.
pub(super) fn from_wire(change_type: &str, wire: &Wire<'_>) -> Result<Option<TagChange>> {
    let id = text(wire.id.as_deref());
    let strategy_id = number("StrategyId", wire.strategy_id.as_deref())?;
    let tag_type = TagType::from(text(wire.tag_type.as_deref()));
    let tag = TagRef {
        id,
        tag_type,
        strategy_id,
    };
    Ok(Some(match change_type {
        "create" => TagChange::Create(tag),
        "update" => TagChange::Update(tag),
        "delete" => TagChange::Delete(tag),
        "shuffle" => TagChange::Shuffle {
            id: tag.id,
            strategy_id,
        },
        _ => return Ok(None),
    }))
}
