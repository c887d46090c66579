//! 获取企业永久授权码 (v2): the suite token in the query, the auth code in the body, the code hidden.

use std::sync::Arc;

use httpmock::{Method, MockServer};
use serde_json::json;
use wecom_core::test_util::{assert_api_error, wecom_error};
use wecom_core::{Error, StaticToken, TokenKind, WecomClient};

const PATH: &str = "/cgi-bin/service/v2/get_permanent_code";
const SUITE_TOKEN: &str = "SUITE_ACCESS_TOKEN_1";

fn client(server: &MockServer) -> WecomClient {
    WecomClient::builder()
        .base_url(server.base_url())
        .token_provider_for(TokenKind::Suite, Arc::new(StaticToken::new(SUITE_TOKEN)))
        .build()
        .unwrap()
}

fn auth_code() -> String {
    "A".repeat(64)
}

async fn mock<'a>(server: &'a MockServer, answer: String) -> httpmock::Mock<'a> {
    let expected = vec![("suite_access_token".to_owned(), SUITE_TOKEN.to_owned())];
    server
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path(PATH)
                .is_true(move |req| req.query_params() == expected)
                .json_body(json!({"auth_code": auth_code()}));
            then.status(200).body(answer);
        })
        .await
}

#[tokio::test]
async fn get_permanent_code_decodes_the_corp_and_hides_the_code() {
    let server = MockServer::start_async().await;
    let answer = json!({
        "errcode": 0, "errmsg": "ok",
        "permanent_code": "PERMANENT-xxxx",
        "auth_corp_info": {"corpid": "wwcorpA", "corp_name": "示例企业"},
        "auth_user_info": {"userid": "aa", "open_userid": "woAAA", "name": "管理员", "avatar": "http://p.qpic.cn/a"},
        "register_code_info": {"register_code": "1111", "template_id": "tpl111", "state": "state001"},
        "state": "state001"
    });
    let mock = mock(&server, answer.to_string()).await;
    let got = client(&server)
        .get_permanent_code(auth_code())
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    assert_eq!(got.permanent_code.expose(), "PERMANENT-xxxx");
    assert_eq!(got.auth_corp_info.corpid, "wwcorpA");
    assert_eq!(got.auth_corp_info.corp_name, "示例企业");
    let user = got.auth_user_info.as_ref().unwrap();
    assert_eq!(
        (user.userid.as_str(), user.open_userid.as_str()),
        ("aa", "woAAA")
    );
    let register = got.register_code_info.as_ref().unwrap();
    assert_eq!(register.template_id, "tpl111");
    assert_eq!(register.state.as_deref(), Some("state001"));
    assert_eq!(got.state.as_deref(), Some("state001"));
    assert!(!format!("{got:?}").contains("PERMANENT-xxxx"));
    // Round trip: no field dropped.
    let mut expected = answer;
    expected.as_object_mut().unwrap().remove("errcode");
    expected.as_object_mut().unwrap().remove("errmsg");
    assert_eq!(serde_json::to_value(&got).unwrap(), expected);
}

#[tokio::test]
async fn a_used_auth_code_is_errcode_40078_and_not_retried() {
    let server = MockServer::start_async().await;
    let mock = mock(&server, wecom_error(40078, "invalid auth_code")).await;
    assert_api_error(
        client(&server).get_permanent_code(auth_code()).await,
        40078,
        PATH,
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_short_auth_code_is_refused_before_sending() {
    let server = MockServer::start_async().await;
    let mock = mock(&server, "{}".to_owned()).await;
    let err = client(&server)
        .get_permanent_code("short")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    mock.assert_calls_async(0).await;
}
