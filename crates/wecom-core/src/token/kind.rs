//! Which token an endpoint takes: the corp's `access_token`, a third-party suite's `suite_access_token`,
//! or a service provider's `provider_access_token`.

use std::fmt;

use crate::ErrCode;

/// The token an endpoint takes, and so the query parameter it goes in. Set per endpoint with
/// [`Endpoint::TOKEN`](crate::Endpoint::TOKEN); every 客户联系 endpoint of a corp takes
/// [`TokenKind::Corp`], a few service endpoints the others.
///
/// | kind | query name | comes from | stale when WeCom answers |
/// | --- | --- | --- | --- |
/// | `Corp` | `access_token` | `gettoken` (corp secret, or a 代开发 app's permanent code), or `service/get_corp_token` for a third-party app | 40014, 42001 |
/// | `Suite` | `suite_access_token` | `service/get_suite_token` (suite id, secret and the latest suite_ticket) | 40082, 42009 |
/// | `Provider` | `provider_access_token` | `service/get_provider_token` (provider corp id and secret) | 40014, 42001, 40082 |
///
/// WeCom documents no code of its own for a bad provider token; its answers have been seen as 40014 and
/// as 40082 ("invalid suite_access_token or provider_access_token"), so both replay.
///
/// A stale token is invalidated (compare-and-clear) and the call replayed once with a fresh one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// `access_token`: a corp's token (self-built, 代开发, or a third-party app's per authorized corp).
    Corp,
    /// `suite_access_token`: a third-party app's (suite's) own token.
    Suite,
    /// `provider_access_token`: the service provider's token.
    Provider,
}

impl TokenKind {
    /// Every kind, in the order of the table above.
    pub const ALL: [TokenKind; 3] = [Self::Corp, Self::Suite, Self::Provider];

    /// The query parameter the token goes in.
    pub const fn query_name(self) -> &'static str {
        match self {
            Self::Corp => "access_token",
            Self::Suite => "suite_access_token",
            Self::Provider => "provider_access_token",
        }
    }

    /// True when `code` says the token of this kind was invalid or expired.
    pub fn is_stale(self, code: ErrCode) -> bool {
        match self {
            Self::Corp => code.is_token_invalid(),
            Self::Provider => code.is_token_invalid() || code == ErrCode::INVALID_SUITE_TOKEN,
            Self::Suite => matches!(
                code,
                ErrCode::INVALID_SUITE_TOKEN | ErrCode::SUITE_TOKEN_EXPIRED
            ),
        }
    }

    pub(crate) const fn index(self) -> usize {
        match self {
            Self::Corp => 0,
            Self::Suite => 1,
            Self::Provider => 2,
        }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.query_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_replays_on_its_own_codes() {
        let stale = |kind: TokenKind, code: i64| kind.is_stale(ErrCode(code));
        assert!(stale(TokenKind::Corp, 40014) && stale(TokenKind::Corp, 42001));
        assert!(!stale(TokenKind::Corp, 40082) && !stale(TokenKind::Corp, 42009));
        assert!(stale(TokenKind::Suite, 40082) && stale(TokenKind::Suite, 42009));
        assert!(!stale(TokenKind::Suite, 40014) && !stale(TokenKind::Suite, 42001));
        assert!(stale(TokenKind::Provider, 40014) && stale(TokenKind::Provider, 42001));
        assert!(stale(TokenKind::Provider, 40082) && !stale(TokenKind::Provider, 42009));
        assert!(!stale(TokenKind::Provider, 40001));
    }
}
