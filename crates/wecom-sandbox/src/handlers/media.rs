//! Message content as WeCom's get endpoints answer it, from what was sent.
//!
//! An image is sent as a `media_id` (or a `pic_url` from 上传图片) and read back as `{"pic_url": …}`: the
//! sandbox makes the URL up from the media id, as WeCom hosts the picture on its CDN. Links answer
//! `title, picurl, desc, url`; mini programs `title, pic_media_id, appid, page`; files and videos
//! `media_id` (docs 92228 结束语 and 92366 入群欢迎语素材). Anything else sent is not answered.

use serde_json::{Map, Value};

const LINK: &[&str] = &["title", "picurl", "desc", "url"];
const MINIPROGRAM: &[&str] = &["title", "pic_media_id", "appid", "page"];
const MEDIA: &[&str] = &["media_id"];
const TEXT: &[&str] = &["content"];

/// The `pic_url` the sandbox answers for an image sent as `media_id` (stable for a media id).
///
/// ```
/// let url = wecom_sandbox::image_url_for_media("MEDIA_ID");
/// assert!(url.starts_with("https://wework.qpic.cn/wwpic/sandbox/"));
/// assert_eq!(url, wecom_sandbox::image_url_for_media("MEDIA_ID"));
/// ```
pub fn image_url_for_media(media_id: &str) -> String {
    // FNV-1a: a fixed, dependency-free digest, so the URL is the same in every run and process.
    let digest = media_id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("https://wework.qpic.cn/wwpic/sandbox/{digest:016x}/0")
}

/// The documented keys of `sent` that were given.
fn pick(sent: &Value, keys: &[&str]) -> Value {
    let picked: Map<String, Value> = keys
        .iter()
        .filter_map(|k| sent.get(*k).map(|v| ((*k).to_owned(), v.clone())))
        .collect();
    Value::Object(picked)
}

/// `{"pic_url": …}` for an image sent with a media id (which wins, as WeCom documents) or a pic_url.
fn image(sent: &Value) -> Option<Value> {
    let url = match sent.get("media_id").and_then(Value::as_str) {
        Some(media_id) if !media_id.is_empty() => image_url_for_media(media_id),
        _ => sent.get("pic_url")?.as_str()?.to_owned(),
    };
    let mut answer = Map::new();
    answer.insert("pic_url".into(), Value::String(url));
    Some(Value::Object(answer))
}

/// One kind of content as a get answers it.
fn answer(kind: &str, sent: &Value) -> Option<Value> {
    match kind {
        "text" => Some(pick(sent, TEXT)),
        "image" => image(sent),
        "link" => Some(pick(sent, LINK)),
        "miniprogram" => Some(pick(sent, MINIPROGRAM)),
        "file" | "video" => Some(pick(sent, MEDIA)),
        _ => None,
    }
}

/// The 结束语 of a contact way as get_contact_way answers it: each of text, image, link, miniprogram.
pub(crate) fn conclusions(sent: &Value) -> Value {
    let answered: Map<String, Value> = ["text", "image", "link", "miniprogram"]
        .into_iter()
        .filter_map(|kind| Some((kind.to_owned(), answer(kind, sent.get(kind)?)?)))
        .collect();
    Value::Object(answered)
}

/// A group welcome template as its get answers it: the text, and of the other kinds only the first
/// given in the order image, link, miniprogram, file, video (按…的优先顺序取参).
pub(crate) fn welcome_template(sent: &Map<String, Value>) -> Map<String, Value> {
    let mut answered = Map::new();
    if let Some(text) = sent.get("text").and_then(|t| answer("text", t)) {
        answered.insert("text".into(), text);
    }
    let first = ["image", "link", "miniprogram", "file", "video"]
        .into_iter()
        .find_map(|kind| Some((kind, answer(kind, sent.get(kind)?)?)));
    if let Some((kind, content)) = first {
        answered.insert(kind.into(), content);
    }
    answered
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn images_answer_a_pic_url_and_only_documented_keys_come_back() {
        let sent = json!({
            "text": {"content": "再见", "extra": 1},
            "image": {"media_id": "M1", "pic_url": "https://p.qpic.cn/x"},
            "link": {"title": "t", "url": "https://u", "media_id": "M2"},
            "unknown": {"a": 1},
        });
        assert_eq!(
            conclusions(&sent),
            json!({
                "text": {"content": "再见"},
                "image": {"pic_url": image_url_for_media("M1")},
                "link": {"title": "t", "url": "https://u"},
            })
        );
        let by_url =
            json!({"image": {"pic_url": "https://p.qpic.cn/x"}, "file": {"media_id": "F"}});
        assert_eq!(
            Value::Object(welcome_template(by_url.as_object().unwrap())),
            json!({"image": {"pic_url": "https://p.qpic.cn/x"}})
        );
    }
}
