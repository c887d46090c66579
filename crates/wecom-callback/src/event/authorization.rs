//! `InfoType = suite_ticket | create_auth | change_auth | cancel_auth | reset_permanent_code`: WeCom's
//! 应用授权 callbacks to the 指令回调 URL of a third-party app or a 代开发 template (decrypted with the suite
//! id as receive id).
//!
//! Docs: 90628 (推送suite_ticket), 90642 (授权通知事件: 授权成功, 变更授权, 取消授权), 94758 (重置永久授权码通知,
//! 代开发). The suite is the header's `suite_id` (`SuiteId`); the corp, where WeCom names it, the header's
//! `auth_corp_id` (`AuthCorpId`). There is no `ChangeType`: `InfoType` alone says what happened.

use serde::Serialize;

use super::credential::{AuthCode, SuiteTicket};
use super::wire::Reader;

/// The `InfoType`s of the 应用授权 callbacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum AuthChange {
    /// `suite_ticket`: the suite's latest ticket, pushed every 10 minutes and valid 30; the suite token
    /// is fetched with it. A receiver built with `ReceiverOptions::suite_tickets` (feature
    /// `suite-tickets`) stores it before acknowledging.
    SuiteTicket {
        /// `SuiteTicket` (hidden from `Debug`).
        suite_ticket: SuiteTicket,
    },
    /// `create_auth` (授权成功): a corp installed the app from the WeCom app market. The corp is not named:
    /// exchange the code for the permanent code (and the corp's id) within 10 minutes; WeCom wants the
    /// answer within 1 s, so exchange it after acknowledging.
    CreateAuth {
        /// `AuthCode` (hidden from `Debug`).
        auth_code: AuthCode,
        /// `State`: the `state` of the authorization link, if it had one.
        state: Option<String>,
    },
    /// `change_auth` (变更授权): the corp in the header's `auth_corp_id` changed what it authorizes (the
    /// visible range included); read its authorization again with `service/get_auth_info`. (For 微信客服
    /// WeCom adds an `ExtraInfo`; it is in the event's `extra`.)
    ChangeAuth {
        /// `State`: the `state` of the authorization link, if it had one.
        state: Option<String>,
    },
    /// `cancel_auth` (取消授权): the corp in the header's `auth_corp_id` removed the app; WeCom asks that
    /// its data be deleted.
    CancelAuth,
    /// `reset_permanent_code` (代开发): the corp's administrator got a new secret for the app; exchange
    /// the code for the new permanent code (the old one stops working).
    ResetPermanentCode {
        /// `AuthCode` (hidden from `Debug`).
        auth_code: AuthCode,
    },
}

/// The typed change, or `None` for an `InfoType` this module does not know.
pub(super) fn read(info_type: &str, wire: &mut Reader<'_, '_>) -> Option<AuthChange> {
    Some(match info_type {
        "suite_ticket" => AuthChange::SuiteTicket {
            suite_ticket: SuiteTicket::new(wire.text("SuiteTicket")),
        },
        "create_auth" => AuthChange::CreateAuth {
            auth_code: AuthCode::new(wire.text("AuthCode")),
            state: wire.optional("State"),
        },
        "change_auth" => AuthChange::ChangeAuth {
            state: wire.optional("State"),
        },
        "cancel_auth" => AuthChange::CancelAuth,
        "reset_permanent_code" => AuthChange::ResetPermanentCode {
            auth_code: AuthCode::new(wire.text("AuthCode")),
        },
        _ => return None,
    })
}
