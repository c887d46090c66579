//! Any number of ids: chunks within WeCom's limit, duplicates sent once, and a failed chunk that hides
//! none of the ids the other chunks converted.

use httpmock::{Method::POST, MockServer};
use serde_json::{json, Value};
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::test_util::{client, wecom_error};
use wecom_core::{Error, TokenKind};
use wecom_id_convert::*;

const NEW: &str = "/cgi-bin/externalcontact/get_new_external_userid";
const PENDING: &str = "/cgi-bin/idconvert/batch/external_userid_to_pending_id";
const GROUP_NEW: &str = "/cgi-bin/externalcontact/groupchat/get_new_external_userid";

fn ids(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|i| format!("wmCorp{i:05}")).collect()
}

fn new_id(id: &str) -> String {
    id.replacen("wmCorp", "wmSvc", 1)
}

/// WeCom's answer converting every id of `chunk`.
fn converted(chunk: &[String]) -> String {
    let items: Vec<Value> = chunk
        .iter()
        .map(|id| json!({"external_userid": id, "new_external_userid": new_id(id)}))
        .collect();
    json!({"errcode": 0, "errmsg": "ok", "items": items}).to_string()
}

fn expected(chunk: &[String]) -> Vec<NewExternalUserid> {
    chunk
        .iter()
        .map(|id| NewExternalUserid {
            external_userid: id.clone(),
            new_external_userid: new_id(id),
        })
        .collect()
}

#[tokio::test]
async fn a_failed_middle_chunk_hides_none_of_the_ids_the_others_converted() {
    let server = MockServer::start_async().await;
    let all = ids(0..2500);
    let (first, middle, last) = (&all[..1000], &all[1000..2000], &all[2000..]);
    let first_mock = mock_post(
        &server,
        NEW,
        json!({"external_userid_list": first}),
        &converted(first),
    )
    .await;
    let middle_mock = mock_post(
        &server,
        NEW,
        json!({"external_userid_list": middle}),
        &wecom_error(40096, "invalid external userid"),
    )
    .await;
    let last_mock = mock_post(
        &server,
        NEW,
        json!({"external_userid_list": last}),
        &converted(last),
    )
    .await;

    // Duplicates are sent once.
    let mut asked = all.clone();
    asked.extend(ids(0..10));
    let outcome = client(&server.base_url())
        .id_convert()
        .get_new_external_userid(&asked)
        .await
        .unwrap();

    let mut want = expected(first);
    want.extend(expected(last));
    assert_eq!(outcome.converted, want);
    assert!(outcome.invalid.is_empty());
    assert!(outcome.unanswered.is_empty());
    assert!(!outcome.is_complete());
    assert_eq!(outcome.failed.len(), 1);
    assert_eq!(outcome.failed[0].ids, middle);
    assert_eq!(outcome.failed[0].error.code().map(|c| c.0), Some(40096));
    assert_eq!(outcome.failed_ids().count(), 1000);
    first_mock.assert_calls_async(1).await;
    middle_mock.assert_calls_async(1).await;
    last_mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_chunk_that_fails_after_its_retries_is_reported_and_the_next_chunk_still_sent() {
    let server = MockServer::start_async().await;
    let all = ids(0..1500);
    // The first chunk meets a 502 each time: retried (a read), then given up.
    let failing = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(NEW)
                .json_body(json!({"external_userid_list": &all[..1000]}));
            then.status(502).body("<html>502 Bad Gateway</html>");
        })
        .await;
    let last = mock_post(
        &server,
        NEW,
        json!({"external_userid_list": &all[1000..]}),
        &converted(&all[1000..]),
    )
    .await;
    let outcome = client(&server.base_url())
        .id_convert()
        .get_new_external_userid(&all)
        .await
        .unwrap();
    assert_eq!(outcome.converted, expected(&all[1000..]));
    assert_eq!(outcome.failed.len(), 1);
    assert_eq!(outcome.failed[0].ids, &all[..1000]);
    assert!(
        matches!(
            outcome.failed[0].error,
            Error::HttpStatus { status: 502, .. }
        ),
        "{:?}",
        outcome.failed[0].error
    );
    failing.assert_calls_async(3).await;
    last.assert_calls_async(1).await;
}

