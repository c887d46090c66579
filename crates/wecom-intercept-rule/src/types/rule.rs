//! 新建, 获取列表, 获取详情 and 删除 of sensitive-word rules (doc 95097).

use serde::{Deserialize, Serialize};
use wecom_core::{EmptyResponse, Error, Result};

use super::shapes::{
    check_name, check_words, ApplicableRange, ExtraRule, InterceptType, Semantics,
};

/// The body of `POST /cgi-bin/externalcontact/add_intercept_rule` (新建敏感词规则).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AddInterceptRuleRequest {
    /// 规则名称, 1 ..= 20 characters.
    pub rule_name: String,
    /// 敏感词列表, 1 ..= 300 words of 1 ..= 32 characters.
    pub word_list: Vec<String>,
    /// 额外的拦截语义规则.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub semantics_list: Vec<Semantics>,
    /// 拦截方式.
    pub intercept_type: InterceptType,
    /// 敏感词适用范围 (members and departments, not both empty).
    pub applicable_range: ApplicableRange,
}

impl AddInterceptRuleRequest {
    /// A rule `rule_name` blocking `words` the `intercept_type` way for `range`.
    pub fn new<I, S>(
        rule_name: impl Into<String>,
        words: I,
        intercept_type: InterceptType,
        range: ApplicableRange,
    ) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            rule_name: rule_name.into(),
            word_list: words.into_iter().map(Into::into).collect(),
            semantics_list: Vec::new(),
            intercept_type,
            applicable_range: range,
        }
    }

    /// Also blocks these semantics (phone numbers, email addresses, red packets).
    pub fn semantics(mut self, v: impl IntoIterator<Item = Semantics>) -> Self {
        self.semantics_list = v.into_iter().collect();
        self
    }

    /// Checks the name (1 ..= 20 characters), the words (1 ..= 300 of 1 ..= 32 characters) and the
    /// range (not empty, at most 1000 members and 1000 departments).
    pub fn check(&self) -> Result<()> {
        check_name(&self.rule_name)?;
        check_words(&self.word_list)?;
        if self.applicable_range.is_empty() {
            return Err(Error::invalid_request(
                "applicable_range: user_list and department_list are both empty; one is required",
            ));
        }
        self.applicable_range.check("applicable_range")
    }
}

wecom_core::impl_endpoint!(AddInterceptRuleRequest => AddInterceptRuleResponse,
    Post "/cgi-bin/externalcontact/add_intercept_rule", NotIdempotent,
    validate = AddInterceptRuleRequest::check);

/// The answer of `add_intercept_rule`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AddInterceptRuleResponse {
    /// 规则id.
    pub rule_id: String,
}

/// The (empty) query of `GET /cgi-bin/externalcontact/get_intercept_rule_list` (获取敏感词规则列表).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct GetInterceptRuleListRequest {}

wecom_core::impl_endpoint!(GetInterceptRuleListRequest => GetInterceptRuleListResponse,
    Get "/cgi-bin/externalcontact/get_intercept_rule_list", Idempotent);

/// The answer of `get_intercept_rule_list`: every rule of the corp.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetInterceptRuleListResponse {
    /// 规则列表.
    pub rule_list: Vec<InterceptRuleSummary>,
}

/// One rule of the list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct InterceptRuleSummary {
    /// 规则id.
    #[serde(deserialize_with = "wecom_core::lenient::string_from_any")]
    pub rule_id: String,
    /// 规则名称.
    pub rule_name: String,
    /// 创建时间 (unix seconds).
    pub create_time: i64,
}

/// The body of `POST /cgi-bin/externalcontact/get_intercept_rule` (获取敏感词规则详情).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetInterceptRuleRequest {
    /// 规则id.
    pub rule_id: String,
}

impl GetInterceptRuleRequest {
    /// Reads rule `rule_id`.
    pub fn new(rule_id: impl Into<String>) -> Self {
        Self {
            rule_id: rule_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(GetInterceptRuleRequest => GetInterceptRuleResponse,
    Post "/cgi-bin/externalcontact/get_intercept_rule", Idempotent);

/// The answer of `get_intercept_rule`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetInterceptRuleResponse {
    /// 规则详情.
    pub rule: InterceptRule,
}

/// 敏感词规则详情. The range lists only the members and departments in the app's visible range.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct InterceptRule {
    /// 规则id (WeCom's sample writes it as a number; read either way).
    #[serde(deserialize_with = "wecom_core::lenient::string_from_any")]
    pub rule_id: String,
    /// 规则名称.
    pub rule_name: String,
    /// 敏感词列表.
    pub word_list: Vec<String>,
    /// 额外的规则.
    pub extra_rule: ExtraRule,
    /// 拦截方式.
    pub intercept_type: InterceptType,
    /// 敏感词适用范围.
    pub applicable_range: ApplicableRange,
    /// 创建时间 (unix seconds; documented, absent from WeCom's sample).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
}

/// The body of `POST /cgi-bin/externalcontact/del_intercept_rule` (删除敏感词规则): only rules this app
/// created (the 客户联系 app may delete any).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DelInterceptRuleRequest {
    /// 规则id.
    pub rule_id: String,
}

impl DelInterceptRuleRequest {
    /// Deletes rule `rule_id`.
    pub fn new(rule_id: impl Into<String>) -> Self {
        Self {
            rule_id: rule_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(DelInterceptRuleRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/del_intercept_rule", Idempotent);
