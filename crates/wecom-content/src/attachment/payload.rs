//! The payload of each kind of message content, as WeCom spells it under the kind's key
//! (`"link": {...}`), with the checks of its documented limits.

use serde::{Deserialize, Serialize};
use wecom_core::{check, Result};

use crate::limits::{
    MAX_LINK_DESC_BYTES, MAX_LINK_TITLE_BYTES, MAX_LINK_URL_BYTES, MAX_MINIPROGRAM_TITLE_BYTES,
};

/// 文本消息: `{"content": "…"}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Text {
    /// 消息文本内容, at most [`MAX_TEXT_CONTENT_BYTES`](crate::MAX_TEXT_CONTENT_BYTES) bytes for
    /// 结束语, mass and welcome messages, 3000 for group welcome templates.
    pub content: String,
}

impl Text {
    /// A text part holding `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
        }
    }

    /// Checks `content` ≤ `max_bytes`; errors name `{path}.content`.
    pub fn check(&self, path: &str, max_bytes: usize) -> Result<()> {
        check::max_bytes(&format!("{path}.content"), &self.content, max_bytes)
    }
}

/// 图片消息. Requests give `media_id` (from 上传临时素材) or, where the endpoint allows it, `pic_url`
/// (from 上传图片; not for 结束语); reads answer `pic_url`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Image {
    /// 图片的media_id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// 图片的链接: in requests only a link got from 上传图片; what reads answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pic_url: Option<String>,
}

impl Image {
    /// An image by the media_id of an uploaded file.
    pub fn media(media_id: impl Into<String>) -> Self {
        Self {
            media_id: Some(media_id.into()),
            pic_url: None,
        }
    }

    /// An image by a URL got from 上传图片.
    pub fn url(pic_url: impl Into<String>) -> Self {
        Self {
            media_id: None,
            pic_url: Some(pic_url.into()),
        }
    }
}

/// 图文消息 (a link card).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Link {
    /// 图文消息标题, at most [`MAX_LINK_TITLE_BYTES`] bytes.
    pub title: String,
    /// 图文消息封面的url.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picurl: Option<String>,
    /// 图文消息的描述, at most [`MAX_LINK_DESC_BYTES`] bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// 图文消息的链接.
    pub url: String,
    /// 图片链接封面 as a media_id from 上传附件资源: the cover of a link in a moment (朋友圈, doc 95094),
    /// where `picurl` and `desc` do not exist. Messages, welcome texts and 结束语 use `picurl`.
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

    /// Sets the cover's media_id (moments only).
    pub fn media_id(mut self, v: impl Into<String>) -> Self {
        self.media_id = Some(v.into());
        self
    }

    /// Checks `title` ≤ [`MAX_LINK_TITLE_BYTES`] and `desc` ≤ [`MAX_LINK_DESC_BYTES`]; errors name
    /// `{path}.title` and `{path}.desc`.
    pub fn check(&self, path: &str) -> Result<()> {
        check::max_bytes(&format!("{path}.title"), &self.title, MAX_LINK_TITLE_BYTES)?;
        let desc = self.desc.as_deref().unwrap_or_default();
        check::max_bytes(&format!("{path}.desc"), desc, MAX_LINK_DESC_BYTES)
    }

    /// Checks `url` and `picurl` ≤ [`MAX_LINK_URL_BYTES`], the limit of mass messages (doc 92135).
    pub fn check_urls(&self, path: &str) -> Result<()> {
        check::max_bytes(&format!("{path}.url"), &self.url, MAX_LINK_URL_BYTES)?;
        let picurl = self.picurl.as_deref().unwrap_or_default();
        check::max_bytes(&format!("{path}.picurl"), picurl, MAX_LINK_URL_BYTES)
    }
}

/// 小程序消息.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MiniProgram {
    /// 小程序消息标题, at most [`MAX_MINIPROGRAM_TITLE_BYTES`] bytes.
    pub title: String,
    /// 小程序消息封面的mediaid (520*416 recommended).
    pub pic_media_id: String,
    /// 小程序appid; the mini program must be linked to the corp.
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

    /// Checks `title` ≤ [`MAX_MINIPROGRAM_TITLE_BYTES`]; errors name `{path}.title`.
    pub fn check(&self, path: &str) -> Result<()> {
        check::max_bytes(
            &format!("{path}.title"),
            &self.title,
            MAX_MINIPROGRAM_TITLE_BYTES,
        )
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
