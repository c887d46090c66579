//! 分配离职成员的客户群 (doc 92127) and 分配在职成员的客户群 (doc 95703).

use serde::{Deserialize, Serialize};
use wecom_core::{check, ErrCode, Error, Result};

/// Most groups in one call (取值范围: 1 ~ 100); the bulk helpers send chunks of this size.
pub const MAX_TRANSFER_CHATS: usize = 100;

/// The body of `POST /cgi-bin/externalcontact/groupchat/transfer` (分配离职成员的客户群).
///
/// Only groups whose owner has resigned (else 90500 for that group); the new owner must have 客户联系,
/// a verified name and an activated account, and may receive at most 300 groups of one person a day.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GroupChatTransferRequest {
    /// 需要转群主的客户群ID列表, 1 ..= 100 per call.
    pub chat_id_list: Vec<String>,
    /// 新群主ID.
    pub new_owner: String,
}

impl GroupChatTransferRequest {
    /// Hands the groups `chat_ids` of resigned owners to `new_owner`.
    pub fn new(
        chat_ids: impl IntoIterator<Item = impl Into<String>>,
        new_owner: impl Into<String>,
    ) -> Self {
        Self {
            chat_id_list: chat_ids.into_iter().map(Into::into).collect(),
            new_owner: new_owner.into(),
        }
    }

    /// Checks 1 ..= 100 groups and a new owner.
    pub fn check(&self) -> Result<()> {
        self.check_fields()?;
        check_count(self.chat_id_list.len())
    }

    /// Everything [`check`](Self::check) checks but the number of groups (the bulk helpers chunk).
    pub(crate) fn check_fields(&self) -> Result<()> {
        check_new_owner(&self.new_owner)
    }
}

wecom_core::impl_endpoint!(GroupChatTransferRequest => GroupChatTransferResponse,
    Post "/cgi-bin/externalcontact/groupchat/transfer", NotIdempotent,
    validate = GroupChatTransferRequest::check);

/// The body of `POST /cgi-bin/externalcontact/groupchat/onjob_transfer` (分配在职成员的客户群).
///
/// Only groups of owners still in service (else 90502); each group at most twice in 90 days; at most
/// 300 groups of one person a day to a new owner.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GroupChatOnjobTransferRequest {
    /// 需要转群主的客户群ID列表, 1 ..= 100 per call.
    pub chat_id_list: Vec<String>,
    /// 新群主ID.
    pub new_owner: String,
}

impl GroupChatOnjobTransferRequest {
    /// Hands the groups `chat_ids` of members in service to `new_owner`.
    pub fn new(
        chat_ids: impl IntoIterator<Item = impl Into<String>>,
        new_owner: impl Into<String>,
    ) -> Self {
        Self {
            chat_id_list: chat_ids.into_iter().map(Into::into).collect(),
            new_owner: new_owner.into(),
        }
    }

    /// Checks 1 ..= 100 groups and a new owner.
    pub fn check(&self) -> Result<()> {
        self.check_fields()?;
        check_count(self.chat_id_list.len())
    }

    /// Everything [`check`](Self::check) checks but the number of groups (the bulk helpers chunk).
    pub(crate) fn check_fields(&self) -> Result<()> {
        check_new_owner(&self.new_owner)
    }
}

wecom_core::impl_endpoint!(GroupChatOnjobTransferRequest => GroupChatTransferResponse,
    Post "/cgi-bin/externalcontact/groupchat/onjob_transfer", NotIdempotent,
    validate = GroupChatOnjobTransferRequest::check);

/// The answer of `groupchat/transfer` and `groupchat/onjob_transfer`: the groups that did not move.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupChatTransferResponse {
    /// 没能成功继承的群; a group sent and not listed here was accepted.
    pub failed_chat_list: Vec<FailedChat>,
}

/// A group WeCom did not hand over, and why.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct FailedChat {
    /// 没能成功继承的群ID.
    pub chat_id: String,
    /// 错误码 (90500 owner not resigned, 90501 not a customer group, 90502 owner resigned, ...).
    pub errcode: ErrCode,
    /// 错误描述, as WeCom wrote it.
    pub errmsg: String,
}

impl Default for FailedChat {
    fn default() -> Self {
        Self {
            chat_id: String::new(),
            errcode: ErrCode::OK,
            errmsg: String::new(),
        }
    }
}

fn check_new_owner(new_owner: &str) -> Result<()> {
    if new_owner.is_empty() {
        return Err(Error::invalid_request("new_owner is required"));
    }
    Ok(())
}

fn check_count(len: usize) -> Result<()> {
    check::count_between("chat_id_list", len, 1, MAX_TRANSFER_CHATS)
}
