//! What a rule is made of: its words, the extra semantics it blocks, how it intercepts and where it
//! applies, with their documented limits.

use serde::{Deserialize, Serialize};
use wecom_core::{check, Error, Result};

/// Longest `rule_name`, in characters (长度1~20个utf8字符).
pub const MAX_RULE_NAME_CHARS: usize = 20;
/// Most words of one rule (列表大小不能超过300个).
pub const MAX_WORDS: usize = 300;
/// Longest word, in characters (敏感词长度1~32个utf8字符).
pub const MAX_WORD_CHARS: usize = 32;
/// Most members, and most departments, of one `applicable_range` (最多支持传1000个节点).
pub const MAX_RANGE_NODES: usize = 1_000;
/// Most rules a corp may have (企业敏感词规则条数上限为100个); WeCom refuses the 101st.
pub const MAX_RULES_PER_CORP: usize = 100;

wecom_core::int_enum! {
    /// 额外的拦截语义规则: what a rule blocks besides its words.
    pub enum Semantics {
        /// 1: 手机号.
        PhoneNumber = 1,
        /// 2: 邮箱地址.
        Email = 2,
        /// 3: 红包.
        RedPacket = 3,
    }
}

wecom_core::int_enum! {
    /// 拦截方式.
    pub enum InterceptType {
        /// 1: 警告并拦截发送.
        WarnAndBlock = 1,
        /// 2: 仅发警告.
        WarnOnly = 2,
    }
}

impl Default for InterceptType {
    /// `Unknown(0)`: WeCom did not say.
    fn default() -> Self {
        Self::Unknown(0)
    }
}

/// 敏感词适用范围: members and departments within the app's visible range.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ApplicableRange {
    /// 可使用的userid列表, at most [`MAX_RANGE_NODES`] per call.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub user_list: Vec<String>,
    /// 可使用的部门列表, at most [`MAX_RANGE_NODES`] per call.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub department_list: Vec<i64>,
}

impl ApplicableRange {
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

    /// True when it names no member and no department.
    pub fn is_empty(&self) -> bool {
        self.user_list.is_empty() && self.department_list.is_empty()
    }

    /// Checks at most 1000 members and 1000 departments; errors name `{field}.user_list`.
    pub fn check(&self, field: &str) -> Result<()> {
        check::count_between(
            &format!("{field}.user_list"),
            self.user_list.len(),
            0,
            MAX_RANGE_NODES,
        )?;
        check::count_between(
            &format!("{field}.department_list"),
            self.department_list.len(),
            0,
            MAX_RANGE_NODES,
        )
    }
}

/// `extra_rule` of the get and update calls.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ExtraRule {
    /// 额外的拦截语义规则; in an update, empty clears them all.
    pub semantics_list: Vec<Semantics>,
}

/// Checks a rule name of 1 ..= 20 characters.
pub(crate) fn check_name(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::invalid_request("rule_name is empty"));
    }
    check::max_chars("rule_name", name, MAX_RULE_NAME_CHARS)
}

/// Checks 1 ..= 300 words of 1 ..= 32 characters each.
pub(crate) fn check_words(words: &[String]) -> Result<()> {
    check::count_between("word_list", words.len(), 1, MAX_WORDS)?;
    for (i, word) in words.iter().enumerate() {
        if word.is_empty() {
            return Err(Error::invalid_request(format!("word_list[{i}] is empty")));
        }
        check::max_chars(&format!("word_list[{i}]"), word, MAX_WORD_CHARS)?;
    }
    Ok(())
}
