//! idconvert/external_tagid and idconvert/convert_tmp_external_userid against a mock WeCom.

use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_id_convert::*;

const TAGID: &str = "/cgi-bin/idconvert/external_tagid";
const TMP: &str = "/cgi-bin/idconvert/convert_tmp_external_userid";

#[tokio::test]
async fn external_tagid_decodes_converted_and_invalid_ids() {
    let fixture = include_str!("fixtures/external_tagid.json");
    assert_round_trip::<ExternalTagidResponse>(fixture);
    let server = MockServer::start_async().await;
    let ids = ["TAG_ID1", "TAG_ID2", "TAG_ID3", "TAG_ID4", "TAG_ID5"];
    let mock = mock_post(&server, TAGID, json!({"external_tagid_list": ids}), fixture).await;
    let outcome = client(&server.base_url())
        .id_convert()
        .external_tagid(ids)
        .await
        .unwrap();
    assert_eq!(
        outcome.converted,
        vec![
            OpenExternalTagid {
                external_tagid: "TAG_ID1".into(),
                open_external_tagid: "OPEN_TAG_ID1".into()
            },
            OpenExternalTagid {
                external_tagid: "TAG_ID2".into(),
                open_external_tagid: "OPEN_TAG_ID2".into()
            },
        ]
    );
    assert_eq!(outcome.invalid, ["TAG_ID3", "TAG_ID4"]);
    assert_eq!(outcome.unanswered, ["TAG_ID5"]);
    assert!(outcome.is_complete());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn external_tagid_without_permission_is_a_failed_chunk() {
    let server = MockServer::start_async().await;
    let body = json!({"external_tagid_list": ["TAG_ID1"]});
    let mock = mock_post(&server, TAGID, body, &wecom_error(48002, "api forbidden")).await;
    let outcome = client(&server.base_url())
        .id_convert()
        .external_tagid(["TAG_ID1"])
        .await
        .unwrap();
    assert_eq!(outcome.failed_ids().collect::<Vec<_>>(), ["TAG_ID1"]);
    assert_api_error(outcome.into_result(), 48002, TAGID);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn convert_tmp_external_userid_sends_both_types_and_decodes_each_kind_of_user() {
    let fixture = include_str!("fixtures/convert_tmp_external_userid.json");
    assert_round_trip::<ConvertTmpExternalUseridResponse>(fixture);
    let server = MockServer::start_async().await;
    let body = json!({
        "business_type": 1,
        "user_type": 1,
        "tmp_external_userid_list": ["ouXXX1", "ouXXX2", "ouXXX3"]
    });
    let mock = mock_post(&server, TMP, body, fixture).await;
    let outcome = client(&server.base_url())
        .id_convert()
        .convert_tmp_external_userid(
            BusinessType::Meeting,
            UserType::Customer,
            ["ouXXX1", "ouXXX2", "ouXXX3"],
        )
        .await
        .unwrap();
    assert_eq!(
        outcome.converted,
        vec![
            TmpExternalUserid {
                tmp_external_userid: "ouXXX1".into(),
                external_userid: Some("EXTERNAL_USER_ID".into()),
                corpid: None,
                userid: None,
            },
            TmpExternalUserid {
                tmp_external_userid: "ouXXX2".into(),
                external_userid: None,
                corpid: Some("CORPID".into()),
                userid: Some("USERID".into()),
            },
        ]
    );
    assert_eq!(outcome.invalid, ["ouXXX3"]);
    assert!(outcome.unanswered.is_empty());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn convert_tmp_external_userid_of_another_app_is_its_errcode() {
    let server = MockServer::start_async().await;
    let body = json!({"business_type": 3, "user_type": 4, "tmp_external_userid_list": ["ouX"]});
    let mock = mock_post(
        &server,
        TMP,
        body,
        &wecom_error(60020, "not allow to access"),
    )
    .await;
    let outcome = client(&server.base_url())
        .id_convert()
        .convert_tmp_external_userid(BusinessType::SmartSheet, UserType::Circle, ["ouX"])
        .await
        .unwrap();
    assert_api_error(outcome.into_result(), 60020, TMP);
    mock.assert_calls_async(1).await;
}
