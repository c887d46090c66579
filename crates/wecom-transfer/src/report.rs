//! What a bulk transfer did: one outcome per customer or group, merged across chunks.

use wecom_core::{ErrCode, Error};

use crate::codes;

/// What happened to one customer or group of a bulk transfer.
///
/// Only [`Accepted`](Self::Accepted) means WeCom took the id on; every other outcome means it was not
/// transferred ([`Rejected`](Self::Rejected), [`Failed`](Self::Failed)) or may not have been
/// ([`Unknown`](Self::Unknown)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferOutcome {
    /// WeCom accepted it: for a customer, the 24-hour takeover has begun (follow it with the
    /// `wait_for_*` helpers); for a group, WeCom did not list it among the failures.
    Accepted,
    /// WeCom refused this id in its per-id answer.
    Rejected {
        /// The errcode WeCom gave for this id (see [`codes`]).
        code: ErrCode,
        /// WeCom's errmsg for a group; for a customer (WeCom sends none) the code's meaning, if known.
        message: String,
    },
    /// The whole request for this id's chunk failed in a way that proves nothing was done: an errcode
    /// for the call, a request rejected before sending, or a connection that was never made.
    Failed {
        /// The call's errcode, when WeCom answered one.
        code: Option<ErrCode>,
        /// Why the chunk failed.
        reason: String,
    },
    /// The request for this id's chunk may or may not have reached WeCom (a timeout, an HTTP 5xx, a
    /// connection cut mid-answer, errcode -1). Transfers are never re-sent after such a failure, since a
    /// second call could count against the 90-day limit; check the id with `transfer_result` (or the
    /// group's owner) before sending it again.
    Unknown {
        /// What went wrong.
        reason: String,
    },
}

impl TransferOutcome {
    /// True for [`Accepted`](Self::Accepted).
    pub fn is_accepted(&self) -> bool {
        matches!(self, Self::Accepted)
    }

    /// True for [`Unknown`](Self::Unknown).
    pub fn is_unknown(&self) -> bool {
        matches!(self, Self::Unknown { .. })
    }

    /// The errcode of a rejected id or of a failed chunk's call.
    pub fn code(&self) -> Option<ErrCode> {
        match self {
            Self::Rejected { code, .. } => Some(*code),
            Self::Failed { code, .. } => *code,
            Self::Accepted | Self::Unknown { .. } => None,
        }
    }

    /// The outcome of every id of a chunk whose request failed with `err`.
    pub(crate) fn of_failed_call(err: &Error) -> Self {
        let reason = err.to_string();
        match err {
            // -1 (系统繁忙) says nothing about whether the transfer was made.
            Error::Api { code, .. } if *code == ErrCode::SYSTEM_BUSY => Self::Unknown { reason },
            Error::Api { code, .. } => Self::Failed {
                code: Some(*code),
                reason,
            },
            Error::InvalidRequest(_) | Error::Token(_) | Error::Config(_) => {
                Self::Failed { code: None, reason }
            }
            err if err.is_unsent() => Self::Failed { code: None, reason },
            // Timeouts, HTTP statuses, cut connections, undecodable answers, and whatever else a
            // later version adds: the request may have been acted on.
            _ => Self::Unknown { reason },
        }
    }

    /// A per-id errcode from WeCom's answer (0 is acceptance).
    pub(crate) fn of_code(code: ErrCode, message: Option<&str>) -> Self {
        if code == ErrCode::OK {
            return Self::Accepted;
        }
        let message = match message {
            Some(text) if !text.is_empty() => text.to_owned(),
            _ => codes::describe(code).unwrap_or_default().to_owned(),
        };
        Self::Rejected { code, message }
    }
}

/// One id of a bulk transfer and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferItem {
    /// The customer's external_userid or the group's chat_id.
    pub id: String,
    /// What happened to it.
    pub outcome: TransferOutcome,
}

/// The outcome of a bulk transfer: one item per distinct id given, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransferReport {
    /// Every id and its outcome.
    pub items: Vec<TransferItem>,
}

impl TransferReport {
    /// The ids WeCom accepted.
    pub fn accepted(&self) -> impl Iterator<Item = &str> {
        self.ids_where(TransferOutcome::is_accepted)
    }

    /// The ids whose fate is unknown (their chunk failed ambiguously).
    pub fn unknown(&self) -> impl Iterator<Item = &str> {
        self.ids_where(TransferOutcome::is_unknown)
    }

    /// The items that were not accepted, whatever the reason.
    pub fn not_accepted(&self) -> impl Iterator<Item = &TransferItem> {
        self.items.iter().filter(|item| !item.outcome.is_accepted())
    }

    /// True when every id was accepted (also when there were none).
    pub fn all_accepted(&self) -> bool {
        self.items.iter().all(|item| item.outcome.is_accepted())
    }

    /// The outcome of `id`, if it was part of the transfer.
    pub fn outcome(&self, id: &str) -> Option<&TransferOutcome> {
        self.items
            .iter()
            .find(|item| item.id == id)
            .map(|item| &item.outcome)
    }

    fn ids_where(&self, pred: fn(&TransferOutcome) -> bool) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .filter(move |item| pred(&item.outcome))
            .map(|item| item.id.as_str())
    }
}
