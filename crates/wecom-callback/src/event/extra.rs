//! [`Extra`]: the elements of a typed event that no typed field holds.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::xml;

/// The top-level elements of a typed event that no typed field holds, in document order: elements WeCom
/// added after this crate was written, elements a change type does not document (a `State` on an edit
/// event), repeats of a typed element, and typed elements whose value did not fit (a `StrategyId` that is
/// not a number; the typed field is then `None`).
///
/// The envelope (`ToUserName`, `FromUserName`, `CreateTime`, `MsgType`, `Event`, `ChangeType`, `InfoType`,
/// `SuiteId`, `AuthCorpId`, `TimeStamp`) is never here: it is in [`EventHeader`](super::EventHeader) and
/// the variant. A value is the element's text (CDATA unwrapped, entities resolved); an element with children
/// keeps its inner XML as written, which [`Extra::items`] splits when it is an `<Item>` list.
///
/// Serialized as a map from name to text, or to a list of texts for a name that repeats.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extra {
    elements: Vec<(String, String)>,
}

impl Extra {
    /// The text of the first element with this name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.elements
            .iter()
            .find(|(element, _)| element == name)
            .map(|(_, value)| value.as_str())
    }

    /// The texts of every element with this name, in document order.
    pub fn get_all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.elements
            .iter()
            .filter(move |(element, _)| element == name)
            .map(|(_, value)| value.as_str())
    }

    /// The `<Item>` texts of the first element with this name (e.g. a list WeCom adds one day): `None` when
    /// there is no such element or its value is anything but `<Item>` elements.
    pub fn items(&self, name: &str) -> Option<Vec<String>> {
        xml::items(self.get(name)?)
    }

    /// Every element as `(name, text)`, in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.elements
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
    }

    /// How many elements there are (a repeated name counts each time).
    pub fn len(&self) -> usize {
        self.elements.len()
    }

    /// True when the event carried nothing beyond its typed fields.
    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }
}

/// `(name, text)` pairs in document order.
impl<N: Into<String>, V: Into<String>> FromIterator<(N, V)> for Extra {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(pairs: I) -> Self {
        Self {
            elements: pairs
                .into_iter()
                .map(|(name, value)| (name.into(), value.into()))
                .collect(),
        }
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut names: Vec<&str> = Vec::new();
        for (name, _) in self.iter() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let mut map = serializer.serialize_map(Some(names.len()))?;
        for name in names {
            let values: Vec<&str> = self.get_all(name).collect();
            match values.as_slice() {
                [one] => map.serialize_entry(name, one)?,
                many => map.serialize_entry(name, many)?,
            }
        }
        map.end()
    }
}
