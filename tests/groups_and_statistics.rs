//! Customer groups, join ways and statistics through the facade, against the sandbox.

use futures::TryStreamExt;
use wecom_external_contact::group_chat::{
    AddJoinWayRequest, GetJoinWayRequest, GroupChatGetRequest, GroupChatListRequest, JoinWayScene,
};
use wecom_external_contact::prelude::*;
use wecom_external_contact::statistics::{GetUserBehaviorDataRequest, GroupChatStatisticRequest};
use wecom_sandbox::Sandbox;

const DAY: i64 = 86_400;

#[tokio::test]
async fn every_group_chat_streams_once_and_reads_back() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let chats: Vec<_> = client
        .group_chat()
        .list_stream(GroupChatListRequest::new(7))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        chats.len(),
        30,
        "the default sandbox has 30 chats, walked 7 at a time"
    );
    let ids: std::collections::HashSet<&str> = chats.iter().map(|c| c.chat_id.as_str()).collect();
    assert_eq!(ids.len(), 30, "no chat twice");

    let detail = client
        .group_chat()
        .get(&GroupChatGetRequest::new(chats[0].chat_id.clone()).need_name(true))
        .await
        .unwrap()
        .group_chat;
    assert_eq!(detail.chat_id, chats[0].chat_id);
    assert!(!detail.member_list.is_empty());
    assert!(detail.member_list.iter().all(|m| m.name.is_some()));
}

#[tokio::test]
async fn a_join_way_is_created_read_and_limited() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let chat = client
        .group_chat()
        .list(&GroupChatListRequest::new(1))
        .await
        .unwrap()
        .group_chat_list
        .remove(0);
    let created = client
        .group_chat()
        .add_join_way(
            &AddJoinWayRequest::new(JoinWayScene::QrCode, [chat.chat_id.clone()])
                .remark("门店扫码入群")
                .state("store_042"),
        )
        .await
        .unwrap();
    let way = client
        .group_chat()
        .get_join_way(&GetJoinWayRequest::new(created.config_id.clone()))
        .await
        .unwrap()
        .join_way;
    assert_eq!(way.chat_id_list, std::slice::from_ref(&chat.chat_id));
    assert_eq!(way.state.as_deref(), Some("store_042"));

    let six: Vec<String> = (0..6).map(|i| format!("wr{i}")).collect();
    let err = client
        .group_chat()
        .add_join_way(&AddJoinWayRequest::new(JoinWayScene::QrCode, six))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
}

#[tokio::test]
async fn statistics_cover_every_day_and_every_owner() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let start = 1_733_000_000 / DAY * DAY - 8 * 3600;
    let days = client
        .statistics()
        .get_user_behavior_data(
            &GetUserBehaviorDataRequest::new(start, start + 6 * DAY).userid(["zhangsan"]),
        )
        .await
        .unwrap()
        .behavior_data;
    assert_eq!(days.len(), 7);
    assert!(days
        .windows(2)
        .all(|w| w[1].stat_time - w[0].stat_time == DAY));

    let owners: Vec<_> = client
        .statistics()
        .groupchat_statistic_stream(GroupChatStatisticRequest::new(start).limit(6))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(owners.len(), sandbox.follow_users().len());
}
