//! 编辑企业客户标签 and 删除企业客户标签.

use serde::{Deserialize, Serialize};
use wecom_core::{EmptyResponse, Error, Result};

use wecom_core::check::max_chars;

/// Longest tag or group name, in characters.
pub const MAX_TAG_NAME_CHARS: usize = 30;

/// The body of `edit_corp_tag`: renames or reorders one tag or tag group.
///
/// ```
/// use wecom_tag::EditCorpTagRequest;
/// let req = EditCorpTagRequest::new("etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA").name("重要客户").order(5);
/// assert_eq!(req.order, Some(5));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EditCorpTagRequest {
    /// 标签或标签组的id (required).
    pub id: String,
    /// 新的标签或标签组名称, at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 标签/标签组的次序值; larger values sort first, range [0, 2^32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// 授权方安装的应用agentid; only old third-party multi-app suites need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl EditCorpTagRequest {
    /// An edit of the tag or group `id` that changes nothing yet.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: None,
            order: None,
            agentid: None,
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

    /// Sets the agentid (old third-party multi-app suites only).
    pub fn agentid(mut self, v: i64) -> Self {
        self.agentid = Some(v);
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

wecom_core::impl_endpoint!(EditCorpTagRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/edit_corp_tag", Idempotent,
    validate = EditCorpTagRequest::check);

/// The body of `del_corp_tag`. A group whose tags are all deleted is deleted too.
///
/// ```
/// use wecom_tag::DelCorpTagRequest;
/// let req = DelCorpTagRequest::new().tag_id(["TAG_ID_1"]).group_id(["GROUP_ID_1"]);
/// assert!(req.check().is_ok());
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DelCorpTagRequest {
    /// 标签的id列表.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_id: Vec<String>,
    /// 标签组的id列表.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_id: Vec<String>,
    /// 授权方安装的应用agentid; only old third-party multi-app suites need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl DelCorpTagRequest {
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

    /// Sets the agentid (old third-party multi-app suites only).
    pub fn agentid(mut self, v: i64) -> Self {
        self.agentid = Some(v);
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

wecom_core::impl_endpoint!(DelCorpTagRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/del_corp_tag", Idempotent,
    validate = DelCorpTagRequest::check);
