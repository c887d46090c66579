//! Shared set-up of wecom-core's integration tests.
#![allow(dead_code)]

pub mod hostile;

use std::time::Duration;

use httpmock::{Method, Mock, MockServer};
use serde::{Deserialize, Serialize};
use wecom_core::{RetryPolicy, WecomClient};

pub const CORP_ID: &str = "ww_test_corp";
pub const SECRET: &str = "S3CRET-do-not-print";
pub const PATH: &str = "/cgi-bin/externalcontact/get_follow_user_list";

/// A client with real token handling against `server`.
pub fn client(server: &MockServer) -> WecomClient {
    builder(server).build().unwrap()
}

pub fn builder(server: &MockServer) -> wecom_core::ClientBuilder {
    WecomClient::builder()
        .corp_id(CORP_ID)
        .secret(SECRET)
        .base_url(server.base_url())
        .timeout(Duration::from_secs(5))
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        })
}

/// gettoken answering `token`, at most `times` times when given.
pub async fn gettoken<'a>(server: &'a MockServer, token: &str, times: Option<usize>) -> Mock<'a> {
    let body = serde_json::json!({
        "errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": 7200
    });
    server
        .mock_async(|when, then| {
            when.method(Method::GET)
                .path("/cgi-bin/gettoken")
                .query_param("corpid", CORP_ID)
                .query_param("corpsecret", SECRET);
            let then = then.status(200).json_body(body);
            if let Some(n) = times {
                then.up_to_n_times(n);
            }
        })
        .await
}

/// The follow-user list answered for `token`.
pub async fn follow_users<'a>(server: &'a MockServer, token: &str) -> Mock<'a> {
    api(
        server,
        token,
        r#"{"errcode":0,"errmsg":"ok","follow_user":["zhangsan","lisi"]}"#,
        None,
    )
    .await
}

/// GET PATH with `token`, answering `body` (at most `times` times).
pub async fn api<'a>(
    server: &'a MockServer,
    token: &str,
    body: &str,
    times: Option<usize>,
) -> Mock<'a> {
    let body = body.to_owned();
    server
        .mock_async(|when, then| {
            when.method(Method::GET)
                .path(PATH)
                .query_param("access_token", token);
            let then = then
                .status(200)
                .header("content-type", "application/json")
                .body(body);
            if let Some(n) = times {
                then.up_to_n_times(n);
            }
        })
        .await
}

/// A typed GET endpoint for the tests.
#[derive(Debug, Clone, Serialize)]
pub struct GetFollowUserList {}

#[derive(Debug, Deserialize)]
pub struct FollowUsers {
    pub follow_user: Vec<String>,
}

wecom_core::impl_endpoint!(GetFollowUserList => FollowUsers,
    Get "/cgi-bin/externalcontact/get_follow_user_list", Idempotent);

/// A typed POST endpoint that creates something (not idempotent).
#[derive(Debug, Clone, Serialize)]
pub struct AddThing {
    pub name: String,
}

wecom_core::impl_endpoint!(AddThing => wecom_core::EmptyResponse,
    Post "/cgi-bin/externalcontact/add_thing", NotIdempotent);

/// The same shape, idempotent.
#[derive(Debug, Clone, Serialize)]
pub struct GetThing {
    pub name: String,
}

#[derive(Debug, Deserialize)]
pub struct Thing {
    pub value: i64,
}

wecom_core::impl_endpoint!(GetThing => Thing,
    Post "/cgi-bin/externalcontact/get_thing", Idempotent);
