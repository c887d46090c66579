//! 结束语 (conclusions): what WeCom sends the customer when a temporary chat ends.

use serde::{Deserialize, Serialize};
use wecom_core::check::max_bytes;
use wecom_core::{Error, Result};

/// Longest `text.content`, in bytes (UTF-8).
pub const MAX_TEXT_CONTENT_BYTES: usize = 4000;
/// Longest `link.title`, in bytes (UTF-8).
pub const MAX_LINK_TITLE_BYTES: usize = 128;
/// Longest `link.desc`, in bytes (UTF-8).
pub const MAX_LINK_DESC_BYTES: usize = 512;
/// Longest `miniprogram.title`, in bytes (UTF-8).
pub const MAX_MINIPROGRAM_TITLE_BYTES: usize = 64;

/// 结束语: sent to the customer when a temporary chat ends (only used with `is_temp`).
///
/// `text`, `image`, `link` and `miniprogram` may not all be empty. `text` can go with one of the
/// others (the customer gets two messages); of `image`, `link` and `miniprogram` WeCom uses only the
/// first one given, in that order.
///
/// ```
/// use wecom_contact_way::{ConclusionLink, Conclusions};
/// let c = Conclusions::new()
///     .text("感谢咨询，祝您生活愉快")
///     .link(ConclusionLink::new("门诊须知", "https://example.com/notice").desc("就诊前请阅读"));
/// assert_eq!(c.text.unwrap().content, "感谢咨询，祝您生活愉快");
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Conclusions {
    /// 文本消息.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<ConclusionText>,
    /// 图片消息.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<ConclusionImage>,
    /// 图文消息.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<ConclusionLink>,
    /// 小程序消息.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<ConclusionMiniProgram>,
}

/// 文本结束语.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ConclusionText {
    /// 消息文本内容, at most [`MAX_TEXT_CONTENT_BYTES`] bytes.
    pub content: String,
}

/// 图片结束语: send `media_id`; answers carry `pic_url` instead.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ConclusionImage {
    /// 图片的media_id (from 素材管理); the only field a request may set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// 图片的url; returned by `get_contact_way`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pic_url: Option<String>,
}

/// 图文结束语.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ConclusionLink {
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
}

/// 小程序结束语.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ConclusionMiniProgram {
    /// 小程序消息标题, at most [`MAX_MINIPROGRAM_TITLE_BYTES`] bytes.
    pub title: String,
    /// 小程序消息封面的mediaid (suggested size 520*416).
    pub pic_media_id: String,
    /// 小程序appid; the mini program must be linked to the corp.
    pub appid: String,
    /// 小程序page路径.
    pub page: String,
}

impl Conclusions {
    /// Empty conclusions; add at least one message.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the text message.
    pub fn text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(ConclusionText {
            content: content.into(),
        });
        self
    }

    /// Sets the image message by its `media_id`.
    pub fn image(mut self, media_id: impl Into<String>) -> Self {
        self.image = Some(ConclusionImage {
            media_id: Some(media_id.into()),
            pic_url: None,
        });
        self
    }

    /// Sets the link message.
    pub fn link(mut self, link: ConclusionLink) -> Self {
        self.link = Some(link);
        self
    }

    /// Sets the mini-program message.
    pub fn miniprogram(mut self, miniprogram: ConclusionMiniProgram) -> Self {
        self.miniprogram = Some(miniprogram);
        self
    }

    /// Checks the documented limits: not all empty, and the byte lengths of texts and titles.
    pub fn check(&self) -> Result<()> {
        if self.text.is_none()
            && self.image.is_none()
            && self.link.is_none()
            && self.miniprogram.is_none()
        {
            return Err(Error::invalid_request(
                "conclusions: text, image, link and miniprogram may not all be empty",
            ));
        }
        if let Some(text) = &self.text {
            max_bytes(
                "conclusions.text.content",
                &text.content,
                MAX_TEXT_CONTENT_BYTES,
            )?;
        }
        if let Some(link) = &self.link {
            max_bytes("conclusions.link.title", &link.title, MAX_LINK_TITLE_BYTES)?;
            if let Some(desc) = &link.desc {
                max_bytes("conclusions.link.desc", desc, MAX_LINK_DESC_BYTES)?;
            }
        }
        if let Some(mp) = &self.miniprogram {
            max_bytes(
                "conclusions.miniprogram.title",
                &mp.title,
                MAX_MINIPROGRAM_TITLE_BYTES,
            )?;
        }
        Ok(())
    }
}

impl ConclusionLink {
    /// A link message with its two required fields.
    pub fn new(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            url: url.into(),
            ..Self::default()
        }
    }

    /// Sets the cover picture URL.
    pub fn picurl(mut self, v: impl Into<String>) -> Self {
        self.picurl = Some(v.into());
        self
    }

    /// Sets the description.
    pub fn desc(mut self, v: impl Into<String>) -> Self {
        self.desc = Some(v.into());
        self
    }
}

impl ConclusionMiniProgram {
    /// A mini-program message; every field is required.
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
