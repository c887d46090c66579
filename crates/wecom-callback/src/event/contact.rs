//! `Event = change_external_contact`: members and customers adding or removing each other.

use serde::Serialize;

use super::wire::{optional, text, Wire};
use crate::error::Result;

/// The `ChangeType`s of `change_external_contact`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum ContactChange {
    /// `add_external_contact`: a member added a customer.
    AddExternalContact {
        /// `UserID`: the member.
        user_id: String,
        /// `ExternalUserID`: the customer.
        external_user_id: String,
        /// `State`: the 「联系我」 configuration's `state` (or the 获客链接 `customer_channel`).
        state: Option<String>,
        /// `WelcomeCode`: for sending a welcome message (absent when one cannot be sent).
        welcome_code: Option<String>,
    },
    /// `edit_external_contact`: a member edited the customer's remark or corp tags.
    EditExternalContact {
        /// `UserID`: the member.
        user_id: String,
        /// `ExternalUserID`: the customer.
        external_user_id: String,
    },
    /// `add_half_external_contact`: the customer added a member without verification; not yet accepted.
    AddHalfExternalContact {
        /// `UserID`: the member.
        user_id: String,
        /// `ExternalUserID`: the customer.
        external_user_id: String,
        /// `State`: the 「联系我」 configuration's `state`.
        state: Option<String>,
        /// `WelcomeCode`: for sending a welcome message.
        welcome_code: Option<String>,
    },
    /// `del_external_contact`: a member deleted the customer.
    DelExternalContact {
        /// `UserID`: the member.
        user_id: String,
        /// `ExternalUserID`: the customer.
        external_user_id: String,
        /// `Source`: `DELETE_BY_TRANSFER` when removed by 在职继承.
        source: Option<DeleteSource>,
    },
    /// `del_follow_user`: the customer deleted the member.
    DelFollowUser {
        /// `UserID`: the member.
        user_id: String,
        /// `ExternalUserID`: the customer.
        external_user_id: String,
    },
    /// `transfer_fail`: a customer transfer (在职/离职继承) failed.
    TransferFail {
        /// `UserID`: the member who was to take the customer over.
        user_id: String,
        /// `ExternalUserID`: the customer.
        external_user_id: String,
        /// `FailReason`.
        fail_reason: FailReason,
    },
}

string_enum! {
    /// `FailReason` of `transfer_fail`.
    FailReason {
        /// `customer_refused`: the customer refused the transfer.
        CustomerRefused = "customer_refused",
        /// `customer_limit_exceed`: the taking-over member has reached the customer limit.
        CustomerLimitExceed = "customer_limit_exceed",
    }
}

string_enum! {
    /// `Source` of `del_external_contact`.
    DeleteSource {
        /// `DELETE_BY_TRANSFER`: removed automatically by 在职继承.
        DeleteByTransfer = "DELETE_BY_TRANSFER",
    }
}

pub(super) fn is_known(change_type: &str) -> bool {
    matches!(
        change_type,
        "add_external_contact"
            | "edit_external_contact"
            | "add_half_external_contact"
            | "del_external_contact"
            | "del_follow_user"
            | "transfer_fail"
    )
}

/// The typed change, or `None` for a change type this crate does not know.
pub(super) fn from_wire(change_type: &str, wire: &Wire<'_>) -> Result<Option<ContactChange>> {
    let user_id = text(wire.user_id.as_deref());
    let external_user_id = text(wire.external_user_id.as_deref());
    Ok(Some(match change_type {
        "add_external_contact" => ContactChange::AddExternalContact {
            user_id,
            external_user_id,
            state: optional(wire.state.as_deref()),
            welcome_code: optional(wire.welcome_code.as_deref()),
        },
        "add_half_external_contact" => ContactChange::AddHalfExternalContact {
            user_id,
            external_user_id,
            state: optional(wire.state.as_deref()),
            welcome_code: optional(wire.welcome_code.as_deref()),
        },
        "del_external_contact" => ContactChange::DelExternalContact {
            user_id,
            external_user_id,
            source: wire.source.as_deref().map(DeleteSource::from),
        },
        "del_follow_user" => ContactChange::DelFollowUser {
            user_id,
            external_user_id,
        },
        "transfer_fail" => ContactChange::TransferFail {
            user_id,
            external_user_id,
            fail_reason: FailReason::from(text(wire.fail_reason.as_deref())),
        },
        "edit_external_contact" => ContactChange::EditExternalContact {
            user_id,
            external_user_id,
        },
        _ => return Ok(None),
    }))
}
