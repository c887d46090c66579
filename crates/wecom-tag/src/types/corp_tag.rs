//! 获取企业标签库 and 添加企业客户标签: the tag library and its groups.

use serde::{Deserialize, Serialize};
use wecom_core::check::max_chars;
use wecom_core::{Error, Result};

use super::MAX_TAG_NAME_CHARS;

/// A tag group (标签组) with its tags: a corp tag group, or (with [`strategy_id`](Self::strategy_id)) the
/// tag group of a rules group (规则组标签), so that tags are handled alike wherever they come from.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct CorpTagGroup {
    /// 标签组id.
    pub group_id: String,
    /// 标签组名称.
    pub group_name: String,
    /// 标签组创建时间 (Unix seconds).
    pub create_time: i64,
    /// 标签组排序的次序值; larger values sort first.
    pub order: i64,
    /// 标签组是否已经被删除; only returned when querying by `tag_id` / `group_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// 标签组所属的规则组id: set on the groups of `get_strategy_tag_list`, absent on corp tag groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategy_id: Option<i64>,
    /// 标签组内的标签列表.
    pub tag: Vec<CorpTag>,
}

/// A tag (标签) of a group.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct CorpTag {
    /// 标签id.
    pub id: String,
    /// 标签名称.
    pub name: String,
    /// 标签创建时间 (Unix seconds).
    pub create_time: i64,
    /// 标签排序的次序值; larger values sort first.
    pub order: i64,
    /// 标签是否已经被删除; only returned when querying by `tag_id` / `group_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// The body of `get_corp_tag_list`. With neither `tag_id` nor `group_id` WeCom returns every tag; with
/// both it filters by `group_id` only.
///
/// ```
/// use wecom_tag::GetCorpTagListRequest;
/// let req = GetCorpTagListRequest::new().group_id(["etXXXXXXXXXX"]);
/// assert!(req.tag_id.is_empty());
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GetCorpTagListRequest {
    /// 要查询的标签id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_id: Vec<String>,
    /// 要查询的标签组id; takes precedence over `tag_id`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_id: Vec<String>,
}

impl GetCorpTagListRequest {
    /// Every tag of the corp.
    pub fn new() -> Self {
        Self::default()
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

/// The answer of `get_corp_tag_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetCorpTagListResponse {
    /// 标签组列表.
    pub tag_group: Vec<CorpTagGroup>,
}

wecom_core::impl_endpoint!(GetCorpTagListRequest => GetCorpTagListResponse,
    Post "/cgi-bin/externalcontact/get_corp_tag_list", Idempotent);

/// A tag to create: `tag[{name, order}]` of `add_corp_tag`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NewCorpTag {
    /// 添加的标签名称 (required), at most 30 characters.
    pub name: String,
    /// 标签次序值; larger values sort first, range [0, 2^32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

impl NewCorpTag {
    /// A tag named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            order: None,
        }
    }

    /// Sets the order (larger sorts first).
    pub fn order(mut self, v: u32) -> Self {
        self.order = Some(v);
        self
    }
}

impl<S: Into<String>> From<S> for NewCorpTag {
    fn from(name: S) -> Self {
        Self::new(name)
    }
}

/// The body of `add_corp_tag`: tags added to an existing group ([`in_group`](Self::in_group)) or to a
/// group found or created by name ([`new_group`](Self::new_group)). Empty groups cannot be created;
/// duplicate names within a group create one tag.
///
/// ```
/// use wecom_tag::{AddCorpTagRequest, NewCorpTag};
/// let req = AddCorpTagRequest::new_group("客户等级", ["一般", "重要"])
///     .order(1)
///     .tag(NewCorpTag::new("核心").order(9));
/// assert_eq!(req.tag.len(), 3);
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AddCorpTagRequest {
    /// 标签组id; when set, `group_name` and `order` are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// 标签组名称, at most 30 characters; an existing name adds to that group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// 标签组次序值; larger values sort first, range [0, 2^32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The tags to add (at least one).
    #[serde(default)]
    pub tag: Vec<NewCorpTag>,
    /// 授权方安装的应用agentid; only old third-party multi-app suites need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl AddCorpTagRequest {
    /// Adds `tags` to the existing group `group_id`.
    pub fn in_group<I, T>(group_id: impl Into<String>, tags: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<NewCorpTag>,
    {
        Self::with(Some(group_id.into()), None, tags)
    }

    /// Adds `tags` to the group named `group_name`, creating it if it does not exist.
    pub fn new_group<I, T>(group_name: impl Into<String>, tags: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<NewCorpTag>,
    {
        Self::with(None, Some(group_name.into()), tags)
    }

    fn with<I, T>(group_id: Option<String>, group_name: Option<String>, tags: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<NewCorpTag>,
    {
        Self {
            group_id,
            group_name,
            order: None,
            tag: tags.into_iter().map(Into::into).collect(),
            agentid: None,
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

    /// Sets the agentid (old third-party multi-app suites only).
    pub fn agentid(mut self, v: i64) -> Self {
        self.agentid = Some(v);
        self
    }

    /// Checks the documented limits: `group_id` or `group_name`, at least one tag, names of at most
    /// 30 characters.
    pub fn check(&self) -> Result<()> {
        check_new_tags(
            self.group_id.as_deref(),
            self.group_name.as_deref(),
            &self.tag,
        )
    }
}

/// The rules `add_corp_tag` and `add_strategy_tag` share: `group_id` or `group_name`, at least one tag,
/// names present and of at most 30 characters.
pub(crate) fn check_new_tags(
    group_id: Option<&str>,
    group_name: Option<&str>,
    tags: &[NewCorpTag],
) -> Result<()> {
    if group_id.is_none_or(str::is_empty) && group_name.is_none_or(str::is_empty) {
        return Err(Error::invalid_request(
            "group_id or group_name is required (an existing group, or a group to create)",
        ));
    }
    if tags.is_empty() {
        return Err(Error::invalid_request(
            "tag: at least one tag is required (empty groups cannot be created)",
        ));
    }
    if let Some(name) = group_name {
        max_chars("group_name", name, MAX_TAG_NAME_CHARS)?;
    }
    for (i, tag) in tags.iter().enumerate() {
        if tag.name.is_empty() {
            return Err(Error::invalid_request(format!("tag[{i}].name is required")));
        }
        max_chars(&format!("tag[{i}].name"), &tag.name, MAX_TAG_NAME_CHARS)?;
    }
    Ok(())
}

/// The answer of `add_corp_tag`: the group with the tags just created.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AddCorpTagResponse {
    /// 标签组 and its new tags.
    pub tag_group: CorpTagGroup,
}

wecom_core::impl_endpoint!(AddCorpTagRequest => AddCorpTagResponse,
    Post "/cgi-bin/externalcontact/add_corp_tag", NotIdempotent,
    validate = AddCorpTagRequest::check);
