//! convert_to_openid, to/from_service_external_userid, get_new_external_userid (customers and group
//! members) and finish_external_userid_migration against a mock WeCom.

mod common;

use common::{mock_post_token, provider_client, PROVIDER_TOKEN};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_id_convert::*;

const OPENID: &str = "/cgi-bin/externalcontact/convert_to_openid";
const TO_SERVICE: &str = "/cgi-bin/externalcontact/to_service_external_userid";
const FROM_SERVICE: &str = "/cgi-bin/externalcontact/from_service_external_userid";
const NEW: &str = "/cgi-bin/externalcontact/get_new_external_userid";
const GROUP_NEW: &str = "/cgi-bin/externalcontact/groupchat/get_new_external_userid";
const FINISH: &str = "/cgi-bin/service/externalcontact/finish_external_userid_migration";

#[tokio::test]
async fn convert_to_openid_sends_the_id_and_decodes_the_openid() {
    let fixture = include_str!("fixtures/convert_to_openid.json");
    assert_round_trip::<ConvertToOpenidResponse>(fixture);
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        OPENID,
        json!({"external_userid": "wmAAAAA"}),
        fixture,
    )
    .await;
    let resp = client(&server.base_url())
        .id_convert()
        .convert_to_openid("wmAAAAA")
        .await
        .unwrap();
    assert_eq!(resp.openid, "ooAAAAAAAAAAAAAAAAAAAAAAAA");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn convert_to_openid_of_a_wecom_user_contact_is_its_errcode() {
    let server = MockServer::start_async().await;
    let answer = wecom_error(40096, "invalid external userid");
    let mock = mock_post(
        &server,
        OPENID,
        json!({"external_userid": "wmWeCom"}),
        &answer,
    )
    .await;
    let result = client(&server.base_url())
        .id_convert()
        .convert_to_openid("wmWeCom")
        .await;
    assert_api_error(result, 40096, OPENID);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn to_service_external_userid_sends_the_id_and_decodes_the_new_one() {
    let fixture = include_str!("fixtures/to_service_external_userid.json");
    assert_round_trip::<ExternalUseridResponse>(fixture);
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        TO_SERVICE,
        json!({"external_userid": "wmAAAAAAA"}),
        fixture,
    )
    .await;
    let resp = client(&server.base_url())
        .id_convert()
        .to_service_external_userid("wmAAAAAAA")
        .await
        .unwrap();
    assert_eq!(resp.external_userid, "wmSvcAAAAAAAAAAAAAAAAAAAAAAA");
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let answer = wecom_error(84061, "not external contact");
    let mock = mock_post(
        &server,
        TO_SERVICE,
        json!({"external_userid": "wmGone"}),
        &answer,
    )
    .await;
    let result = client(&server.base_url())
        .id_convert()
        .to_service_external_userid("wmGone")
        .await;
    assert_api_error(result, 84061, TO_SERVICE);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn from_service_external_userid_sends_the_source_agent_as_a_number() {
    let fixture = include_str!("fixtures/from_service_external_userid.json");
    assert_round_trip::<ExternalUseridResponse>(fixture);
    let server = MockServer::start_async().await;
    let body = json!({"external_userid": "wmSvcAAAA", "source_agentid": 1000012});
    let mock = mock_post(&server, FROM_SERVICE, body, fixture).await;
    let resp = client(&server.base_url())
        .id_convert()
        .from_service_external_userid("wmSvcAAAA", 1000012)
        .await
        .unwrap();
    assert_eq!(resp.external_userid, "wmCorpBBBBBBBBBBBBBBBBBBBBBB");
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let body = json!({"external_userid": "wmSvcAAAA", "source_agentid": 7});
    let answer = wecom_error(40056, "invalid agentid");
    let mock = mock_post(&server, FROM_SERVICE, body, &answer).await;
    let result = client(&server.base_url())
        .id_convert()
        .from_service_external_userid("wmSvcAAAA", 7)
        .await;
    assert_api_error(result, 40056, FROM_SERVICE);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_new_external_userid_sends_the_list_and_decodes_each_pair() {
    let fixture = include_str!("fixtures/get_new_external_userid.json");
    assert_round_trip::<NewExternalUseridResponse>(fixture);
    let server = MockServer::start_async().await;
    let body = json!({"external_userid_list": ["xxxxx", "yyyyy"]});
    let mock = mock_post(&server, NEW, body, fixture).await;
    let outcome = client(&server.base_url())
        .id_convert()
        .get_new_external_userid(["xxxxx", "yyyyy"])
        .await
        .unwrap();
    assert_eq!(
        outcome.converted,
        vec![
            NewExternalUserid {
                external_userid: "xxxxx".into(),
                new_external_userid: "AAAA".into()
            },
            NewExternalUserid {
                external_userid: "yyyyy".into(),
                new_external_userid: "BBBB".into()
            },
        ]
    );
    assert!(outcome.invalid.is_empty() && outcome.unanswered.is_empty());
    assert!(outcome.is_complete());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_new_external_userid_refused_after_migration_is_a_failed_chunk_with_its_errcode() {
    let server = MockServer::start_async().await;
    let answer = wecom_error(40096, "external userid migration finished");
    let body = json!({"external_userid_list": ["xxxxx"]});
    let mock = mock_post(&server, NEW, body, &answer).await;
    let outcome = client(&server.base_url())
        .id_convert()
        .get_new_external_userid(["xxxxx"])
        .await
        .unwrap();
    assert!(outcome.converted.is_empty());
    assert_eq!(outcome.failed_ids().collect::<Vec<_>>(), ["xxxxx"]);
    assert_api_error(outcome.into_result(), 40096, NEW);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn groupchat_get_new_external_userid_sends_the_chat_and_the_members() {
    let fixture = include_str!("fixtures/groupchat_get_new_external_userid.json");
    assert_round_trip::<NewExternalUseridResponse>(fixture);
    let server = MockServer::start_async().await;
    let body = json!({
        "chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA",
        "external_userid_list": ["wmGroupMember1", "wmGroupMember2"]
    });
    let mock = mock_post(&server, GROUP_NEW, body, fixture).await;
    let outcome = client(&server.base_url())
        .id_convert()
        .groupchat_get_new_external_userid(
            "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA",
            ["wmGroupMember1", "wmGroupMember2"],
        )
        .await
        .unwrap();
    assert_eq!(outcome.converted.len(), 1);
    assert_eq!(
        outcome.converted[0].new_external_userid,
        "wmNewGroupMember1"
    );
    // WeCom said nothing of the second member: the caller sees it.
    assert_eq!(outcome.unanswered, ["wmGroupMember2"]);
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let body = json!({"chat_id": "wrUnknown", "external_userid_list": ["wmA"]});
    let mock = mock_post(
        &server,
        GROUP_NEW,
        body,
        &wecom_error(40050, "chatid not found"),
    )
    .await;
    let outcome = client(&server.base_url())
        .id_convert()
        .groupchat_get_new_external_userid("wrUnknown", ["wmA"])
        .await
        .unwrap();
    assert_api_error(outcome.into_result(), 40050, GROUP_NEW);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn finish_external_userid_migration_takes_the_provider_token() {
    let server = MockServer::start_async().await;
    let body = json!({"corpid": "wwCorpA"});
    let ok = include_str!("fixtures/ok.json");
    let mock = mock_post_token(
        &server,
        FINISH,
        "provider_access_token",
        PROVIDER_TOKEN,
        body,
        ok,
    )
    .await;
    provider_client(&server.base_url())
        .id_convert()
        .finish_external_userid_migration("wwCorpA")
        .await
        .unwrap();
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let body = json!({"corpid": "wwNotAuthorized"});
    let answer = wecom_error(40013, "invalid corpid");
    let mock = mock_post_token(
        &server,
        FINISH,
        "provider_access_token",
        PROVIDER_TOKEN,
        body,
        &answer,
    )
    .await;
    let result = provider_client(&server.base_url())
        .id_convert()
        .finish_external_userid_migration("wwNotAuthorized")
        .await;
    assert_api_error(result, 40013, FINISH);
    mock.assert_calls_async(1).await;
}
