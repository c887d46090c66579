//! A product's pictures: `{"type":"image","image":{"media_id":"…"}}`, tagged by `type` (not `msgtype`
//! as message attachments are), with the shared [`Image`] payload.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

pub use wecom_content::{Image, MAX_ATTACHMENTS};

/// One attachment of a product (附件). WeCom takes images only; another `type` it may answer later
/// decodes as [`ProductAttachment::Unknown`] and encodes back unchanged.
///
/// ```
/// use wecom_product_album::ProductAttachment;
/// assert_eq!(
///     serde_json::to_value(ProductAttachment::image("MEDIA_ID")).unwrap(),
///     serde_json::json!({"type": "image", "image": {"media_id": "MEDIA_ID"}})
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum ProductAttachment {
    /// `type` `image`: a picture by the media id of 上传附件资源.
    Image(Image),
    /// Any other `type` (or an image that did not decode), kept as sent.
    Unknown {
        /// The `type` as sent (empty when absent).
        kind: String,
        /// The whole attachment object.
        raw: Value,
    },
}

impl ProductAttachment {
    /// A picture by `media_id`: the id `media().upload_attachment` answers (wecom-media) for
    /// `attachment_type` 2 (商品图册); it is valid 3 days.
    pub fn image(media_id: impl Into<String>) -> Self {
        Self::Image(Image::media(media_id))
    }

    /// The `type` this attachment is sent with.
    pub fn kind(&self) -> &str {
        match self {
            Self::Image(_) => "image",
            Self::Unknown { kind, .. } => kind,
        }
    }

    /// The image's media id, for an image that has one.
    pub fn media_id(&self) -> Option<&str> {
        match self {
            Self::Image(image) => image.media_id.as_deref(),
            Self::Unknown { .. } => None,
        }
    }
}

impl Serialize for ProductAttachment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let image = match self {
            Self::Image(image) => image,
            Self::Unknown { raw, .. } => return raw.serialize(serializer),
        };
        let payload = serde_json::to_value(image).map_err(serde::ser::Error::custom)?;
        let mut object = Map::with_capacity(2);
        object.insert("type".to_owned(), Value::String("image".to_owned()));
        object.insert("image".to_owned(), payload);
        object.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ProductAttachment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Value::deserialize(deserializer)?;
        if !raw.is_object() {
            return Err(D::Error::custom("an attachment must be a JSON object"));
        }
        let kind = raw
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let image = (kind == "image")
            .then(|| raw.get("image").cloned())
            .flatten()
            .and_then(|payload| serde_json::from_value(payload).ok());
        Ok(match image {
            Some(image) => Self::Image(image),
            None => Self::Unknown { kind, raw },
        })
    }
}
