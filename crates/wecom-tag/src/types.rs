//! Request and response types of 企业客户标签, each request beside its endpoint description.

mod corp_tag;
mod edit;
mod mark;
mod strategy_tag;

pub use corp_tag::{
    AddCorpTagRequest, AddCorpTagResponse, CorpTag, CorpTagGroup, GetCorpTagListRequest,
    GetCorpTagListResponse, NewCorpTag,
};
pub use edit::{DelCorpTagRequest, EditCorpTagRequest, MAX_TAG_NAME_CHARS};
pub use mark::MarkTagRequest;
pub use strategy_tag::{
    AddStrategyTagRequest, DelStrategyTagRequest, EditStrategyTagRequest, GetStrategyTagListRequest,
};
