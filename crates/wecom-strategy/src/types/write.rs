//! 创建新的规则组, 编辑规则组及其管理范围 and 删除规则组.

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};
use wecom_core::{check, Error, Result};

use super::range::check_nodes;
use super::{Family, RangeNode};

/// Most administrators of a rules group.
pub const MAX_ADMINS: usize = 20;

/// The body of `create`: a new rules group with its administrators, permissions and range. WeCom
/// wants these calls one at a time, never concurrently.
///
/// ```
/// use wecom_strategy::{CustomerFamily, CustomerPrivilege, RangeNode, StrategyCreateRequest};
/// let req = StrategyCreateRequest::<CustomerFamily>::new("华南区", ["zhangsan"])
///     .privilege(CustomerPrivilege { share_customer: Some(false), ..Default::default() })
///     .range([RangeNode::member("lisi"), RangeNode::department(2)]);
/// assert!(req.check().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyCreateRequest<F: Family> {
    /// 父规则组id; the range must then be a subset of the parent's, and the parent's permissions apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    /// 规则组名称 (required).
    pub strategy_name: String,
    /// 规则组管理员userid列表: 1 to 20, never the super administrator.
    pub admin_list: Vec<String>,
    /// 权限配置; left out, WeCom's defaults apply (ignored for a group with a parent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege: Option<F::Privilege>,
    /// 管理范围: at most 100 nodes per call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range: Vec<RangeNode>,
    #[serde(skip)]
    family: PhantomData<F>,
}

impl<F: Family> StrategyCreateRequest<F> {
    /// A first-level rules group named `strategy_name` administered by `admins`.
    pub fn new<I, S>(strategy_name: impl Into<String>, admins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            strategy_name: strategy_name.into(),
            admin_list: admins.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Makes it a child of rules group `parent_id`.
    pub fn parent_id(mut self, parent_id: i64) -> Self {
        self.parent_id = Some(parent_id);
        self
    }

    /// Sets the permissions.
    pub fn privilege(mut self, privilege: F::Privilege) -> Self {
        self.privilege = Some(privilege);
        self
    }

    /// Sets the management range.
    pub fn range(mut self, nodes: impl IntoIterator<Item = RangeNode>) -> Self {
        self.range = nodes.into_iter().collect();
        self
    }

    /// Checks the documented limits: a name, 1 to 20 administrators, at most 100 well-formed range
    /// nodes.
    pub fn check(&self) -> Result<()> {
        if self.strategy_name.is_empty() {
            return Err(Error::invalid_request("strategy_name is required"));
        }
        check_admins(&self.admin_list, 1)?;
        check_nodes("range", &self.range)
    }
}

/// The answer of `create`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StrategyCreateResponse {
    /// 规则组id of the new group.
    pub strategy_id: i64,
}

/// The body of `edit`: changes the name, replaces the administrators or the permissions, and adds or
/// removes range nodes. What is left out stays as it is. WeCom wants these calls one at a time.
///
/// ```
/// use wecom_strategy::{MomentFamily, RangeNode, StrategyEditRequest};
/// let req = StrategyEditRequest::<MomentFamily>::new(1)
///     .strategy_name("华南区（新）")
///     .range_add([RangeNode::member("wangwu")])
///     .range_del([RangeNode::department(2)]);
/// assert!(req.check().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyEditRequest<F: Family> {
    /// 规则组id.
    pub strategy_id: i64,
    /// 规则组名称; left out, the name stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy_name: Option<String>,
    /// 管理员列表: when not empty it replaces the old list (at most 20).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub admin_list: Vec<String>,
    /// 权限配置: when set it replaces the old permissions as a whole, so send back what `get` read
    /// (unknown flags included) with your changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege: Option<F::Privilege>,
    /// 向管理范围添加的节点: at most 100 per call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range_add: Vec<RangeNode>,
    /// 从管理范围删除的节点: at most 100 per call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range_del: Vec<RangeNode>,
    #[serde(skip)]
    family: PhantomData<F>,
}

impl<F: Family> StrategyEditRequest<F> {
    /// An edit of rules group `strategy_id` that changes nothing yet.
    pub fn new(strategy_id: i64) -> Self {
        Self {
            strategy_id,
            ..Self::default()
        }
    }

    /// Renames the group.
    pub fn strategy_name(mut self, name: impl Into<String>) -> Self {
        self.strategy_name = Some(name.into());
        self
    }

    /// Replaces the administrators.
    pub fn admin_list<I, S>(mut self, admins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.admin_list = admins.into_iter().map(Into::into).collect();
        self
    }

    /// Replaces the permissions.
    pub fn privilege(mut self, privilege: F::Privilege) -> Self {
        self.privilege = Some(privilege);
        self
    }

    /// Adds these nodes to the range.
    pub fn range_add(mut self, nodes: impl IntoIterator<Item = RangeNode>) -> Self {
        self.range_add = nodes.into_iter().collect();
        self
    }

    /// Removes these nodes from the range.
    pub fn range_del(mut self, nodes: impl IntoIterator<Item = RangeNode>) -> Self {
        self.range_del = nodes.into_iter().collect();
        self
    }

    /// Checks the documented limits: a name, when given, is not empty; at most 20 administrators; at
    /// most 100 well-formed nodes in each of `range_add` and `range_del`.
    pub fn check(&self) -> Result<()> {
        if self.strategy_name.as_deref() == Some("") {
            return Err(Error::invalid_request(
                "strategy_name may not be empty (leave it out to keep the name)",
            ));
        }
        check_admins(&self.admin_list, 0)?;
        check_nodes("range_add", &self.range_add)?;
        check_nodes("range_del", &self.range_del)
    }
}

/// The body of `del`: deletes one rules group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyDelRequest<F: Family> {
    /// 规则组id.
    pub strategy_id: i64,
    #[serde(skip)]
    family: PhantomData<F>,
}

impl<F: Family> StrategyDelRequest<F> {
    /// Deletes rules group `strategy_id`.
    pub fn new(strategy_id: i64) -> Self {
        Self {
            strategy_id,
            family: PhantomData,
        }
    }
}

fn check_admins(admins: &[String], min: usize) -> Result<()> {
    check::count_between("admin_list", admins.len(), min, MAX_ADMINS)?;
    match admins.iter().position(String::is_empty) {
        Some(i) => Err(Error::invalid_request(format!(
            "admin_list[{i}] is an empty userid"
        ))),
        None => Ok(()),
    }
}
