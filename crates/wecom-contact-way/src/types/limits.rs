//! Limits WeCom documents for 「联系我」 requests, and the checks shared by add and update.

use wecom_core::{Error, Result};

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
        max_chars("remark", self.remark, MAX_REMARK_CHARS)?;
        max_chars("state", self.state, MAX_STATE_CHARS)?;
        max_len("user", self.user.len(), MAX_USERS)?;
        max_len("party", self.party.len(), MAX_PARTIES)?;
        max_secs("expires_in", self.expires_in)?;
        max_secs("chat_expires_in", self.chat_expires_in)?;
        if let Some(conclusions) = self.conclusions {
            conclusions.check()?;
        }
        Ok(())
    }
}

fn max_chars(field: &str, value: Option<&str>, max: usize) -> Result<()> {
    let count = value.map_or(0, |v| v.chars().count());
    if count > max {
        return Err(Error::invalid_request(format!(
            "{field} has {count} characters; at most {max} allowed"
        )));
    }
    Ok(())
}

fn max_len(field: &str, len: usize, max: usize) -> Result<()> {
    if len > max {
        return Err(Error::invalid_request(format!(
            "{field} has {len} entries; at most {max} allowed"
        )));
    }
    Ok(())
}

fn max_secs(field: &str, value: Option<u32>) -> Result<()> {
    match value {
        Some(v) if v > MAX_TEMP_EXPIRES_IN => Err(Error::invalid_request(format!(
            "{field} is {v} s; at most {MAX_TEMP_EXPIRES_IN} s (14 days) allowed"
        ))),
        _ => Ok(()),
    }
}
