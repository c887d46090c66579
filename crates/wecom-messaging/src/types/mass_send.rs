//! 创建企业群发, 提醒成员群发, 停止企业群发 (doc 92135, 97610, 97611).

use serde::{Deserialize, Serialize};
use wecom_core::{check, EmptyResponse, Error, Result};

use super::attachment::{check_message, Attachment, Text};

/// Most customers one `add_msg_template` call may name (doc 92135).
pub const MAX_EXTERNAL_USERIDS: usize = 10_000;
/// Most customer groups one `add_msg_template` call may name (doc 92135).
pub const MAX_CHAT_IDS: usize = 2_000;
/// Most bytes of a mass message's `text.content` (doc 92135).
pub const MAX_MSG_TEXT_BYTES: usize = wecom_content::MAX_TEXT_CONTENT_BYTES;

/// 群发任务的类型.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChatType {
    /// `single`: 发送给客户 (WeCom's default).
    #[default]
    Single,
    /// `group`: 发送给客户群.
    Group,
}

/// 要进行群发的客户标签列表: customers match when they carry a tag of every group.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct TagFilter {
    /// 标签组; a customer must match each group (AND), any tag of a group (OR).
    pub group_list: Vec<TagGroup>,
}

/// One group of [`TagFilter`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct TagGroup {
    /// 标签id列表.
    pub tag_list: Vec<String>,
}

impl TagFilter {
    /// A filter with one tag group per item.
    pub fn new<G, T>(groups: G) -> Self
    where
        G: IntoIterator<Item = T>,
        T: IntoIterator,
        T::Item: Into<String>,
    {
        Self {
            group_list: groups
                .into_iter()
                .map(|g| TagGroup {
                    tag_list: g.into_iter().map(Into::into).collect(),
                })
                .collect(),
        }
    }
}

/// The body of `add_msg_template` (创建企业群发).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AddMsgTemplateRequest {
    /// 群发任务的类型: `single` (customers) or `group` (customer groups).
    pub chat_type: ChatType,
    /// 客户的外部联系人id列表, only with `single`; at most 10 000.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_userid: Vec<String>,
    /// 客户群id列表, only with `group`; at most 2 000.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chat_id_list: Vec<String>,
    /// 要进行群发的客户标签列表, only with `single`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_filter: Option<TagFilter>,
    /// 发送企业群发消息的成员userid; required with `group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// 是否允许成员在待发送客户列表中重新进行选择 (default false; only with `single`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_select: Option<bool>,
    /// 消息文本内容, at most 4000 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// 附件, at most 9.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

impl AddMsgTemplateRequest {
    /// A mass message of the given type, with no recipients or content yet.
    pub fn new(chat_type: ChatType) -> Self {
        Self {
            chat_type,
            ..Self::default()
        }
    }

    /// A mass message to these customers (`chat_type` `single`).
    pub fn to_customers<I>(external_userid: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Self::new(ChatType::Single).external_userid(external_userid)
    }

    /// A mass message to the customer groups of `sender` (`chat_type` `group`).
    pub fn to_groups(sender: impl Into<String>) -> Self {
        Self::new(ChatType::Group).sender(sender)
    }

    /// Sets 客户的外部联系人id列表.
    pub fn external_userid<I>(mut self, v: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.external_userid = v.into_iter().map(Into::into).collect();
        self
    }

    /// Sets 客户群id列表.
    pub fn chat_id_list<I>(mut self, v: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.chat_id_list = v.into_iter().map(Into::into).collect();
        self
    }

    /// Sets 要进行群发的客户标签列表.
    pub fn tag_filter(mut self, v: TagFilter) -> Self {
        self.tag_filter = Some(v);
        self
    }

    /// Sets 发送企业群发消息的成员userid.
    pub fn sender(mut self, v: impl Into<String>) -> Self {
        self.sender = Some(v.into());
        self
    }

    /// Sets 是否允许成员在待发送客户列表中重新进行选择.
    pub fn allow_select(mut self, v: bool) -> Self {
        self.allow_select = Some(v);
        self
    }

    /// Sets 消息文本内容.
    pub fn text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(Text::new(content));
        self
    }

    /// Adds one attachment.
    pub fn attachment(mut self, v: impl Into<Attachment>) -> Self {
        self.attachments.push(v.into());
        self
    }

    /// Replaces the attachments.
    pub fn attachments(mut self, v: impl IntoIterator<Item = Attachment>) -> Self {
        self.attachments = v.into_iter().collect();
        self
    }

    /// Checks the documented limits: recipients, a sender for group messages, the content (link
    /// `url` and `picurl` ≤ 2048 bytes included).
    pub fn check(&self) -> Result<()> {
        let recipients = self.external_userid.len();
        check::count_between("external_userid", recipients, 0, MAX_EXTERNAL_USERIDS)?;
        check::count_between("chat_id_list", self.chat_id_list.len(), 0, MAX_CHAT_IDS)?;
        if self.chat_type == ChatType::Group && self.sender.as_deref().unwrap_or("").is_empty() {
            return Err(Error::invalid_request(
                "sender is required when chat_type is group",
            ));
        }
        check_message(self.text.as_ref(), &self.attachments, MAX_MSG_TEXT_BYTES)?;
        // Only this page (doc 92135) documents the 2048-byte limit of a link's url and picurl.
        for (i, attachment) in self.attachments.iter().enumerate() {
            if let Attachment::Link(link) = attachment {
                link.check_urls(&format!("attachments[{i}].link"))?;
            }
        }
        Ok(())
    }
}

wecom_core::impl_endpoint!(AddMsgTemplateRequest => AddMsgTemplateResponse,
    Post "/cgi-bin/externalcontact/add_msg_template", NotIdempotent,
    validate = AddMsgTemplateRequest::check);

/// The answer of `add_msg_template`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AddMsgTemplateResponse {
    /// 无效或无法发送的external_userid列表.
    pub fail_list: Vec<String>,
    /// 企业群发消息的id, for the `get_groupmsg_*` reads, remind and cancel.
    pub msgid: String,
}

/// The body of `remind_groupmsg_send` (提醒成员群发).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct RemindGroupMsgSendRequest {
    /// 群发消息的id.
    pub msgid: String,
}

impl RemindGroupMsgSendRequest {
    /// Reminds the members of mass message `msgid`.
    pub fn new(msgid: impl Into<String>) -> Self {
        Self {
            msgid: msgid.into(),
        }
    }
}

wecom_core::impl_endpoint!(RemindGroupMsgSendRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/remind_groupmsg_send", NotIdempotent);

/// The body of `cancel_groupmsg_send` (停止企业群发).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct CancelGroupMsgSendRequest {
    /// 群发消息的id.
    pub msgid: String,
}

impl CancelGroupMsgSendRequest {
    /// Stops mass message `msgid`.
    pub fn new(msgid: impl Into<String>) -> Self {
        Self {
            msgid: msgid.into(),
        }
    }
}

wecom_core::impl_endpoint!(CancelGroupMsgSendRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/cancel_groupmsg_send", Idempotent);
