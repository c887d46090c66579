//! The media the sandbox issued: 上传临时素材 (`media/upload`, doc 90253) and 上传附件资源
//! (`media/upload_attachment`, doc 95098), each kept with its id and expiry (3 days), never its bytes
//! (a length and a SHA-256 stand for them); and the images of 上传图片 (`media/uploadimg`), counted.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::json;

use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::World;

/// How long a media id works (media_id仅三天内有效).
pub(crate) const LIFETIME_SECS: i64 = 3 * 86_400;
const MIB: u64 = 1024 * 1024;

/// What the upload's `media` part carried.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub(crate) file_name: String,
    pub(crate) content_type: String,
    /// The `filelength` of its `Content-Disposition`, when given.
    pub(crate) declared_length: Option<u64>,
    pub(crate) length: u64,
    pub(crate) sha256: String,
}

/// One issued media id.
#[derive(Debug, Clone)]
pub(crate) struct Issued {
    pub(crate) media_type: String,
    /// `None` for temporary media, else the `attachment_type` (1 moments, 2 product albums).
    pub(crate) attachment_type: Option<i64>,
    pub(crate) file: Received,
    pub(crate) created_at: i64,
}

/// Every media id issued in one world.
#[derive(Debug, Default)]
pub(crate) struct MediaStore {
    issued: HashMap<String, Issued>,
    /// Replaces WeCom's size limits (for benchmarks of large streams).
    pub(crate) max_bytes: Option<u64>,
    /// How many images 上传图片 took.
    pub(crate) images: usize,
}

impl MediaStore {
    /// The media `media_id`, if issued and not expired at `now` (else 40007, WeCom's invalid media_id).
    pub(crate) fn live(&self, media_id: &str, now: i64) -> Result<&Issued, ApiError> {
        self.issued
            .get(media_id)
            .filter(|m| now < m.created_at.saturating_add(LIFETIME_SECS))
            .ok_or_else(|| ApiError::new(40007, format!("invalid media_id {media_id}")))
    }

    /// The media `media_id`, expired or not.
    pub(crate) fn get(&self, media_id: &str) -> Option<&Issued> {
        self.issued.get(media_id)
    }

    /// How many media ids were issued.
    pub(crate) fn count(&self) -> usize {
        self.issued.len()
    }
}

#[derive(Deserialize)]
struct UploadQuery {
    #[serde(rename = "type", default)]
    media_type: String,
}

#[derive(Deserialize)]
struct AttachmentQuery {
    #[serde(default)]
    media_type: String,
    #[serde(default)]
    attachment_type: String,
}

/// `media/upload?type=…`: checks WeCom's limits and issues a media id (`created_at` a string, as WeCom
/// writes it here).
pub(crate) fn upload(world: &mut World, input: Input<'_>, file: Received, now: i64) -> Reply {
    let q: UploadQuery = input.query()?;
    let (max, extensions): (u64, &[&str]) = match q.media_type.as_str() {
        "image" => (10 * MIB, &["jpg", "jpeg", "png"]),
        "voice" => (2 * MIB, &["amr"]),
        "video" => (10 * MIB, &["mp4"]),
        "file" => (20 * MIB, &[]),
        other => {
            return Err(ApiError::new(
                40004,
                format!("invalid media type {other:?}"),
            ))
        }
    };
    check(&world.created.media, &file, max, extensions)?;
    let media_id = issue(world, &q.media_type, None, file, now);
    ok(&json!({"type": q.media_type, "media_id": media_id, "created_at": now.to_string()}))
}

/// `media/upload_attachment?media_type=…&attachment_type=…`: moments take images and videos, product
/// albums images; 10 MB each (`created_at` a number, as WeCom writes it here).
pub(crate) fn upload_attachment(
    world: &mut World,
    input: Input<'_>,
    file: Received,
    now: i64,
) -> Reply {
    let q: AttachmentQuery = input.query()?;
    let scene = match q.attachment_type.as_str() {
        "1" => 1,
        "2" => 2,
        other => {
            return Err(ApiError::invalid(format!(
                "invalid attachment_type {other:?}"
            )))
        }
    };
    let extensions: &[&str] = match (scene, q.media_type.as_str()) {
        (1 | 2, "image") => &["jpg", "jpeg", "png"],
        (1, "video") => &["mp4"],
        (_, other @ ("video" | "file")) => {
            return Err(ApiError::new(
                40004,
                format!("attachment_type {scene} does not take media_type {other}"),
            ))
        }
        (_, other) => {
            return Err(ApiError::new(
                40004,
                format!("invalid media type {other:?}"),
            ))
        }
    };
    check(&world.created.media, &file, 10 * MIB, extensions)?;
    let media_id = issue(world, &q.media_type, Some(scene), file, now);
    ok(&json!({"type": q.media_type, "media_id": media_id, "created_at": now}))
}

/// `media/uploadimg` (上传图片, doc 90256): a JPG or PNG of at most 2 MB, answered with a URL that
/// never expires (named after the image's hash, so the same image gets the same URL).
pub(crate) fn upload_image(world: &mut World, file: Received) -> Reply {
    check(
        &world.created.media,
        &file,
        2 * MIB,
        &["jpg", "jpeg", "png"],
    )?;
    let url = format!(
        "https://wework.qpic.cn/wwpic/sandbox_{}/0",
        &file.sha256[..16]
    );
    world.created.media.images += 1;
    ok(&json!({"url": url}))
}

/// WeCom's checks: a declared `filelength` that matches, more than 5 bytes, the size limit, the type.
fn check(
    store: &MediaStore,
    file: &Received,
    max: u64,
    extensions: &[&str],
) -> Result<(), ApiError> {
    if file
        .declared_length
        .is_some_and(|declared| declared != file.length)
    {
        return Err(ApiError::new(
            40006,
            format!(
                "invalid file size: filelength {:?} but {} bytes sent",
                file.declared_length, file.length
            ),
        ));
    }
    if file.length == 0 {
        return Err(ApiError::new(44001, "empty media data"));
    }
    if file.length <= 5 {
        return Err(ApiError::new(40006, "invalid file size: at most 5 bytes"));
    }
    let max = store.max_bytes.unwrap_or(max);
    if file.length > max {
        return Err(ApiError::new(
            45001,
            format!("media size out of limit: {} > {max} bytes", file.length),
        ));
    }
    let ext = file
        .file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !extensions.is_empty() && !extensions.contains(&ext.as_str()) {
        return Err(ApiError::new(
            40005,
            format!("invalid file type {:?}", file.file_name),
        ));
    }
    Ok(())
}

fn issue(
    world: &mut World,
    media_type: &str,
    attachment_type: Option<i64>,
    file: Received,
    now: i64,
) -> String {
    let media_id = world.next_id("3Sbx");
    let issued = Issued {
        media_type: media_type.to_owned(),
        attachment_type,
        file,
        created_at: now,
    };
    world.created.media.issued.insert(media_id.clone(), issued);
    media_id
}
