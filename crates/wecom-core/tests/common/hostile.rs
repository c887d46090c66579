//! Answers crafted to make a careless client leak its credentials.

use std::sync::Arc;
use std::time::Duration;

use httpmock::MockServer;
use wecom_core::Error;

use super::*;

pub const TOKEN: &str = "TOKEN-must-stay-hidden";

pub fn assert_clean(text: &str) {
    assert!(!text.contains(SECRET), "secret leaked: {text}");
    assert!(!text.contains(TOKEN), "token leaked: {text}");
    assert!(!text.contains("access_token="), "query leaked: {text}");
    assert!(!text.contains("corpsecret="), "query leaked: {text}");
}

/// Collects every error a real client produces against hostile answers.
pub async fn every_error_variant(server: &MockServer) -> Vec<Error> {
    let client = builder(server)
        .timeout(Duration::from_millis(300))
        .max_response_bytes(1024)
        .build()
        .unwrap();
    let mut errors = Vec::new();
    // Token answer that fails to decode, echoing the token into the excerpt.
    let bad = server
        .mock_async(|when, then| {
            when.path("/cgi-bin/gettoken");
            then.status(200).body(format!(
                r#"{{"errcode":0,"errmsg":"ok","access_token":"{TOKEN}","expires_in":"soon"}}"#
            ));
        })
        .await;
    errors.push(client.get_raw("/cgi-bin/x", &[]).await.unwrap_err());
    bad.delete_async().await;
    gettoken(server, TOKEN, None).await;
    for (path, status, body, delay) in [
        (
            "/api",
            200,
            format!(r#"{{"errcode":60011,"errmsg":"no privilege, token {TOKEN}"}}"#),
            0,
        ),
        (
            "/status",
            500,
            format!(r#"{{"access_token":"{TOKEN}"}}"#),
            0,
        ),
        (
            "/decode",
            200,
            format!(r#"{{"errcode":0,"access_token":"{TOKEN}","#),
            0,
        ),
        ("/large", 200, "x".repeat(4096), 0),
        ("/slow", 200, "{}".to_owned(), 2000),
    ] {
        server
            .mock_async(|when, then| {
                when.path(path);
                then.status(status)
                    .body(body)
                    .delay(Duration::from_millis(delay));
            })
            .await;
        errors.push(client.get_raw(path, &[("q", "v")]).await.unwrap_err());
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let refused = wecom_core::WecomClient::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .token_provider(Arc::new(wecom_core::StaticToken::new(TOKEN)))
        .retry_policy(wecom_core::RetryPolicy::never())
        .build()
        .unwrap();
    errors.push(refused.get_raw("/refused", &[]).await.unwrap_err());
    errors.push(client.get_raw("no-slash", &[]).await.unwrap_err());
    errors.push(Error::Token("store down".into()));
    errors.push(wecom_core::WecomClient::builder().build().unwrap_err());
    errors
}
