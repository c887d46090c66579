#![doc = include_str!("../../../README.md")]
#![doc = include_str!("accessors.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

pub use wecom_core::{
    lenient, pagination, retry, token, AccessToken, ClientBuilder, CursorPage, CursorRequest,
    EmptyResponse, Endpoint, ErrCode, Error, HttpMethod, Idempotency, MemoryStore,
    MemoryTicketStore, OffsetPage, OffsetRequest, Page, Paginator, Result, RetryPolicy,
    StaticToken, StoredToken, SuiteTicketStore, TokenKind, TokenProvider, TokenStore, WecomClient,
    DEFAULT_BASE_URL,
};

/// The core crate itself, for what the re-exports above leave out.
pub use wecom_core as core;

/// The shapes several domains share: message content and attachments, the owner filter, the 0/1 flag.
pub use wecom_content as content;

/// 「联系我」 configurations (feature `contact-way`).
#[cfg(feature = "contact-way")]
pub use wecom_contact_way as contact_way;

/// Customers, follow users, remarks (feature `customer`).
#[cfg(feature = "customer")]
pub use wecom_customer as customer;

/// Corp customer tags (feature `tag`).
#[cfg(feature = "tag")]
pub use wecom_tag as tag;

/// Customer groups and join ways (feature `group-chat`).
#[cfg(feature = "group-chat")]
pub use wecom_group_chat as group_chat;

/// Mass messages, welcome messages, group welcome templates (feature `messaging`).
#[cfg(feature = "messaging")]
pub use wecom_messaging as messaging;

/// Behaviour and group-chat statistics (feature `statistics`).
#[cfg(feature = "statistics")]
pub use wecom_statistics as statistics;

/// Customer inheritance: 在职继承 and 离职继承, in bulk (feature `transfer`).
#[cfg(feature = "transfer")]
pub use wecom_transfer as transfer;

/// Rules groups: 客户联系规则组 and 客户朋友圈规则组 (feature `strategy`); their tags are in `tag`.
#[cfg(feature = "strategy")]
pub use wecom_strategy as strategy;

/// Id conversion for providers, third-party and 代开发 apps (feature `id-convert`).
#[cfg(feature = "id-convert")]
pub use wecom_id_convert as id_convert;

/// Media uploads, streamed: temporary media and attachment resources (feature `media`).
#[cfg(feature = "media")]
pub use wecom_media as media;

/// Customer moments (客户朋友圈): publish, follow, read back (feature `moment`).
#[cfg(feature = "moment")]
pub use wecom_moment as moment;

/// Customer acquisition (获客助手): links, their customers, quota and statistics, and the third-party
/// 获客助手组件 (feature `acquisition`).
#[cfg(feature = "acquisition")]
pub use wecom_acquisition as acquisition;

/// Sensitive-word intercept rules (管理聊天敏感词) (feature `intercept-rule`).
#[cfg(feature = "intercept-rule")]
pub use wecom_intercept_rule as intercept_rule;

/// Product albums (管理商品图册) (feature `product-album`).
#[cfg(feature = "product-album")]
pub use wecom_product_album as product_album;

#[cfg(all(feature = "transfer", feature = "group-chat"))]
mod leaver;
#[cfg(all(feature = "transfer", feature = "group-chat"))]
pub use leaver::hand_over_leaver;

/// Callback crypto and typed events (feature `callback`), the suite envelope's `suite_ticket` and
/// authorization events included; with wecom-callback's own `axum` feature, a receiver that can store
/// suite tickets in a [`SuiteTicketStore`] (`ReceiverOptions::suite_tickets`).
#[cfg(feature = "callback")]
pub use wecom_callback as callback;

/// A Redis token store shared by several instances (feature `redis`), and a `RedisTicketStore` for suite
/// tickets; with `callback` too, the `RedisReplayGuard` their callback receivers share.
#[cfg(feature = "redis")]
pub use wecom_token_redis as token_redis;

/// Every domain accessor (`client.customer()`, `client.tag()`, …): `use wecom_external_contact::prelude::*;`.
pub mod prelude {
    pub use wecom_core::{ErrCode, Error, Result, WecomClient};

    #[cfg(feature = "acquisition")]
    pub use wecom_acquisition::CustomerAcquisitionExt as _;
    #[cfg(feature = "contact-way")]
    pub use wecom_contact_way::ContactWayExt as _;
    #[cfg(feature = "customer")]
    pub use wecom_customer::CustomerExt as _;
    #[cfg(feature = "group-chat")]
    pub use wecom_group_chat::GroupChatExt as _;
    #[cfg(feature = "id-convert")]
    pub use wecom_id_convert::IdConvertExt as _;
    #[cfg(feature = "intercept-rule")]
    pub use wecom_intercept_rule::InterceptRuleExt as _;
    #[cfg(feature = "media")]
    pub use wecom_media::MediaExt as _;
    #[cfg(feature = "messaging")]
    pub use wecom_messaging::MessagingExt as _;
    #[cfg(feature = "moment")]
    pub use wecom_moment::MomentExt as _;
    #[cfg(feature = "product-album")]
    pub use wecom_product_album::ProductAlbumExt as _;
    #[cfg(feature = "statistics")]
    pub use wecom_statistics::StatisticsExt as _;
    #[cfg(feature = "strategy")]
    pub use wecom_strategy::{CustomerStrategyExt as _, MomentStrategyExt as _};
    #[cfg(feature = "tag")]
    pub use wecom_tag::TagExt as _;
    #[cfg(feature = "transfer")]
    pub use wecom_transfer::TransferExt as _;
}
