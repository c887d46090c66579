//! The shared shapes: their JSON in both arrangements WeCom uses, their limits, the 0/1 flag and the
//! owner filter.

use serde_json::{json, Value};
use wecom_content::*;
use wecom_core::{Error, Result};

fn message(result: Result<()>) -> String {
    match result {
        Err(Error::InvalidRequest(message)) => message,
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

#[test]
fn one_payload_serves_keyed_content_and_tagged_attachments() {
    let link = Link::new("消息标题", "https://example.link.com/path")
        .picurl("https://example.pic.com/path")
        .desc("消息描述");
    let payload = json!({"title": "消息标题", "picurl": "https://example.pic.com/path",
        "desc": "消息描述", "url": "https://example.link.com/path"});
    // 结束语 / group welcome templates: the payload under its kind's key.
    assert_eq!(serde_json::to_value(&link).unwrap(), payload);
    // Mass and welcome messages: the same payload, tagged.
    assert_eq!(
        serde_json::to_value(Attachment::from(link.clone())).unwrap(),
        json!({"msgtype": "link", "link": payload})
    );
    let decoded: Link = serde_json::from_value(payload).unwrap();
    assert_eq!(decoded, link);
}

#[test]
fn an_image_is_sent_by_media_id_or_url_and_read_back_by_url() {
    assert_eq!(
        serde_json::to_value(Image::media("MEDIA_ID")).unwrap(),
        json!({"media_id": "MEDIA_ID"})
    );
    assert_eq!(
        serde_json::to_value(Image::url("https://p/0")).unwrap(),
        json!({"pic_url": "https://p/0"})
    );
    // get_contact_way and group_welcome_template/get answer only pic_url.
    let read: Image =
        serde_json::from_value(json!({"pic_url": "http://p.qpic.cn/pic_wework/X"})).unwrap();
    assert_eq!(
        read,
        Image {
            media_id: None,
            pic_url: Some("http://p.qpic.cn/pic_wework/X".into())
        }
    );
}

#[test]
fn a_moment_link_carries_its_cover_as_media_id() {
    // Doc 95094: a moment's link is {title, url, media_id}, without picurl or desc.
    let link = Link::new("消息标题", "https://example.link.com/path").media_id("MEDIA_ID");
    assert_eq!(
        serde_json::to_value(Attachment::Link(link)).unwrap(),
        json!({"msgtype": "link", "link": {"title": "消息标题", "url": "https://example.link.com/path", "media_id": "MEDIA_ID"}})
    );
}

#[test]
fn limits_are_inclusive_and_errors_name_the_path() {
    assert_eq!(
        (
            MAX_TEXT_CONTENT_BYTES,
            MAX_LINK_TITLE_BYTES,
            MAX_LINK_DESC_BYTES
        ),
        (4_000, 128, 512)
    );
    assert_eq!(
        (
            MAX_LINK_URL_BYTES,
            MAX_MINIPROGRAM_TITLE_BYTES,
            MAX_ATTACHMENTS
        ),
        (2_048, 64, 9)
    );

    assert!(Text::new("a".repeat(4_000))
        .check("text", MAX_TEXT_CONTENT_BYTES)
        .is_ok());
    assert_eq!(
        message(Text::new("谢".repeat(1_334)).check("conclusions.text", MAX_TEXT_CONTENT_BYTES)),
        "conclusions.text.content is 4002 bytes; at most 4000 allowed"
    );

    let link = |title: &str, desc: &str| Link::new(title, "https://u").desc(desc);
    assert!(link(&"a".repeat(128), &"a".repeat(512))
        .check("link")
        .is_ok());
    assert_eq!(
        message(link(&"a".repeat(129), "").check("attachments[2].link")),
        "attachments[2].link.title is 129 bytes; at most 128 allowed"
    );
    assert_eq!(
        message(link("t", &"a".repeat(513)).check("link")),
        "link.desc is 513 bytes; at most 512 allowed"
    );

    let mp = |title: &str| MiniProgram::new(title, "MEDIA", "wx1", "/p");
    assert!(mp(&"a".repeat(64)).check("miniprogram").is_ok());
    assert_eq!(
        message(mp(&"a".repeat(65)).check("conclusions.miniprogram")),
        "conclusions.miniprogram.title is 65 bytes; at most 64 allowed"
    );
    assert_eq!(
        message(Attachment::MiniProgram(mp(&"a".repeat(65))).check("attachments[0]")),
        "attachments[0].miniprogram.title is 65 bytes; at most 64 allowed"
    );
    assert!(Attachment::video("V").check("attachments[0]").is_ok());
}

#[test]
fn link_urls_are_checked_on_request() {
    let url = |n: usize| format!("https://e.com/{}", "a".repeat(n - 14));
    assert!(Link::new("t", url(2_048))
        .picurl(url(2_048))
        .check_urls("link")
        .is_ok());
    assert_eq!(
        message(Link::new("t", url(2_049)).check_urls("link")),
        "link.url is 2049 bytes; at most 2048 allowed"
    );
    assert_eq!(
        message(
            Link::new("t", "https://u")
                .picurl(url(2_049))
                .check_urls("link")
        ),
        "link.picurl is 2049 bytes; at most 2048 allowed"
    );
    // check() leaves the URLs alone: only mass messages document their limit.
    assert!(Link::new("t", url(3_000)).check("link").is_ok());
}

#[test]
fn flag_is_an_integer_and_keeps_the_domain_names() {
    assert_eq!(serde_json::to_value(Flag::No).unwrap(), json!(0));
    assert_eq!(serde_json::to_value(Flag::from(true)).unwrap(), json!(1));
    assert_eq!(serde_json::from_value::<Flag>(json!(1)).unwrap(), Flag::Yes);
    assert_eq!(
        serde_json::from_value::<Flag>(json!(2)).unwrap(),
        Flag::Unknown(2)
    );
    assert_eq!(serde_json::to_value(Flag::Unknown(2)).unwrap(), json!(2));
    assert_eq!(Flag::default(), Flag::No);
    assert_eq!([Flag::Silent, Flag::Desc], [Flag::No, Flag::No]);
    assert_eq!([Flag::Notify, Flag::Asc], [Flag::Yes, Flag::Yes]);
}

#[test]
fn owner_filter_json_and_limit() {
    let filter = OwnerFilter::new(["zhangsan", "lisi"]);
    assert_eq!(
        serde_json::to_value(&filter).unwrap(),
        json!({"userid_list": ["zhangsan", "lisi"]})
    );
    assert!(
        serde_json::from_value::<OwnerFilter>(json!({})).is_err(),
        "userid_list is required"
    );
    assert!(
        OwnerFilter::new((0..MAX_OWNER_FILTER).map(|i| i.to_string()))
            .check()
            .is_ok()
    );
    assert_eq!(
        message(OwnerFilter::new((0..101).map(|i| i.to_string())).check()),
        "owner_filter.userid_list holds 101 entries; at most 100 allowed"
    );
}

#[test]
fn unknown_attachments_are_kept_raw() {
    let raw = json!({"msgtype": "channels", "channels": {"nickname": "企业微信视频号"}});
    let decoded: Attachment = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(
        decoded,
        Attachment::Unknown {
            msgtype: "channels".into(),
            raw: raw.clone()
        }
    );
    assert_eq!(serde_json::to_value(&decoded).unwrap(), raw);
    assert!(serde_json::from_value::<Attachment>(Value::Null).is_err());
}
