//! `Event = customer_acquisition` (获客助手): acquisition links, quota and customer activity.

use serde::Serialize;

use super::wire::{number, optional, text, Wire};
use super::Timestamp;
use crate::error::Result;

/// The `ChangeType`s of `customer_acquisition`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum AcquisitionChange {
    /// `balance_low`: the usage balance is low.
    BalanceLow,
    /// `balance_exhausted`: the usage balance is exhausted.
    BalanceExhausted,
    /// `link_unavailable`: an acquisition link became unavailable.
    LinkUnavailable {
        /// `LinkId`.
        link_id: String,
    },
    /// `delete_link`: an acquisition link was deleted.
    DeleteLink {
        /// `LinkId`.
        link_id: String,
    },
    /// `open_profile`: a customer opened a member's profile through a link.
    OpenProfile {
        /// `LinkId`.
        link_id: String,
        /// `State`: the link's `customer_channel`.
        state: Option<String>,
    },
    /// `friend_request`: a customer sent a friend request through a link.
    FriendRequest {
        /// `LinkId`.
        link_id: String,
        /// `State`: the link's `customer_channel`.
        state: Option<String>,
    },
    /// `customer_start_chat`: a customer who came through a link started chatting.
    CustomerStartChat {
        /// `UserID`: the member.
        user_id: String,
        /// `ExternalUserID`: the customer.
        external_user_id: String,
        /// `LinkId`.
        link_id: String,
    },
    /// `quota_expire_soon`: part of the quota expires soon.
    QuotaExpireSoon {
        /// `ExpireTime`.
        expire_time: Option<Timestamp>,
        /// `ExpireQuotaNum`: how much quota expires.
        expire_quota_num: Option<u64>,
    },
    /// `message_from_customer`: a customer sent a message.
    MessageFromCustomer {
        /// `LinkId`.
        link_id: String,
        /// `ChatKey`: the conversation.
        chat_key: Option<String>,
    },
}

pub(super) fn is_known(change_type: &str) -> bool {
    matches!(
        change_type,
        "balance_low"
            | "balance_exhausted"
            | "link_unavailable"
            | "delete_link"
            | "open_profile"
            | "friend_request"
            | "customer_start_chat"
            | "quota_expire_soon"
            | "message_from_customer"
    )
}

/// The typed change, or `None` for a change type this crate does not know.
pub(super) fn from_wire(change_type: &str, wire: &Wire<'_>) -> Result<Option<AcquisitionChange>> {
    let link_id = text(wire.link_id.as_deref());
    Ok(Some(match change_type {
        "balance_low" => AcquisitionChange::BalanceLow,
        "balance_exhausted" => AcquisitionChange::BalanceExhausted,
        "link_unavailable" => AcquisitionChange::LinkUnavailable { link_id },
        "delete_link" => AcquisitionChange::DeleteLink { link_id },
        "open_profile" => AcquisitionChange::OpenProfile {
            link_id,
            state: optional(wire.state.as_deref()),
        },
        "friend_request" => AcquisitionChange::FriendRequest {
            link_id,
            state: optional(wire.state.as_deref()),
        },
        "customer_start_chat" => AcquisitionChange::CustomerStartChat {
            user_id: text(wire.user_id.as_deref()),
            external_user_id: text(wire.external_user_id.as_deref()),
            link_id,
        },
        "quota_expire_soon" => AcquisitionChange::QuotaExpireSoon {
            expire_time: number("ExpireTime", wire.expire_time.as_deref())?.map(Timestamp),
            expire_quota_num: number("ExpireQuotaNum", wire.expire_quota_num.as_deref())?,
        },
        "message_from_customer" => AcquisitionChange::MessageFromCustomer {
            link_id,
            chat_key: optional(wire.chat_key.as_deref()),
        },
        _ => return Ok(None),
    }))
}
