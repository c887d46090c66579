//! 获客助手 end to end against the sandbox: a link takes customers until the quota runs out, then its
//! statistics, its customers, the quota forecast and a 多次收消息 chat key read back through the SDK; with
//! the 获客助手组件, once keys and the provider's bills (suite token).

use std::sync::Arc;
use std::time::Duration;

use futures::TryStreamExt;
use wecom_external_contact::acquisition::{
    ChatStatus, CreateLinkRequest, CreateOnceKeyRequest, GetBillListRequest, GetChatInfoRequest,
    GetLinkRequest, LinkRange, ListCustomerRequest, ListLinkRequest, StatisticRequest,
};
use wecom_external_contact::prelude::*;
use wecom_external_contact::{MemoryTicketStore, SuiteTicketStore};
use wecom_sandbox::{Clock, LinkRefused, LinkVisit, Sandbox, SandboxConfig};

/// 2024-03-01 12:00 +08:00.
const NOW: i64 = 1_709_265_600;
const DAY: i64 = 86_400;

async fn sandbox() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        clock: Clock::fixed(NOW),
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_takes_customers_until_the_quota_runs_out_and_its_figures_add_up() {
    let sandbox = sandbox().await;
    let client = sandbox.client_builder().build().unwrap();
    let api = client.customer_acquisition();
    sandbox.set_acquisition_quota(&[(NOW + 30 * DAY, 8), (NOW + 3 * DAY, 4)]);

    let link = api
        .create_link(&CreateLinkRequest::new(
            "春季投放",
            LinkRange::users(["zhangsan", "lisi", "wangwu"]),
        ))
        .await
        .unwrap()
        .link;
    let link_id = link.link_id.clone().unwrap();
    assert_eq!(link.url, format!("https://work.weixin.qq.com/ca/{link_id}"));
    let read = api.get(&GetLinkRequest::new(&link_id)).await.unwrap();
    assert_eq!(read.link.link_name, "春季投放");
    assert_eq!(read.link.skip_verify, Some(true));
    assert_eq!(read.range, LinkRange::users(["zhangsan", "lisi", "wangwu"]));
    let links: Vec<String> = api
        .list_link_stream(ListLinkRequest::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(links, std::slice::from_ref(&link_id));

    // Customers come until the quota (12) runs out; the 13th and 14th are refused but still clicked.
    let mut added = Vec::new();
    let refused = loop {
        let channel = if added.len() % 2 == 0 { "ad_a" } else { "ad_b" };
        match sandbox.add_customer_through_link(&link_id, LinkVisit::channel(channel)) {
            Ok(customer) => added.push(customer),
            Err(refusal) => break refusal,
        }
    };
    assert_eq!(refused, LinkRefused::QuotaExhausted);
    assert_eq!(added.len(), 12);
    assert_eq!(
        sandbox.add_customer_through_link(&link_id, LinkVisit::default()),
        Err(LinkRefused::QuotaExhausted)
    );
    let quota = api.quota().await.unwrap();
    assert_eq!((quota.total, quota.balance), (12, 0));
    assert!(quota.quota_list.is_empty());

    // The statistics count what happened today: 14 clicks, 12 new customers.
    let today = api
        .statistic(&StatisticRequest::new(&link_id, NOW, NOW))
        .await
        .unwrap();
    assert_eq!(
        (today.click_link_customer_cnt, today.new_customer_cnt),
        (14, 12)
    );

    // Every customer, 5 a page, with its member (round robin) and channel.
    let customers: Vec<_> = api
        .customer_stream(ListCustomerRequest::new(&link_id).limit(5))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(customers.len(), 12);
    for (listed, customer) in customers.iter().zip(&added) {
        assert_eq!(listed.external_userid, customer.external_userid);
        assert_eq!(listed.userid, customer.userid);
        assert_eq!(listed.chat_status, ChatStatus::NotStarted);
    }
    assert_eq!(customers[3].userid, "zhangsan");
    assert_eq!(customers[1].state.as_deref(), Some("ad_b"));
    let by_b = customers
        .iter()
        .filter(|c| c.state.as_deref() == Some("ad_b"))
        .count();
    assert_eq!(by_b, 6);
    // They are the corp's customers too, followed by their member.
    let detail = client
        .customer()
        .get(&added[0].external_userid, None)
        .await
        .unwrap();
    assert_eq!(detail.follow_user[0].userid, "zhangsan");
    assert_eq!(detail.follow_user[0].state.as_deref(), Some("ad_a"));

    // A customer's third message calls back with a chat key, readable for 30 minutes.
    let talker = &added[2].external_userid;
    assert_eq!(sandbox.customer_messages_member(talker), None);
    assert_eq!(sandbox.customer_messages_member(talker), None);
    let key = sandbox.customer_messages_member(talker).unwrap();
    let chat = api
        .get_chat_info(&GetChatInfoRequest::new(&key))
        .await
        .unwrap();
    assert_eq!(chat.external_userid.as_deref(), Some(talker.as_str()));
    assert_eq!(chat.userid.as_deref(), Some("wangwu"));
    assert_eq!(chat.chat_info.recv_msg_cnt, 3);
    assert_eq!(chat.chat_info.link_id, link_id);
    assert_eq!(chat.chat_info.state.as_deref(), Some("ad_a"));
    sandbox.clock().advance(Duration::from_secs(31 * 60));
    let expired = api.get_chat_info(&GetChatInfoRequest::new(&key)).await;
    assert_eq!(expired.unwrap_err().code(), Some(ErrCode(40058)));

    // A day later, with a new batch bought: last week's pace (12 in 7 days) makes 40 last 23⅓ days.
    sandbox.clock().advance(Duration::from_secs(86_400));
    sandbox.set_acquisition_quota(&[(NOW + 365 * DAY, 40)]);
    let forecast = api.quota_forecast(NOW + DAY).await.unwrap();
    assert_eq!(forecast.links, 1);
    assert_eq!(forecast.new_customers, 12);
    assert_eq!(forecast.quota.balance, 40);
    let days = forecast.days_left.unwrap();
    assert!((days - 40.0 * 7.0 / 12.0).abs() < 1e-9, "{days}");
    assert_eq!(forecast.expiring_unused, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_provider_pays_its_bills_are_read_with_the_suite_token() {
    let sandbox = sandbox().await;
    let client = sandbox.client_builder().build().unwrap();
    let api = client.customer_acquisition();
    sandbox.set_acquisition_pay_mode(true, 3000);
    sandbox.set_acquisition_quota(&[(NOW + DAY, 1)]);
    let link_id = api
        .create_link(&CreateLinkRequest::new(
            "代付链接",
            LinkRange::default().departments([1]),
        ))
        .await
        .unwrap()
        .link
        .link_id
        .unwrap();
    let info = api.get_comp_auth_info().await.unwrap();
    assert_eq!(info.price, Some(3000));
    let keys = api
        .create_once_key(&CreateOnceKeyRequest::new(&link_id).key_num(3))
        .await
        .unwrap()
        .keys;
    assert_eq!(keys.len(), 3);
    for (i, key) in keys.iter().enumerate() {
        let visit = LinkVisit {
            customer_channel: Some(format!("partner_{i}")),
            once_key: Some(key.clone()),
        };
        sandbox.add_customer_through_link(&link_id, visit).unwrap();
    }
    assert_eq!(
        sandbox.acquisition_balance(),
        1,
        "the provider paid for all three"
    );

    let tickets = Arc::new(MemoryTicketStore::new());
    tickets
        .put(sandbox.suite_id(), &sandbox.suite_ticket())
        .await
        .unwrap();
    let suite = sandbox.suite_client_builder(tickets).build().unwrap();
    let bills: Vec<_> = suite
        .customer_acquisition()
        .get_bill_list_stream(GetBillListRequest::new(sandbox.corp_id(), NOW - DAY, NOW).limit(2))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(bills.len(), 3);
    assert!(bills.iter().all(|b| b.price == 3000 && b.timestamp == NOW));
    assert_eq!(bills[2].state.as_deref(), Some("partner_2"));
    assert_eq!(bills[0].link_id.as_deref(), Some(link_id.as_str()));
    assert_eq!(sandbox.suite_token_hits(), 1);
    // The corp's own client has no suite token: the bill list is never sent with the corp's.
    let err = api
        .get_bill_list(&GetBillListRequest::new(sandbox.corp_id(), NOW - DAY, NOW))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NoTokenFor { .. }), "{err:?}");
}
