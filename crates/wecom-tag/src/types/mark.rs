//! 编辑客户企业标签: `mark_tag`.

use serde::{Deserialize, Serialize};
use wecom_core::{EmptyResponse, Error, Result};

/// The body of `mark_tag`: adds and removes corp tags on one customer of one member.
///
/// ```
/// use wecom_tag::MarkTagRequest;
/// let req = MarkTagRequest::new("zhangsan", "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA")
///     .add_tag(["TAG_ID_1"])
///     .remove_tag(["TAG_ID_2"]);
/// assert!(req.check().is_ok());
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MarkTagRequest {
    /// 添加外部联系人的userid (the member).
    pub userid: String,
    /// 外部联系人userid; must be a customer of `userid`.
    pub external_userid: String,
    /// 要标记的标签列表.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_tag: Vec<String>,
    /// 要移除的标签列表.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_tag: Vec<String>,
}

impl MarkTagRequest {
    /// A change of the tags member `userid` set on customer `external_userid`.
    pub fn new(userid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
            external_userid: external_userid.into(),
            add_tag: Vec::new(),
            remove_tag: Vec::new(),
        }
    }

    /// Tags to add.
    pub fn add_tag<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.add_tag = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Tags to remove.
    pub fn remove_tag<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.remove_tag = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Checks the documented rule: `add_tag` and `remove_tag` may not both be empty.
    pub fn check(&self) -> Result<()> {
        if self.add_tag.is_empty() && self.remove_tag.is_empty() {
            return Err(Error::invalid_request(
                "add_tag and remove_tag may not both be empty",
            ));
        }
        Ok(())
    }
}

wecom_core::impl_endpoint!(MarkTagRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/mark_tag", Idempotent,
    validate = MarkTagRequest::check);
