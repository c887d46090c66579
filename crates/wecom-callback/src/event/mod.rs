//! Typed external-contact callback events (客户联系事件), parsed from the decrypted XML.
//!
//! [`Event::parse`] knows `change_external_contact`, `change_external_chat`, `change_external_tag` and
//! `customer_acquisition`, in the self-built envelope (`Event`, `CreateTime`) and the third-party one
//! (`InfoType`, `TimeStamp`). Any other event or change type becomes [`Event::Unknown`] with every top-level
//! element kept as text: an event this crate does not know is never an error.

#[macro_use]
mod macros;

mod acquisition;
mod chat;
mod contact;
mod tag;
mod wire;

use std::collections::BTreeMap;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;

pub use acquisition::AcquisitionChange;
pub use chat::{ChatChange, ChatUpdate, JoinScene, QuitScene, UpdateDetail};
pub use contact::{ContactChange, DeleteSource, FailReason};
pub use tag::{TagChange, TagRef, TagType};

use crate::error::{Error, Result};
use crate::xml;
use wire::{optional, Wire};

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

/// A callback event. Match on the variant, then on its `change`.
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
    },
    /// `change_external_chat`: a customer group was created, changed or dismissed.
    ExternalChat {
        /// Common elements.
        header: EventHeader,
        /// What changed (`ChangeType`).
        change: ChatChange,
    },
    /// `change_external_tag`: a corp tag or tag group was created, changed, deleted or reordered.
    ExternalTag {
        /// Common elements.
        header: EventHeader,
        /// What changed (`ChangeType`).
        change: TagChange,
    },
    /// `customer_acquisition` (获客助手): links, quota and customer activity.
    CustomerAcquisition {
        /// Common elements.
        header: EventHeader,
        /// What changed (`ChangeType`).
        change: AcquisitionChange,
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
    /// [`Error::ParseXml`] when the plaintext is not well-formed XML, or when a known event carries a
    /// malformed number (e.g. a non-numeric `CreateTime`) or lacks its time. Unknown events and change types
    /// are never an error.
    pub fn parse(xml: &str) -> Result<Event> {
        match xml::deserialize::<Wire<'_>>(xml) {
            Ok(wire) => Self::from_wire(xml, wire),
            // An odd but well-formed unknown event (say, a repeated element) must still come through.
            Err(error) => {
                let fields = fields(&xml::elements(xml)?);
                if is_known(&fields) {
                    Err(error)
                } else {
                    Ok(Event::Unknown(unknown(fields)))
                }
            }
        }
    }

    /// The common elements, for every typed event (`None` for [`Event::Unknown`]).
    pub fn header(&self) -> Option<&EventHeader> {
        match self {
            Self::ExternalContact { header, .. }
            | Self::ExternalChat { header, .. }
            | Self::ExternalTag { header, .. }
            | Self::CustomerAcquisition { header, .. } => Some(header),
            Self::Unknown(_) => None,
        }
    }

    fn from_wire(xml: &str, wire: Wire<'_>) -> Result<Event> {
        let change_type = wire.change_type.as_deref().unwrap_or_default();
        let typed = match wire.event_name() {
            Some("change_external_contact") => {
                contact::from_wire(change_type, &wire)?.map(Family::Contact)
            }
            Some("change_external_chat") => chat::from_wire(change_type, &wire)?.map(Family::Chat),
            Some("change_external_tag") => tag::from_wire(change_type, &wire)?.map(Family::Tag),
            Some("customer_acquisition") => {
                acquisition::from_wire(change_type, &wire)?.map(Family::Acquisition)
            }
            _ => None,
        };
        let Some(typed) = typed else {
            return Ok(Event::Unknown(unknown(fields(&xml::elements(xml)?))));
        };
        let header = header(&wire)?;
        Ok(match typed {
            Family::Contact(change) => Event::ExternalContact { header, change },
            Family::Chat(change) => Event::ExternalChat { header, change },
            Family::Tag(change) => Event::ExternalTag { header, change },
            Family::Acquisition(change) => Event::CustomerAcquisition { header, change },
        })
    }
}

enum Family {
    Contact(ContactChange),
    Chat(ChatChange),
    Tag(TagChange),
    Acquisition(AcquisitionChange),
}

fn header(wire: &Wire<'_>) -> Result<EventHeader> {
    let time = wire.create_time.as_deref().or(wire.time_stamp.as_deref());
    let create_time = wire::number("CreateTime", time)?
        .map(Timestamp)
        .ok_or_else(|| Error::parse_xml("the event has no <CreateTime> (nor <TimeStamp>)"))?;
    Ok(EventHeader {
        to_user_name: optional(wire.to_user_name.as_deref()),
        from_user_name: optional(wire.from_user_name.as_deref()),
        create_time,
        msg_type: optional(wire.msg_type.as_deref()),
        suite_id: optional(wire.suite_id.as_deref()),
        auth_corp_id: optional(wire.auth_corp_id.as_deref()),
    })
}

/// Every top-level element by name; the first of a repeated name wins.
fn fields(elements: &[xml::Element<'_>]) -> BTreeMap<String, String> {
    let mut fields = BTreeMap::new();
    for element in elements {
        fields
            .entry(element.name.clone().into_owned())
            .or_insert_with(|| element.value.clone().into_owned());
    }
    fields
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

/// True when the raw fields name an event and change type this crate types.
fn is_known(fields: &BTreeMap<String, String>) -> bool {
    let event = fields.get("Event").or_else(|| fields.get("InfoType"));
    let change = fields
        .get("ChangeType")
        .map(String::as_str)
        .unwrap_or_default();
    match event.map(String::as_str) {
        Some("change_external_contact") => contact::is_known(change),
        Some("change_external_chat") => chat::is_known(change),
        Some("change_external_tag") => tag::is_known(change),
        Some("customer_acquisition") => acquisition::is_known(change),
        _ => false,
    }
}
