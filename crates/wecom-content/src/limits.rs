//! The byte limits WeCom documents for the shared message shapes (UTF-8 bytes, not characters). Each
//! endpoint page repeats them: 结束语 (doc 92228), 创建企业群发 (92135), 发送新客户欢迎语 (92137),
//! 入群欢迎语素材 (92366).

/// Longest `text.content` of 结束语, mass messages and welcome messages (最长4000字节). Group welcome
/// templates allow less (3000, doc 92366); `wecom-messaging` names that limit.
pub const MAX_TEXT_CONTENT_BYTES: usize = 4_000;
/// Longest `link.title` (图文消息标题，最长128个字节).
pub const MAX_LINK_TITLE_BYTES: usize = 128;
/// Longest `link.desc` (图文消息的描述，最多512个字节).
pub const MAX_LINK_DESC_BYTES: usize = 512;
/// Longest `link.url` and `link.picurl` of a mass message (最长2048个字节, doc 92135; the other pages
/// give no limit, so only mass messages check it).
pub const MAX_LINK_URL_BYTES: usize = 2_048;
/// Longest `miniprogram.title` (小程序消息标题，最多64个字节).
pub const MAX_MINIPROGRAM_TITLE_BYTES: usize = 64;
/// Most attachments of one mass or welcome message (最多支持添加9个附件, doc 92135, 92137).
pub const MAX_ATTACHMENTS: usize = 9;
