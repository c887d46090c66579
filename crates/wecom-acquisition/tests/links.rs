//! 获客链接管理: list, get, create, update and delete against a mock WeCom.

use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_acquisition::*;
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::{EmptyResponse, Error};

const LIST: &str = "/cgi-bin/externalcontact/customer_acquisition/list_link";
const GET: &str = "/cgi-bin/externalcontact/customer_acquisition/get";
const CREATE: &str = "/cgi-bin/externalcontact/customer_acquisition/create_link";
const UPDATE: &str = "/cgi-bin/externalcontact/customer_acquisition/update_link";
const DELETE: &str = "/cgi-bin/externalcontact/customer_acquisition/delete_link";

#[tokio::test]
async fn list_link_sends_limit_and_cursor_and_decodes_the_ids() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({"limit": 100, "cursor": "CURSOR"}),
        include_str!("fixtures/list_link.json"),
    )
    .await;
    let page = client(&server.base_url())
        .customer_acquisition()
        .list_link(&ListLinkRequest::new().limit(100).cursor("CURSOR"))
        .await
        .unwrap();
    assert_eq!(
        page.link_id_list,
        ["LINK_ID_AAA", "LINK_ID_BBB", "LINK_ID_CCC"]
    );
    assert_eq!(page.next_cursor, "CURSOR");
    assert_round_trip::<ListLinkResponse>(include_str!("fixtures/list_link.json"));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_link_stream_walks_the_pages_passing_the_cursor() {
    let server = MockServer::start_async().await;
    let first = mock_post(
        &server,
        LIST,
        json!({"limit": 2}),
        r#"{"errcode":0,"errmsg":"ok","link_id_list":["a","b"],"next_cursor":"C2"}"#,
    )
    .await;
    let second = mock_post(
        &server,
        LIST,
        json!({"limit": 2, "cursor": "C2"}),
        r#"{"errcode":0,"errmsg":"ok","link_id_list":["c"],"next_cursor":""}"#,
    )
    .await;
    let ids: Vec<String> = client(&server.base_url())
        .customer_acquisition()
        .list_link_stream(ListLinkRequest::new().limit(2))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, ["a", "b", "c"]);
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
}

#[tokio::test]
async fn list_link_with_the_customer_contact_secret_is_errcode_48002() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({}),
        &wecom_error(48002, "api forbidden"),
    )
    .await;
    let result = client(&server.base_url())
        .customer_acquisition()
        .list_link(&ListLinkRequest::new())
        .await;
    assert_api_error(result, 48002, LIST);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_decodes_the_link_its_range_and_priority_option() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        GET,
        json!({"link_id": "LINK_ID_AAA"}),
        include_str!("fixtures/get.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .customer_acquisition()
        .get(&GetLinkRequest::new("LINK_ID_AAA"))
        .await
        .unwrap();
    assert_eq!(resp.link.link_name, "LINK_NAME");
    assert_eq!(resp.link.url, "https://work.weixin.qq.com/ca/xxxxxx");
    assert_eq!(resp.link.create_time, 1672502400);
    assert_eq!(resp.link.skip_verify, Some(true));
    assert_eq!(resp.link.mark_source, Some(true));
    assert_eq!(resp.link.link_id, None);
    assert_eq!(
        resp.range,
        LinkRange::users(["rocky", "sam"]).departments([1])
    );
    assert_eq!(
        resp.priority_option,
        Some(PriorityOption::listed(["tom", "lisi"]))
    );
    assert_round_trip::<GetLinkResponse>(include_str!("fixtures/get.json"));
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_post(
        &server,
        GET,
        json!({"link_id": "gone"}),
        &wecom_error(40058, "invalid link_id"),
    )
    .await;
    let result = client(&server.base_url())
        .customer_acquisition()
        .get(&GetLinkRequest::new("gone"))
        .await;
    assert_api_error(result, 40058, GET);
}

fn full_create() -> CreateLinkRequest {
    CreateLinkRequest::new(
        "获客链接1号",
        LinkRange::users(["zhangsan", "lisi"]).departments([2, 3]),
    )
    .skip_verify(true)
    .priority_option(PriorityOption::listed(["tom", "lisi"]))
    .mark_source(true)
}

#[tokio::test]
async fn create_link_sends_every_field_and_decodes_the_new_link() {
    let server = MockServer::start_async().await;
    // WeCom's request sample, field for field.
    let mock = mock_post(
        &server,
        CREATE,
        json!({
            "link_name": "获客链接1号",
            "range": {"user_list": ["zhangsan", "lisi"], "department_list": [2, 3]},
            "skip_verify": true,
            "priority_option": {"priority_type": 2, "priority_userid_list": ["tom", "lisi"]},
            "mark_source": true
        }),
        include_str!("fixtures/create_link.json"),
    )
    .await;
    let link = client(&server.base_url())
        .customer_acquisition()
        .create_link(&full_create())
        .await
        .unwrap()
        .link;
    assert_eq!(link.link_id.as_deref(), Some("LINK_ID"));
    assert_eq!(link.link_name, "获客链接1号");
    assert_eq!(link.url, "URL");
    assert_eq!(link.create_time, 1667232000);
    assert_round_trip::<CreateLinkResponse>(include_str!("fixtures/create_link.json"));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn create_link_minimal_body_and_whole_corp_priority() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        CREATE,
        json!({
            "link_name": "投放",
            "range": {"department_list": [1]},
            "priority_option": {"priority_type": 1}
        }),
        include_str!("fixtures/create_link.json"),
    )
    .await;
    let req = CreateLinkRequest::new("投放", LinkRange::default().departments([1]))
        .priority_option(PriorityOption::whole_corp());
    client(&server.base_url())
        .customer_acquisition()
        .create_link(&req)
        .await
        .unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn create_link_is_not_resent_after_a_502_and_keeps_errcodes() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, CREATE, 502).await;
    let err = client(&server.base_url())
        .customer_acquisition()
        .create_link(&full_create())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_any_body(
        &server,
        CREATE,
        &wecom_error(60011, "no privilege to access/modify contact/party/agent"),
    )
    .await;
    let result = client(&server.base_url())
        .customer_acquisition()
        .create_link(&full_create())
        .await;
    assert_api_error(result, 60011, CREATE);
}

