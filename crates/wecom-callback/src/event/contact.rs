//! `Event = change_external_contact`: members and customers adding or removing each other.

use serde::Serialize;

use super::wire::Reader;

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
    /// `edit_external_contact`: a member edited the customer's remark or corp tags. (Older documentation
    /// showed a `State` here too; if WeCom sends one it is in the event's `extra`.)
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
    /// `msg_audit_approved` (会话存档): the customer agreed to chat archiving (doc 92005).
    MsgAuditApproved {
        /// `UserID`: the member.
        user_id: String,
        /// `ExternalUserID`: the customer.
        external_user_id: String,
        /// `WelcomeCode`: for sending a welcome message (absent when one cannot be sent).
        welcome_code: Option<String>,
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

/// The typed change, or `None` for a change type this crate does not know.
pub(super) fn read(change_type: &str, wire: &mut Reader<'_, '_>) -> Option<ContactChange> {
    Some(match change_type {
        "add_external_contact" => ContactChange::AddExternalContact {
            user_id: wire.text("UserID"),
            external_user_id: wire.text("ExternalUserID"),
            state: wire.optional("State"),
            welcome_code: wire.optional("WelcomeCode"),
        },
        "edit_external_contact" => ContactChange::EditExternalContact {
            user_id: wire.text("UserID"),
            external_user_id: wire.text("ExternalUserID"),
        },
        "add_half_external_contact" => ContactChange::AddHalfExternalContact {
            user_id: wire.text("UserID"),
            external_user_id: wire.text("ExternalUserID"),
            state: wire.optional("State"),
            welcome_code: wire.optional("WelcomeCode"),
        },
        "del_external_contact" => ContactChange::DelExternalContact {
            user_id: wire.text("UserID"),
            external_user_id: wire.text("ExternalUserID"),
            source: wire.value("Source"),
        },
        "del_follow_user" => ContactChange::DelFollowUser {
            user_id: wire.text("UserID"),
            external_user_id: wire.text("ExternalUserID"),
        },
        "transfer_fail" => ContactChange::TransferFail {
            user_id: wire.text("UserID"),
            external_user_id: wire.text("ExternalUserID"),
            fail_reason: FailReason::from(wire.text("FailReason")),
        },
        "msg_audit_approved" => ContactChange::MsgAuditApproved {
            user_id: wire.text("UserID"),
            external_user_id: wire.text("ExternalUserID"),
            welcome_code: wire.optional("WelcomeCode"),
        },
        _ => return None,
    })
}
