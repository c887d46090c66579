//! The unionid conversions (externalcontact/, service/…_3rd with the suite token, idconvert/) and
//! external_userid_to_pending_id against a mock WeCom.

mod common;

use common::{mock_post_token, suite_client, SUITE_TOKEN};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_id_convert::*;

const OLD: &str = "/cgi-bin/externalcontact/unionid_to_external_userid";
const THIRD: &str = "/cgi-bin/service/externalcontact/unionid_to_external_userid_3rd";
const IDCONVERT: &str = "/cgi-bin/idconvert/unionid_to_external_userid";
const PENDING: &str = "/cgi-bin/idconvert/batch/external_userid_to_pending_id";

#[tokio::test]
async fn unionid_to_external_userid_sends_both_ids() {
    let fixture = include_str!("fixtures/unionid_to_external_userid.json");
    assert_round_trip::<ExternalUseridResponse>(fixture);
    let server = MockServer::start_async().await;
    let body = json!({"unionid": "oAAAAAAA", "openid": "oBBBB"});
    let mock = mock_post(&server, OLD, body.clone(), fixture).await;
    let resp = client(&server.base_url())
        .id_convert()
        .unionid_to_external_userid("oAAAAAAA", "oBBBB")
        .await
        .unwrap();
    assert_eq!(resp.external_userid, "ooAAAAAAAAAAA");
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        OLD,
        body,
        &wecom_error(84061, "not external contact"),
    )
    .await;
    let result = client(&server.base_url())
        .id_convert()
        .unionid_to_external_userid("oAAAAAAA", "oBBBB")
        .await;
    assert_api_error(result, 84061, OLD);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn unionid_to_external_userid_3rd_takes_the_suite_token_and_lists_every_corp() {
    let fixture = include_str!("fixtures/unionid_to_external_userid_3rd.json");
    assert_round_trip::<UnionidToExternalUserid3rdResponse>(fixture);
    let server = MockServer::start_async().await;
    let body = json!({"unionid": "xxxxx", "openid": "yyyyy", "corpid": "AAAAA"});
    let mock = mock_post_token(
        &server,
        THIRD,
        "suite_access_token",
        SUITE_TOKEN,
        body,
        fixture,
    )
    .await;
    let req = UnionidToExternalUserid3rdRequest::new("xxxxx", "yyyyy").corpid("AAAAA");
    let resp = suite_client(&server.base_url())
        .id_convert()
        .unionid_to_external_userid_3rd(&req)
        .await
        .unwrap();
    assert_eq!(
        resp.external_userid_info,
        vec![
            CorpExternalUserid {
                corpid: "AAAAA".into(),
                external_userid: "BBBB".into()
            },
            CorpExternalUserid {
                corpid: "CCCCC".into(),
                external_userid: "DDDDD".into()
            },
        ]
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn unionid_to_external_userid_3rd_leaves_corpid_out_unless_set_and_keeps_errcodes() {
    let server = MockServer::start_async().await;
    let body = json!({"unionid": "xxxxx", "openid": "yyyyy"});
    let answer = wecom_error(45009, "api freq out of limit");
    let mock = mock_post_token(
        &server,
        THIRD,
        "suite_access_token",
        SUITE_TOKEN,
        body,
        &answer,
    )
    .await;
    let req = UnionidToExternalUserid3rdRequest::new("xxxxx", "yyyyy");
    let result = suite_client(&server.base_url())
        .id_convert()
        .unionid_to_external_userid_3rd(&req)
        .await;
    assert_api_error(result, 45009, THIRD);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn idconvert_unionid_to_external_userid_sends_the_subject_type_and_decodes_both_ids() {
    let fixture = include_str!("fixtures/idconvert_unionid_to_external_userid.json");
    assert_round_trip::<IdconvertUnionidToExternalUseridResponse>(fixture);
    let server = MockServer::start_async().await;
    let body = json!({
        "unionid": "oAAAAAAA", "openid": "oBBBB", "subject_type": 1, "mass_call_ticket": "TICKET"
    });
    let mock = mock_post(&server, IDCONVERT, body, fixture).await;
    let req = IdconvertUnionidToExternalUseridRequest::new("oAAAAAAA", "oBBBB")
        .subject_type(SubjectType::Provider)
        .mass_call_ticket("TICKET");
    let resp = client(&server.base_url())
        .id_convert()
        .idconvert_unionid_to_external_userid(&req)
        .await
        .unwrap();
    assert_eq!(resp.external_userid.as_deref(), Some("ooAAAAAAAAAAA"));
    assert_eq!(resp.pending_id.as_deref(), Some("ooBBBBBB"));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn idconvert_unionid_of_a_user_not_yet_a_customer_gives_only_a_pending_id() {
    let fixture = include_str!("fixtures/idconvert_unionid_pending_only.json");
    assert_round_trip::<IdconvertUnionidToExternalUseridResponse>(fixture);
    let server = MockServer::start_async().await;
    let body = json!({"unionid": "oNew", "openid": "oNewOpen"});
    let mock = mock_post(&server, IDCONVERT, body.clone(), fixture).await;
    let req = IdconvertUnionidToExternalUseridRequest::new("oNew", "oNewOpen");
    let resp = client(&server.base_url())
        .id_convert()
        .idconvert_unionid_to_external_userid(&req)
        .await
        .unwrap();
    assert_eq!(resp.external_userid, None);
    assert_eq!(resp.pending_id.as_deref(), Some("pAAAAAAAAAAAAAAAA"));
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        IDCONVERT,
        body,
        &wecom_error(40003, "invalid openid"),
    )
    .await;
    let result = client(&server.base_url())
        .id_convert()
        .idconvert_unionid_to_external_userid(&req)
        .await;
    assert_api_error(result, 40003, IDCONVERT);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn external_userid_to_pending_id_sends_the_chat_and_the_ids_under_their_odd_name() {
    let fixture = include_str!("fixtures/external_userid_to_pending_id.json");
    assert_round_trip::<ExternalUseridToPendingIdResponse>(fixture);
    let server = MockServer::start_async().await;
    let body = json!({"chat_id": "xxxxxx", "external_userid": ["oAAAAAAA", "oBBBBB", "oCCC"]});
    let mock = mock_post(&server, PENDING, body, fixture).await;
    let outcome = client(&server.base_url())
        .id_convert()
        .external_userid_to_pending_id(Some("xxxxxx"), ["oAAAAAAA", "oBBBBB", "oCCC"])
        .await
        .unwrap();
    assert_eq!(
        outcome.converted,
        vec![
            PendingId {
                external_userid: "oAAAAAAA".into(),
                pending_id: "pAAAAA".into()
            },
            PendingId {
                external_userid: "oBBBBB".into(),
                pending_id: "pBBBBB".into()
            },
        ]
    );
    // A customer without a pending_id is simply absent from WeCom's answer.
    assert_eq!(outcome.unanswered, ["oCCC"]);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn external_userid_to_pending_id_without_a_chat_sends_no_chat_id() {
    let server = MockServer::start_async().await;
    let body = json!({"external_userid": ["oAAAAAAA"]});
    let answer = wecom_error(48002, "api forbidden");
    let mock = mock_post(&server, PENDING, body, &answer).await;
    let outcome = client(&server.base_url())
        .id_convert()
        .external_userid_to_pending_id(None, ["oAAAAAAA"])
        .await
        .unwrap();
    assert_eq!(outcome.failed.len(), 1);
    assert_eq!(outcome.failed[0].ids, ["oAAAAAAA"]);
    assert_api_error(outcome.into_result(), 48002, PENDING);
    mock.assert_calls_async(1).await;
}
