//! WeCom's numeric error codes.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A WeCom `errcode`. A newtype rather than an enum, so that a code this SDK does not know yet still
/// decodes; the codes an application usually matches on are named constants.
///
/// ```
/// use wecom_core::ErrCode;
/// let code = ErrCode(84061);
/// assert_eq!(code, ErrCode::NO_EXTERNAL_CONTACT);
/// assert!(ErrCode::ACCESS_TOKEN_EXPIRED.is_token_invalid());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ErrCode(pub i64);

impl ErrCode {
    /// 0: ok.
    pub const OK: Self = Self(0);
    /// -1: 系统繁忙 (system busy). Retried with backoff on idempotent endpoints.
    pub const SYSTEM_BUSY: Self = Self(-1);
    /// 40001: 不合法的secret参数 (invalid secret, from gettoken). Never retried.
    pub const INVALID_SECRET: Self = Self(40001);
    /// 40013: 不合法的CorpID (invalid corp id).
    pub const INVALID_CORP_ID: Self = Self(40013);
    /// 40014: 不合法的access_token. The token is invalidated and the call replayed once.
    pub const INVALID_ACCESS_TOKEN: Self = Self(40014);
    /// 41001: 缺少access_token参数 (missing access token).
    pub const MISSING_ACCESS_TOKEN: Self = Self(41001);
    /// 42001: access_token已过期. The token is invalidated and the call replayed once.
    pub const ACCESS_TOKEN_EXPIRED: Self = Self(42001);
    /// 40082: 不合法的suite_token. The suite token is invalidated and the call replayed once.
    pub const INVALID_SUITE_TOKEN: Self = Self(40082);
    /// 40084: 不合法的permanent_code参数 (from get_corp_token: the authorization was revoked or the code
    /// is wrong).
    pub const INVALID_PERMANENT_CODE: Self = Self(40084);
    /// 40085: 不合法的suite_ticket参数 (the stored suite_ticket is missing or outdated).
    pub const INVALID_SUITE_TICKET: Self = Self(40085);
    /// 42009: suite_access_token已过期. The suite token is invalidated and the call replayed once.
    pub const SUITE_TOKEN_EXPIRED: Self = Self(42009);
    /// 40007: 不合法的媒体文件id (invalid media_id: unknown, or past its 3 days).
    pub const INVALID_MEDIA_ID: Self = Self(40007);
    /// 45001: 多媒体文件大小超过限制 (the uploaded file is over WeCom's size limit).
    pub const MEDIA_SIZE_OUT_OF_LIMIT: Self = Self(45001);
    /// 45009: 接口调用超过限制 (frequency limit). Not retried: the window is a minute or more.
    pub const API_FREQ_LIMIT: Self = Self(45009);
    /// 45033: 接口并发调用超过限制 (too many concurrent calls). Retried on idempotent endpoints.
    pub const API_CONCURRENT_LIMIT: Self = Self(45033);
    /// 48002: API接口无权限调用 (the app may not call this API).
    pub const API_FORBIDDEN: Self = Self(48002);
    /// 60011: 指定的成员/部门/标签参数无权限 (no privilege over that member, department or tag).
    pub const NO_PRIVILEGE: Self = Self(60011);
    /// 81017: 可见范围超过上限 (groupchat/list without an owner filter for more than 1000 owners).
    pub const VISIBLE_RANGE_EXCEEDED: Self = Self(81017);
    /// 84061: 不存在外部联系人的关系 (no such relation; on `externalcontact/list`: the member has no
    /// customers).
    pub const NO_EXTERNAL_CONTACT: Self = Self(84061);

    /// The number itself.
    pub fn get(self) -> i64 {
        self.0
    }

    /// True for 40014 and 42001: the access token is stale.
    pub fn is_token_invalid(self) -> bool {
        self == Self::INVALID_ACCESS_TOKEN || self == Self::ACCESS_TOKEN_EXPIRED
    }

    /// True for -1 and 45033: WeCom refused the call for load; a later try may succeed.
    pub fn is_transient(self) -> bool {
        self == Self::SYSTEM_BUSY || self == Self::API_CONCURRENT_LIMIT
    }

    /// WeCom's meaning of the codes named here, `None` for others.
    pub fn description(self) -> Option<&'static str> {
        Some(match self.0 {
            0 => "ok",
            -1 => "系统繁忙 (system busy)",
            40001 => "不合法的secret参数 (invalid secret)",
            40013 => "不合法的CorpID (invalid corp id)",
            40014 => "不合法的access_token (invalid access token)",
            41001 => "缺少access_token参数 (missing access token)",
            40082 => "不合法的suite_token (invalid suite token)",
            40084 => "不合法的permanent_code参数 (invalid permanent code)",
            40085 => "不合法的suite_ticket参数 (invalid suite ticket)",
            42001 => "access_token已过期 (access token expired)",
            42009 => "suite_access_token已过期 (suite token expired)",
            45009 => "接口调用超过限制 (API frequency limit)",
            45033 => "接口并发调用超过限制 (too many concurrent calls)",
            48002 => "API接口无权限调用 (API forbidden for this app)",
            60011 => "指定的成员/部门/标签参数无权限 (no privilege)",
            81017 => "可见范围超过上限 (visible range too large: filter by owner)",
            84061 => "不存在外部联系人的关系 (no such external-contact relation)",
            _ => return None,
        })
    }
}

impl fmt::Debug for ErrCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ErrCode({})", self.0)
    }
}

impl fmt::Display for ErrCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl From<i64> for ErrCode {
    fn from(code: i64) -> Self {
        Self(code)
    }
}
