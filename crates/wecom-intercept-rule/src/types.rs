//! Request and response types of 管理聊天敏感词, each request beside its endpoint description.

mod rule;
mod shapes;
mod update;

pub use rule::{
    AddInterceptRuleRequest, AddInterceptRuleResponse, DelInterceptRuleRequest,
    GetInterceptRuleListRequest, GetInterceptRuleListResponse, GetInterceptRuleRequest,
    GetInterceptRuleResponse, InterceptRule, InterceptRuleSummary,
};
pub use shapes::{
    ApplicableRange, ExtraRule, InterceptType, Semantics, MAX_RANGE_NODES, MAX_RULES_PER_CORP,
    MAX_RULE_NAME_CHARS, MAX_WORDS, MAX_WORD_CHARS,
};
pub use update::UpdateInterceptRuleRequest;
