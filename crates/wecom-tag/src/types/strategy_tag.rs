//! 规则组标签 (doc 94882): the tags of a customer rules group (客户联系规则组). They share the corp tags'
//! model: the answers are [`GetCorpTagListResponse`] and [`AddCorpTagResponse`], whose groups carry a
//! `strategy_id`, and new tags are [`NewCorpTag`]s.

use serde::{Deserialize, Serialize};
use wecom_core::check::max_chars;
use wecom_core::{EmptyResponse, Error, Result};

use super::corp_tag::check_new_tags;
use super::{AddCorpTagResponse, GetCorpTagListResponse, NewCorpTag, MAX_TAG_NAME_CHARS};

/// The body of `get_strategy_tag_list`: the tags of one rules group (or of every one, without
/// `strategy_id`), all or filtered as in `get_corp_tag_list` (with both filters WeCom uses `group_id`).
///
/// ```
/// use wecom_tag::GetStrategyTagListRequest;
/// let req = GetStrategyTagListRequest::new(1).group_id(["etXXXXXXXXXX"]);
/// assert_eq!(req.strategy_id, Some(1));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GetStrategyTagListRequest {
    /// 规则组id; optional in WeCom's documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy_id: Option<i64>,
    /// 要查询的标签id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_id: Vec<String>,
    /// 要查询的标签组id; takes precedence over `tag_id`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_id: Vec<String>,
}

impl GetStrategyTagListRequest {
    /// Every tag of rules group `strategy_id`.
    pub fn new(strategy_id: i64) -> Self {
        Self {
            strategy_id: Some(strategy_id),
            ..Self::default()
        }
    }

    /// Only these tags.
    pub fn tag_id<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tag_id = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Only these groups.
    pub fn group_id<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.group_id = ids.into_iter().map(Into::into).collect();
        self
    }
}

wecom_core::impl_endpoint!(GetStrategyTagListRequest => GetCorpTagListResponse,
    Post "/cgi-bin/externalcontact/get_strategy_tag_list", Idempotent);

/// The body of `add_strategy_tag`: tags added to a group of rules group `strategy_id`, found by id
/// ([`in_group`](Self::in_group)) or by name, created when new ([`new_group`](Self::new_group)). Only
/// first-level rules groups take tags; corp and rules-group tags together are limited to 3000.
///
/// ```
/// use wecom_tag::{AddStrategyTagRequest, NewCorpTag};
/// let req = AddStrategyTagRequest::new_group(1, "华南客户", ["广州"]).tag(NewCorpTag::new("深圳").order(2));
/// assert!(req.check().is_ok());
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AddStrategyTagRequest {
    /// 规则组id (required).
    pub strategy_id: i64,
    /// 标签组id; when set, `group_name` and `order` are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// 标签组名称, at most 30 characters; the name of a group of this rules group adds to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// 标签组次序值; larger values sort first, range [0, 2^32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The tags to add (at least one).
    #[serde(default)]
    pub tag: Vec<NewCorpTag>,
}

impl AddStrategyTagRequest {
    /// Adds `tags` to the existing group `group_id` of rules group `strategy_id`.
    pub fn in_group<I, T>(strategy_id: i64, group_id: impl Into<String>, tags: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<NewCorpTag>,
    {
        Self::with(strategy_id, Some(group_id.into()), None, tags)
    }

    /// Adds `tags` to the group named `group_name` of rules group `strategy_id`, creating it if needed.
    pub fn new_group<I, T>(strategy_id: i64, group_name: impl Into<String>, tags: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<NewCorpTag>,
    {
        Self::with(strategy_id, None, Some(group_name.into()), tags)
    }

    fn with<I, T>(
        strategy_id: i64,
        group_id: Option<String>,
        group_name: Option<String>,
        tags: I,
    ) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<NewCorpTag>,
    {
        Self {
            strategy_id,
            group_id,
            group_name,
            order: None,
            tag: tags.into_iter().map(Into::into).collect(),
        }
    }

    /// Adds one more tag.
    pub fn tag(mut self, tag: impl Into<NewCorpTag>) -> Self {
        self.tag.push(tag.into());
        self
    }

    /// Sets the order of a new group.
    pub fn order(mut self, v: u32) -> Self {
        self.order = Some(v);
        self
    }

    /// Checks the documented limits, as for `add_corp_tag`: `group_id` or `group_name`, at least one
    /// tag, names of at most 30 characters.
    pub fn check(&self) -> Result<()> {
        check_new_tags(
            self.group_id.as_deref(),
            self.group_name.as_deref(),
            &self.tag,
        )
    }
}

wecom_core::impl_endpoint!(AddStrategyTagRequest => AddCorpTagResponse,
    Post "/cgi-bin/externalcontact/add_strategy_tag", NotIdempotent,
    validate = AddStrategyTagRequest::check);

/// The body of `edit_strategy_tag`: renames or reorders one tag or tag group of a rules group (it cannot
/// move to another rules group).
///
/// ```
/// use wecom_tag::EditStrategyTagRequest;
/// let req = EditStrategyTagRequest::new("etXXXXXXXXXX").name("重点客户").order(3);
/// assert!(req.check().is_ok());
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EditStrategyTagRequest {
    /// 标签或标签组的id (required).
    pub id: String,
    /// 新的标签或标签组名称, at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 标签/标签组的次序值; larger values sort first, range [0, 2^32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

impl EditStrategyTagRequest {
    /// An edit of the tag or group `id` that changes nothing yet.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: None,
            order: None,
        }
    }

    /// Sets the new name.
    pub fn name(mut self, v: impl Into<String>) -> Self {
        self.name = Some(v.into());
        self
    }

    /// Sets the new order.
    pub fn order(mut self, v: u32) -> Self {
        self.order = Some(v);
        self
    }

    /// Checks the documented limit: `name` ≤ 30 characters.
    pub fn check(&self) -> Result<()> {
        match &self.name {
            Some(name) => max_chars("name", name, MAX_TAG_NAME_CHARS),
            None => Ok(()),
        }
    }
}

wecom_core::impl_endpoint!(EditStrategyTagRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/edit_strategy_tag", Idempotent,
    validate = EditStrategyTagRequest::check);

/// The body of `del_strategy_tag`: tags and/or whole groups of rules groups. A group whose tags are all
/// deleted is deleted too.
///
/// ```
/// use wecom_tag::DelStrategyTagRequest;
/// assert!(DelStrategyTagRequest::new().check().is_err());
/// assert!(DelStrategyTagRequest::new().group_id(["GROUP_ID_1"]).check().is_ok());
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DelStrategyTagRequest {
    /// 标签的id列表.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_id: Vec<String>,
    /// 标签组的id列表.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_id: Vec<String>,
}

impl DelStrategyTagRequest {
    /// A deletion of nothing yet; set `tag_id` or `group_id`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Deletes these tags.
    pub fn tag_id<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tag_id = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Deletes these groups with all their tags.
    pub fn group_id<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.group_id = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Checks the documented rule: `tag_id` and `group_id` may not both be empty.
    pub fn check(&self) -> Result<()> {
        if self.tag_id.is_empty() && self.group_id.is_empty() {
            return Err(Error::invalid_request(
                "tag_id and group_id may not both be empty",
            ));
        }
        Ok(())
    }
}

wecom_core::impl_endpoint!(DelStrategyTagRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/del_strategy_tag", Idempotent,
    validate = DelStrategyTagRequest::check);
