//! Typed external-contact callback events (客户联系事件), parsed from the decrypted XML.
//!
//! [`Event::parse`] reads the self-built / 代开发 envelope (`Event`, `CreateTime`) and the third-party one
//! (`InfoType`, `TimeStamp`) alike, and types these events and change types:
//!
//! | `Event` / `InfoType` | variant | `ChangeType`s |
//! | --- | --- | --- |
//! | `change_external_contact` | [`Event::ExternalContact`] | `add_external_contact`, `edit_external_contact`, `add_half_external_contact`, `del_external_contact`, `del_follow_user`, `transfer_fail`, `msg_audit_approved` ([`ContactChange`]) |
//! | `change_external_chat` | [`Event::ExternalChat`] | `create`, `update`, `dismiss` ([`ChatChange`]) |
//! | `change_external_tag` | [`Event::ExternalTag`] | `create`, `update`, `delete`, `shuffle` ([`TagChange`]) |
//! | `customer_acquisition` | [`Event::CustomerAcquisition`] | `balance_low`, `balance_exhausted`, `balance_increased`, `link_unavailable`, `delete_link`, `open_profile`, `friend_request`, `customer_start_chat`, `quota_expire_soon`, `message_from_customer`, `del_follow_user`, and for the 获客助手组件 `service_balance_low`, `service_balance_exhausted`, `service_balance_consumed`, `change_price` ([`AcquisitionChange`]) |
//! | `customer_acquisition_permit_change` (`InfoType` only, 「营销获客」 apps) | [`Event::CustomerAcquisition`] | none: [`AcquisitionChange::PermitChange`] |
//! | `suite_ticket`, `create_auth`, `change_auth`, `cancel_auth`, `reset_permanent_code` (`InfoType` only: the 应用授权 callbacks of a third-party app or 代开发 template) | [`Event::Authorization`] | none: the `InfoType` is the change ([`AuthChange`]) |
//!
//! Nothing WeCom sends is dropped:
//! - every typed event carries an [`Extra`] with the elements its typed fields do not hold (new elements,
//!   undocumented ones, repeats, and numbers that do not parse);
//! - a number that does not parse (WeCom's own samples write `<StrategyId>STRATEGY_ID</StrategyId>`) leaves
//!   its field `None` and its text in `extra`; only the event's own time (`CreateTime` / `TimeStamp`) must be
//!   a number;
//! - the credentials these callbacks carry ([`SuiteTicket`], [`AuthCode`]) print as `<redacted>` in `Debug`;
//!   read them with `expose()`;
//! - any other event or change type becomes [`Event::Unknown`] with every top-level element kept as text: an
//!   event this crate does not know is never an error.

#[macro_use]
mod macros;

mod acquisition;
mod authorization;
mod chat;
mod contact;
mod credential;
mod extra;
mod tag;
mod wire;

use std::collections::BTreeMap;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;

pub use acquisition::AcquisitionChange;
pub use authorization::AuthChange;
pub use chat::{ChatChange, ChatUpdate, JoinScene, QuitScene, UpdateDetail};
pub use contact::{ContactChange, DeleteSource, FailReason};
pub use credential::{AuthCode, SuiteTicket};
pub use extra::Extra;
pub use tag::{TagChange, TagRef, TagType};

use crate::error::{Error, Result};
use wire::Wire;

/// A Unix time in seconds, as WeCom sends in `CreateTime`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Timestamp(pub u64);

impl Timestamp {
    /// Seconds since the Unix epoch.
    pub fn as_secs(self) -> u64 {
        self.0
    }

