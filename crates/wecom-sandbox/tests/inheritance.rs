//! 在职继承 and 离职继承 of customers in the sandbox: takeovers after the delay, WeCom's per-customer
//! errcodes, refusals, the unassigned list, and the follow user that changes.

use std::time::Duration;

use wecom_external_contact::prelude::*;
use wecom_external_contact::transfer::{
    codes, GetUnassignedListRequest, ResignedTransferCustomerRequest,
    ResignedTransferResultRequest, TakeoverStatus, TransferCustomerRequest, TransferResultRequest,
};
use wecom_sandbox::{Clock, Sandbox, SandboxConfig, SandboxSize};

const NOW: i64 = 1_767_225_600; // 2026-01-01 08:00 +08:00
const DAY: Duration = Duration::from_secs(86_400);

async fn sandbox() -> (Sandbox, WecomClient) {
    let sandbox = Sandbox::start_with(SandboxConfig {
        size: SandboxSize {
            members: 4,
            customers: 40,
            group_chats: 8,
            tag_groups: 1,
        },
        clock: Clock::fixed(NOW),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let client = sandbox.client_builder().build().unwrap();
    (sandbox, client)
}

async fn follow_users(client: &WecomClient, id: &str) -> Vec<String> {
    let got = client.customer().get_all_follow_users(id).await.unwrap();
    got.follow_user.into_iter().map(|f| f.userid).collect()
}

#[tokio::test]
async fn a_transfer_waits_24_hours_then_the_colleague_follows_the_customer() {
    let (sandbox, client) = sandbox().await;
    let ids = client
        .customer()
        .list("zhangsan")
        .await
        .unwrap()
        .external_userid;
    let (a, b) = (ids[0].clone(), ids[1].clone());
    sandbox.refuse_transfers(&b);
    let req =
        TransferCustomerRequest::new("zhangsan", "lisi", [&a, &b]).transfer_success_msg("您好");
    let resp = client.transfer().transfer_customer(&req).await.unwrap();
    assert!(
        resp.customer.iter().all(|c| c.errcode == ErrCode::OK),
        "{resp:?}"
    );
    assert_eq!(sandbox.customer_transfers_started(), 2);

    let waiting = client
        .transfer()
        .transfer_result(&TransferResultRequest::new("zhangsan", "lisi"))
        .await
        .unwrap();
    let got: Vec<(TakeoverStatus, i64)> = waiting
        .customer
        .iter()
        .map(|c| (c.status, c.takeover_time))
        .collect();
    assert_eq!(got, [(TakeoverStatus::Waiting, NOW + 86_400); 2]);
    assert_eq!(follow_users(&client, &a).await, ["zhangsan"]);

    sandbox.clock().advance(DAY);
    let done = client
        .transfer()
        .transfer_result(&TransferResultRequest::new("zhangsan", "lisi"))
        .await
        .unwrap();
    let got: Vec<(&str, TakeoverStatus, i64)> = done
        .customer
        .iter()
        .map(|c| (c.external_userid.as_str(), c.status, c.takeover_time))
        .collect();
    assert_eq!(
        got,
        [
            (a.as_str(), TakeoverStatus::Done, NOW + 86_400),
            (b.as_str(), TakeoverStatus::Refused, 0)
        ]
    );
    assert_eq!(follow_users(&client, &a).await, ["lisi"]);
    assert_eq!(
        follow_users(&client, &b).await,
        ["zhangsan"],
        "a refusal changes nothing"
    );
    assert!(client
        .customer()
        .list("lisi")
        .await
        .unwrap()
        .external_userid
        .contains(&a));
    assert!(!client
        .customer()
        .list("zhangsan")
        .await
        .unwrap()
        .external_userid
        .contains(&a));
    assert_eq!(sandbox.customer_takeovers(), 1);
}

#[tokio::test]
async fn each_customer_gets_wecoms_errcode() {
    let (sandbox, client) = sandbox().await;
    let mine = client
        .customer()
        .list("zhangsan")
        .await
        .unwrap()
        .external_userid;
    let theirs = client
        .customer()
        .list("wangwu")
        .await
        .unwrap()
        .external_userid;
    let req = TransferCustomerRequest::new(
        "zhangsan",
        "lisi",
        [
            mine[0].as_str(),
            mine[0].as_str(),
            theirs[0].as_str(),
            "wmNoSuchCustomer",
        ],
    );
    let resp = client.transfer().transfer_customer(&req).await.unwrap();
    let codes_got: Vec<i64> = resp.customer.iter().map(|c| c.errcode.get()).collect();
    assert_eq!(codes_got, [0, 40129, 40131, 40096]);

    let same = TransferCustomerRequest::new("zhangsan", "zhangsan", [mine[1].as_str()]);
    let resp = client.transfer().transfer_customer(&same).await.unwrap();
    assert_eq!(resp.customer[0].errcode, codes::SAME_MEMBER);

    // Twice in 90 days is the most: zhangsan → lisi → wangwu, then no further.
    sandbox.clock().advance(DAY);
    let req = TransferCustomerRequest::new("lisi", "wangwu", [mine[0].as_str()]);
    assert_eq!(
        client
            .transfer()
            .transfer_customer(&req)
            .await
            .unwrap()
            .customer[0]
            .errcode,
        ErrCode::OK
    );
    sandbox.clock().advance(DAY);
    let req = TransferCustomerRequest::new("wangwu", "zhangsan", [mine[0].as_str()]);
    let resp = client.transfer().transfer_customer(&req).await.unwrap();
    assert_eq!(resp.customer[0].errcode, codes::TRANSFERRED_TOO_OFTEN);
    sandbox.clock().advance(DAY * 89);
    let resp = client.transfer().transfer_customer(&req).await.unwrap();
    assert_eq!(
        resp.customer[0].errcode,
        ErrCode::OK,
        "the first transfer left the window"
    );
    assert_eq!(sandbox.customer_transfers_started(), 3);

    let unknown = TransferCustomerRequest::new("nobody", "lisi", [mine[2].as_str()]);
    let err = client
        .transfer()
        .transfer_customer(&unknown)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(60111)));
}

