//! Who a link hands customers to: its range, and the priority option for members who already have the
//! customer as a friend.

use serde::{Deserialize, Serialize};
use wecom_core::{check, Error, Result};

/// Most members of a link's range, counted after departments are expanded (最多500人); the SDK can
/// check only `user_list`, WeCom checks the departments' members too.
pub const MAX_RANGE_USERS: usize = 500;
/// Most members of `priority_userid_list` (最多1000个).
pub const MAX_PRIORITY_USERS: usize = 1_000;

/// Who a link hands customers to (`range`): members and departments, not both empty.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct LinkRange {
    /// 此获客链接关联的userid列表, at most [`MAX_RANGE_USERS`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub user_list: Vec<String>,
    /// 此获客链接关联的部门id列表 (their members count toward the 500 too).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub department_list: Vec<i64>,
}

impl LinkRange {
    /// These members.
    pub fn users<I, S>(userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            user_list: userids.into_iter().map(Into::into).collect(),
            department_list: Vec::new(),
        }
    }

    /// And these departments.
    pub fn departments(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
        self.department_list = ids.into_iter().collect();
        self
    }

    /// Checks: not both lists empty, at most 500 members.
    pub fn check(&self) -> Result<()> {
        if self.user_list.is_empty() && self.department_list.is_empty() {
            return Err(Error::invalid_request(
                "range: user_list and department_list are both empty; one is required",
            ));
        }
        check::count_between("range.user_list", self.user_list.len(), 0, MAX_RANGE_USERS)
    }
}

wecom_core::int_enum! {
    /// 优先分配类型 of `priority_option` (only some business categories may use it).
    pub enum PriorityType {
        /// 1: 全企业范围内优先分配给有好友关系的成员.
        WholeCorp = 1,
        /// 2: 指定范围内优先分配有好友关系的成员 (`priority_userid_list`).
        Listed = 2,
    }
}

impl Default for PriorityType {
    /// `Unknown(0)`: WeCom did not say.
    fn default() -> Self {
        Self::Unknown(0)
    }
}

/// `priority_option`: hand a customer to a member who already has them as a friend.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct PriorityOption {
    /// 优先分配类型.
    pub priority_type: PriorityType,
    /// The members of [`PriorityType::Listed`], at most [`MAX_PRIORITY_USERS`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub priority_userid_list: Vec<String>,
}

impl PriorityOption {
    /// [`PriorityType::WholeCorp`].
    pub fn whole_corp() -> Self {
        Self {
            priority_type: PriorityType::WholeCorp,
            priority_userid_list: Vec::new(),
        }
    }

    /// [`PriorityType::Listed`] with these members.
    pub fn listed<I, S>(userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            priority_type: PriorityType::Listed,
            priority_userid_list: userids.into_iter().map(Into::into).collect(),
        }
    }

    /// Checks at most 1000 listed members.
    pub fn check(&self) -> Result<()> {
        check::count_between(
            "priority_option.priority_userid_list",
            self.priority_userid_list.len(),
            0,
            MAX_PRIORITY_USERS,
        )
    }
}