#[tokio::test]
async fn pending_ids_go_in_chunks_of_100_each_with_the_chat_id() {
    let server = MockServer::start_async().await;
    let all = ids(0..250);
    let mut mocks = Vec::new();
    for chunk in all.chunks(100) {
        let result: Vec<Value> = chunk
            .iter()
            .step_by(2)
            .map(|id| json!({"external_userid": id, "pending_id": format!("p{id}")}))
            .collect();
        let answer = json!({"errcode": 0, "errmsg": "ok", "result": result}).to_string();
        let body = json!({"chat_id": "wrChat", "external_userid": chunk});
        mocks.push(mock_post(&server, PENDING, body, &answer).await);
    }
    let outcome = client(&server.base_url())
        .id_convert()
        .external_userid_to_pending_id(Some("wrChat"), &all)
        .await
        .unwrap();
    assert_eq!(outcome.converted.len(), 125);
    assert_eq!(outcome.converted[1].external_userid, all[2]);
    assert_eq!(outcome.converted[1].pending_id, format!("p{}", all[2]));
    let odd: Vec<String> = all.iter().skip(1).step_by(2).cloned().collect();
    assert_eq!(outcome.unanswered, odd);
    assert!(outcome.is_complete());
    for mock in mocks {
        mock.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn no_ids_send_nothing_and_a_missing_chat_id_is_refused_before_sending() {
    let server = MockServer::start_async().await;
    let new = mock_any_body(&server, NEW, &converted(&[])).await;
    let group = mock_any_body(&server, GROUP_NEW, &converted(&[])).await;
    let pending = mock_status(&server, PENDING, 200).await;
    let client = client(&server.base_url());

    let outcome = client
        .id_convert()
        .get_new_external_userid(Vec::<String>::new())
        .await
        .unwrap();
    assert!(outcome.converted.is_empty() && outcome.is_complete());

    let err = client
        .id_convert()
        .groupchat_get_new_external_userid("", ["wmA"])
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("chat_id")),
        "{err:?}"
    );
    let err = client
        .id_convert()
        .external_userid_to_pending_id(Some(""), ["wmA"])
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("chat_id")),
        "{err:?}"
    );

    // One call's request is checked against WeCom's limits.
    let err = client
        .execute(&GetNewExternalUseridRequest::new(ids(0..1001)))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("1001")),
        "{err:?}"
    );
    let err = client
        .execute(&ExternalUseridToPendingIdRequest::new(ids(0..101)))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("101")),
        "{err:?}"
    );
    let err = client.id_convert().convert_to_openid("").await.unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("external_userid")),
        "{err:?}"
    );

    new.assert_calls_async(0).await;
    group.assert_calls_async(0).await;
    pending.assert_calls_async(0).await;
}

#[tokio::test]
async fn an_endpoint_whose_token_the_client_lacks_fails_before_anything_is_sent() {
    let server = MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body(r#"{"errcode":0,"errmsg":"ok"}"#);
        })
        .await;
    let corp = client(&server.base_url());
    let req = UnionidToExternalUserid3rdRequest::new("u", "o");
    match corp.id_convert().unionid_to_external_userid_3rd(&req).await {
        Err(Error::NoTokenFor { kind, path }) => {
            assert_eq!(kind, TokenKind::Suite);
            assert_eq!(
                path,
                "/cgi-bin/service/externalcontact/unionid_to_external_userid_3rd"
            );
        }
        other => panic!("expected NoTokenFor, got {other:?}"),
    }
    match corp
        .id_convert()
        .finish_external_userid_migration("ww")
        .await
    {
        Err(Error::NoTokenFor { kind, .. }) => assert_eq!(kind, TokenKind::Provider),
        other => panic!("expected NoTokenFor, got {other:?}"),
    }
    any.assert_calls_async(0).await;
}
