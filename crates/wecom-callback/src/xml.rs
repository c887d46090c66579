//! quick-xml's pull parser over a flat WeCom document (`<xml><A>…</A><B>…</B></xml>`): the top-level
//! elements in order, each with its text ([`Children`]). Collected ([`elements`]) they back every parsed
//! [`Event`](crate::Event): typed fields, `extra` and [`Event::Unknown`](crate::Event::Unknown).
//!
//! The parser checks well-formedness (matching end tags, one root, nothing after it). A simple element gives
//! its text: CDATA unwrapped, character and predefined entity references resolved, indentation dropped. An
//! element with children gives its inner XML as written (e.g. `<Item>a</Item><Item>b</Item>`). DTDs are
//! skipped and their entities never expanded.

use std::borrow::Cow;

use quick_xml::events::{BytesRef, Event as XmlEvent};
use quick_xml::Reader;

use crate::error::{Error, Result};

/// A child of the root element.
#[derive(Debug)]
pub(crate) struct Element<'a> {
    pub name: Cow<'static, str>,
    pub value: Cow<'a, str>,
}

/// The root's children, read one at a time.
pub(crate) struct Children<'a> {
    xml: &'a str,
    reader: Reader<&'a [u8]>,
    depth: usize,
    seen_root: bool,
}

impl<'a> Children<'a> {
    pub(crate) fn new(xml: &'a str) -> Self {
        Self {
            xml,
            reader: Reader::from_str(xml),
            depth: 0,
            seen_root: false,
        }
    }

    /// The next child of the root; `None` at the end of a complete document.
    pub(crate) fn next_element(&mut self) -> Result<Option<Element<'a>>> {
        // The child being read: its name, where its content starts, its text so far, and whether it has
        // children of its own or CDATA.
        let mut name: Cow<'static, str> = Cow::Borrowed("");
        let mut content_start = 0usize;
        let mut value: Cow<'a, str> = Cow::Borrowed("");
        let mut nested = false;
        let mut cdata = false;
        loop {
            let before = position(&self.reader);
            match self.reader.read_event().map_err(Error::parse_xml)? {
                XmlEvent::Start(start) => {
                    self.depth += 1;
                    match self.depth {
                        1 if self.seen_root => {
                            return Err(Error::parse_xml("more than one root element"))
                        }
                        1 => self.seen_root = true,
                        2 => {
                            name = name_of(start.name().as_ref())?;
                            content_start = position(&self.reader);
                        }
                        _ => nested = true,
                    }
                }
                XmlEvent::Empty(empty) => match self.depth {
                    0 if self.seen_root => {
                        return Err(Error::parse_xml("more than one root element"))
                    }
                    0 => self.seen_root = true,
                    1 => {
                        return Ok(Some(Element {
                            name: name_of(empty.name().as_ref())?,
                            value: Cow::Borrowed(""),
                        }))
                    }
                    _ => nested = true,
                },
                XmlEvent::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 1 {
                        let value = if nested {
                            Cow::Borrowed(self.xml.get(content_start..before).unwrap_or_default())
                        } else if cdata {
                            value
                        } else {
                            trim(value)
                        };
                        return Ok(Some(Element { name, value }));
                    }
                }
                XmlEvent::Text(text) if self.depth == 2 => {
                    let text = text.decode().map_err(Error::parse_xml)?;
                    // Indentation around CDATA is layout, not content.
                    if !text.trim().is_empty() {
                        append(&mut value, text);
                    }
                }
                XmlEvent::CData(data) if self.depth == 2 => {
                    cdata = true;
                    append(&mut value, data.decode().map_err(Error::parse_xml)?);
                }
                XmlEvent::GeneralRef(reference) if self.depth == 2 => {
                    append(&mut value, resolve(&reference)?);
                }
                XmlEvent::Text(text)
                    if self.depth == 0 && !text.iter().all(u8::is_ascii_whitespace) =>
                {
                    return Err(Error::parse_xml("text outside the root element"));
                }
                XmlEvent::Eof if self.seen_root && self.depth == 0 => return Ok(None),
                XmlEvent::Eof => return Err(Error::parse_xml("not a complete XML document")),
                _ => {}
            }
        }
    }
}

/// A character or predefined entity reference; an unknown entity is kept as written (never expanded).
fn resolve(reference: &BytesRef<'_>) -> Result<Cow<'static, str>> {
    if let Some(c) = reference.resolve_char_ref().map_err(Error::parse_xml)? {
        return Ok(Cow::Owned(c.to_string()));
    }
    let name = reference.decode().map_err(Error::parse_xml)?;
    Ok(match quick_xml::escape::resolve_predefined_entity(&name) {
        Some(value) => Cow::Borrowed(value),
        None => Cow::Owned(format!("&{name};")),
    })
}

/// Every child of the root, in document order (names may repeat).
pub(crate) fn elements(xml: &str) -> Result<Vec<Element<'_>>> {
    let mut children = Children::new(xml);
    // An event has about ten elements: one allocation, no regrowth.
    let mut elements = Vec::with_capacity(16);
    while let Some(element) = children.next_element()? {
        elements.push(element);
    }
    Ok(elements)
}

