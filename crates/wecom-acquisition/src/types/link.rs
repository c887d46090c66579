//! 获客链接管理 (doc 97297): list, read, create, edit and delete acquisition links.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, EmptyResponse, Error, Result};

use super::range::{LinkRange, PriorityOption};

/// Most link ids per page of `list_link` (最大值100).
pub const MAX_LIST_LINK_LIMIT: u32 = 100;
/// Longest `link_name`, in characters (最长为30个字符).
pub const MAX_LINK_NAME_CHARS: usize = 30;

/// The body of `POST /cgi-bin/externalcontact/customer_acquisition/list_link` (获取获客链接列表): the
/// links still in use, a page of ids at a time.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ListLinkRequest {
    /// 返回的最大记录数, 1 ..= [`MAX_LIST_LINK_LIMIT`]; WeCom's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// 分页游标 from the previous page's `next_cursor`; absent on the first call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl ListLinkRequest {
    /// The first page, of WeCom's default size.
    pub fn new() -> Self {
        Self::default()
    }

    /// At most `v` ids per page (1 ..= 100).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Checks limit 1 ..= 100.
    pub fn check(&self) -> Result<()> {
        match self.limit {
            Some(limit) => check::between("limit", limit.into(), 1, MAX_LIST_LINK_LIMIT.into()),
            None => Ok(()),
        }
    }
}

wecom_core::impl_endpoint!(ListLinkRequest => ListLinkResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/list_link", Idempotent,
    validate = ListLinkRequest::check);

impl CursorRequest for ListLinkRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `list_link`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ListLinkResponse {
    /// link_id列表.
    pub link_id_list: Vec<String>,
    /// 分页游标 of the next page; empty when there is none.
    pub next_cursor: String,
}

impl Page for ListLinkResponse {
    type Item = String;
    fn into_items(self) -> Vec<String> {
        self.link_id_list
    }
}

impl CursorPage for ListLinkResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

/// The setters and the check that the create and update requests share.
macro_rules! link_fields {
    ($req:ident) => {
        impl $req {
            /// 是否无需验证 (WeCom's default: true).
            pub fn skip_verify(mut self, v: bool) -> Self {
                self.skip_verify = Some(v);
                self
            }

            /// 优先分配 to members who already have the customer as a friend.
            pub fn priority_option(mut self, v: PriorityOption) -> Self {
                self.priority_option = Some(v);
                self
            }

            /// 是否标记客户添加来源为该应用创建的获客链接 (「营销获客」 apps only; WeCom's default: true).
            pub fn mark_source(mut self, v: bool) -> Self {
                self.mark_source = Some(v);
                self
            }
        }
    };
}

fn check_link(
    name: Option<&str>,
    range: Option<&LinkRange>,
    priority: Option<&PriorityOption>,
) -> Result<()> {
    if let Some(name) = name {
        if name.is_empty() {
            return Err(Error::invalid_request("link_name is empty"));
        }
        check::max_chars("link_name", name, MAX_LINK_NAME_CHARS)?;
    }
    if let Some(range) = range {
        range.check()?;
    }
    if let Some(priority) = priority {
        priority.check()?;
    }
    Ok(())
}

/// The body of `POST /cgi-bin/externalcontact/customer_acquisition/create_link` (创建获客链接).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CreateLinkRequest {
    /// 链接名称, 1 ..= [`MAX_LINK_NAME_CHARS`] characters.
    pub link_name: String,
    /// 使用范围.
    pub range: LinkRange,
    /// 是否无需验证 (WeCom's default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// 优先分配选项.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_option: Option<PriorityOption>,
    /// 是否标记客户添加来源 (营销获客 apps only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

impl CreateLinkRequest {
    /// A link named `link_name` handing customers to `range`.
    pub fn new(link_name: impl Into<String>, range: LinkRange) -> Self {
        Self {
            link_name: link_name.into(),
            range,
            skip_verify: None,
            priority_option: None,
            mark_source: None,
        }
    }

