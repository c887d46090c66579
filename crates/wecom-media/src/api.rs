//! The methods of [`MediaApi`]: one per endpoint, and helpers that upload a file and wrap its id in an
//! attachment in one call.

use std::path::Path;

use wecom_content::Attachment;
use wecom_core::Result;

use crate::types::*;
use crate::MediaApi;

impl<'a> MediaApi<'a> {
    /// 上传临时素材: uploads an image, voice, video or file; its media id works for 3 days.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90253>. Validated before sending: more than
    /// 5 bytes; images ≤ 10 MB JPG / PNG, voice ≤ 2 MB AMR, video ≤ 10 MB MP4, files ≤ 20 MB; a file
    /// name WeCom accepts. The file is streamed, never read whole. Notable errcodes: 40004 (invalid
    /// media type), 40005 (invalid file type), 40006 (invalid file size), 45001 (over the size limit).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure; a connect failure or stale token is
    /// retried for bytes and files, never for a reader (see [`UploadSource`]).
    pub async fn upload(&self, req: &UploadMediaRequest) -> Result<UploadedMedia> {
        self.client().upload(req).await
    }

    /// 上传附件资源: uploads an image or video for moments (`attachment_type` 1) or an image for product
    /// albums (2); its media id works for 3 days.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95098>. Validated before sending: more than
    /// 5 bytes and at most 10 MB, JPG / PNG images and MP4 videos, and the types the scene takes. WeCom
    /// also checks what it alone can: a moment's image at most 1440 × 1080, its video at most 30 s.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure (as [`upload`](Self::upload)).
    pub async fn upload_attachment(&self, req: &UploadAttachmentRequest) -> Result<UploadedMedia> {
        self.client().upload(req).await
    }

    /// 上传图片: uploads a JPG or PNG image and answers its URL, which does not expire: the `pic_url`
    /// of an image attachment ([`Attachment::image_url`]).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90256>. Validated before sending: more than
    /// 5 bytes and at most 2 MB, JPG / PNG. WeCom allows a corp 3,000 images a month and 1,000 a day.
    /// Notable errcodes: 40005 (invalid file type), 40006 (invalid file size), 45001 (over the size
    /// limit).
    ///
    /// Not idempotent: never re-sent after an ambiguous failure (as [`upload`](Self::upload)).
    pub async fn upload_image(&self, req: &UploadImageRequest) -> Result<UploadedImage> {
        self.client().upload(req).await
    }

    /// Uploads `source` as temporary media and returns the attachment that sends it, for mass and
    /// welcome messages: JPG / PNG as an image, MP4 as a video, anything else as a file.
    pub async fn attachment(&self, source: UploadSource) -> Result<Attachment> {
        let media_type = MediaType::for_attachment(&source);
        self.upload(&UploadMediaRequest::new(media_type, source))
            .await?
            .into_attachment()
    }

    /// [`attachment`](Self::attachment) of the file at `path`, read a chunk at a time.
    ///
    /// ```no_run
    /// # async fn run(client: wecom_core::WecomClient) -> wecom_core::Result<()> {
    /// use wecom_media::MediaExt;
    /// let brochure = client.media().attachment_from_file("brochure.pdf").await?;
    /// assert_eq!(brochure.msgtype(), "file");
    /// # Ok(()) }
    /// ```
    pub async fn attachment_from_file(&self, path: impl AsRef<Path>) -> Result<Attachment> {
        self.attachment(UploadSource::file(path).await?).await
    }

    /// Uploads `source` as a moment attachment (上传附件资源, `attachment_type` 1) and returns the
    /// attachment for `add_moment_task`: JPG / PNG as an image, MP4 as a video.
    pub async fn moment_attachment(&self, source: UploadSource) -> Result<Attachment> {
        let req = UploadAttachmentRequest::moment(source)?;
        self.upload_attachment(&req).await?.into_attachment()
    }

    /// [`moment_attachment`](Self::moment_attachment) of the file at `path`.
    pub async fn moment_attachment_from_file(&self, path: impl AsRef<Path>) -> Result<Attachment> {
        self.moment_attachment(UploadSource::file(path).await?)
            .await
    }
}
