//! Small pieces shared by the group-chat requests and answers.

use serde::{Deserialize, Serialize};
use wecom_core::{check, Result};

/// Most owners in an [`OwnerFilter`] (群主ID列表。最多100个).
pub const MAX_OWNER_FILTER: usize = 100;

wecom_core::int_enum! {
    /// A 0/1 switch that WeCom sends as an integer (`need_name`, `auto_create_room`).
    #[derive(Default)]
    pub enum Flag {
        /// 0: 否.
        #[default]
        No = 0,
        /// 1: 是.
        Yes = 1,
    }
}

impl From<bool> for Flag {
    fn from(value: bool) -> Self {
        if value {
            Self::Yes
        } else {
            Self::No
        }
    }
}

/// 群主过滤: only the groups these members own.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct OwnerFilter {
    /// 群主ID列表 (members' userids), at most [`MAX_OWNER_FILTER`].
    pub userid_list: Vec<String>,
}

impl OwnerFilter {
    /// A filter on these owners.
    pub fn new<I, S>(userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            userid_list: userids.into_iter().map(Into::into).collect(),
        }
    }

    pub(crate) fn check(&self) -> Result<()> {
        let count = self.userid_list.len();
        check::count_between("owner_filter.userid_list", count, 0, MAX_OWNER_FILTER)
    }
}
