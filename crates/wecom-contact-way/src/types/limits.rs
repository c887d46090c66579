//! Limits WeCom documents for 「联系我」 requests, and the checks shared by add and update.

use wecom_core::check::{between, count_between, max_chars};
use wecom_core::Result;

use super::Conclusions;

/// Longest `state`, in characters.
pub const MAX_STATE_CHARS: usize = 30;
/// Longest `remark`, in characters.
pub const MAX_REMARK_CHARS: usize = 30;
/// Most members of one way ("每个联系方式最多配置100个使用成员（包含部门展开后的成员）"). WeCom
/// also counts the members of the listed departments, which only it can expand.
pub const MAX_USERS: usize = 100;
/// Most departments of one way (each department brings at least as many members as WeCom counts).
pub const MAX_PARTIES: usize = 100;
/// Longest `expires_in` and `chat_expires_in` of a temporary chat: 14 days, in seconds.
pub const MAX_TEMP_EXPIRES_IN: u32 = 14 * 24 * 60 * 60;
/// Largest `limit` of `list_contact_way`.
pub const MAX_LIST_LIMIT: u32 = 1000;

/// The fields add and update share, borrowed for checking.
pub(crate) struct Shared<'a> {
    pub remark: Option<&'a str>,
    pub state: Option<&'a str>,
    pub user: &'a [String],
    pub party: &'a [i64],
    pub expires_in: Option<u32>,
    pub chat_expires_in: Option<u32>,
    pub conclusions: Option<&'a Conclusions>,
}

impl Shared<'_> {
    pub(crate) fn check(&self) -> Result<()> {
        max_chars("remark", self.remark.unwrap_or_default(), MAX_REMARK_CHARS)?;
        max_chars("state", self.state.unwrap_or_default(), MAX_STATE_CHARS)?;
        count_between("user", self.user.len(), 0, MAX_USERS)?;
        count_between("party", self.party.len(), 0, MAX_PARTIES)?;
        for (field, secs) in [
            ("expires_in", self.expires_in),
            ("chat_expires_in", self.chat_expires_in),
        ] {
            between(
                field,
                secs.unwrap_or(0).into(),
                0,
                MAX_TEMP_EXPIRES_IN.into(),
            )?;
        }
        if let Some(conclusions) = self.conclusions {
            conclusions.check()?;
        }
        Ok(())
    }
}
