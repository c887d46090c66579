//! The plaintext as read: every top-level element in document order ([`Wire`]), and a [`Reader`] that hands
//! elements to typed fields and marks each one it uses. What no typed field and no header field took becomes
//! the event's [`Extra`], so nothing WeCom sends is dropped.

use std::collections::BTreeMap;
use std::str::FromStr;

use super::extra::Extra;
use super::Timestamp;
use crate::error::Result;
use crate::xml;

/// The elements of the envelope ([`EventHeader`](super::EventHeader), event name and change type); never in
/// `extra`.
const HEADER: [&str; 10] = [
    "ToUserName",
    "FromUserName",
    "CreateTime",
    "MsgType",
    "Event",
    "ChangeType",
    "InfoType",
    "SuiteId",
    "AuthCorpId",
    "TimeStamp",
];

/// Every top-level element of a plaintext, in document order (names may repeat).
pub(super) struct Wire<'a> {
    elements: Vec<xml::Element<'a>>,
}

impl<'a> Wire<'a> {
    /// Reads the document in one pass; only malformed XML is an error.
    pub fn read(xml: &'a str) -> Result<Self> {
        Ok(Self {
            elements: xml::elements(xml)?,
        })
    }

    /// The text of the first element with this name.
    pub fn first(&self, name: &str) -> Option<&str> {
        self.elements
            .iter()
            .find(|element| element.name == name)
            .map(|element| element.value.as_ref())
    }

    /// The event name: `Event`, or `InfoType` in the third-party envelope.
    pub fn event_name(&self) -> Option<&str> {
        self.first("Event").or_else(|| self.first("InfoType"))
    }

    /// `ChangeType` (empty when absent).
    pub fn change_type(&self) -> &str {
        self.first("ChangeType").unwrap_or_default()
    }

    /// Every element by name, the first of a repeated name winning (for `Event::Unknown`).
    pub fn fields(&self) -> BTreeMap<String, String> {
        let mut fields = BTreeMap::new();
        for element in &self.elements {
            fields
                .entry(element.name.clone().into_owned())
                .or_insert_with(|| element.value.clone().into_owned());
        }
        fields
    }

    /// A reader that has taken nothing yet.
    pub fn reader(&self) -> Reader<'_, 'a> {
        Reader {
            elements: &self.elements,
            taken: 0,
            taken_beyond: Vec::new(),
        }
    }
}

/// Hands elements to typed fields. Each method takes the first occurrence of a name, and marks it only when
/// the typed value holds all of it: a number that does not parse, or a list with more than `<Item>`s, stays
/// unmarked and so reaches `extra` as raw text.
pub(super) struct Reader<'w, 'a> {
    elements: &'w [xml::Element<'a>],
    /// Which of the first 64 elements are taken (a typed field is among them in any real event).
    taken: u64,
    /// Positions from 64 on that are taken.
    taken_beyond: Vec<usize>,
}

impl Reader<'_, '_> {
    /// The first element with this name: its position and text.
    fn find(&self, name: &str) -> Option<(usize, &str)> {
        self.elements
            .iter()
            .enumerate()
            .find(|(_, element)| element.name == name)
            .map(|(at, element)| (at, element.value.as_ref()))
    }

    fn take(&mut self, at: usize) {
        if at < 64 {
            self.taken |= 1 << at;
        } else {
            self.taken_beyond.push(at);
        }
    }

    fn is_taken(&self, at: usize) -> bool {
        if at < 64 {
            self.taken & (1 << at) != 0
        } else {
            self.taken_beyond.contains(&at)
        }
    }

    /// An element WeCom always sends for this change (empty when a delivery lacks it).
    pub fn text(&mut self, name: &str) -> String {
        self.optional(name).unwrap_or_default()
    }

    /// An optional text element.
    pub fn optional(&mut self, name: &str) -> Option<String> {
        let (at, value) = self.find(name)?;
        let value = value.to_owned();
        self.take(at);
        Some(value)
    }

    /// An optional text element, converted (a value set such as `FailReason`).
    pub fn value<T: From<String>>(&mut self, name: &str) -> Option<T> {
        self.optional(name).map(T::from)
    }

    /// An integer element: `None` when absent, blank or not a number (then its text stays for `extra`).
    pub fn number<T: FromStr>(&mut self, name: &str) -> Option<T> {
        let (at, value) = self.find(name)?;
        let number = value.trim().parse().ok()?;
        self.take(at);
        Some(number)
    }

    /// A Unix time in seconds other than the event's own (which is stricter, see `header`).
    pub fn timestamp(&mut self, name: &str) -> Option<Timestamp> {
        self.number(name).map(Timestamp)
    }

    /// The `<Item>` texts of a list element; empty when absent, or when it holds more than items (then the
    /// whole value stays for `extra`).
    pub fn items(&mut self, name: &str) -> Vec<String> {
        let Some((at, value)) = self.find(name) else {
            return Vec::new();
        };
        match xml::items(value) {
            Some(items) => {
                self.take(at);
                items
            }
            None => Vec::new(),
        }
    }

    /// Every element neither taken nor part of the envelope, in document order.
    pub fn into_extra(self) -> Extra {
        self.elements
            .iter()
            .enumerate()
            .filter(|(at, element)| !self.is_taken(*at) && !HEADER.contains(&element.name.as_ref()))
            .map(|(_, element)| (element.name.as_ref(), element.value.as_ref()))
            .collect()
    }
}
