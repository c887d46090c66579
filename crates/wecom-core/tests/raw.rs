//! The escape hatch: get_raw / post_raw.

mod common;

use common::*;
use httpmock::{Method, MockServer};
use wecom_core::{ErrCode, Error};

#[tokio::test]
async fn get_raw_adds_the_token_and_the_query() {
    let server = MockServer::start_async().await;
    let token = gettoken(&server, "RAW_TOKEN", None).await;
    let mock = server
        .mock_async(|when, then| {
            when.method(Method::GET)
                .path("/cgi-bin/externalcontact/list")
                .query_param("access_token", "RAW_TOKEN")
                .query_param("userid", "张三 & co");
            then.status(200)
                .body(r#"{"errcode":0,"errmsg":"ok","external_userid":["wmA","wmB"]}"#);
        })
        .await;
    let client = client(&server);
    let raw = client
        .get_raw("/cgi-bin/externalcontact/list", &[("userid", "张三 & co")])
        .await
        .unwrap();
    assert_eq!(raw["external_userid"][1], "wmB");
    mock.assert_calls_async(1).await;
    token.assert_calls_async(1).await;
}

#[tokio::test]
async fn post_raw_checks_the_envelope_and_is_not_resent() {
    let server = MockServer::start_async().await;
    gettoken(&server, "RAW_TOKEN", None).await;
    let body = serde_json::json!({"userid": "zhangsan", "external_userid": "wmX"});
    let mock = server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path("/cgi-bin/externalcontact/new_thing")
                .query_param("access_token", "RAW_TOKEN")
                .json_body(body.clone());
            then.status(200)
                .body(r#"{"errcode":-1,"errmsg":"system busy"}"#);
        })
        .await;
    let client = client(&server);
    let err = client
        .post_raw("/cgi-bin/externalcontact/new_thing", &body)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::SYSTEM_BUSY));
    mock.assert_calls_async(1).await;

    let err = client
        .post_raw_idempotent("/cgi-bin/externalcontact/new_thing", &body)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::SYSTEM_BUSY));
    mock.assert_calls_async(4).await;
}

#[tokio::test]
async fn raw_paths_with_a_query_or_host_are_refused_before_sending() {
    let server = MockServer::start_async().await;
    let client = client(&server);
    for path in [
        "cgi-bin/x",
        "/cgi-bin/x?access_token=y",
        "http://evil/x",
        "/x#frag",
    ] {
        let err = client.get_raw(path, &[]).await.unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{path}: {err:?}");
    }
}

#[tokio::test]
async fn behind_a_gateway_the_base_path_prefixes_every_endpoint() {
    let server = MockServer::start_async().await;
    let query = [("userid", "张三 & co/+%?#")];
    let answer = r#"{"errcode":0,"errmsg":"ok","external_userid":["wmA"]}"#;
    let prefixed = wecom_core::test_util::mock::mock_get(
        &server,
        "/wecom/gw/cgi-bin/externalcontact/list",
        &query,
        answer,
    )
    .await;
    for base in ["/wecom/gw", "/wecom/gw/"] {
        let client = wecom_core::test_util::client(&server.url(base));
        let raw = client
            .get_raw("/cgi-bin/externalcontact/list", &query)
            .await
            .unwrap();
        assert_eq!(raw["external_userid"][0], "wmA");
    }
    prefixed.assert_calls_async(2).await;
}

#[tokio::test]
async fn a_token_with_reserved_characters_is_sent_encoded() {
    let server = MockServer::start_async().await;
    gettoken(&server, "T+K/N=&x", None).await;
    let mock = server
        .mock_async(|when, then| {
            when.method(Method::GET)
                .path("/cgi-bin/externalcontact/list")
                .query_param("access_token", "T+K/N=&x")
                .query_param("userid", "zhangsan");
            then.status(200)
                .body(r#"{"errcode":0,"errmsg":"ok","external_userid":[]}"#);
        })
        .await;
    client(&server)
        .get_raw("/cgi-bin/externalcontact/list", &[("userid", "zhangsan")])
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}
