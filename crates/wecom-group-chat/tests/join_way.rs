//! 客户群「加入群聊」: add, get, update and delete against a mock WeCom.

use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::{EmptyResponse, Error};
use wecom_group_chat::*;

const ADD: &str = "/cgi-bin/externalcontact/groupchat/add_join_way";
const GET: &str = "/cgi-bin/externalcontact/groupchat/get_join_way";
const UPDATE: &str = "/cgi-bin/externalcontact/groupchat/update_join_way";
const DEL: &str = "/cgi-bin/externalcontact/groupchat/del_join_way";

fn full_add() -> AddJoinWayRequest {
    AddJoinWayRequest::new(
        JoinWayScene::QrCode,
        [
            "wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa",
            "wrOgQhDgAALPUthpRAKvl7mgiQRwAAA",
        ],
    )
    .remark("aa_remark")
    .auto_create_room(true)
    .room_base_name("销售客服群")
    .room_base_id(10)
    .state("klsdup3kj3s1")
}

#[tokio::test]
async fn add_join_way_sends_every_field() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({
            "scene": 2,
            "remark": "aa_remark",
            "auto_create_room": 1,
            "room_base_name": "销售客服群",
            "room_base_id": 10,
            "chat_id_list": ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa", "wrOgQhDgAALPUthpRAKvl7mgiQRwAAA"],
            "state": "klsdup3kj3s1",
            "mark_source": false
        }),
        include_str!("fixtures/add_join_way.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .group_chat()
        .add_join_way(&full_add().mark_source(false))
        .await
        .unwrap();
    assert_eq!(resp.config_id, "9ad7fa5cdaa6511298498f979c472aaa");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_join_way_minimal_body() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({"scene": 1, "chat_id_list": ["wrChat1"]}),
        include_str!("fixtures/add_join_way.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .group_chat()
        .add_join_way(&AddJoinWayRequest::new(
            JoinWayScene::MiniProgram,
            ["wrChat1"],
        ))
        .await
        .unwrap();
    assert_eq!(resp.config_id, "9ad7fa5cdaa6511298498f979c472aaa");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_join_way_is_not_resent_after_a_502() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, ADD, 502).await;
    let err = client(&server.base_url())
        .group_chat()
        .add_join_way(&full_add())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_join_way_is_retried_after_a_502() {
    // The contrast to the test above: an idempotent read is retried (3 attempts in test_util).
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, GET, 502).await;
    let err = client(&server.base_url())
        .group_chat()
        .get_join_way(&GetJoinWayRequest::new("cfg"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(3).await;
}

#[tokio::test]
async fn join_way_limits_are_checked_before_sending() {
    let server = MockServer::start_async().await;
    let add = mock_any_body(&server, ADD, include_str!("fixtures/add_join_way.json")).await;
    let update = mock_any_body(&server, UPDATE, include_str!("fixtures/ok.json")).await;
    let api_client = client(&server.base_url());
    let api = api_client.group_chat();

    let none: [&str; 0] = [];
    let six: Vec<String> = (1..=6).map(|i| format!("wrChat{i}")).collect();
    let five: Vec<String> = (1..=5).map(|i| format!("wrChat{i}")).collect();

    let err = api
        .add_join_way(&AddJoinWayRequest::new(JoinWayScene::QrCode, none))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("chat_id_list")),
        "{err:?}"
    );
    let err = api
        .add_join_way(&AddJoinWayRequest::new(JoinWayScene::QrCode, six.clone()))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("chat_id_list")),
        "{err:?}"
    );
    let state31 = "渠".repeat(31);
    let err = api
        .add_join_way(
            &AddJoinWayRequest::new(JoinWayScene::QrCode, ["wrChat1"]).state(state31.clone()),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("state")),
        "{err:?}"
    );
    let err = api
        .add_join_way(
            &AddJoinWayRequest::new(JoinWayScene::QrCode, ["wrChat1"])
                .room_base_name("群".repeat(41)),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("room_base_name")),
        "{err:?}"
    );
    let err = api
        .update_join_way(&UpdateJoinWayRequest::new("cfg", JoinWayScene::QrCode, six))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("chat_id_list")),
        "{err:?}"
    );
    let err = api
        .update_join_way(
            &UpdateJoinWayRequest::new("cfg", JoinWayScene::QrCode, ["wrChat1"]).state(state31),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("state")),
        "{err:?}"
    );
    add.assert_calls_async(0).await;
    update.assert_calls_async(0).await;

    // The limits themselves pass: 5 groups, 30 characters.
    assert!(AddJoinWayRequest::new(JoinWayScene::QrCode, five)
        .state("渠".repeat(30))
        .room_base_name("群".repeat(40))
        .check()
        .is_ok());
}

