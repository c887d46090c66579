//! Group transfers in the sandbox (owners that change, WeCom's per-group errcodes, 300 a day), and the
//! two customer endpoints beside them: contact_list and check_follow_user.

use futures::TryStreamExt;
use wecom_external_contact::customer::{CheckFollowUserRequest, ContactListRequest};
use wecom_external_contact::group_chat::{GroupChatGetRequest, GroupChatListRequest, StatusFilter};
use wecom_external_contact::prelude::*;
use wecom_external_contact::transfer::{
    codes, GroupChatOnjobTransferRequest, GroupChatTransferRequest, TransferOutcome,
};
use wecom_sandbox::{Clock, Sandbox, SandboxConfig, SandboxSize};

async fn sandbox(size: SandboxSize) -> (Sandbox, WecomClient) {
    let sandbox = Sandbox::start_with(SandboxConfig {
        size,
        clock: Clock::fixed(1_767_225_600),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let client = sandbox.client_builder().build().unwrap();
    (sandbox, client)
}

async fn groups_of(client: &WecomClient, owner: &str) -> Vec<String> {
    client
        .group_chat()
        .list_stream(GroupChatListRequest::new(1000).owner_filter([owner]))
        .map_ok(|c| c.chat_id)
        .try_collect()
        .await
        .unwrap()
}

#[tokio::test]
async fn groups_change_owner_with_wecoms_errcodes_for_those_that_cannot() {
    let size = SandboxSize {
        members: 3,
        customers: 30,
        group_chats: 6,
        tag_groups: 1,
    };
    let (sandbox, client) = sandbox(size).await;
    let zhangsan = groups_of(&client, "zhangsan").await;
    let lisi = groups_of(&client, "lisi").await;
    assert_eq!((zhangsan.len(), lisi.len()), (2, 2));

    // 离职 transfer of a group whose owner is in service: 90500; unknown group: 90501.
    let req = GroupChatTransferRequest::new([zhangsan[0].as_str(), "wrNoSuchChat"], "wangwu");
    let resp = client.transfer().groupchat_transfer(&req).await.unwrap();
    let failed: Vec<(&str, i64)> = resp
        .failed_chat_list
        .iter()
        .map(|f| (f.chat_id.as_str(), f.errcode.get()))
        .collect();
    assert_eq!(
        failed,
        [(zhangsan[0].as_str(), 90500), ("wrNoSuchChat", 90501)]
    );

    // 在职: lisi's first group to wangwu; its own owner: 90504.
    let req = GroupChatOnjobTransferRequest::new([lisi[0].as_str(), lisi[1].as_str()], "lisi");
    let resp = client
        .transfer()
        .groupchat_onjob_transfer(&req)
        .await
        .unwrap();
    assert!(resp
        .failed_chat_list
        .iter()
        .all(|f| f.errcode == codes::OWNER_UNCHANGED));
    let req = GroupChatOnjobTransferRequest::new([lisi[0].as_str()], "wangwu");
    assert!(client
        .transfer()
        .groupchat_onjob_transfer(&req)
        .await
        .unwrap()
        .failed_chat_list
        .is_empty());
    let chat = client
        .group_chat()
        .get(&GroupChatGetRequest::new(&lisi[0]))
        .await
        .unwrap()
        .group_chat;
    assert_eq!(chat.owner, "wangwu");
    assert!(
        chat.member_list.iter().any(|m| m.userid == "lisi"),
        "an owner in service stays a member"
    );

    // zhangsan resigns: 在职 transfer of its groups is 90502, 离职 moves them and shows 3.
    sandbox.resign_member("zhangsan");
    let pending: Vec<String> = client
        .group_chat()
        .list_stream(
            GroupChatListRequest::new(1000)
                .owner_filter(["zhangsan"])
                .status_filter(StatusFilter::ResignedPending),
        )
        .map_ok(|c| c.chat_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pending, zhangsan);
    let req = GroupChatOnjobTransferRequest::new(&zhangsan, "wangwu");
    let resp = client
        .transfer()
        .groupchat_onjob_transfer(&req)
        .await
        .unwrap();
    assert!(resp
        .failed_chat_list
        .iter()
        .all(|f| f.errcode == codes::OWNER_RESIGNED));
    assert_eq!(resp.failed_chat_list.len(), 2);
    let req = GroupChatTransferRequest::new(&zhangsan, "wangwu");
    assert!(client
        .transfer()
        .groupchat_transfer(&req)
        .await
        .unwrap()
        .failed_chat_list
        .is_empty());
    let again = client.transfer().groupchat_transfer(&req).await.unwrap();
    assert!(again
        .failed_chat_list
        .iter()
        .all(|f| f.errcode == codes::GROUP_ALREADY_TRANSFERRED));
    let chat = client
        .group_chat()
        .get(&GroupChatGetRequest::new(&zhangsan[0]))
        .await
        .unwrap()
        .group_chat;
    assert_eq!(chat.owner, "wangwu");
    assert!(
        !chat.member_list.iter().any(|m| m.userid == "zhangsan"),
        "a resigned owner leaves"
    );
    assert_eq!(sandbox.group_chats_transferred(), 3);
    let stats = reqwest::get(format!("{}/sandbox/stats", sandbox.base_url()))
        .await
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.bytes().await.unwrap()).unwrap();
    assert_eq!(
        stats["transfers"],
        serde_json::json!({"customers_started": 0, "customers_taken_over": 0, "group_chats": 3})
    );
}

#[tokio::test]
async fn a_new_owner_receives_at_most_300_groups_a_day() {
    let size = SandboxSize {
        members: 3,
        customers: 30,
        group_chats: 480,
        tag_groups: 1,
    };
    let (sandbox, client) = sandbox(size).await;
    let mut chats = groups_of(&client, "zhangsan").await;
    chats.extend(groups_of(&client, "lisi").await);
    assert_eq!(chats.len(), 320);
    let report = client
        .transfer()
        .transfer_groupchats(&GroupChatOnjobTransferRequest::new(&chats, "wangwu"))
        .await
        .unwrap();
    assert_eq!(report.accepted().count(), 300);
    let refused: Vec<&str> = report.not_accepted().map(|item| item.id.as_str()).collect();
    assert_eq!(
        refused,
        chats[300..].iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert!(report.not_accepted().all(|item| matches!(
        item.outcome,
        TransferOutcome::Rejected {
            code: ErrCode(45009),
            ..
        }
    )));
    assert_eq!(sandbox.group_chats_transferred(), 300);
    assert_eq!(
        sandbox.hits("/cgi-bin/externalcontact/groupchat/onjob_transfer"),
        4
    );
}

#[tokio::test]
async fn contact_list_lists_every_follow_and_group_membership_and_check_follow_user_sorts() {
    let size = SandboxSize {
        members: 3,
        customers: 30,
        group_chats: 4,
        tag_groups: 1,
    };
    let (sandbox, client) = sandbox(size).await;
    let served: Vec<_> = client
        .customer()
        .contact_list_stream(ContactListRequest::new().limit(7))
        .try_collect()
        .await
        .unwrap();
    let follows = served.iter().filter(|c| c.follow_userid.is_some()).count();
    assert_eq!(follows, 30);
    assert!(served.len() > 30, "group memberships are listed too");
    assert!(served
        .iter()
        .all(|c| c.is_customer && c.external_userid.is_some() && !c.tmp_openid.is_empty()));
    let in_groups = served.iter().filter(|c| c.chat_id.is_some()).count();
    assert_eq!(in_groups, served.len() - 30);

    sandbox.resign_member("wangwu");
    let req = CheckFollowUserRequest::new(["zhangsan", "wangwu", "nobody"]).partyid([1, 2]);
    let resp = client.customer().check_follow_user(&req).await.unwrap();
    assert_eq!(resp.authorized.userid, ["zhangsan"]);
    assert_eq!(resp.authorized.partyid, [1]);
    assert_eq!(resp.unauthorized.userid, ["wangwu", "nobody"]);
    assert_eq!(resp.unauthorized.partyid, [2]);
}
