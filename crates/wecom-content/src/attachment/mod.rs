//! Message content: the payload of each kind ([`Text`], [`Image`], [`Link`], [`MiniProgram`],
//! [`Media`]) and the [`Attachment`] that tags one with its `msgtype`.
//!
//! WeCom arranges the same payloads in two ways: keyed by kind in one object (结束语, group welcome
//! templates: `{"text":{…},"link":{…}}`, a struct of options in the domain crate), or as a list of
//! tagged attachments (mass messages, welcome messages, moments: `[{"msgtype":"link","link":{…}}]`).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use wecom_core::Result;

mod payload;

pub use payload::{Image, Link, Media, MiniProgram, Text};

/// One attachment, tagged by `msgtype` with its payload under the key of its kind:
/// `{"msgtype":"image","image":{"media_id":"…"}}`.
///
/// An attachment of a kind this SDK does not know yet decodes as [`Attachment::Unknown`] and encodes
/// back unchanged.
///
/// ```
/// use wecom_content::Attachment;
/// let a = Attachment::link("企业微信", "https://work.weixin.qq.com");
/// assert_eq!(
///     serde_json::to_value(&a).unwrap(),
///     serde_json::json!({"msgtype":"link","link":{"title":"企业微信","url":"https://work.weixin.qq.com"}})
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Attachment {
    /// `msgtype` `image`: 图片.
    Image(Image),
    /// `msgtype` `link`: 图文.
    Link(Link),
    /// `msgtype` `miniprogram`: 小程序.
    MiniProgram(MiniProgram),
    /// `msgtype` `video`: 视频.
    Video(Media),
    /// `msgtype` `file`: 文件.
    File(Media),
    /// Any other `msgtype` (or a known one whose payload did not decode), kept as sent.
    Unknown {
        /// The `msgtype` as sent (empty when absent).
        msgtype: String,
        /// The whole attachment object.
        raw: Value,
    },
}

impl Attachment {
    /// An image by the media_id of an uploaded file.
    pub fn image_media(media_id: impl Into<String>) -> Self {
        Self::Image(Image::media(media_id))
    }

    /// An image by a URL got from 上传图片.
    pub fn image_url(pic_url: impl Into<String>) -> Self {
        Self::Image(Image::url(pic_url))
    }

    /// A link card with a title and URL; build a [`Link`] for the cover and description.
    pub fn link(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self::Link(Link::new(title, url))
    }

    /// A mini-program card.
    pub fn miniprogram(
        title: impl Into<String>,
        pic_media_id: impl Into<String>,
        appid: impl Into<String>,
        page: impl Into<String>,
    ) -> Self {
        Self::MiniProgram(MiniProgram::new(title, pic_media_id, appid, page))
    }

    /// A video by media_id.
    pub fn video(media_id: impl Into<String>) -> Self {
        Self::Video(Media::new(media_id))
    }

    /// A file by media_id.
    pub fn file(media_id: impl Into<String>) -> Self {
        Self::File(Media::new(media_id))
    }

    /// The `msgtype` this attachment is sent with.
    pub fn msgtype(&self) -> &str {
        match self {
            Self::Image(_) => "image",
            Self::Link(_) => "link",
            Self::MiniProgram(_) => "miniprogram",
            Self::Video(_) => "video",
            Self::File(_) => "file",
            Self::Unknown { msgtype, .. } => msgtype,
        }
    }

    /// Checks the byte limits of the payload's texts ([`Link::check`], [`MiniProgram::check`]); errors
    /// name `{path}.link.title` and so on.
    pub fn check(&self, path: &str) -> Result<()> {
        match self {
            Self::Link(link) => link.check(&format!("{path}.link")),
            Self::MiniProgram(mp) => mp.check(&format!("{path}.miniprogram")),
            _ => Ok(()),
        }
    }
}

impl From<Image> for Attachment {
    fn from(v: Image) -> Self {
        Self::Image(v)
    }
}

impl From<Link> for Attachment {
    fn from(v: Link) -> Self {
        Self::Link(v)
    }
}

impl From<MiniProgram> for Attachment {
    fn from(v: MiniProgram) -> Self {
        Self::MiniProgram(v)
    }
}

impl Serialize for Attachment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let payload = match self {
            Self::Image(v) => serde_json::to_value(v),
            Self::Link(v) => serde_json::to_value(v),
            Self::MiniProgram(v) => serde_json::to_value(v),
            Self::Video(v) | Self::File(v) => serde_json::to_value(v),
            Self::Unknown { raw, .. } => return raw.serialize(serializer),
        }
        .map_err(serde::ser::Error::custom)?;
        let kind = self.msgtype();
        let mut object = Map::with_capacity(2);
        object.insert("msgtype".to_owned(), Value::String(kind.to_owned()));
        object.insert(kind.to_owned(), payload);
        object.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Attachment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Value::deserialize(deserializer)?;
        if !raw.is_object() {
            return Err(D::Error::custom("an attachment must be a JSON object"));
        }
        let msgtype = raw
            .get("msgtype")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let payload = raw.get(msgtype.as_str()).cloned();
        let known = payload.and_then(|p| {
            let decoded = match msgtype.as_str() {
                "image" => serde_json::from_value(p).map(Self::Image),
                "link" => serde_json::from_value(p).map(Self::Link),
                "miniprogram" => serde_json::from_value(p).map(Self::MiniProgram),
                "video" => serde_json::from_value(p).map(Self::Video),
                "file" => serde_json::from_value(p).map(Self::File),
                _ => return None,
            };
            decoded.ok()
        });
        Ok(known.unwrap_or(Self::Unknown { msgtype, raw }))
    }
}
