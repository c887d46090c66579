//! 结束语 (conclusions): what WeCom sends the customer when a temporary chat ends.

use serde::{Deserialize, Serialize};
use wecom_content::MAX_TEXT_CONTENT_BYTES;
use wecom_core::{Error, Result};

/// The payloads of 结束语 are the shared message shapes of `wecom-content`, under the names this crate
/// has always used: 文本, 图片 (send `media_id`; `get_contact_way` answers `pic_url`), 图文, 小程序.
pub use wecom_content::{
    Image as ConclusionImage, Link as ConclusionLink, MiniProgram as ConclusionMiniProgram,
    Text as ConclusionText,
};

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
    /// 图片消息: requests give only `media_id` (构造结束语时只能填写media_id); `get_contact_way`
    /// answers `pic_url`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<ConclusionImage>,
    /// 图文消息.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<ConclusionLink>,
    /// 小程序消息.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<ConclusionMiniProgram>,
}

impl Conclusions {
    /// Empty conclusions; add at least one message.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the text message.
    pub fn text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(ConclusionText::new(content));
        self
    }

    /// Sets the image message by its `media_id`.
    pub fn image(mut self, media_id: impl Into<String>) -> Self {
        self.image = Some(ConclusionImage::media(media_id));
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
            text.check("conclusions.text", MAX_TEXT_CONTENT_BYTES)?;
        }
        if let Some(link) = &self.link {
            link.check("conclusions.link")?;
        }
        if let Some(mp) = &self.miniprogram {
            mp.check("conclusions.miniprogram")?;
        }
        Ok(())
    }
}
