//! 查询剩余使用量, 查询链接使用详情 and the forecast built on them, against a mock WeCom.

use httpmock::MockServer;
use serde_json::json;
use wecom_acquisition::*;
use wecom_core::test_util::mock::{mock_any_body, mock_get, mock_post};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::Error;

const QUOTA: &str = "/cgi-bin/externalcontact/customer_acquisition_quota";
const STATISTIC: &str = "/cgi-bin/externalcontact/customer_acquisition/statistic";
const LIST: &str = "/cgi-bin/externalcontact/customer_acquisition/list_link";
const DAY: i64 = 86_400;

#[tokio::test]
async fn quota_is_a_get_with_only_the_token_and_decodes_each_batch() {
    let server = MockServer::start_async().await;
    let mock = mock_get(&server, QUOTA, &[], include_str!("fixtures/quota.json")).await;
    let quota = client(&server.base_url())
        .customer_acquisition()
        .quota()
        .await
        .unwrap();
    assert_eq!((quota.total, quota.balance), (1000, 500));
    assert_eq!(
        quota.quota_list,
        [
            QuotaBatch {
                expire_date: 1689350400,
                balance: 200
            },
            QuotaBatch {
                expire_date: 1692028800,
                balance: 300
            }
        ]
    );
    assert_round_trip::<QuotaResponse>(include_str!("fixtures/quota.json"));
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_get(&server, QUOTA, &[], &wecom_error(48002, "api forbidden")).await;
    let result = client(&server.base_url())
        .customer_acquisition()
        .quota()
        .await;
    assert_api_error(result, 48002, QUOTA);
}

#[tokio::test]
async fn statistic_posts_the_link_and_both_times() {
    let server = MockServer::start_async().await;
    // WeCom's request sample.
    let mock = mock_post(
        &server,
        STATISTIC,
        json!({"link_id": "caxxxxxxx", "start_time": 1688140800, "end_time": 1688486400}),
        include_str!("fixtures/statistic.json"),
    )
    .await;
    let figures = client(&server.base_url())
        .customer_acquisition()
        .statistic(&StatisticRequest::new("caxxxxxxx", 1688140800, 1688486400))
        .await
        .unwrap();
    assert_eq!(
        (figures.click_link_customer_cnt, figures.new_customer_cnt),
        (1000, 500)
    );
    assert_round_trip::<StatisticResponse>(include_str!("fixtures/statistic.json"));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn statistic_older_than_180_days_is_its_errcode_and_the_window_is_checked_first() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        STATISTIC,
        json!({"link_id": "ca1", "start_time": 1600000000, "end_time": 1600086400}),
        &wecom_error(40058, "start_time out of range"),
    )
    .await;
    let api_client = client(&server.base_url());
    let result = api_client
        .customer_acquisition()
        .statistic(&StatisticRequest::new("ca1", 1600000000, 1600086400))
        .await;
    assert_api_error(result, 40058, STATISTIC);
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let any = mock_any_body(&server, STATISTIC, include_str!("fixtures/statistic.json")).await;
    let api_client = client(&server.base_url());
    let start = 1_700_000_000;
    for (req, field) in [
        (
            StatisticRequest::new("ca1", start, start + 30 * DAY + 1),
            "spans",
        ),
        (StatisticRequest::new("ca1", start, start - 1), "before"),
        (StatisticRequest::new("", start, start), "link_id"),
    ] {
        let err = api_client
            .customer_acquisition()
            .statistic(&req)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains(field)),
            "{field}: {err:?}"
        );
    }
    any.assert_calls_async(0).await;
    assert!(StatisticRequest::new("ca1", start, start + 30 * DAY)
        .check()
        .is_ok());
}

#[tokio::test]
async fn quota_forecast_sums_last_weeks_new_customers_over_every_link() {
    let server = MockServer::start_async().await;
    let now = 1_700_000_000;
    let quota = mock_get(
        &server,
        QUOTA,
        &[],
        &json!({"errcode": 0, "errmsg": "ok", "total": 1000, "balance": 140,
            "quota_list": [{"expire_date": now + 1000 * DAY, "balance": 140}]})
        .to_string(),
    )
    .await;
    let list = mock_post(
        &server,
        LIST,
        json!({"limit": 100}),
        r#"{"errcode":0,"errmsg":"ok","link_id_list":["ca1","ca2"],"next_cursor":""}"#,
    )
    .await;
    // The 7 whole days before today: from the day of now − 7 days to the day of now − 1 day.
    let mut stats = Vec::new();
    for (link, new) in [("ca1", 50), ("ca2", 20)] {
        stats.push(
            mock_post(
                &server,
                STATISTIC,
                json!({"link_id": link, "start_time": now - 7 * DAY, "end_time": now - DAY}),
                &json!({"errcode": 0, "errmsg": "ok", "click_link_customer_cnt": 999,
                    "new_customer_cnt": new})
                .to_string(),
            )
            .await,
        );
    }
    let forecast = client(&server.base_url())
        .customer_acquisition()
        .quota_forecast(now)
        .await
        .unwrap();
    assert_eq!(forecast.links, 2);
    assert_eq!(forecast.new_customers, 70);
    assert_eq!(forecast.per_day, 10.0);
    assert_eq!(forecast.days_left, Some(14.0));
    assert_eq!(forecast.expiring_unused, 0);
    assert_eq!(forecast.quota.balance, 140);
    quota.assert_calls_async(1).await;
    list.assert_calls_async(1).await;
    for stat in stats {
        stat.assert_calls_async(1).await;
    }
}
