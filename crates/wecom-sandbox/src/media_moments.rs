//! What tests can ask and set of the sandbox's uploads and moments.

use std::time::Duration;

use crate::handlers::{media_store::LIFETIME_SECS, moment_store};
use crate::Sandbox;

/// An upload the sandbox received, as it keeps it: everything but the bytes, which a SHA-256 stands
/// for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedFile {
    /// `image`, `voice`, `video` or `file`.
    pub media_type: String,
    /// `None` for 上传临时素材; the `attachment_type` (1 moments, 2 product albums) for 上传附件资源.
    pub attachment_type: Option<i64>,
    /// The form's `filename`.
    pub file_name: String,
    /// The part's `Content-Type`.
    pub content_type: String,
    /// The `filelength` the form declared, if it did.
    pub declared_length: Option<u64>,
    /// The bytes received.
    pub length: u64,
    /// Their SHA-256, lower-case hex.
    pub sha256: String,
    /// When it was uploaded (the clock's unix seconds).
    pub created_at: i64,
    /// When its media id stops working: 3 days later.
    pub expires_at: i64,
}

impl Sandbox {
    /// What the sandbox received for `media_id`, expired or not.
    pub fn uploaded(&self, media_id: &str) -> Option<UploadedFile> {
        let world = self.shared.world();
        let issued = world.created.media.get(media_id)?;
        Some(UploadedFile {
            media_type: issued.media_type.clone(),
            attachment_type: issued.attachment_type,
            file_name: issued.file.file_name.clone(),
            content_type: issued.file.content_type.clone(),
            declared_length: issued.file.declared_length,
            length: issued.file.length,
            sha256: issued.file.sha256.clone(),
            created_at: issued.created_at,
            expires_at: issued.created_at + LIFETIME_SECS,
        })
    }

    /// Media ids issued so far (failed uploads issue none).
    pub fn uploads(&self) -> usize {
        self.shared.world().created.media.count()
    }

    /// Images 上传图片 (`media/uploadimg`) took so far (failed uploads count none).
    pub fn images_uploaded(&self) -> usize {
        self.shared.world().created.media.images
    }

    /// Accepts uploads of up to `max_bytes` whatever their type, instead of WeCom's limits (`None`:
    /// WeCom's again), to benchmark large streams.
    pub fn set_max_upload_bytes(&self, max_bytes: Option<u64>) {
        self.shared.world().created.media.max_bytes = max_bytes;
    }

    /// How long a moment job created from now on takes to finish, on the sandbox's clock (one second
    /// by default): until then `get_moment_task_result` answers status 1, then 2.
    pub fn set_moment_job_delay(&self, delay: Duration) {
        let millis = i64::try_from(delay.as_millis()).unwrap_or(i64::MAX);
        self.shared.world().created.moments.job_millis = Some(millis);
    }

    /// Moment jobs created by add_moment_task (the proof that none was sent twice).
    pub fn moment_jobs_created(&self) -> usize {
        self.shared.world().created.moments.jobs.len()
    }

    /// Moments published so far (jobs finished by the clock's now).
    pub fn moments_published(&self) -> usize {
        let now = self.shared.clock.now_millis();
        let mut world = self.shared.world();
        moment_store::settle(&mut world, now);
        world.created.moments.list.len()
    }
}
