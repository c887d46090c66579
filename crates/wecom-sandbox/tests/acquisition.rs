//! 获客助手 in the sandbox, in raw JSON as WeCom documents it (docs 97297, 97298, 97375, 100130 and the
//! 获客助手组件's 99602/99603/99610): links with ranges, customers through them using the quota (soonest
//! batch first) until it runs out, statistics and customers counted from what happened, chat keys that
//! expire after 30 minutes, once keys and bills when the provider pays.

use std::time::Duration;

use serde_json::{json, Value};
use wecom_external_contact::{ErrCode, WecomClient};
use wecom_sandbox::{Clock, LinkRefused, LinkVisit, Sandbox, SandboxConfig};

const A: &str = "/cgi-bin/externalcontact/customer_acquisition/";
const QUOTA: &str = "/cgi-bin/externalcontact/customer_acquisition_quota";
const BILLS: &str = "/cgi-bin/service/customer_acquisition/get_bill_list";
/// 2024-03-01 12:00 +08:00.
const NOW: i64 = 1_709_265_600;
const DAY: i64 = 86_400;

async fn start() -> (Sandbox, WecomClient) {
    let sandbox = Sandbox::start_with(SandboxConfig {
        clock: Clock::fixed(NOW),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let client = sandbox.client_builder().build().unwrap();
    (sandbox, client)
}

async fn call(client: &WecomClient, name: &str, body: Value) -> Value {
    client.post_raw(&format!("{A}{name}"), &body).await.unwrap()
}

async fn errcode(client: &WecomClient, name: &str, body: Value) -> i64 {
    let err = client
        .post_raw(&format!("{A}{name}"), &body)
        .await
        .unwrap_err();
    err.code().unwrap_or(ErrCode(0)).0
}

async fn create_link(client: &WecomClient, range: Value) -> String {
    let answer = call(
        client,
        "create_link",
        json!({"link_name": "春季投放", "range": range}),
    )
    .await;
    answer["link"]["link_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_link_is_created_read_edited_listed_and_deleted() {
    let (_sandbox, client) = start().await;
    let created = call(
        &client,
        "create_link",
        json!({"link_name": "春季投放", "range": {"user_list": ["zhangsan", "lisi"]}}),
    )
    .await;
    let link = &created["link"];
    let id = link["link_id"].as_str().unwrap().to_owned();
    assert_eq!(link["link_name"], "春季投放");
    assert_eq!(link["url"], format!("https://work.weixin.qq.com/ca/{id}"));
    assert_eq!(link["create_time"], NOW);

    // The get answer is WeCom's shape: no link_id, documented defaults.
    let got = call(&client, "get", json!({"link_id": id})).await;
    assert_eq!(
        got["link"],
        json!({"link_name": "春季投放", "url": link["url"], "create_time": NOW,
            "skip_verify": true, "mark_source": true})
    );
    assert_eq!(
        got["range"],
        json!({"user_list": ["zhangsan", "lisi"], "department_list": []})
    );
    assert!(got.get("priority_option").is_none());

    // Only what is sent changes; a range replaces the old one.
    call(
        &client,
        "update_link",
        json!({"link_id": id, "range": {"department_list": [1]}, "skip_verify": false,
            "priority_option": {"priority_type": 2, "priority_userid_list": ["wangwu"]}}),
    )
    .await;
    let got = call(&client, "get", json!({"link_id": id})).await;
    assert_eq!(got["link"]["link_name"], "春季投放");
    assert_eq!(got["link"]["skip_verify"], false);
    assert_eq!(
        got["range"],
        json!({"user_list": [], "department_list": [1]})
    );
    assert_eq!(
        got["priority_option"],
        json!({"priority_type": 2, "priority_userid_list": ["wangwu"]})
    );

    let other = create_link(&client, json!({"user_list": ["wangwu"]})).await;
    let listed = call(&client, "list_link", json!({"limit": 1})).await;
    assert_eq!(listed["link_id_list"], json!([id]));
    let rest = call(
        &client,
        "list_link",
        json!({"limit": 1, "cursor": listed["next_cursor"]}),
    )
    .await;
    assert_eq!(rest["link_id_list"], json!([other]));
    assert_eq!(rest["next_cursor"], "");

    call(&client, "delete_link", json!({"link_id": id})).await;
    let listed = call(&client, "list_link", json!({})).await;
    assert_eq!(listed["link_id_list"], json!([other]));
    assert_eq!(errcode(&client, "get", json!({"link_id": id})).await, 40058);
    assert_eq!(
        errcode(&client, "delete_link", json!({"link_id": id})).await,
        40058
    );
}

#[tokio::test]
async fn broken_links_are_refused_with_their_errcodes() {
    let (_sandbox, client) = start().await;
    let create = |range: Value| json!({"link_name": "x", "range": range});
    let cases = [
        (create(json!({"user_list": ["nobody"]})), 60011),
        (create(json!({"department_list": [2]})), 60011),
        (create(json!({})), 40058),
        (
            json!({"link_name": "链".repeat(31), "range": {"user_list": ["lisi"]}}),
            40058,
        ),
        (json!({"range": {"user_list": ["lisi"]}}), 40058),
        (
            json!({"link_name": "x", "range": {"user_list": ["lisi"]},
                "priority_option": {"priority_type": 3}}),
            40058,
        ),
    ];
    for (body, code) in cases {
        assert_eq!(
            errcode(&client, "create_link", body.clone()).await,
            code,
            "{body}"
        );
    }
    assert_eq!(
        errcode(&client, "list_link", json!({"limit": 101})).await,
        40058
    );
    assert_eq!(
        errcode(
            &client,
            "update_link",
            json!({"link_id": "nope", "link_name": "y"})
        )
        .await,
        40058
    );
}

#[tokio::test]
async fn customers_use_the_soonest_batch_until_the_quota_runs_out() {
    let (sandbox, client) = start().await;
    sandbox.set_acquisition_quota(&[(NOW + 100 * DAY, 3), (NOW + 10 * DAY, 2)]);
    let link = create_link(&client, json!({"user_list": ["zhangsan", "lisi"]})).await;

    let mut added = Vec::new();
    for i in 0..5 {
        let visit = LinkVisit::channel(format!("ad_{i}"));
        added.push(sandbox.add_customer_through_link(&link, visit).unwrap());
        if i == 1 {
            // The batch that expires first is used first.
            let quota = client.get_raw(QUOTA, &[]).await.unwrap();
            assert_eq!(quota["balance"], 3);
            assert_eq!(
                quota["quota_list"],
                json!([{"expire_date": NOW + 100 * DAY, "balance": 3}])
            );
        }
    }
    assert_eq!(
        sandbox.add_customer_through_link(&link, LinkVisit::default()),
        Err(LinkRefused::QuotaExhausted)
    );
    assert_eq!(
        sandbox.add_customer_through_link("nope", LinkVisit::default()),
        Err(LinkRefused::UnknownLink)
    );
    assert_eq!(sandbox.acquisition_balance(), 0);
    assert_eq!(sandbox.acquired_customers(), 5);
    let stats = reqwest::get(format!("{}/sandbox/stats", sandbox.base_url()))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let stats: Value = serde_json::from_slice(&stats).unwrap();
    assert_eq!(
        stats["acquisition"],
        json!({"links_created": 1, "customers_added": 5})
    );
    let quota = client.get_raw(QUOTA, &[]).await.unwrap();
    assert_eq!(
        quota,
        json!({"errcode": 0, "errmsg": "ok", "total": 5, "balance": 0, "quota_list": []})
    );

    // Round robin over the range; the channel is each customer's state.
    let members: Vec<&str> = added.iter().map(|c| c.userid.as_str()).collect();
    assert_eq!(
        members,
        ["zhangsan", "lisi", "zhangsan", "lisi", "zhangsan"]
    );
    let page = call(&client, "customer", json!({"link_id": link, "limit": 3})).await;
    assert_eq!(page["customer_list"].as_array().unwrap().len(), 3);
    assert_eq!(
        page["customer_list"][0],
        json!({"external_userid": added[0].external_userid, "userid": "zhangsan",
            "chat_status": 0, "state": "ad_0"})
    );
    let rest = call(
        &client,
        "customer",
        json!({"link_id": link, "cursor": page["next_cursor"]}),
    )
    .await;
    assert_eq!(rest["customer_list"].as_array().unwrap().len(), 2);
    assert_eq!(rest["next_cursor"], "");

    // They are the corp's customers now, added by link (add_way 16) with the channel as state.
    let detail = client
        .get_raw(
            "/cgi-bin/externalcontact/get",
            &[("external_userid", &added[4].external_userid)],
        )
        .await
        .unwrap();
    assert_eq!(detail["follow_user"][0]["add_way"], 16);
    assert_eq!(detail["follow_user"][0]["state"], "ad_4");

    // Six opened the link, five were added: today's statistics.
    let stats = call(
        &client,
        "statistic",
        json!({"link_id": link, "start_time": NOW - DAY, "end_time": NOW}),
    )
    .await;
    assert_eq!(stats["click_link_customer_cnt"], 6);
    assert_eq!(stats["new_customer_cnt"], 5);
    let yesterday = call(
        &client,
        "statistic",
        json!({"link_id": link, "start_time": NOW - 2 * DAY, "end_time": NOW - DAY}),
    )
    .await;
    assert_eq!(yesterday["new_customer_cnt"], 0);
}

#[tokio::test]
async fn an_expired_batch_no_longer_counts() {
    let (sandbox, client) = start().await;
    sandbox.set_acquisition_quota(&[(NOW + DAY, 4), (NOW + 30 * DAY, 1)]);
    let link = create_link(&client, json!({"department_list": [1]})).await;
    sandbox.clock().advance(Duration::from_secs(2 * 86_400));
    let quota = client.get_raw(QUOTA, &[]).await.unwrap();
    assert_eq!(
        (quota["total"].as_u64(), quota["balance"].as_u64()),
        (Some(5), Some(1))
    );
    assert!(sandbox
        .add_customer_through_link(&link, LinkVisit::default())
        .is_ok());
    assert_eq!(
        sandbox.add_customer_through_link(&link, LinkVisit::default()),
        Err(LinkRefused::QuotaExhausted)
    );
}

#[tokio::test]
async fn statistic_windows_follow_wecoms_rules() {
    let (_sandbox, client) = start().await;
    let link = create_link(&client, json!({"user_list": ["lisi"]})).await;
    let stat =
        |start: i64, end: i64| json!({"link_id": link, "start_time": start, "end_time": end});
    assert_eq!(
        errcode(&client, "statistic", stat(NOW - 31 * DAY, NOW)).await,
        40058
    );
    assert_eq!(
        errcode(&client, "statistic", stat(NOW, NOW - 1)).await,
        40058
    );
    assert_eq!(
        errcode(&client, "statistic", stat(NOW - 200 * DAY, NOW - 190 * DAY)).await,
        40058
    );
    assert_eq!(
        errcode(
            &client,
            "statistic",
            json!({"link_id": "nope", "start_time": NOW, "end_time": NOW})
        )
        .await,
        40058
    );
    let empty = call(&client, "statistic", stat(NOW - 30 * DAY, NOW)).await;
    assert_eq!(empty["click_link_customer_cnt"], 0);
}

#[tokio::test]
async fn the_third_fifth_and_tenth_message_give_a_chat_key_valid_30_minutes() {
    let (sandbox, client) = start().await;
    let link = create_link(&client, json!({"user_list": ["wangwu"]})).await;
    let customer = sandbox
        .add_customer_through_link(&link, LinkVisit::channel("live"))
        .unwrap();
    let keys: Vec<Option<String>> = (1..=10)
        .map(|_| sandbox.customer_messages_member(&customer.external_userid))
        .collect();
    let at: Vec<usize> = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| k.is_some())
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(at, [3, 5, 10]);
    assert_eq!(sandbox.customer_messages_member("wmnobody"), None);

    let key = keys[4].clone().unwrap();
    let info = call(&client, "get_chat_info", json!({"chat_key": key})).await;
    assert_eq!(
        info,
        json!({"errcode": 0, "errmsg": "ok", "userid": "wangwu",
            "external_userid": customer.external_userid,
            "chat_info": {"recv_msg_cnt": 5, "link_id": link, "state": "live"}})
    );
    let listed = call(&client, "customer", json!({"link_id": link})).await;
    assert_eq!(listed["customer_list"][0]["chat_status"], 1);

    sandbox.clock().advance(Duration::from_secs(30 * 60));
    assert_eq!(
        errcode(&client, "get_chat_info", json!({"chat_key": key})).await,
        40058
    );
    assert_eq!(
        errcode(&client, "get_chat_info", json!({"chat_key": "nope"})).await,
        40058
    );
}

async fn suite_token(sandbox: &Sandbox) -> String {
    let body = json!({
        "suite_id": sandbox.suite_id(),
        "suite_secret": sandbox.suite_secret(),
        "suite_ticket": sandbox.suite_ticket(),
    });
    let url = format!("{}/cgi-bin/service/get_suite_token", sandbox.base_url());
    let answer = post(&url, body).await;
    answer["suite_access_token"].as_str().unwrap().to_owned()
}

async fn post(url: &str, body: Value) -> Value {
    let answer = reqwest::Client::new()
        .post(url)
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap()
}

#[tokio::test]
async fn when_the_provider_pays_once_keys_become_bills_read_with_the_suite_token() {
    let (sandbox, client) = start().await;
    let link = create_link(&client, json!({"user_list": ["lisi"]})).await;
    let info = call(&client, "get_comp_auth_info", json!({})).await;
    assert_eq!(
        info,
        json!({"errcode": 0, "errmsg": "ok", "pay_mode": 0, "link_auth_mode": 1,
            "auth_apps": [{"agentid": 1000002}]})
    );
    assert_eq!(
        errcode(&client, "create_once_key", json!({"link_id": link})).await,
        48002
    );

    sandbox.set_acquisition_pay_mode(true, 2500);
    let info = call(&client, "get_comp_auth_info", json!({})).await;
    assert_eq!(
        (info["pay_mode"].as_i64(), info["price"].as_i64()),
        (Some(1), Some(2500))
    );
    let keys = call(
        &client,
        "create_once_key",
        json!({"link_id": link, "key_num": 3}),
    )
    .await;
    let keys: Vec<String> = serde_json::from_value(keys["keys"].clone()).unwrap();
    assert_eq!(keys.len(), 3);
    assert_eq!(
        errcode(
            &client,
            "create_once_key",
            json!({"link_id": link, "key_num": 1001})
        )
        .await,
        40058
    );

    sandbox.set_acquisition_quota(&[(NOW + DAY, 1)]);
    let paid = LinkVisit {
        customer_channel: Some("ad".into()),
        once_key: Some(keys[0].clone()),
    };
    sandbox
        .add_customer_through_link(&link, paid.clone())
        .unwrap();
    assert_eq!(
        sandbox.acquisition_balance(),
        1,
        "the provider paid, not the quota"
    );
    assert_eq!(
        sandbox.add_customer_through_link(&link, paid),
        Err(LinkRefused::InvalidOnceKey),
        "a once key works once"
    );

    let suite = suite_token(&sandbox).await;
    let own_corp = sandbox.corp_id().to_owned();
    let url = format!("{}{BILLS}?suite_access_token={suite}", sandbox.base_url());
    let bills = post(
        &url,
        json!({"auth_corpid": own_corp, "begin_time": NOW - DAY, "end_time": NOW}),
    )
    .await;
    assert_eq!(
        bills,
        json!({"errcode": 0, "errmsg": "ok",
            "bill_list": [{"timestamp": NOW, "link_id": link, "state": "ad", "price": 2500}],
            "next_cursor": ""})
    );
    let unknown = post(
        &url,
        json!({"auth_corpid": "wwnotours", "begin_time": NOW - DAY, "end_time": NOW}),
    )
    .await;
    assert_eq!(unknown["errcode"], 40013);
    let too_long = post(
        &url,
        json!({"auth_corpid": own_corp, "begin_time": NOW - 32 * DAY, "end_time": NOW}),
    )
    .await;
    assert_eq!(too_long["errcode"], 40058);
    // The corp's token is not the suite's.
    let with_corp_token = client
        .post_raw(
            BILLS,
            &json!({"auth_corpid": own_corp, "begin_time": NOW - DAY, "end_time": NOW}),
        )
        .await
        .unwrap_err();
    assert_eq!(with_corp_token.code(), Some(ErrCode(41001)));

    // A deleted link's id is no longer in the bill.
    call(&client, "delete_link", json!({"link_id": link})).await;
    let bills = post(
        &url,
        json!({"auth_corpid": own_corp, "begin_time": NOW - DAY, "end_time": NOW}),
    )
    .await;
    assert_eq!(
        bills["bill_list"],
        json!([{"timestamp": NOW, "state": "ad", "price": 2500}])
    );
}

#[tokio::test]
async fn get_permit_answers_every_member_and_department_1() {
    let (sandbox, client) = start().await;
    let permit = client
        .get_raw(
            "/cgi-bin/externalcontact/customer_acquisition_app/get_permit",
            &[],
        )
        .await
        .unwrap();
    let users = permit["user_list"].as_array().unwrap();
    assert_eq!(users.len(), sandbox.follow_users().len());
    assert_eq!(users[0], "zhangsan");
    assert_eq!(permit["department_list"], json!([1]));
    assert_eq!(permit["tag_list"], json!([]));
}
