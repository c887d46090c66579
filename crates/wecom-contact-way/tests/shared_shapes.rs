//! 结束语 is built from the shared message shapes of `wecom-content`: the conclusion names are those
//! types, so a link or mini-program card made for a message fits a conclusion as it is.

use serde_json::json;
use wecom_contact_way::*;

#[test]
fn conclusion_payloads_are_the_shared_shapes() {
    let link: wecom_content::Link =
        ConclusionLink::new("就诊须知", "https://example.link.com/path");
    let mp: wecom_content::MiniProgram =
        ConclusionMiniProgram::new("消息标题", "MEDIA_ID", "wx8bd80126147dfAAA", "/path/index");
    let image: wecom_content::Image = ConclusionImage::media("MEDIA_ID");
    let text: wecom_content::Text = ConclusionText::new("感谢咨询");
    let conclusions = Conclusions {
        text: Some(text),
        image: Some(image),
        link: Some(link),
        miniprogram: Some(mp),
    };
    assert_eq!(
        serde_json::to_value(&conclusions).unwrap(),
        json!({
            "text": {"content": "感谢咨询"},
            "image": {"media_id": "MEDIA_ID"},
            "link": {"title": "就诊须知", "url": "https://example.link.com/path"},
            "miniprogram": {"title": "消息标题", "pic_media_id": "MEDIA_ID",
                "appid": "wx8bd80126147dfAAA", "page": "/path/index"}
        })
    );
    assert!(conclusions.check().is_ok());
    assert_eq!(
        (
            MAX_TEXT_CONTENT_BYTES,
            MAX_LINK_TITLE_BYTES,
            MAX_LINK_DESC_BYTES,
            MAX_MINIPROGRAM_TITLE_BYTES
        ),
        (4_000, 128, 512, 64)
    );
}
