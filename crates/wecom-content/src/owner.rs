//! [`OwnerFilter`]: 群主过滤, the owner filter of the customer-group list and the group statistics.

use serde::{Deserialize, Serialize};
use wecom_core::{check, Result};

/// Most owners in an [`OwnerFilter`] (群主ID列表。最多100个, doc 92120 and 92133).
pub const MAX_OWNER_FILTER: usize = 100;

/// 群主过滤: only the groups these members own. `{"userid_list": ["zhangsan"]}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
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

    /// Checks at most [`MAX_OWNER_FILTER`] owners; errors name `owner_filter.userid_list`.
    pub fn check(&self) -> Result<()> {
        let count = self.userid_list.len();
        check::count_between("owner_filter.userid_list", count, 0, MAX_OWNER_FILTER)
    }
}