    /// The time as a [`SystemTime`] (`None` if it does not fit the platform's clock).
    pub fn to_system_time(self) -> Option<SystemTime> {
        UNIX_EPOCH.checked_add(Duration::from_secs(self.0))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The elements every event carries.
///
/// Self-built and 代开发 apps get `ToUserName` (the corp id), `FromUserName` (`sys`), `CreateTime`,
/// `MsgType` (`event`); the third-party envelope has `SuiteId`, `AuthCorpId` and `TimeStamp` instead.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct EventHeader {
    /// `ToUserName`: the corp id (absent in the third-party envelope).
    pub to_user_name: Option<String>,
    /// `FromUserName`: `sys` for system events (absent in the third-party envelope).
    pub from_user_name: Option<String>,
    /// `CreateTime` (or `TimeStamp` in the third-party envelope).
    pub create_time: Timestamp,
    /// `MsgType`: `event` (absent in the third-party envelope).
    pub msg_type: Option<String>,
    /// `SuiteId` of the third-party envelope.
    pub suite_id: Option<String>,
    /// `AuthCorpId` of the third-party envelope: the authorizing corp.
    pub auth_corp_id: Option<String>,
}

/// A callback event. Match on the variant, then on its `change`; anything else WeCom sent is in `extra`.
///
/// Identifiers WeCom documents as always present (`UserID`, `ExternalUserID`, `ChatId`, `Id`, `LinkId`)
/// are `String`s, empty if a delivery lacks them; optional elements are `Option`s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// `change_external_contact`: a member and a customer added or removed each other, and neighbours.
    ExternalContact {
        /// Common elements.
        header: EventHeader,
        /// What changed (`ChangeType`).
        change: ContactChange,
        /// The elements no typed field holds.
        #[serde(skip_serializing_if = "Extra::is_empty")]
        extra: Extra,
    },
    /// `change_external_chat`: a customer group was created, changed or dismissed.
    ExternalChat {
        /// Common elements.
        header: EventHeader,
        /// What changed (`ChangeType`).
        change: ChatChange,
        /// The elements no typed field holds.
        #[serde(skip_serializing_if = "Extra::is_empty")]
        extra: Extra,
    },
    /// `change_external_tag`: a corp tag or tag group was created, changed, deleted or reordered.
    ExternalTag {
        /// Common elements.
        header: EventHeader,
        /// What changed (`ChangeType`).
        change: TagChange,
        /// The elements no typed field holds.
        #[serde(skip_serializing_if = "Extra::is_empty")]
        extra: Extra,
    },
    /// `customer_acquisition` (获客助手): links, quota and customer activity.
    CustomerAcquisition {
        /// Common elements.
        header: EventHeader,
        /// What changed (`ChangeType`).
        change: AcquisitionChange,
        /// The elements no typed field holds.
        #[serde(skip_serializing_if = "Extra::is_empty")]
        extra: Extra,
    },
    /// `suite_ticket`, `create_auth`, `change_auth`, `cancel_auth`, `reset_permanent_code` (应用授权): the
    /// suite's ticket and the corps' authorizations, on a third-party app's (or 代开发 template's) 指令回调
    /// URL. The suite is `header.suite_id`, the corp (when WeCom names it) `header.auth_corp_id`.
    Authorization {
        /// Common elements.
        header: EventHeader,
        /// What happened (`InfoType`).
        change: AuthChange,
        /// The elements no typed field holds.
        #[serde(skip_serializing_if = "Extra::is_empty")]
        extra: Extra,
    },
    /// An event or change type this crate does not know, with every top-level element kept.
    Unknown(UnknownEvent),
}

/// An event this crate does not type: the event name, the change type and every top-level element.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct UnknownEvent {
    /// `Event` (or `InfoType`), if present.
    pub event: Option<String>,
    /// `ChangeType`, if present.
    pub change_type: Option<String>,
    /// Every top-level element by name: the text (CDATA unwrapped, entities resolved) of a simple element,
    /// the inner XML of an element with children. When a name repeats, the first occurrence is kept.
    pub fields: BTreeMap<String, String>,
}

