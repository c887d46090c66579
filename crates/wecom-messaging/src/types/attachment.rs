//! Message content shared by mass messages, welcome messages and group welcome templates: the text part
//! and the [`Attachment`] enum.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use wecom_core::{check, Error, Result};

/// The most attachments one mass or welcome message may carry (doc 92135, 92137).
pub const MAX_ATTACHMENTS: usize = 9;

/// 文本消息: `{"content": "…"}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Text {
    /// 消息文本内容 (at most 4000 bytes for mass and welcome messages, 3000 for group welcome templates).
    pub content: String,
}

impl Text {
    /// A text part holding `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
        }
    }
}

/// 图片消息: give `media_id` (from 上传临时素材) or `pic_url` (from 上传图片).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Image {
    /// 图片的media_id, from 上传临时素材.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// 图片的链接, only a link got from 上传图片.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pic_url: Option<String>,
}

/// 图文消息 (a link card).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Link {
    /// 图文消息标题, at most 128 bytes.
    pub title: String,
    /// 图文消息封面的url.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picurl: Option<String>,
    /// 图文消息的描述, at most 512 bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// 图文消息的链接.
    pub url: String,
    /// 图文消息封面的media_id (an alternative to `picurl` that some WeCom pages document).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
}

impl Link {
    /// A link card with its required title and URL.
    pub fn new(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            url: url.into(),
            ..Self::default()
        }
    }

    /// Sets 图文消息封面的url.
    pub fn picurl(mut self, v: impl Into<String>) -> Self {
        self.picurl = Some(v.into());
        self
    }

    /// Sets 图文消息的描述.
    pub fn desc(mut self, v: impl Into<String>) -> Self {
        self.desc = Some(v.into());
        self
    }

    /// Sets the cover's media_id.
    pub fn media_id(mut self, v: impl Into<String>) -> Self {
        self.media_id = Some(v.into());
        self
    }
}

/// 小程序消息.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MiniProgram {
    /// 小程序消息标题, at most 64 bytes.
    pub title: String,
    /// 小程序消息封面的mediaid (520*416 recommended).
    pub pic_media_id: String,
    /// 小程序appid, a mini program associated with the corp.
    pub appid: String,
    /// 小程序page路径.
    pub page: String,
}

impl MiniProgram {
    /// A mini-program card; every field is required by WeCom.
    pub fn new(
        title: impl Into<String>,
        pic_media_id: impl Into<String>,
        appid: impl Into<String>,
        page: impl Into<String>,
    ) -> Self {
        Self {
            title: title.into(),
            pic_media_id: pic_media_id.into(),
            appid: appid.into(),
            page: page.into(),
        }
    }
}

/// A `{"media_id": "…"}` payload: 视频消息 and 文件消息.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Media {
    /// 媒体文件id, from 上传临时素材.
    pub media_id: String,
}

impl Media {
    /// A payload naming an uploaded media file.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
        }
    }
}

/// One attachment of a mass or welcome message, tagged by `msgtype` with its payload under the key of its
/// kind: `{"msgtype":"image","image":{"media_id":"…"}}`.
///
/// An attachment of a kind this SDK does not know yet decodes as [`Attachment::Unknown`] and encodes
/// back unchanged.
///
/// ```
/// use wecom_messaging::Attachment;
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
        Self::Image(Image {
            media_id: Some(media_id.into()),
            pic_url: None,
        })
    }

    /// An image by a URL got from 上传图片.
    pub fn image_url(pic_url: impl Into<String>) -> Self {
        Self::Image(Image {
            media_id: None,
            pic_url: Some(pic_url.into()),
        })
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

    /// Checks the byte limits WeCom documents for the payload's texts.
    pub(crate) fn check(&self, field: &str) -> Result<()> {
        match self {
            Self::Link(link) => {
                check::max_bytes(&format!("{field}.link.title"), &link.title, 128)?;
                check::max_bytes(
                    &format!("{field}.link.desc"),
                    link.desc.as_deref().unwrap_or(""),
                    512,
                )
            }
            Self::MiniProgram(mp) => {
                check::max_bytes(&format!("{field}.miniprogram.title"), &mp.title, 64)
            }
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

/// Checks a message's text and attachments: at most [`MAX_ATTACHMENTS`], each within its limits, the
/// text within `max_text_bytes`, and not both empty.
pub(crate) fn check_message(
    text: Option<&Text>,
    attachments: &[Attachment],
    max_text_bytes: usize,
) -> Result<()> {
    check::count_between("attachments", attachments.len(), 0, MAX_ATTACHMENTS)?;
    let content = text.map_or("", |t| t.content.as_str());
    if content.is_empty() && attachments.is_empty() {
        return Err(Error::invalid_request(
            "the message is empty: give text.content or at least one attachment",
        ));
    }
    check::max_bytes("text.content", content, max_text_bytes)?;
    for (i, attachment) in attachments.iter().enumerate() {
        attachment.check(&format!("attachments[{i}]"))?;
    }
    Ok(())
}
