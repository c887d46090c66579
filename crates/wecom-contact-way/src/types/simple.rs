//! The one-id endpoints: get, delete, and close a temporary chat.

use serde::{Deserialize, Serialize};
use wecom_core::EmptyResponse;

use super::ContactWay;

/// The body of `get_contact_way`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetContactWayRequest {
    /// 联系方式的配置id.
    pub config_id: String,
}

impl GetContactWayRequest {
    /// Reads the way `config_id`.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
        }
    }
}

/// The answer of `get_contact_way`: `{"contact_way": {...}}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetContactWayResponse {
    /// The configuration.
    pub contact_way: ContactWay,
}

wecom_core::impl_endpoint!(GetContactWayRequest => GetContactWayResponse,
    Post "/cgi-bin/externalcontact/get_contact_way", Idempotent);

/// The body of `del_contact_way`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DelContactWayRequest {
    /// 企业联系方式的配置id.
    pub config_id: String,
}

impl DelContactWayRequest {
    /// Deletes the way `config_id`.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(DelContactWayRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/del_contact_way", Idempotent);

/// The body of `close_temp_chat`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CloseTempChatRequest {
    /// 企业成员的userid.
    pub userid: String,
    /// 客户的外部联系人userid.
    pub external_userid: String,
}

impl CloseTempChatRequest {
    /// Ends the temporary chat between member `userid` and customer `external_userid`.
    pub fn new(userid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
            external_userid: external_userid.into(),
        }
    }
}

wecom_core::impl_endpoint!(CloseTempChatRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/close_temp_chat", Idempotent);
