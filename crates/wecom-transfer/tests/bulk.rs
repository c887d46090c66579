//! The bulk helpers: chunks of 100, per-id outcomes merged across chunks, whole-chunk failures marked
//! failed or unknown, the other chunks carried on, nothing sent twice.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{customer_answer, ids, RESIGNED_TRANSFER, TRANSFER};
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post};
use wecom_core::test_util::{client, fast_retries, wecom_error, TEST_TOKEN};
use wecom_core::{ErrCode, StaticToken, WecomClient};
use wecom_transfer::{
    codes, ResignedTransferCustomerRequest, TransferCustomerRequest, TransferExt, TransferItem,
    TransferOutcome,
};

const MSG: &str = "您好，后续将由我的同事李四为您服务。";

fn body(chunk: &[String]) -> serde_json::Value {
    json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "external_userid": chunk,
           "transfer_success_msg": MSG})
}

fn rejected(code: ErrCode) -> TransferOutcome {
    TransferOutcome::Rejected {
        code,
        message: codes::describe(code).unwrap().to_owned(),
    }
}

#[tokio::test]
async fn two_hundred_fifty_customers_go_in_three_chunks_and_a_failing_middle_chunk_spares_the_others(
) {
    let server = MockServer::start_async().await;
    let all = ids(250);
    let first = mock_post(
        &server,
        TRANSFER,
        body(&all[..100]),
        &customer_answer(&all[..100], &[("wmCUST0005", 40128)]),
    )
    .await;
    let middle = mock_post(
        &server,
        TRANSFER,
        body(&all[100..200]),
        &wecom_error(60011, "no privilege to access/modify contact/party/agent"),
    )
    .await;
    let last = mock_post(
        &server,
        TRANSFER,
        body(&all[200..]),
        &customer_answer(&all[200..], &[("wmCUST0230", 40129)]),
    )
    .await;
    let req = TransferCustomerRequest::new("zhangsan", "lisi", &all).transfer_success_msg(MSG);
    let report = client(&server.base_url())
        .transfer()
        .transfer_customers(&req)
        .await
        .unwrap();
    first.assert_calls_async(1).await;
    middle.assert_calls_async(1).await;
    last.assert_calls_async(1).await;

    assert_eq!(report.items.len(), 250);
    for (i, item) in report.items.iter().enumerate() {
        assert_eq!(item.id, all[i], "in the order given");
        let expected = match i {
            5 => rejected(codes::TRANSFERRED_TOO_OFTEN),
            230 => rejected(codes::TRANSFER_PENDING),
            100..=199 => match &item.outcome {
                TransferOutcome::Failed {
                    code: Some(ErrCode(60011)),
                    reason,
                } => {
                    assert!(
                        reason.contains("60011") && reason.contains(TRANSFER),
                        "{reason}"
                    );
                    continue;
                }
                other => panic!("{}: expected Failed with 60011, got {other:?}", item.id),
            },
            _ => TransferOutcome::Accepted,
        };
        assert_eq!(item.outcome, expected, "{}", item.id);
    }
    let accepted: Vec<&str> = report.accepted().collect();
    let expected: Vec<&str> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 5 && *i != 230 && !(100..200).contains(i))
        .map(|(_, id)| id.as_str())
        .collect();
    assert_eq!(accepted, expected);
    assert_eq!(accepted.len(), 148);
    assert_eq!(report.not_accepted().count(), 102);
    assert_eq!(report.unknown().count(), 0);
    assert!(!report.all_accepted());
}

/// A client whose calls time out after 300 ms.
fn impatient(server: &MockServer) -> WecomClient {
    WecomClient::builder()
        .base_url(server.base_url())
        .token_provider(Arc::new(StaticToken::new(TEST_TOKEN)))
        .timeout(Duration::from_millis(300))
        .retry_policy(fast_retries())
        .build()
        .unwrap()
}

