//! 修改敏感词规则 (doc 95097): only what is set changes; the range changes by what is added and removed.

use serde::{Deserialize, Serialize};
use wecom_core::{EmptyResponse, Result};

use super::shapes::{
    check_name, check_words, ApplicableRange, ExtraRule, InterceptType, Semantics,
};

/// The body of `POST /cgi-bin/externalcontact/update_intercept_rule` (修改敏感词规则): only rules this app
/// created (the 客户联系 app may change any).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UpdateInterceptRuleRequest {
    /// 规则id.
    pub rule_id: String,
    /// 新的规则名称, 1 ..= 20 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_name: Option<String>,
    /// 新的敏感词列表, 1 ..= 300 words of 1 ..= 32 characters (replacing the old list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_list: Option<Vec<String>>,
    /// 新的额外规则: the semantics it blocks, an empty list clearing them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_rule: Option<ExtraRule>,
    /// 新的拦截方式.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intercept_type: Option<InterceptType>,
    /// 需要新增的使用范围 (at most 1000 members and 1000 departments per call; a rule holds at most
    /// 10000 members, beyond which WeCom suggests departments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_applicable_range: Option<ApplicableRange>,
    /// 需要删除的使用范围.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remove_applicable_range: Option<ApplicableRange>,
}

impl UpdateInterceptRuleRequest {
    /// Changes rule `rule_id`; set what changes.
    pub fn new(rule_id: impl Into<String>) -> Self {
        Self {
            rule_id: rule_id.into(),
            rule_name: None,
            word_list: None,
            extra_rule: None,
            intercept_type: None,
            add_applicable_range: None,
            remove_applicable_range: None,
        }
    }

    /// Renames the rule.
    pub fn rule_name(mut self, v: impl Into<String>) -> Self {
        self.rule_name = Some(v.into());
        self
    }

    /// Replaces the words.
    pub fn word_list<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.word_list = Some(words.into_iter().map(Into::into).collect());
        self
    }

    /// Replaces the extra semantics (none: clears them).
    pub fn semantics(mut self, v: impl IntoIterator<Item = Semantics>) -> Self {
        self.extra_rule = Some(ExtraRule {
            semantics_list: v.into_iter().collect(),
        });
        self
    }

    /// Changes how the rule intercepts.
    pub fn intercept_type(mut self, v: InterceptType) -> Self {
        self.intercept_type = Some(v);
        self
    }

    /// Adds these members and departments to the range.
    pub fn add_range(mut self, v: ApplicableRange) -> Self {
        self.add_applicable_range = Some(v);
        self
    }

    /// Removes these members and departments from the range.
    pub fn remove_range(mut self, v: ApplicableRange) -> Self {
        self.remove_applicable_range = Some(v);
        self
    }

    /// Checks what is set as [`AddInterceptRuleRequest::check`](super::AddInterceptRuleRequest::check)
    /// does, and each range change at most 1000 members and 1000 departments.
    pub fn check(&self) -> Result<()> {
        if let Some(name) = &self.rule_name {
            check_name(name)?;
        }
        if let Some(words) = &self.word_list {
            check_words(words)?;
        }
        if let Some(range) = &self.add_applicable_range {
            range.check("add_applicable_range")?;
        }
        if let Some(range) = &self.remove_applicable_range {
            range.check("remove_applicable_range")?;
        }
        Ok(())
    }
}

wecom_core::impl_endpoint!(UpdateInterceptRuleRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/update_intercept_rule", Idempotent,
    validate = UpdateInterceptRuleRequest::check);
