//! The test_util mocks match the exact query: an extra, missing or repeated parameter is not the call the
//! test names, so it must not match (the domain crates' endpoint tests rely on this).

use httpmock::MockServer;
use wecom_core::test_util::{client, mock, TEST_TOKEN};

const PATH: &str = "/cgi-bin/externalcontact/list";
const ANSWER: &str = r#"{"errcode":0,"errmsg":"ok","external_userid":["wmA"]}"#;

#[tokio::test]
async fn mock_get_matches_exactly_the_named_query() {
    let server = MockServer::start_async().await;
    let mock = mock::mock_get(&server, PATH, &[("userid", "张三 & co")], ANSWER).await;
    let client = client(&server.base_url());
    let answer = client.get_raw(PATH, &[("userid", "张三 & co")]).await;
    assert_eq!(answer.unwrap()["external_userid"][0], "wmA");
    for query in [
        &[("userid", "张三 & co"), ("cursor", "")][..],
        &[("userid", "张三 & co"), ("userid", "张三 & co")][..],
        &[("userid", "张三")][..],
        &[][..],
    ] {
        assert!(
            client.get_raw(PATH, query).await.is_err(),
            "{query:?} must not match"
        );
    }
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn mock_post_takes_no_query_but_the_token() {
    let server = MockServer::start_async().await;
    let body = serde_json::json!({"userid": "u1"});
    let mock = mock::mock_post(&server, PATH, body.clone(), ANSWER).await;
    let http = reqwest::Client::new();
    let post = |query: &str| {
        http.post(format!("{}{PATH}?{query}", server.base_url()))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
    };
    let token = format!("access_token={TEST_TOKEN}");
    assert_eq!(post(&token).await.unwrap().status(), 200);
    for query in [
        format!("{token}&debug=1"),
        format!("{token}&{token}"),
        "access_token=OTHER".to_owned(),
    ] {
        let status = post(&query).await.unwrap().status();
        assert_eq!(status, 404, "{query} must not match");
    }
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn mock_post_for_takes_the_token_of_its_kind_under_its_own_name() {
    use wecom_core::test_util::TEST_SUITE_TOKEN;
    use wecom_core::TokenKind;
    let server = MockServer::start_async().await;
    let body = serde_json::json!({"userid": "u1"});
    let mock = mock::mock_post_for(&server, TokenKind::Suite, PATH, body.clone(), ANSWER).await;
    let http = reqwest::Client::new();
    for (query, status) in [
        (format!("suite_access_token={TEST_SUITE_TOKEN}"), 200),
        (format!("access_token={TEST_SUITE_TOKEN}"), 404),
        (format!("suite_access_token={TEST_TOKEN}"), 404),
    ] {
        let answer = http
            .post(format!("{}{PATH}?{query}", server.base_url()))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), status, "{query}");
    }
    mock.assert_calls_async(1).await;
}