impl UnknownEvent {
    /// The text of a top-level element.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

impl Event {
    /// Parses a decrypted plaintext (the XML returned by [`MsgCrypt::decrypt`](crate::MsgCrypt::decrypt)).
    ///
    /// # Errors
    /// [`Error::ParseXml`] when the plaintext is not well-formed XML, or when a typed event's own time
    /// (`CreateTime`, or `TimeStamp` in the third-party envelope) is missing or not a number. Unknown events and
    /// change types, and any other element that does not parse, are never an error.
    pub fn parse(xml: &str) -> Result<Event> {
        let wire = Wire::read(xml)?;
        let change_type = wire.change_type();
        let mut reader = wire.reader();
        let family = match wire.event_name() {
            Some("change_external_contact") => {
                contact::read(change_type, &mut reader).map(Family::Contact)
            }
            Some("change_external_chat") => chat::read(change_type, &mut reader).map(Family::Chat),
            Some("change_external_tag") => tag::read(change_type, &mut reader).map(Family::Tag),
            Some("customer_acquisition") => {
                acquisition::read(change_type, &mut reader).map(Family::Acquisition)
            }
            Some("customer_acquisition_permit_change") => {
                acquisition::read_permit_change(change_type).map(Family::Acquisition)
            }
            Some(info_type) => {
                authorization::read(info_type, &mut reader).map(Family::Authorization)
            }
            None => None,
        };
        let Some(family) = family else {
            return Ok(Event::Unknown(unknown(wire.fields())));
        };
        let header = header(&wire)?;
        let extra = reader.into_extra();
        Ok(match family {
            Family::Contact(change) => Event::ExternalContact {
                header,
                change,
                extra,
            },
            Family::Chat(change) => Event::ExternalChat {
                header,
                change,
                extra,
            },
            Family::Tag(change) => Event::ExternalTag {
                header,
                change,
                extra,
            },
            Family::Acquisition(change) => Event::CustomerAcquisition {
                header,
                change,
                extra,
            },
            Family::Authorization(change) => Event::Authorization {
                header,
                change,
                extra,
            },
        })
    }

    /// The common elements, for every typed event (`None` for [`Event::Unknown`]).
    pub fn header(&self) -> Option<&EventHeader> {
        match self {
            Self::ExternalContact { header, .. }
            | Self::ExternalChat { header, .. }
            | Self::ExternalTag { header, .. }
            | Self::CustomerAcquisition { header, .. }
            | Self::Authorization { header, .. } => Some(header),
            Self::Unknown(_) => None,
        }
    }

    /// The elements no typed field holds, for every typed event (`None` for [`Event::Unknown`], whose
    /// [`fields`](UnknownEvent::fields) hold everything).
    pub fn extra(&self) -> Option<&Extra> {
        match self {
            Self::ExternalContact { extra, .. }
            | Self::ExternalChat { extra, .. }
            | Self::ExternalTag { extra, .. }
            | Self::CustomerAcquisition { extra, .. }
            | Self::Authorization { extra, .. } => Some(extra),
            Self::Unknown(_) => None,
        }
    }

    /// The suite id and ticket of a `suite_ticket` event, to keep in wecom-core's `SuiteTicketStore`
    /// (`store.put(suite_id, ticket.expose())`): `None` for any other event, and for a `suite_ticket`
    /// without a `SuiteId` or with an empty ticket.
    pub fn suite_ticket(&self) -> Option<(&str, &SuiteTicket)> {
        match self {
            Self::Authorization {
                header,
                change: AuthChange::SuiteTicket { suite_ticket },
                ..
            } => match header.suite_id.as_deref() {
                Some(suite_id) if !suite_id.is_empty() && !suite_ticket.expose().is_empty() => {
                    Some((suite_id, suite_ticket))
                }
                _ => None,
            },
            _ => None,
        }
    }
}

enum Family {
    Contact(ContactChange),
    Chat(ChatChange),
    Tag(TagChange),
    Acquisition(AcquisitionChange),
    Authorization(AuthChange),
}

/// The envelope of a typed event; its time must be a number.
fn header(wire: &Wire<'_>) -> Result<EventHeader> {
    let (name, time) = match wire.first("CreateTime") {
        Some(time) => ("CreateTime", Some(time)),
        None => ("TimeStamp", wire.first("TimeStamp")),
    };
    let time = time
        .map(str::trim)
        .filter(|time| !time.is_empty())
        .ok_or_else(|| Error::parse_xml("the event has no <CreateTime> (nor <TimeStamp>)"))?;
    let create_time = time
        .parse()
        .map(Timestamp)
        .map_err(|_| Error::parse_xml(format!("<{name}> is not an integer: {time:?}")))?;
    let text = |name| wire.first(name).map(str::to_owned);
    Ok(EventHeader {
        to_user_name: text("ToUserName"),
        from_user_name: text("FromUserName"),
        create_time,
        msg_type: text("MsgType"),
        suite_id: text("SuiteId"),
        auth_corp_id: text("AuthCorpId"),
    })
}

fn unknown(fields: BTreeMap<String, String>) -> UnknownEvent {
    UnknownEvent {
        event: fields
            .get("Event")
            .or_else(|| fields.get("InfoType"))
            .cloned(),
        change_type: fields.get("ChangeType").cloned(),
        fields,
    }
}
