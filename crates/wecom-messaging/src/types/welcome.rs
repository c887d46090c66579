//! 发送新客户欢迎语 (doc 92137) and 入群欢迎语素材管理 (doc 92366).

use serde::{Deserialize, Serialize};
use wecom_core::{EmptyResponse, Error, Result};

use super::attachment::{check_message, Attachment, Image, Link, Media, MiniProgram, Text};
use super::Notify;

/// Most bytes of a welcome message's `text.content` (doc 92137).
pub const MAX_WELCOME_TEXT_BYTES: usize = wecom_content::MAX_TEXT_CONTENT_BYTES;
/// Most bytes of a group welcome template's `text.content` (doc 92366).
pub const MAX_TEMPLATE_TEXT_BYTES: usize = 3_000;

/// The body of `send_welcome_msg` (发送新客户欢迎语).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SendWelcomeMsgRequest {
    /// 通过添加外部联系人事件推送给企业的发送欢迎语的凭证: usable once, within 20 seconds of the event.
    pub welcome_code: String,
    /// 消息文本内容, at most 4000 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// 附件, at most 9.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

impl SendWelcomeMsgRequest {
    /// A welcome message for the `welcome_code` of an `add_external_contact` callback.
    pub fn new(welcome_code: impl Into<String>) -> Self {
        Self {
            welcome_code: welcome_code.into(),
            ..Self::default()
        }
    }

    /// Sets 消息文本内容.
    pub fn text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(Text::new(content));
        self
    }

    /// Adds one attachment.
    pub fn attachment(mut self, v: impl Into<Attachment>) -> Self {
        self.attachments.push(v.into());
        self
    }

    /// Replaces the attachments.
    pub fn attachments(mut self, v: impl IntoIterator<Item = Attachment>) -> Self {
        self.attachments = v.into_iter().collect();
        self
    }

    /// Checks the welcome code and the content (not empty, ≤ 9 attachments, text ≤ 4000 bytes).
    pub fn check(&self) -> Result<()> {
        if self.welcome_code.is_empty() {
            return Err(Error::invalid_request("welcome_code is empty"));
        }
        check_message(
            self.text.as_ref(),
            &self.attachments,
            MAX_WELCOME_TEXT_BYTES,
        )
    }
}

wecom_core::impl_endpoint!(SendWelcomeMsgRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/send_welcome_msg", NotIdempotent,
    validate = SendWelcomeMsgRequest::check);

/// The content of a group welcome template: a text and at most one other kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GroupWelcomeContent {
    /// 文本; may hold `%NICKNAME%`, replaced with the customer's nickname.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// 图片 (`get` answers only `pic_url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// 图文.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// 小程序.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<MiniProgram>,
    /// 文件.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<Media>,
    /// 视频.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video: Option<Media>,
}

impl GroupWelcomeContent {
    /// Sets the text.
    pub fn text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(Text::new(content));
        self
    }

    /// Sets the image.
    pub fn image(mut self, v: Image) -> Self {
        self.image = Some(v);
        self
    }

    /// Sets the link card.
    pub fn link(mut self, v: Link) -> Self {
        self.link = Some(v);
        self
    }

    /// Sets the mini-program card.
    pub fn miniprogram(mut self, v: MiniProgram) -> Self {
        self.miniprogram = Some(v);
        self
    }

    /// Sets the file by media_id.
    pub fn file(mut self, media_id: impl Into<String>) -> Self {
        self.file = Some(Media::new(media_id));
        self
    }

    /// Sets the video by media_id.
    pub fn video(mut self, media_id: impl Into<String>) -> Self {
        self.video = Some(Media::new(media_id));
        self
    }

    fn others(&self) -> usize {
        [
            self.image.is_some(),
            self.link.is_some(),
            self.miniprogram.is_some(),
            self.file.is_some(),
            self.video.is_some(),
        ]
        .into_iter()
        .filter(|set| *set)
        .count()
    }

    /// Checks doc 92366: at most one of image/link/miniprogram/file/video, text ≤ 3000 bytes, and (when
    /// `required`) not everything empty.
    fn check(&self, required: bool) -> Result<()> {
        let others = self.others();
        if others > 1 {
            return Err(Error::invalid_request(format!(
                "{others} of image, link, miniprogram, file, video are set; WeCom allows one"
            )));
        }
        let content = self.text.as_ref().map_or("", |t| t.content.as_str());
        if required && others == 0 && content.is_empty() {
            return Err(Error::invalid_request(
                "the template is empty: text, image, link, miniprogram, file, video cannot all be empty",
            ));
        }
        if let Some(text) = &self.text {
            text.check("text", MAX_TEMPLATE_TEXT_BYTES)?;
        }
        if let Some(link) = &self.link {
            link.check("link")?;
        }
        if let Some(mp) = &self.miniprogram {
            mp.check("miniprogram")?;
        }
        Ok(())
    }
}

