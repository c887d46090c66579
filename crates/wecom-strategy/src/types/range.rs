//! 管理范围: the members and departments a rules group manages, and the limits of changing them.

use serde::{Deserialize, Serialize};
use wecom_core::{check, Error, Result};

/// Most range nodes (members and departments) one create or edit may send: 100 in `range`, and 100
/// in each of `range_add` and `range_del`.
pub const MAX_RANGE_NODES_PER_CALL: usize = 100;

/// Most range nodes a rules group may hold (WeCom checks it: the SDK cannot see the current range).
pub const MAX_RANGE_NODES: usize = 3_000;

wecom_core::int_enum! {
    /// 节点类型 of a range node.
    pub enum RangeType {
        /// 1: 成员, named by `userid`.
        Member = 1,
        /// 2: 部门, named by `partyid`.
        Department = 2,
    }
}

/// One node of a management range (`range`, `range_add`, `range_del`): a member or a department.
///
/// ```
/// use wecom_strategy::RangeNode;
/// assert_eq!(
///     serde_json::to_value([RangeNode::member("zhangsan"), RangeNode::department(1)]).unwrap(),
///     serde_json::json!([{"type": 1, "userid": "zhangsan"}, {"type": 2, "partyid": 1}])
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RangeNode {
    /// 节点类型: 1 成员, 2 部门.
    #[serde(rename = "type")]
    pub kind: RangeType,
    /// 成员userid; only for [`RangeType::Member`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// 部门partyid; only for [`RangeType::Department`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partyid: Option<i64>,
}

impl RangeNode {
    /// The member `userid`.
    pub fn member(userid: impl Into<String>) -> Self {
        Self {
            kind: RangeType::Member,
            userid: Some(userid.into()),
            partyid: None,
        }
    }

    /// The department `partyid`.
    pub fn department(partyid: i64) -> Self {
        Self {
            kind: RangeType::Department,
            userid: None,
            partyid: Some(partyid),
        }
    }

    /// Checks that a member node names a `userid` and a department node a `partyid` (a node of a type
    /// this SDK does not know is left to WeCom).
    pub fn check(&self, field: &str) -> Result<()> {
        match self.kind {
            RangeType::Member if self.userid.as_deref().is_none_or(str::is_empty) => Err(
                Error::invalid_request(format!("{field}: a member node (type 1) needs a userid")),
            ),
            RangeType::Department if self.partyid.is_none() => Err(Error::invalid_request(
                format!("{field}: a department node (type 2) needs a partyid"),
            )),
            _ => Ok(()),
        }
    }
}

/// Checks a list of nodes sent in one call: at most [`MAX_RANGE_NODES_PER_CALL`], each well formed.
pub(crate) fn check_nodes(field: &str, nodes: &[RangeNode]) -> Result<()> {
    check::count_between(field, nodes.len(), 0, MAX_RANGE_NODES_PER_CALL)?;
    nodes
        .iter()
        .enumerate()
        .try_for_each(|(i, node)| node.check(&format!("{field}[{i}]")))
}
