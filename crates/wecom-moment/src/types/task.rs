//! 企业发表内容到客户的朋友圈 (doc 95094): 创建发表任务, 获取任务创建结果; and 停止发表企业朋友圈
//! (doc 97612).

use serde::{Deserialize, Serialize};
use wecom_core::{check, EmptyResponse, Error, Result};

use super::{Attachment, Text};

/// Longest `text.content` (最多支持传入2000个字).
pub const MAX_MOMENT_TEXT_CHARS: usize = 2_000;
/// Most images of one moment (最多支持9个图片类型); a moment has images, or one video, or one link.
pub const MAX_MOMENT_IMAGES: usize = 9;
/// Longest `link.title` (图文消息标题，最多64个字节).
pub const MAX_MOMENT_LINK_TITLE_BYTES: usize = 64;
/// Most senders by userid (发表任务的执行者用户列表，最多支持10万个).
pub const MAX_MOMENT_SENDERS: usize = 100_000;

/// The body of `POST /cgi-bin/externalcontact/add_moment_task` (创建发表任务).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AddMomentTaskRequest {
    /// 文本消息; not empty together with `attachments`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// 附件: up to 9 images, or one video, or one link, never mixed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// 指定的发表范围; without it, every member in the app's visible range sends to all their customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_range: Option<VisibleRange>,
}

/// 指定的发表范围: who sends the moment, and which customers see it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct VisibleRange {
    /// 发表任务的执行者列表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_list: Option<SenderList>,
    /// 可见到该朋友圈的客户列表; with it the moment is partly visible, else public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_contact_list: Option<ExternalContactList>,
}

/// 发表任务的执行者: members and departments.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct SenderList {
    /// 执行者用户列表 (userids), at most [`MAX_MOMENT_SENDERS`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_list: Vec<String>,
    /// 执行者部门列表 (department ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub department_list: Vec<i64>,
}

/// 可见到该朋友圈的客户: by corp customer tag (not rules-group tags).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ExternalContactList {
    /// 客户标签列表.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_list: Vec<String>,
}

impl AddMomentTaskRequest {
    /// An empty task: give it a text or attachments.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the text (at most 2000 characters).
    pub fn text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(Text::new(content));
        self
    }

    /// Adds an attachment (an image, a video or a link, with media ids from 上传附件资源).
    pub fn attachment(mut self, attachment: impl Into<Attachment>) -> Self {
        self.attachments.push(attachment.into());
        self
    }

    /// The members who send it (执行者), by userid.
    pub fn senders<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let list = self.sender_list();
        list.user_list = userids.into_iter().map(Into::into).collect();
        self
    }

    /// The departments whose members send it.
    pub fn sender_departments(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
        let list = self.sender_list();
        list.department_list = ids.into_iter().collect();
        self
    }

    /// Only customers with one of these corp tags see it.
    pub fn customer_tags<I, S>(mut self, tag_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let range = self.visible_range.get_or_insert_with(VisibleRange::default);
        range.external_contact_list = Some(ExternalContactList {
            tag_list: tag_ids.into_iter().map(Into::into).collect(),
        });
        self
    }

    fn sender_list(&mut self) -> &mut SenderList {
        self.visible_range
            .get_or_insert_with(VisibleRange::default)
            .sender_list
            .get_or_insert_with(SenderList::default)
    }

    /// Checks WeCom's documented rules: text or attachments; text ≤ 2000 characters; up to 9 images, or
    /// one video, or one link, never mixed; images and videos by media id; a link with a URL, a cover
    /// `media_id` and a title ≤ 64 bytes (and none of the message-only `picurl` / `desc`); at most
    /// 100 000 senders.
    pub fn check(&self) -> Result<()> {
        let content = self.text.as_ref().map_or("", |t| t.content.as_str());
        if content.is_empty() && self.attachments.is_empty() {
            return Err(Error::invalid_request(
                "the moment is empty: give text.content or at least one attachment",
            ));
        }
        check::max_chars("text.content", content, MAX_MOMENT_TEXT_CHARS)?;
        self.check_attachments()?;
        if let Some(senders) = self
            .visible_range
            .as_ref()
            .and_then(|r| r.sender_list.as_ref())
        {
            check::count_between(
                "visible_range.sender_list.user_list",
                senders.user_list.len(),
                0,
                MAX_MOMENT_SENDERS,
            )?;
        }
        Ok(())
    }

    fn check_attachments(&self) -> Result<()> {
        let Some(first) = self.attachments.first() else {
            return Ok(());
        };
        let kind = first.msgtype();
        let most = match kind {
            "image" => MAX_MOMENT_IMAGES,
            "video" | "link" => 1,
            other => {
                return Err(Error::invalid_request(format!(
                    "attachments[0].msgtype is {other:?}; a moment takes image, video or link"
                )))
            }
        };
        if let Some(i) = self.attachments.iter().position(|a| a.msgtype() != kind) {
            return Err(Error::invalid_request(format!(
                "attachments[{i}] is a {}, attachments[0] a {kind}: a moment takes images, or one \
                 video, or one link, not a mix",
                self.attachments[i].msgtype()
            )));
        }
        check::count_between("attachments", self.attachments.len(), 1, most)?;
        for (i, attachment) in self.attachments.iter().enumerate() {
            check_attachment(&format!("attachments[{i}]"), attachment)?;
        }
        Ok(())
    }
}