    /// Checks the name (1 ..= 30 characters), the range (not empty, ≤ 500 members) and ≤ 1000
    /// priority members.
    pub fn check(&self) -> Result<()> {
        check_link(
            Some(&self.link_name),
            Some(&self.range),
            self.priority_option.as_ref(),
        )
    }
}

link_fields!(CreateLinkRequest);

wecom_core::impl_endpoint!(CreateLinkRequest => CreateLinkResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/create_link", NotIdempotent,
    validate = CreateLinkRequest::check);

/// The answer of `create_link`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct CreateLinkResponse {
    /// The new link.
    pub link: AcquisitionLink,
}

/// 获客链接, as `create_link` and `get` answer it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AcquisitionLink {
    /// 获客链接的id (answered by `create_link`; WeCom's `get` sample leaves it out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_id: Option<String>,
    /// 获客链接的名称.
    pub link_name: String,
    /// 获客链接实际的url. Append `?customer_channel=STATE` (≤ 64 bytes) to tell channels apart: the
    /// customers added through it carry that `state`.
    pub url: String,
    /// 创建时间 (unix seconds).
    pub create_time: i64,
    /// 是否无需验证 (answered by `get`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// 是否标记客户添加来源 (answered by `get`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

/// The body of `POST /cgi-bin/externalcontact/customer_acquisition/get` (获取获客链接详情).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetLinkRequest {
    /// 获客链接id.
    pub link_id: String,
}

impl GetLinkRequest {
    /// Reads link `link_id`.
    pub fn new(link_id: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(GetLinkRequest => GetLinkResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/get", Idempotent);

/// The answer of `get`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetLinkResponse {
    /// The link.
    pub link: AcquisitionLink,
    /// 使用范围.
    pub range: LinkRange,
    /// 优先分配选项, when the link has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority_option: Option<PriorityOption>,
}

/// The body of `POST /cgi-bin/externalcontact/customer_acquisition/update_link` (编辑获客链接): only
/// the fields set are changed, but a `range` given replaces the whole range (覆盖更新).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UpdateLinkRequest {
    /// 获客链接的id (one this app created).
    pub link_id: String,
    /// 新的链接名称, 1 ..= [`MAX_LINK_NAME_CHARS`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_name: Option<String>,
    /// 新的使用范围, replacing the old one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<LinkRange>,
    /// 是否无需验证.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// 优先分配选项.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_option: Option<PriorityOption>,
    /// 是否标记客户添加来源 (营销获客 apps only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

impl UpdateLinkRequest {
    /// Changes link `link_id`; set what changes.
    pub fn new(link_id: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
            link_name: None,
            range: None,
            skip_verify: None,
            priority_option: None,
            mark_source: None,
        }
    }

    /// Renames the link.
    pub fn link_name(mut self, v: impl Into<String>) -> Self {
        self.link_name = Some(v.into());
        self
    }

    /// Replaces the whole range.
    pub fn range(mut self, v: LinkRange) -> Self {
        self.range = Some(v);
        self
    }

    /// Checks what is set as [`CreateLinkRequest::check`] does.
    pub fn check(&self) -> Result<()> {
        check_link(
            self.link_name.as_deref(),
            self.range.as_ref(),
            self.priority_option.as_ref(),
        )
    }
}

link_fields!(UpdateLinkRequest);

wecom_core::impl_endpoint!(UpdateLinkRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/update_link", Idempotent,
    validate = UpdateLinkRequest::check);

/// The body of `POST /cgi-bin/externalcontact/customer_acquisition/delete_link` (删除获客链接): the link
/// stops working. Like every 客户联系 change made through the API, it sends no callback (no
/// `delete_link` event).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DeleteLinkRequest {
    /// 获客链接的id.
    pub link_id: String,
}

impl DeleteLinkRequest {
    /// Deletes link `link_id`.
    pub fn new(link_id: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(DeleteLinkRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/delete_link", Idempotent);
