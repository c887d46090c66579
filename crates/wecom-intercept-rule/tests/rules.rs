//! 管理聊天敏感词: add, list, get, update and delete rules against a mock WeCom.

use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_get, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::{EmptyResponse, Error};
use wecom_intercept_rule::*;

const ADD: &str = "/cgi-bin/externalcontact/add_intercept_rule";
const LIST: &str = "/cgi-bin/externalcontact/get_intercept_rule_list";
const GET: &str = "/cgi-bin/externalcontact/get_intercept_rule";
const UPDATE: &str = "/cgi-bin/externalcontact/update_intercept_rule";
const DEL: &str = "/cgi-bin/externalcontact/del_intercept_rule";

fn sample_add() -> AddInterceptRuleRequest {
    AddInterceptRuleRequest::new(
        "rulename",
        ["敏感词1", "敏感词2"],
        InterceptType::WarnAndBlock,
        ApplicableRange::users(["zhangshan"]).departments([2, 3]),
    )
    .semantics([
        Semantics::PhoneNumber,
        Semantics::Email,
        Semantics::RedPacket,
    ])
}

#[tokio::test]
async fn add_intercept_rule_sends_wecoms_sample_and_decodes_the_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({
            "rule_name": "rulename",
            "word_list": ["敏感词1", "敏感词2"],
            "semantics_list": [1, 2, 3],
            "intercept_type": 1,
            "applicable_range": {"user_list": ["zhangshan"], "department_list": [2, 3]}
        }),
        include_str!("fixtures/add_intercept_rule.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .intercept_rule()
        .add_intercept_rule(&sample_add())
        .await
        .unwrap();
    assert_eq!(resp.rule_id, "xxx");
    assert_round_trip::<AddInterceptRuleResponse>(include_str!("fixtures/add_intercept_rule.json"));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_intercept_rule_is_not_resent_after_a_502_and_the_101st_rule_is_refused() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, ADD, 502).await;
    let err = client(&server.base_url())
        .intercept_rule()
        .add_intercept_rule(&sample_add())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let minimal = mock_post(
        &server,
        ADD,
        json!({
            "rule_name": "r",
            "word_list": ["w"],
            "intercept_type": 2,
            "applicable_range": {"department_list": [1]}
        }),
        &wecom_error(40058, "rule count exceed limit"),
    )
    .await;
    let req = AddInterceptRuleRequest::new(
        "r",
        ["w"],
        InterceptType::WarnOnly,
        ApplicableRange::default().departments([1]),
    );
    let result = client(&server.base_url())
        .intercept_rule()
        .add_intercept_rule(&req)
        .await;
    assert_api_error(result, 40058, ADD);
    minimal.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_intercept_rule_list_is_a_get_and_decodes_each_rule() {
    let server = MockServer::start_async().await;
    let mock = mock_get(
        &server,
        LIST,
        &[],
        include_str!("fixtures/get_intercept_rule_list.json"),
    )
    .await;
    let list = client(&server.base_url())
        .intercept_rule()
        .get_intercept_rule_list()
        .await
        .unwrap();
    assert_eq!(
        list.rule_list,
        [InterceptRuleSummary {
            rule_id: "xxxx".into(),
            rule_name: "rulename".into(),
            create_time: 1600000000,
        }]
    );
    assert_round_trip::<GetInterceptRuleListResponse>(include_str!(
        "fixtures/get_intercept_rule_list.json"
    ));
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_get(&server, LIST, &[], &wecom_error(48002, "api forbidden")).await;
    let result = client(&server.base_url())
        .intercept_rule()
        .get_intercept_rule_list()
        .await;
    assert_api_error(result, 48002, LIST);
}

#[tokio::test]
async fn get_intercept_rule_reads_wecoms_numeric_rule_id_and_every_field() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        GET,
        json!({"rule_id": "1"}),
        include_str!("fixtures/get_intercept_rule.json"),
    )
    .await;
    let rule = client(&server.base_url())
        .intercept_rule()
        .get_intercept_rule(&GetInterceptRuleRequest::new("1"))
        .await
        .unwrap()
        .rule;
    assert_eq!(
        rule,
        InterceptRule {
            rule_id: "1".into(),
            rule_name: "rulename".into(),
            word_list: vec!["敏感词1".into(), "敏感词2".into()],
            extra_rule: ExtraRule {
                semantics_list: vec![
                    Semantics::PhoneNumber,
                    Semantics::Email,
                    Semantics::RedPacket
                ],
            },
            intercept_type: InterceptType::WarnAndBlock,
            applicable_range: ApplicableRange::users(["zhangshan"]).departments([2, 3]),
            create_time: None,
        }
    );
    assert_round_trip::<GetInterceptRuleResponse>(include_str!(
        "fixtures/get_intercept_rule_with_time.json"
    ));
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_post(
        &server,
        GET,
        json!({"rule_id": "gone"}),
        &wecom_error(40058, "invalid rule_id"),
    )
    .await;
    let result = client(&server.base_url())
        .intercept_rule()
        .get_intercept_rule(&GetInterceptRuleRequest::new("gone"))
        .await;
    assert_api_error(result, 40058, GET);
}