fn required(field: String, value: Option<&str>) -> Result<()> {
    if value.is_none_or(str::is_empty) {
        return Err(Error::invalid_request(format!("{field} is required")));
    }
    Ok(())
}

fn check_attachment(path: &str, attachment: &Attachment) -> Result<()> {
    match attachment {
        Attachment::Image(image) => {
            required(format!("{path}.image.media_id"), image.media_id.as_deref())
        }
        Attachment::Video(video) => {
            required(format!("{path}.video.media_id"), Some(&video.media_id))
        }
        Attachment::Link(link) => {
            required(format!("{path}.link.url"), Some(&link.url))?;
            required(format!("{path}.link.media_id"), link.media_id.as_deref())?;
            if link.picurl.is_some() || link.desc.is_some() {
                return Err(Error::invalid_request(format!(
                    "{path}.link takes title, url and media_id (the cover); picurl and desc belong \
                     to messages"
                )));
            }
            check::max_bytes(
                &format!("{path}.link.title"),
                &link.title,
                MAX_MOMENT_LINK_TITLE_BYTES,
            )
        }
        _ => Ok(()),
    }
}

wecom_core::impl_endpoint!(AddMomentTaskRequest => AddMomentTaskResponse,
    Post "/cgi-bin/externalcontact/add_moment_task", NotIdempotent,
    validate = AddMomentTaskRequest::check);

/// The answer of `add_moment_task`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct AddMomentTaskResponse {
    /// 异步任务id (≤ 64 bytes, valid 24 hours), for `get_moment_task_result`.
    pub jobid: String,
}

/// The query of `GET /cgi-bin/externalcontact/get_moment_task_result` (获取任务创建结果).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct GetMomentTaskResultRequest {
    /// 异步任务id, from `add_moment_task`.
    pub jobid: String,
}

impl GetMomentTaskResultRequest {
    /// The result of job `jobid`.
    pub fn new(jobid: impl Into<String>) -> Self {
        Self {
            jobid: jobid.into(),
        }
    }
}

wecom_core::impl_endpoint!(GetMomentTaskResultRequest => MomentTaskResult,
    Get "/cgi-bin/externalcontact/get_moment_task_result", Idempotent);

wecom_core::int_enum! {
    /// 任务状态 of a moment job.
    #[derive(Default)]
    pub enum MomentTaskStatus {
        /// 1: 开始创建任务.
        #[default]
        Started = 1,
        /// 2: 正在创建任务中.
        Running = 2,
        /// 3: 创建任务已完成 (`result` holds the outcome).
        Done = 3,
    }
}

/// The answer of `get_moment_task_result`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct MomentTaskResult {
    /// 任务状态.
    pub status: MomentTaskStatus,
    /// 操作类型, always `add_moment_task`.
    #[serde(rename = "type")]
    pub task_type: String,
    /// 详细的处理结果, once the job is done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<MomentTaskOutcome>,
}

/// 详细的处理结果 of a finished moment job.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MomentTaskOutcome {
    /// 返回码 of the job: 0 when the moment was created.
    pub errcode: i64,
    /// 对返回码的文本描述内容.
    pub errmsg: String,
    /// 朋友圈id, for `get_moment_task` and the other reads.
    pub moment_id: String,
    /// 不合法的执行者: unknown ids, or members and departments outside the app's visible range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invalid_sender_list: Option<InvalidSenderList>,
    /// 不合法的客户范围: tags that do not exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invalid_external_contact_list: Option<InvalidExternalContactList>,
}

/// Senders a job could not use.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct InvalidSenderList {
    /// Userids.
    pub user_list: Vec<String>,
    /// Department ids.
    pub department_list: Vec<i64>,
}

/// Customer filters a job could not use.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct InvalidExternalContactList {
    /// Tag ids.
    pub tag_list: Vec<String>,
}

/// The body of `POST /cgi-bin/externalcontact/cancel_moment_task` (停止发表企业朋友圈).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CancelMomentTaskRequest {
    /// 朋友圈id of a moment the corp published.
    pub moment_id: String,
}

impl CancelMomentTaskRequest {
    /// Stops moment `moment_id`.
    pub fn new(moment_id: impl Into<String>) -> Self {
        Self {
            moment_id: moment_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(CancelMomentTaskRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/cancel_moment_task", Idempotent);
