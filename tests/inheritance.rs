//! A leaver's customers and groups handed to a colleague against the sandbox, followed to the end, with
//! the sandbox's counters proving that nothing was transferred twice — also when answers are lost.

use std::time::Duration;

use futures::TryStreamExt;
use wecom_external_contact::customer::BatchGetByUserRequest;
use wecom_external_contact::group_chat::{GroupChatGetRequest, GroupChatListRequest, StatusFilter};
use wecom_external_contact::prelude::*;
use wecom_external_contact::transfer::{PollOptions, TakeoverStatus};
use wecom_sandbox::{FaultRule, Sandbox, SandboxConfig, SandboxSize};

const TRANSFER: &str = "/cgi-bin/externalcontact/resigned/transfer_customer";
const GROUPS: &str = "/cgi-bin/externalcontact/groupchat/transfer";

/// Four members with 250 customers each; zhangsan owns 5 of the 20 groups.
async fn sandbox() -> (Sandbox, WecomClient) {
    let sandbox = Sandbox::start_with(SandboxConfig {
        size: SandboxSize {
            members: 4,
            customers: 1_000,
            group_chats: 20,
            tag_groups: 2,
        },
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    sandbox.set_transfer_delay(Duration::from_millis(300));
    let client = sandbox.client_builder().build().unwrap();
    (sandbox, client)
}

async fn leavers_groups(client: &WecomClient) -> Vec<String> {
    let req = GroupChatListRequest::new(1000)
        .owner_filter(["zhangsan"])
        .status_filter(StatusFilter::ResignedPending);
    client
        .group_chat()
        .list_stream(req)
        .map_ok(|c| c.chat_id)
        .try_collect()
        .await
        .unwrap()
}

fn poll() -> PollOptions {
    PollOptions::new(
        Duration::from_secs(10),
        Duration::from_millis(50),
        Duration::from_millis(200),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leavers_250_customers_and_5_groups_go_to_a_colleague_exactly_once() {
    let (sandbox, client) = sandbox().await;
    let customers = client
        .customer()
        .list("zhangsan")
        .await
        .unwrap()
        .external_userid;
    assert_eq!(customers.len(), 250);
    assert!(sandbox.resign_member("zhangsan"));
    let groups = leavers_groups(&client).await;
    assert_eq!(groups.len(), 5);

    // The facade's one call finds the groups itself.
    let report = wecom_external_contact::hand_over_leaver(&client, "zhangsan", "lisi")
        .await
        .unwrap();
    assert!(report.customers.all_accepted() && report.group_chats.all_accepted());
    let accepted: Vec<&str> = report.customers.accepted().collect();
    assert_eq!(
        accepted,
        customers.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_eq!(report.group_chats.accepted().collect::<Vec<_>>(), groups);
    assert_eq!(sandbox.hits(TRANSFER), 3, "100 + 100 + 50");

    let done = client
        .transfer()
        .wait_for_resigned_transfer_result("zhangsan", "lisi", &customers, &poll())
        .await
        .unwrap();
    assert!(done.complete, "{done:?}");
    assert!(done
        .customers
        .iter()
        .all(|c| c.status == Some(TakeoverStatus::Done)));
    assert!(done.polls >= 2, "the first poll saw them waiting");

    // The colleague now follows every one of them, and owns the groups.
    let followed: Vec<String> = client
        .customer()
        .batch_get_by_user_stream(BatchGetByUserRequest::new(["lisi"]).limit(100))
        .map_ok(|c| c.external_contact.external_userid)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(followed.len(), 500);
    assert!(customers.iter().all(|id| followed.contains(id)));
    let detail = client.customer().get(&customers[137], None).await.unwrap();
    let follow_users: Vec<&str> = detail
        .follow_user
        .iter()
        .map(|f| f.userid.as_str())
        .collect();
    assert_eq!(follow_users, ["lisi"]);
    for chat_id in &groups {
        let chat = client
            .group_chat()
            .get(&GroupChatGetRequest::new(chat_id))
            .await
            .unwrap();
        assert_eq!(chat.group_chat.owner, "lisi");
    }

    // Nothing twice: each customer and group once, and a second run has nothing left to send.
    assert_eq!(sandbox.customer_transfers_started(), 250);
    assert_eq!(sandbox.customer_takeovers(), 250);
    assert_eq!(sandbox.group_chats_transferred(), 5);
    let again = client
        .transfer()
        .hand_over_leaver("zhangsan", "lisi", &groups)
        .await
        .unwrap();
    assert!(again.customers.items.is_empty());
    assert_eq!(
        again.group_chats.accepted().count(),
        0,
        "90508: already handed over"
    );
    assert_eq!(sandbox.hits(TRANSFER), 3);
    assert_eq!(sandbox.customer_transfers_started(), 250);
    assert_eq!(sandbox.group_chats_transferred(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lost_answers_are_reported_unknown_never_resent_and_a_rerun_sends_nothing_twice() {
    let (sandbox, client) = sandbox().await;
    let customers = client
        .customer()
        .list("zhangsan")
        .await
        .unwrap()
        .external_userid;
    sandbox.resign_member("zhangsan");
    let groups = leavers_groups(&client).await;
    // Every transfer answer is lost after WeCom acted on it.
    sandbox.set_fault(TRANSFER, FaultRule::none().http_502(1.0));
    sandbox.set_fault(GROUPS, FaultRule::none().drop_connection(1.0));

    let report = client
        .transfer()
        .hand_over_leaver("zhangsan", "lisi", &groups)
        .await
        .unwrap();
    assert_eq!(report.customers.unknown().count(), 250);
    assert_eq!(
        report.customers.accepted().count(),
        0,
        "nothing reported transferred unseen"
    );
    assert_eq!(report.group_chats.unknown().count(), 5);
    assert_eq!(sandbox.hits(TRANSFER), 3, "no chunk was re-sent");
    assert_eq!(sandbox.hits(GROUPS), 1);
    assert_eq!(
        sandbox.customer_transfers_started(),
        250,
        "yet WeCom acted on every one"
    );

    // The unknown ones are checked, not re-sent: a rerun finds nothing unassigned.
    sandbox.clear_faults();
    let unknown: Vec<&str> = report.customers.unknown().collect();
    let done = client
        .transfer()
        .wait_for_resigned_transfer_result("zhangsan", "lisi", unknown, &poll())
        .await
        .unwrap();
    assert!(
        done.complete
            && done
                .customers
                .iter()
                .all(|c| c.status == Some(TakeoverStatus::Done))
    );
    let again = client
        .transfer()
        .hand_over_leaver("zhangsan", "lisi", &groups)
        .await
        .unwrap();
    assert!(again.customers.items.is_empty());
    assert_eq!(sandbox.hits(TRANSFER), 3);
    assert_eq!(sandbox.customer_transfers_started(), 250);
    assert_eq!(sandbox.customer_takeovers(), 250);
    assert_eq!(sandbox.group_chats_transferred(), 5);
    assert_eq!(customers.len(), 250);
}