#[tokio::test]
async fn update_intercept_rule_sends_wecoms_sample_and_an_empty_semantics_list_to_clear() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        UPDATE,
        json!({
            "rule_id": "xxxx",
            "rule_name": "rulename",
            "word_list": ["敏感词1", "敏感词2"],
            "extra_rule": {"semantics_list": [1, 2, 3]},
            "intercept_type": 1,
            "add_applicable_range": {"user_list": ["zhangshan"], "department_list": [2, 3]},
            "remove_applicable_range": {"user_list": ["zhangshan"], "department_list": [2, 3]}
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let range = || ApplicableRange::users(["zhangshan"]).departments([2, 3]);
    let req = UpdateInterceptRuleRequest::new("xxxx")
        .rule_name("rulename")
        .word_list(["敏感词1", "敏感词2"])
        .semantics([
            Semantics::PhoneNumber,
            Semantics::Email,
            Semantics::RedPacket,
        ])
        .intercept_type(InterceptType::WarnAndBlock)
        .add_range(range())
        .remove_range(range());
    let api_client = client(&server.base_url());
    let resp = api_client
        .intercept_rule()
        .update_intercept_rule(&req)
        .await
        .unwrap();
    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;

    let clear = mock_post(
        &server,
        UPDATE,
        json!({"rule_id": "xxxx", "extra_rule": {"semantics_list": []}}),
        &wecom_error(40058, "invalid rule_id"),
    )
    .await;
    let result = api_client
        .intercept_rule()
        .update_intercept_rule(&UpdateInterceptRuleRequest::new("xxxx").semantics([]))
        .await;
    assert_api_error(result, 40058, UPDATE);
    clear.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_intercept_rule_sends_the_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        DEL,
        json!({"rule_id": "xxx"}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    client(&server.base_url())
        .intercept_rule()
        .del_intercept_rule(&DelInterceptRuleRequest::new("xxx"))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_post(
        &server,
        DEL,
        json!({"rule_id": "xxx"}),
        &wecom_error(40058, "invalid rule_id"),
    )
    .await;
    let result = client(&server.base_url())
        .intercept_rule()
        .del_intercept_rule(&DelInterceptRuleRequest::new("xxx"))
        .await;
    assert_api_error(result, 40058, DEL);
}

#[tokio::test]
async fn rule_limits_are_checked_before_sending() {
    let server = MockServer::start_async().await;
    let add = mock_any_body(
        &server,
        ADD,
        include_str!("fixtures/add_intercept_rule.json"),
    )
    .await;
    let update = mock_any_body(&server, UPDATE, include_str!("fixtures/ok.json")).await;
    let api_client = client(&server.base_url());
    let api = api_client.intercept_rule();
    let range = || ApplicableRange::users(["zhangsan"]);
    let words = |n: usize| (0..n).map(|i| format!("词{i}")).collect::<Vec<_>>();
    let rule = |name: &str, words: Vec<String>, range: ApplicableRange| {
        AddInterceptRuleRequest::new(name, words, InterceptType::WarnOnly, range)
    };
    let cases = [
        (rule("", words(1), range()), "rule_name"),
        (rule(&"规".repeat(21), words(1), range()), "rule_name"),
        (rule("r", words(0), range()), "word_list"),
        (rule("r", words(301), range()), "word_list"),
        (rule("r", vec!["词".repeat(33)], range()), "word_list[0]"),
        (rule("r", vec![String::new()], range()), "word_list[0]"),
        (
            rule("r", words(1), ApplicableRange::default()),
            "applicable_range",
        ),
        (
            rule(
                "r",
                words(1),
                ApplicableRange::users((0..1001).map(|i| format!("u{i}"))),
            ),
            "applicable_range.user_list",
        ),
        (
            rule(
                "r",
                words(1),
                ApplicableRange::default().departments(0..1001),
            ),
            "applicable_range.department_list",
        ),
    ];
    for (req, field) in cases {
        let err = api.add_intercept_rule(&req).await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains(field)),
            "{field}: {err:?}"
        );
    }
    let too_many = ApplicableRange::users((0..1001).map(|i| format!("u{i}")));
    for (req, field) in [
        (
            UpdateInterceptRuleRequest::new("r").rule_name("规".repeat(21)),
            "rule_name",
        ),
        (
            UpdateInterceptRuleRequest::new("r").word_list(words(301)),
            "word_list",
        ),
        (
            UpdateInterceptRuleRequest::new("r").add_range(too_many.clone()),
            "add_applicable_range.user_list",
        ),
        (
            UpdateInterceptRuleRequest::new("r").remove_range(too_many),
            "remove_applicable_range.user_list",
        ),
    ] {
        let err = api.update_intercept_rule(&req).await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains(field)),
            "{field}: {err:?}"
        );
    }
    add.assert_calls_async(0).await;
    update.assert_calls_async(0).await;

    // The limits themselves pass.
    assert!(rule(&"规".repeat(20), words(300), range()).check().is_ok());
    assert!(rule(
        "r",
        vec!["词".repeat(32)],
        ApplicableRange::default().departments(0..1000)
    )
    .check()
    .is_ok());
}