#[tokio::test]
async fn a_leavers_customers_are_unassigned_until_handed_over() {
    let (sandbox, client) = sandbox().await;
    let mine = client
        .customer()
        .list("zhangsan")
        .await
        .unwrap()
        .external_userid;
    let req = ResignedTransferCustomerRequest::new("zhangsan", "lisi", [mine[0].as_str()]);
    let err = client
        .transfer()
        .resigned_transfer_customer(&req)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(codes::MEMBER_NOT_RESIGNED));
    assert!(client
        .transfer()
        .get_unassigned_list(&GetUnassignedListRequest::new())
        .await
        .unwrap()
        .info
        .is_empty());

    assert!(sandbox.resign_member("zhangsan"));
    assert!(!sandbox.resign_member("nobody"));
    let listed = client
        .transfer()
        .get_unassigned_list(&GetUnassignedListRequest::new().page_size(4))
        .await
        .unwrap();
    assert_eq!(listed.info.len(), 4);
    assert!(!listed.is_last);
    assert!(listed
        .info
        .iter()
        .all(|c| c.handover_userid == "zhangsan" && c.dimission_time == NOW));
    let all: Vec<String> = futures::TryStreamExt::try_collect::<Vec<_>>(
        client
            .transfer()
            .get_unassigned_list_stream(GetUnassignedListRequest::new().page_size(3)),
    )
    .await
    .unwrap()
    .into_iter()
    .map(|c| c.external_userid)
    .collect();
    assert_eq!(all, mine);

    let resp = client
        .transfer()
        .resigned_transfer_customer(&req)
        .await
        .unwrap();
    assert_eq!(resp.customer[0].errcode, ErrCode::OK);
    let left = client
        .transfer()
        .get_unassigned_list(&GetUnassignedListRequest::new())
        .await
        .unwrap();
    assert_eq!(left.info.len(), mine.len() - 1);
    assert!(left.is_last && left.next_cursor.is_empty());

    sandbox.clock().advance(DAY);
    let result = client
        .transfer()
        .resigned_transfer_result(&ResignedTransferResultRequest::new("zhangsan", "lisi"))
        .await
        .unwrap();
    assert_eq!(result.customer.len(), 1);
    assert_eq!(result.customer[0].status, TakeoverStatus::Done);
    assert_eq!(follow_users(&client, &mine[0]).await, ["lisi"]);
    // 在职 results do not list 离职 transfers.
    let onjob = client
        .transfer()
        .transfer_result(&TransferResultRequest::new("zhangsan", "lisi"))
        .await
        .unwrap();
    assert!(onjob.customer.is_empty());
}