#[tokio::test]
async fn get_join_way_decodes_the_configuration() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        GET,
        json!({"config_id": "9ad7fa5cdaa6511298498f979c472aaa"}),
        include_str!("fixtures/get_join_way.json"),
    )
    .await;
    let way = client(&server.base_url())
        .group_chat()
        .get_join_way(&GetJoinWayRequest::new("9ad7fa5cdaa6511298498f979c472aaa"))
        .await
        .unwrap()
        .join_way;
    assert_eq!(way.config_id, "9ad7fa5cdaa6511298498f979c472aaa");
    assert_eq!(way.scene, JoinWayScene::QrCode);
    assert_eq!(way.remark.as_deref(), Some("aa_remark"));
    assert_eq!(way.auto_create_room, Some(Flag::Yes));
    assert_eq!(way.room_base_name.as_deref(), Some("销售客服群"));
    assert_eq!(way.room_base_id, Some(10));
    assert_eq!(
        way.chat_id_list,
        [
            "wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa",
            "wrOgQhDgAALPUthpRAKvl7mgiQRw_aaa"
        ]
    );
    assert_eq!(
        way.qr_code.as_deref(),
        Some("http://p.qpic.cn/wwhead/nMl9ssowtibVGyrmvBiaibzDtp703nXuzpibnKtbSDBRJTLwS3ic4ECrf3ibLVtIFb0N6wWwy5LVuyvMQ22/0")
    );
    assert_eq!(way.state.as_deref(), Some("klsdup3kj3s1"));
    assert_eq!(
        way.mark_source,
        Some(true),
        "sent on add and update, kept on read"
    );
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn update_join_way_sends_the_whole_configuration() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        UPDATE,
        json!({
            "config_id": "9ad7fa5cdaa6511298498f979c4722de",
            "scene": 2,
            "remark": "bb_remark",
            "auto_create_room": 0,
            "room_base_name": "售后服务群",
            "room_base_id": 1,
            "chat_id_list": ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa"],
            "state": "海报渠道"
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let req = UpdateJoinWayRequest::new(
        "9ad7fa5cdaa6511298498f979c4722de",
        JoinWayScene::QrCode,
        ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa"],
    )
    .remark("bb_remark")
    .auto_create_room(false)
    .room_base_name("售后服务群")
    .room_base_id(1)
    .state("海报渠道");
    let resp = client(&server.base_url())
        .group_chat()
        .update_join_way(&req)
        .await
        .unwrap();
    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_join_way_sends_the_config_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        DEL,
        json!({"config_id": "42b34949e138eb6e027c123cba77faaa"}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .group_chat()
        .del_join_way(&DelJoinWayRequest::new("42b34949e138eb6e027c123cba77faaa"))
        .await
        .unwrap();
    assert_eq!(resp, EmptyResponse {});
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_join_way_over_the_api_quota_is_errcode_41045_and_not_resent() {
    // API-created join ways share the corp's quota with 「联系我」 (500,000); past it WeCom answers
    // 41045 (API添加「联系我」达到数量上限). Nothing was created, and the call is not repeated.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({"scene": 2, "chat_id_list": ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa"], "state": "海报渠道"}),
        &wecom_error(41045, "contact way count exceed limit"),
    )
    .await;
    let req = AddJoinWayRequest::new(JoinWayScene::QrCode, ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa"])
        .state("海报渠道");
    let result = client(&server.base_url())
        .group_chat()
        .add_join_way(&req)
        .await;
    assert_api_error(result, 41045, ADD);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_join_way_with_an_unknown_config_id_is_errcode_41044() {
    // A config_id that was deleted, or created by another app (an app sees only its own join
    // ways), answers 41044 (无效的config_id).
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        GET,
        json!({"config_id": "9ad7fa5cdaa6511298498f979c47deleted"}),
        &wecom_error(41044, "invalid config_id"),
    )
    .await;
    let result = client(&server.base_url())
        .group_chat()
        .get_join_way(&GetJoinWayRequest::new(
            "9ad7fa5cdaa6511298498f979c47deleted",
        ))
        .await;
    assert_api_error(result, 41044, GET);
    // Not retried, unlike the 502 in `get_join_way_is_retried_after_a_502`.
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn update_join_way_with_an_unknown_chat_id_is_errcode_40050() {
    // Every chat in chat_id_list must be an existing customer group; an unknown one answers 40050.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        UPDATE,
        json!({
            "config_id": "9ad7fa5cdaa6511298498f979c4722de",
            "scene": 2,
            "chat_id_list": ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa", "wrOgQhDgAAunknownchat0000AAAA"]
        }),
        &wecom_error(40050, "invalid group id"),
    )
    .await;
    let req = UpdateJoinWayRequest::new(
        "9ad7fa5cdaa6511298498f979c4722de",
        JoinWayScene::QrCode,
        [
            "wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa",
            "wrOgQhDgAAunknownchat0000AAAA",
        ],
    );
    let result = client(&server.base_url())
        .group_chat()
        .update_join_way(&req)
        .await;
    assert_api_error(result, 40050, UPDATE);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn del_join_way_of_an_unknown_config_id_is_errcode_41044() {
    // Deleting a join way that is already gone (a repeated delete) answers 41044.
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        DEL,
        json!({"config_id": "42b34949e138eb6e027c123cba77faaa"}),
        &wecom_error(41044, "invalid config_id"),
    )
    .await;
    let result = client(&server.base_url())
        .group_chat()
        .del_join_way(&DelJoinWayRequest::new("42b34949e138eb6e027c123cba77faaa"))
        .await;
    assert_api_error(result, 41044, DEL);
    mock.assert_calls_async(1).await;
}

#[test]
fn unknown_scene_is_kept() {
    let way: JoinWay =
        serde_json::from_str(r#"{"config_id":"c","scene":3,"chat_id_list":[]}"#).unwrap();
    assert_eq!(way.scene, JoinWayScene::Unknown(3));
    assert_eq!(serde_json::to_value(&way).unwrap()["scene"], 3);
}

#[test]
fn fixtures_round_trip() {
    let add = assert_round_trip::<AddJoinWayResponse>(include_str!("fixtures/add_join_way.json"));
    assert_eq!(add.config_id, "9ad7fa5cdaa6511298498f979c472aaa");
    let get = assert_round_trip::<GetJoinWayResponse>(include_str!("fixtures/get_join_way.json"));
    assert_eq!(get.join_way.room_base_id, Some(10));
    assert_round_trip::<EmptyResponse>(include_str!("fixtures/ok.json"));
}
