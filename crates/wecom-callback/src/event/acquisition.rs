//! `Event = customer_acquisition` (获客助手): acquisition links, quota and customer activity.
//!
//! Self-built and 代开发 apps: doc 97299 (third-party: 97402, 代开发: 98958, same elements). The 获客助手组件
//! of a service provider (doc 99485) adds the `service_balance_*` and `change_price` change types. A
//! 「营销获客」 third-party app also gets `InfoType = customer_acquisition_permit_change` (客户可建联成员范围
//! 变动事件, no `ChangeType` and no element of its own), typed here as [`AcquisitionChange::PermitChange`].

use serde::Serialize;

use super::wire::Reader;
use super::Timestamp;

/// The `ChangeType`s of `customer_acquisition`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum AcquisitionChange {
    /// `balance_low`: the usage balance is low (under 20).
    BalanceLow,
    /// `balance_exhausted`: the usage balance is exhausted.
    BalanceExhausted,
    /// `balance_increased`: the usage balance went from 0 to more than 0.
    BalanceIncreased,
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
    /// `customer_start_chat`: a customer who came through a link sent the member a first message.
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
        /// `ExpireTime` (`None` if not a number; then it is in `extra`).
        expire_time: Option<Timestamp>,
        /// `ExpireQuotaNum`: how much quota expires (`None` if not a number; then it is in `extra`).
        expire_quota_num: Option<u64>,
    },
    /// `message_from_customer`: the member received another message (the 3rd, 5th, 10th) from a customer who
    /// came through a link.
    ///
    /// Since 2024-12-19 WeCom sends only `LinkId` and `ChatKey`; the message details come from
    /// `customer_acquisition/get_chat_info` with the `ChatKey`. Older deliveries also carry the members below.
    MessageFromCustomer {
        /// `LinkId`.
        link_id: String,
        /// `ChatKey`: the conversation, for `get_chat_info` (valid about 30 minutes).
        chat_key: Option<String>,
        /// `UserID`: the member (older deliveries).
        user_id: Option<String>,
        /// `ExternalUserID`: the customer (older deliveries).
        external_user_id: Option<String>,
        /// `ChatSeq`: how many messages the member has received from the customer (older deliveries; `None`
        /// if not a number, then it is in `extra`).
        chat_seq: Option<u64>,
    },
    /// `del_follow_user`: a WeChat customer who came through a link deleted the member (not the
    /// `change_external_contact` change of the same name, which every deletion sends).
    DelFollowUser {
        /// `UserID`: the member.
        user_id: String,
        /// `ExternalUserID`: the customer.
        external_user_id: String,
        /// `LinkId`: the link the customer came through.
        link_id: String,
    },
    /// `InfoType = customer_acquisition_permit_change` (third-party 「营销获客」 apps): the members customers
    /// may be connected with changed; read them again with `customer_acquisition_app/get_permit`.
    PermitChange,
    /// `service_balance_low` (获客助手组件): the service provider's usage balance is low.
    ServiceBalanceLow,
    /// `service_balance_exhausted` (获客助手组件): the service provider's usage balance is exhausted.
    ServiceBalanceExhausted,
    /// `service_balance_consumed` (获客助手组件): a customer was added on the service provider's usage.
    ServiceBalanceConsumed {
        /// `LinkId`.
        link_id: String,
        /// `State`: the link's `customer_channel`.
        state: Option<String>,
        /// `OnceKey`: the `once_key` the link was opened with.
        once_key: Option<String>,
    },
    /// `change_price` (获客助手组件): the price the service provider pays per customer changes.
    ChangePrice {
        /// `Price`: the new price in fen (分) (`None` if not a number; then it is in `extra`).
        price: Option<u64>,
        /// `EffectiveTime`: when the price applies (`None` if not a number; then it is in `extra`).
        effective_time: Option<Timestamp>,
    },
}

/// The typed change, or `None` for a change type this crate does not know.
pub(super) fn read(change_type: &str, wire: &mut Reader<'_, '_>) -> Option<AcquisitionChange> {
    Some(match change_type {
        "balance_low" => AcquisitionChange::BalanceLow,
        "balance_exhausted" => AcquisitionChange::BalanceExhausted,
        "balance_increased" => AcquisitionChange::BalanceIncreased,
        "link_unavailable" => AcquisitionChange::LinkUnavailable {
            link_id: wire.text("LinkId"),
        },
        "delete_link" => AcquisitionChange::DeleteLink {
            link_id: wire.text("LinkId"),
        },
        "open_profile" => AcquisitionChange::OpenProfile {
            link_id: wire.text("LinkId"),
            state: wire.optional("State"),
        },
        "friend_request" => AcquisitionChange::FriendRequest {
            link_id: wire.text("LinkId"),
            state: wire.optional("State"),
        },
        "customer_start_chat" => AcquisitionChange::CustomerStartChat {
            user_id: wire.text("UserID"),
            external_user_id: wire.text("ExternalUserID"),
            link_id: wire.text("LinkId"),
        },
        "quota_expire_soon" => AcquisitionChange::QuotaExpireSoon {
            expire_time: wire.timestamp("ExpireTime"),
            expire_quota_num: wire.number("ExpireQuotaNum"),
        },
        "message_from_customer" => AcquisitionChange::MessageFromCustomer {
            link_id: wire.text("LinkId"),
            chat_key: wire.optional("ChatKey"),
            user_id: wire.optional("UserID"),
            external_user_id: wire.optional("ExternalUserID"),
            chat_seq: wire.number("ChatSeq"),
        },
        "del_follow_user" => AcquisitionChange::DelFollowUser {
            user_id: wire.text("UserID"),
            external_user_id: wire.text("ExternalUserID"),
            link_id: wire.text("LinkId"),
        },
        "service_balance_low" => AcquisitionChange::ServiceBalanceLow,
        "service_balance_exhausted" => AcquisitionChange::ServiceBalanceExhausted,
        "service_balance_consumed" => AcquisitionChange::ServiceBalanceConsumed {
            link_id: wire.text("LinkId"),
            state: wire.optional("State"),
            once_key: wire.optional("OnceKey"),
        },
        "change_price" => AcquisitionChange::ChangePrice {
            price: wire.number("Price"),
            effective_time: wire.timestamp("EffectiveTime"),
        },
        _ => return None,
    })
}

/// `InfoType = customer_acquisition_permit_change`: no `ChangeType`, no element of its own (one that
/// comes anyway stays in `extra`).
pub(super) fn read_permit_change(change_type: &str) -> Option<AcquisitionChange> {
    change_type
        .is_empty()
        .then_some(AcquisitionChange::PermitChange)
}