#[tokio::test]
async fn an_ambiguous_chunk_failure_is_not_retried_and_its_customers_are_unknown() {
    for failure in ["502", "-1", "timeout"] {
        let server = MockServer::start_async().await;
        let all = ids(250);
        let first = mock_post(
            &server,
            RESIGNED_TRANSFER,
            resigned_body(&all[..100]),
            &customer_answer(&all[..100], &[]),
        )
        .await;
        let middle = server
            .mock_async(|when, then| {
                when.method(httpmock::Method::POST)
                    .path(RESIGNED_TRANSFER)
                    .json_body(resigned_body(&all[100..200]));
                match failure {
                    "502" => then.status(502).body("<html>502 Bad Gateway</html>"),
                    "-1" => then
                        .status(200)
                        .body(r#"{"errcode":-1,"errmsg":"system busy"}"#),
                    _ => then
                        .status(200)
                        .body(customer_answer(&all[100..200], &[]))
                        .delay(Duration::from_millis(800)),
                };
            })
            .await;
        let last = mock_post(
            &server,
            RESIGNED_TRANSFER,
            resigned_body(&all[200..]),
            &customer_answer(&all[200..], &[]),
        )
        .await;
        let req = ResignedTransferCustomerRequest::new("zhangsan", "lisi", &all);
        let report = impatient(&server)
            .transfer()
            .resigned_transfer_customers(&req)
            .await
            .unwrap();
        // Give a (wrong) retry time to arrive before counting.
        tokio::time::sleep(Duration::from_millis(100)).await;
        middle.assert_calls_async(1).await;
        first.assert_calls_async(1).await;
        last.assert_calls_async(1).await;

        let unknown: Vec<&str> = report.unknown().collect();
        let expected: Vec<&str> = all[100..200].iter().map(String::as_str).collect();
        assert_eq!(unknown, expected, "{failure}");
        let accepted: Vec<&str> = report.accepted().collect();
        let expected: Vec<&str> = all[..100]
            .iter()
            .chain(&all[200..])
            .map(String::as_str)
            .collect();
        assert_eq!(accepted, expected, "{failure}");
        assert_eq!(report.items.len(), 250);
    }
}

fn resigned_body(chunk: &[String]) -> serde_json::Value {
    json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "external_userid": chunk})
}

#[tokio::test]
async fn a_customer_missing_from_the_answer_is_unknown_never_accepted() {
    let server = MockServer::start_async().await;
    let sent = ids(3);
    let mock = mock_post(
        &server,
        RESIGNED_TRANSFER,
        resigned_body(&sent),
        &customer_answer(&sent[..2], &[]),
    )
    .await;
    let report = client(&server.base_url())
        .transfer()
        .resigned_transfer_customers(&ResignedTransferCustomerRequest::new(
            "zhangsan", "lisi", &sent,
        ))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
    assert_eq!(
        report.accepted().collect::<Vec<_>>(),
        ["wmCUST0000", "wmCUST0001"]
    );
    assert_eq!(report.unknown().collect::<Vec<_>>(), ["wmCUST0002"]);
}

#[tokio::test]
async fn a_connection_never_made_fails_the_chunk_and_nothing_is_unknown() {
    // A port nothing listens on: the connect error proves nothing was sent.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let report = client(&base)
        .transfer()
        .resigned_transfer_customers(&ResignedTransferCustomerRequest::new(
            "zhangsan",
            "lisi",
            ids(2),
        ))
        .await
        .unwrap();
    for item in &report.items {
        assert!(
            matches!(item.outcome, TransferOutcome::Failed { code: None, .. }),
            "{item:?}"
        );
    }
    assert_eq!(report.items.len(), 2);
}

#[tokio::test]
async fn duplicates_are_sent_once_and_no_ids_send_nothing() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        RESIGNED_TRANSFER,
        resigned_body(&ids(2)),
        &customer_answer(&ids(2), &[]),
    )
    .await;
    let api = client(&server.base_url());
    let req = ResignedTransferCustomerRequest::new(
        "zhangsan",
        "lisi",
        ["wmCUST0000", "wmCUST0001", "wmCUST0000"],
    );
    let report = api
        .transfer()
        .resigned_transfer_customers(&req)
        .await
        .unwrap();
    assert_eq!(
        report.items,
        [
            TransferItem {
                id: "wmCUST0000".into(),
                outcome: TransferOutcome::Accepted
            },
            TransferItem {
                id: "wmCUST0001".into(),
                outcome: TransferOutcome::Accepted
            },
        ]
    );
    let empty = ResignedTransferCustomerRequest::new("zhangsan", "lisi", Vec::<String>::new());
    assert!(api
        .transfer()
        .resigned_transfer_customers(&empty)
        .await
        .unwrap()
        .items
        .is_empty());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn an_invalid_template_is_an_error_before_anything_is_sent() {
    let server = MockServer::start_async().await;
    let mock = mock_any_body(&server, TRANSFER, &customer_answer(&ids(1), &[])).await;
    let api = client(&server.base_url());
    let long = TransferCustomerRequest::new("zhangsan", "lisi", ids(150))
        .transfer_success_msg("好".repeat(201));
    assert!(api.transfer().transfer_customers(&long).await.is_err());
    let nobody = TransferCustomerRequest::new("zhangsan", "", ids(150));
    assert!(api.transfer().transfer_customers(&nobody).await.is_err());
    mock.assert_calls_async(0).await;
}
