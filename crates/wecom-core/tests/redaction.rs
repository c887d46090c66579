//! No error, client or log line shows the secret or the token.

mod common;

use common::hostile::*;
use common::*;
use httpmock::MockServer;
use wecom_core::{AccessToken, ErrCode, Error};

#[tokio::test]
async fn no_error_variant_shows_a_secret_token_or_query() {
    let server = MockServer::start_async().await;
    let errors = every_error_variant(&server).await;
    let kinds: Vec<&str> = errors
        .iter()
        .map(|e| match e {
            Error::Api { .. } => "api",
            Error::Transport { .. } => "transport",
            Error::Timeout { .. } => "timeout",
            Error::HttpStatus { .. } => "status",
            Error::BodyTooLarge { .. } => "large",
            Error::Decode { .. } => "decode",
            Error::InvalidRequest(_) => "invalid",
            Error::Token(_) => "token",
            Error::Config(_) => "config",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "decode",
            "api",
            "status",
            "decode",
            "large",
            "timeout",
            "transport",
            "invalid",
            "token",
            "config"
        ]
    );
    assert_eq!(errors[1].code(), Some(ErrCode::NO_PRIVILEGE));
    for err in &errors {
        assert_clean(&format!("{err}"));
        assert_clean(&format!("{err:?}"));
        assert_clean(&format!("{err:#?}"));
    }
}

#[test]
fn client_builder_and_token_debug_are_redacted() {
    let builder = wecom_core::WecomClient::builder()
        .corp_id(CORP_ID)
        .secret(SECRET);
    assert_clean(&format!("{builder:?}"));
    let client = builder.build().unwrap();
    assert_clean(&format!("{client:?}"));
    assert_clean(&format!(
        "{:?}",
        client.token_provider(wecom_core::TokenKind::Corp)
    ));
    let token = AccessToken::new(TOKEN);
    assert_clean(&format!("{token:?} {token}"));
}
