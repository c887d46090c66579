//! Message content shared by mass messages, welcome messages and group welcome templates: the shapes of
//! `wecom-content`, and the check of a message's text and attachments.

use wecom_core::{check, Error, Result};

pub use wecom_content::{Attachment, Image, Link, Media, MiniProgram, Text, MAX_ATTACHMENTS};

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
    if let Some(text) = text {
        text.check("text", max_text_bytes)?;
    }
    for (i, attachment) in attachments.iter().enumerate() {
        attachment.check(&format!("attachments[{i}]"))?;
    }
    Ok(())
}