#[tokio::test]
async fn update_link_sends_only_what_changes() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        UPDATE,
        json!({
            "link_id": "LINK_ID",
            "link_name": "获客链接1号",
            "range": {"user_list": ["zhangsan", "lisi"], "department_list": [2, 3]},
            "skip_verify": true,
            "priority_option": {"priority_type": 2, "priority_userid_list": ["tom", "lisi"]},
            "mark_source": true
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = UpdateLinkRequest::new("LINK_ID")
        .link_name("获客链接1号")
        .range(LinkRange::users(["zhangsan", "lisi"]).departments([2, 3]))
        .skip_verify(true)
        .priority_option(PriorityOption::listed(["tom", "lisi"]))
        .mark_source(true);
    let api_client = client(&server.base_url());
    let resp = api_client
        .customer_acquisition()
        .update_link(&req)
        .await
        .unwrap();
    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;

    let rename = mock_post(
        &server,
        UPDATE,
        json!({"link_id": "LINK_ID", "link_name": "新名字"}),
        &wecom_error(40058, "invalid link_id"),
    )
    .await;
    let result = api_client
        .customer_acquisition()
        .update_link(&UpdateLinkRequest::new("LINK_ID").link_name("新名字"))
        .await;
    assert_api_error(result, 40058, UPDATE);
    rename.assert_calls_async(1).await;
}

#[tokio::test]
async fn delete_link_sends_the_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        DELETE,
        json!({"link_id": "LINK_ID"}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let api_client = client(&server.base_url());
    api_client
        .customer_acquisition()
        .delete_link(&DeleteLinkRequest::new("LINK_ID"))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_post(
        &server,
        DELETE,
        json!({"link_id": "LINK_ID"}),
        &wecom_error(40058, "invalid link_id"),
    )
    .await;
    let result = client(&server.base_url())
        .customer_acquisition()
        .delete_link(&DeleteLinkRequest::new("LINK_ID"))
        .await;
    assert_api_error(result, 40058, DELETE);
}

#[tokio::test]
async fn link_limits_are_checked_before_sending() {
    let server = MockServer::start_async().await;
    let create = mock_any_body(&server, CREATE, include_str!("fixtures/create_link.json")).await;
    let update = mock_any_body(&server, UPDATE, include_str!("fixtures/ok.json")).await;
    let list = mock_any_body(&server, LIST, include_str!("fixtures/list_link.json")).await;
    let api_client = client(&server.base_url());
    let api = api_client.customer_acquisition();
    let invalid = |err: Error, field: &str| {
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains(field)),
            "{field}: {err:?}"
        );
    };

    let users = |n: usize| LinkRange::users((0..n).map(|i| format!("user{i}")));
    let name31 = "链".repeat(31);
    let cases = [
        (CreateLinkRequest::new("", users(1)), "link_name"),
        (
            CreateLinkRequest::new(name31.clone(), users(1)),
            "link_name",
        ),
        (CreateLinkRequest::new("ok", LinkRange::default()), "range"),
        (CreateLinkRequest::new("ok", users(501)), "range.user_list"),
        (
            CreateLinkRequest::new("ok", users(1))
                .priority_option(PriorityOption::listed((0..1001).map(|i| format!("p{i}")))),
            "priority_userid_list",
        ),
    ];
    for (req, field) in cases {
        invalid(api.create_link(&req).await.unwrap_err(), field);
    }
    invalid(
        api.update_link(&UpdateLinkRequest::new("L").link_name(name31))
            .await
            .unwrap_err(),
        "link_name",
    );
    invalid(
        api.update_link(&UpdateLinkRequest::new("L").range(LinkRange::default()))
            .await
            .unwrap_err(),
        "range",
    );
    for limit in [0, 101] {
        invalid(
            api.list_link(&ListLinkRequest::new().limit(limit))
                .await
                .unwrap_err(),
            "limit",
        );
    }
    create.assert_calls_async(0).await;
    update.assert_calls_async(0).await;
    list.assert_calls_async(0).await;

    // The limits themselves pass.
    assert!(CreateLinkRequest::new("链".repeat(30), users(500))
        .priority_option(PriorityOption::listed((0..1000).map(|i| format!("p{i}"))))
        .check()
        .is_ok());
    assert!(ListLinkRequest::new().limit(100).check().is_ok());
}
