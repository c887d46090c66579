//! Malformed and hostile answers become typed errors, never panics.

mod common;

use common::*;
use httpmock::{Method, MockServer};
use wecom_core::test_util::TEST_TOKEN;
use wecom_core::{Error, WecomClient};

async fn answer(status: u16, body: Vec<u8>) -> (MockServer, WecomClient) {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(Method::GET)
                .path(PATH)
                .query_param("access_token", TEST_TOKEN);
            then.status(status).body(body);
        })
        .await;
    let client = wecom_core::WecomClient::builder()
        .base_url(server.base_url())
        .token_provider(std::sync::Arc::new(wecom_core::StaticToken::new(
            TEST_TOKEN,
        )))
        .retry_policy(wecom_core::RetryPolicy::never())
        .build()
        .unwrap();
    (server, client)
}

#[tokio::test]
async fn html_502() {
    let (_s, client) = answer(
        502,
        b"<html><head><title>502 Bad Gateway</title></head></html>".to_vec(),
    )
    .await;
    let err = client.execute(&GetFollowUserList {}).await.unwrap_err();
    match err {
        Error::HttpStatus {
            status,
            excerpt,
            path,
        } => {
            assert_eq!(status, 502);
            assert!(excerpt.contains("Bad Gateway"));
            assert_eq!(path, PATH);
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test]
async fn empty_body() {
    let (_s, client) = answer(200, Vec::new()).await;
    let err = client.execute(&GetFollowUserList {}).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}

#[tokio::test]
async fn truncated_json() {
    let (_s, client) = answer(
        200,
        br#"{"errcode":0,"errmsg":"ok","follow_user":["zhang"#.to_vec(),
    )
    .await;
    let err = client.execute(&GetFollowUserList {}).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}

#[tokio::test]
async fn errcode_as_a_string() {
    let (_s, client) = answer(
        200,
        br#"{"errcode":"0","errmsg":"ok","follow_user":[]}"#.to_vec(),
    )
    .await;
    let err = client.execute(&GetFollowUserList {}).await.unwrap_err();
    match err {
        Error::Decode { field, .. } => assert_eq!(field, "errcode"),
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test]
async fn wrong_field_type_names_the_field() {
    let (_s, client) = answer(
        200,
        br#"{"errcode":0,"errmsg":"ok","follow_user":["a",7]}"#.to_vec(),
    )
    .await;
    let err = client.execute(&GetFollowUserList {}).await.unwrap_err();
    match err {
        Error::Decode { field, excerpt, .. } => {
            assert_eq!(field, "follow_user[1]");
            assert!(excerpt.contains("follow_user"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test]
async fn ten_megabyte_body_is_refused() {
    let mut body = br#"{"errcode":0,"errmsg":"ok","follow_user":["#.to_vec();
    while body.len() < 10 * 1024 * 1024 {
        body.extend_from_slice(br#""zhangsan","#);
    }
    body.extend_from_slice(br#""end"]}"#);
    let (_s, client) = answer(200, body).await;
    let err = client.execute(&GetFollowUserList {}).await.unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit, .. } if limit == 8 * 1024 * 1024),
        "{err:?}"
    );
}

#[tokio::test]
async fn unknown_fields_are_tolerated() {
    let (_s, client) = answer(
        200,
        br#"{"errcode":0,"errmsg":"ok","follow_user":["a"],"brand_new":{"x":[1,2]}}"#.to_vec(),
    )
    .await;
    let users = client.execute(&GetFollowUserList {}).await.unwrap();
    assert_eq!(users.follow_user, ["a"]);
}
