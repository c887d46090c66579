//! The flat serde model of an event plaintext: every element any known event carries, as text. Typed values
//! are built from it by the sibling modules; unknown elements are ignored here (and kept by
//! `Event::Unknown`).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};

/// Every top-level element a known event may carry (self-built and third-party envelopes).
#[derive(Debug, Default, Deserialize)]
#[serde(bound(deserialize = "'de: 'a"))]
pub(super) struct Wire<'a> {
    #[serde(rename = "ToUserName", default, deserialize_with = "present")]
    pub to_user_name: Option<Cow<'a, str>>,
    #[serde(rename = "FromUserName", default, deserialize_with = "present")]
    pub from_user_name: Option<Cow<'a, str>>,
    #[serde(rename = "CreateTime", default, deserialize_with = "present")]
    pub create_time: Option<Cow<'a, str>>,
    #[serde(rename = "MsgType", default, deserialize_with = "present")]
    pub msg_type: Option<Cow<'a, str>>,
    #[serde(rename = "Event", default, deserialize_with = "present")]
    pub event: Option<Cow<'a, str>>,
    #[serde(rename = "SuiteId", default, deserialize_with = "present")]
    pub suite_id: Option<Cow<'a, str>>,
    #[serde(rename = "AuthCorpId", default, deserialize_with = "present")]
    pub auth_corp_id: Option<Cow<'a, str>>,
    #[serde(rename = "InfoType", default, deserialize_with = "present")]
    pub info_type: Option<Cow<'a, str>>,
    #[serde(rename = "TimeStamp", default, deserialize_with = "present")]
    pub time_stamp: Option<Cow<'a, str>>,
    #[serde(rename = "ChangeType", default, deserialize_with = "present")]
    pub change_type: Option<Cow<'a, str>>,
    // change_external_contact
    #[serde(rename = "UserID", default, deserialize_with = "present")]
    pub user_id: Option<Cow<'a, str>>,
    #[serde(rename = "ExternalUserID", default, deserialize_with = "present")]
    pub external_user_id: Option<Cow<'a, str>>,
    #[serde(rename = "State", default, deserialize_with = "present")]
    pub state: Option<Cow<'a, str>>,
    #[serde(rename = "WelcomeCode", default, deserialize_with = "present")]
    pub welcome_code: Option<Cow<'a, str>>,
    #[serde(rename = "Source", default, deserialize_with = "present")]
    pub source: Option<Cow<'a, str>>,
    #[serde(rename = "FailReason", default, deserialize_with = "present")]
    pub fail_reason: Option<Cow<'a, str>>,
    // change_external_chat
    #[serde(rename = "ChatId", default, deserialize_with = "present")]
    pub chat_id: Option<Cow<'a, str>>,
    #[serde(rename = "UpdateDetail", default, deserialize_with = "present")]
    pub update_detail: Option<Cow<'a, str>>,
    #[serde(rename = "JoinScene", default, deserialize_with = "present")]
    pub join_scene: Option<Cow<'a, str>>,
    #[serde(rename = "QuitScene", default, deserialize_with = "present")]
    pub quit_scene: Option<Cow<'a, str>>,
    #[serde(rename = "MemChangeCnt", default, deserialize_with = "present")]
    pub mem_change_cnt: Option<Cow<'a, str>>,
    #[serde(rename = "MemChangeList", default, deserialize_with = "present")]
    /// The inner XML of the `<Item>` list; see `crate::xml::items`.
    pub mem_change_list: Option<Cow<'a, str>>,
    #[serde(rename = "LastMemVer", default, deserialize_with = "present")]
    pub last_mem_ver: Option<Cow<'a, str>>,
    #[serde(rename = "CurMemVer", default, deserialize_with = "present")]
    pub cur_mem_ver: Option<Cow<'a, str>>,
    // change_external_tag
    #[serde(rename = "Id", default, deserialize_with = "present")]
    pub id: Option<Cow<'a, str>>,
    #[serde(rename = "TagType", default, deserialize_with = "present")]
    pub tag_type: Option<Cow<'a, str>>,
    #[serde(rename = "StrategyId", default, deserialize_with = "present")]
    pub strategy_id: Option<Cow<'a, str>>,
    // customer_acquisition
    #[serde(rename = "LinkId", default, deserialize_with = "present")]
    pub link_id: Option<Cow<'a, str>>,
    #[serde(rename = "ChatKey", default, deserialize_with = "present")]
    pub chat_key: Option<Cow<'a, str>>,
    #[serde(rename = "ExpireTime", default, deserialize_with = "present")]
    pub expire_time: Option<Cow<'a, str>>,
    #[serde(rename = "ExpireQuotaNum", default, deserialize_with = "present")]
    pub expire_quota_num: Option<Cow<'a, str>>,
}

/// An element that is present (possibly empty): `Some`; `#[serde(default)]` makes an absent one `None`.
/// The text is borrowed from the document unless the parser had to build it (references, pieces).
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    struct Text;

    impl<'de> Visitor<'de> for Text {
        type Value = Cow<'de, str>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("the text of an element")
        }

        fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(text))
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(text.to_owned()))
        }

        fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(text))
        }
    }

    deserializer.deserialize_str(Text).map(Some)
}

impl<'a> Wire<'a> {
    /// The event name: `Event`, or `InfoType` in the third-party envelope.
    pub fn event_name(&self) -> Option<&str> {
        self.event.as_deref().or(self.info_type.as_deref())
    }
}

/// A text field that WeCom always sends for this event (empty when absent).
pub(super) fn text(field: Option<&str>) -> String {
    field.map(str::to_owned).unwrap_or_default()
}

/// An optional text field.
pub(super) fn optional(field: Option<&str>) -> Option<String> {
    field.map(str::to_owned)
}

/// Parses an optional integer element; absent or blank is `None`, anything else must be a number.
pub(super) fn number<T: std::str::FromStr>(
    name: &'static str,
    field: Option<&str>,
) -> Result<Option<T>> {
    match field.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => value
            .parse()
            .map(Some)
            .map_err(|_| Error::parse_xml(format!("<{name}> is not an integer: {value:?}"))),
    }
}