/// The texts of the `<Item>` children of an element's value (`MemChangeList`): `Some` when the value is
/// blank or holds `<Item>` elements only (text between them is layout), `None` for anything else (plain text,
/// another child element, malformed XML), so that the caller can keep the value raw instead.
pub(crate) fn items(value: &str) -> Option<Vec<String>> {
    let value = value.trim();
    if value.is_empty() {
        return Some(Vec::new());
    }
    if !value.starts_with('<') {
        return None;
    }
    let wrapped = format!("<list>{value}</list>");
    let mut children = Children::new(&wrapped);
    let mut items = Vec::new();
    while let Some(element) = children.next_element().ok()? {
        if element.name != "Item" {
            return None;
        }
        items.push(element.value.into_owned());
    }
    Some(items)
}

fn trim(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    }
}

fn position(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

/// The name of an element; those WeCom sends are static, so the common case allocates nothing.
fn name_of(name: &[u8]) -> Result<Cow<'static, str>> {
    let known = match name {
        b"ToUserName" => "ToUserName",
        b"FromUserName" => "FromUserName",
        b"CreateTime" => "CreateTime",
        b"MsgType" => "MsgType",
        b"Event" => "Event",
        b"ChangeType" => "ChangeType",
        b"UserID" => "UserID",
        b"ExternalUserID" => "ExternalUserID",
        b"State" => "State",
        b"WelcomeCode" => "WelcomeCode",
        b"Source" => "Source",
        b"FailReason" => "FailReason",
        b"ChatId" => "ChatId",
        b"UpdateDetail" => "UpdateDetail",
        b"JoinScene" => "JoinScene",
        b"QuitScene" => "QuitScene",
        b"MemChangeCnt" => "MemChangeCnt",
        b"MemChangeList" => "MemChangeList",
        b"LastMemVer" => "LastMemVer",
        b"CurMemVer" => "CurMemVer",
        b"Id" => "Id",
        b"TagType" => "TagType",
        b"StrategyId" => "StrategyId",
        b"LinkId" => "LinkId",
        b"ChatKey" => "ChatKey",
        b"ExpireTime" => "ExpireTime",
        b"ExpireQuotaNum" => "ExpireQuotaNum",
        b"ChatSeq" => "ChatSeq",
        b"OnceKey" => "OnceKey",
        b"Price" => "Price",
        b"EffectiveTime" => "EffectiveTime",
        b"SuiteId" => "SuiteId",
        b"AuthCorpId" => "AuthCorpId",
        b"InfoType" => "InfoType",
        b"TimeStamp" => "TimeStamp",
        b"Encrypt" => "Encrypt",
        b"AgentID" => "AgentID",
        b"Item" => "Item",
        _ => {
            return std::str::from_utf8(name)
                .map(|name| Cow::Owned(name.to_owned()))
                .map_err(Error::parse_xml)
        }
    };
    Ok(Cow::Borrowed(known))
}

fn append<'a>(value: &mut Cow<'a, str>, text: Cow<'a, str>) {
    if value.is_empty() {
        *value = text;
    } else {
        value.to_mut().push_str(&text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(xml: &str) -> Vec<(String, String)> {
        elements(xml)
            .unwrap()
            .into_iter()
            .map(|e| (e.name.into_owned(), e.value.into_owned()))
            .collect()
    }

    #[test]
    fn keeps_text_cdata_and_inner_xml() {
        let xml = "<?xml version=\"1.0\"?>\n<xml>\n  <A><![CDATA[ x < y ]]></A><B> 12 </B><C><Item>1</Item><Item>2</Item></C><D/>\
                   <E>a &amp; b &#x4e2d;</E><A>second</A><F>\n  <![CDATA[z]]>\n</F></xml>\n";
        let pairs = [
            ("A", " x < y "),
            ("B", "12"),
            ("C", "<Item>1</Item><Item>2</Item>"),
            ("D", ""),
            ("E", "a & b 中"),
            ("A", "second"),
            ("F", "z"),
        ];
        let expected: Vec<(String, String)> = pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(map(xml), expected);
        assert_eq!(
            items(" <Item>a</Item>\n<Item><![CDATA[b]]></Item><Item/> ").unwrap(),
            ["a", "b", ""]
        );
        assert_eq!(items("  ").unwrap(), Vec::<String>::new());
        for not_a_list in ["<Item>a</Item><Other>c</Other>", "abc", "<Item>a</Itm>"] {
            assert_eq!(items(not_a_list), None, "{not_a_list:?}");
        }
    }

    #[test]
    fn rejects_malformed() {
        for xml in [
            "",
            "<xml>",
            "<xml><A></B></xml>",
            "<a/><b/>",
            "text",
            "<xml></xml>junk",
            "<x><A>",
        ] {
            assert!(elements(xml).is_err(), "{xml:?}");
        }
    }
}