/// The body of `group_welcome_template/add` (添加入群欢迎语素材).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AddGroupWelcomeTemplateRequest {
    /// 素材内容.
    #[serde(flatten)]
    pub content: GroupWelcomeContent,
    /// 授权方安装的应用agentid; only old third-party multi-app suites need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
    /// 是否通知成员将这条入群欢迎语应用到客户群中; WeCom notifies when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<Notify>,
}

impl AddGroupWelcomeTemplateRequest {
    /// A template with this content.
    pub fn new(content: GroupWelcomeContent) -> Self {
        Self {
            content,
            ..Self::default()
        }
    }

    /// Sets 授权方安装的应用agentid.
    pub fn agentid(mut self, v: i64) -> Self {
        self.agentid = Some(v);
        self
    }

    /// Sets whether members are notified.
    pub fn notify(mut self, v: Notify) -> Self {
        self.notify = Some(v);
        self
    }

    /// Checks the content (see [`GroupWelcomeContent`]).
    pub fn check(&self) -> Result<()> {
        self.content.check(true)
    }
}

wecom_core::impl_endpoint!(AddGroupWelcomeTemplateRequest => AddGroupWelcomeTemplateResponse,
    Post "/cgi-bin/externalcontact/group_welcome_template/add", NotIdempotent,
    validate = AddGroupWelcomeTemplateRequest::check);

/// The answer of `group_welcome_template/add`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AddGroupWelcomeTemplateResponse {
    /// 此次添加的入群欢迎语素材id.
    pub template_id: String,
}

/// The body of `group_welcome_template/edit` (编辑入群欢迎语素材).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct EditGroupWelcomeTemplateRequest {
    /// 欢迎语素材id.
    pub template_id: String,
    /// 素材内容.
    #[serde(flatten)]
    pub content: GroupWelcomeContent,
    /// 授权方安装的应用agentid; only old third-party multi-app suites need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl EditGroupWelcomeTemplateRequest {
    /// Replaces the content of template `template_id`.
    pub fn new(template_id: impl Into<String>, content: GroupWelcomeContent) -> Self {
        Self {
            template_id: template_id.into(),
            content,
            agentid: None,
        }
    }

    /// Sets 授权方安装的应用agentid.
    pub fn agentid(mut self, v: i64) -> Self {
        self.agentid = Some(v);
        self
    }

    /// Checks the template id and the content.
    pub fn check(&self) -> Result<()> {
        if self.template_id.is_empty() {
            return Err(Error::invalid_request("template_id is empty"));
        }
        self.content.check(false)
    }
}

wecom_core::impl_endpoint!(EditGroupWelcomeTemplateRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/group_welcome_template/edit", Idempotent,
    validate = EditGroupWelcomeTemplateRequest::check);

/// The body of `group_welcome_template/get` (获取入群欢迎语素材).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GetGroupWelcomeTemplateRequest {
    /// 群欢迎语的素材id.
    pub template_id: String,
}

impl GetGroupWelcomeTemplateRequest {
    /// Reads template `template_id`.
    pub fn new(template_id: impl Into<String>) -> Self {
        Self {
            template_id: template_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(GetGroupWelcomeTemplateRequest => GetGroupWelcomeTemplateResponse,
    Post "/cgi-bin/externalcontact/group_welcome_template/get", Idempotent);

/// The answer of `group_welcome_template/get`: the template's content.
pub type GetGroupWelcomeTemplateResponse = GroupWelcomeContent;

/// The body of `group_welcome_template/del` (删除入群欢迎语素材).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DelGroupWelcomeTemplateRequest {
    /// 群欢迎语的素材id.
    pub template_id: String,
    /// 授权方安装的应用agentid; only old third-party multi-app suites need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl DelGroupWelcomeTemplateRequest {
    /// Deletes template `template_id`.
    pub fn new(template_id: impl Into<String>) -> Self {
        Self {
            template_id: template_id.into(),
            agentid: None,
        }
    }

    /// Sets 授权方安装的应用agentid.
    pub fn agentid(mut self, v: i64) -> Self {
        self.agentid = Some(v);
        self
    }
}

wecom_core::impl_endpoint!(DelGroupWelcomeTemplateRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/group_welcome_template/del", Idempotent);
