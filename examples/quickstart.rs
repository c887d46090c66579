//! The SDK's main job, end to end: a token, the follow users, every customer, a 「联系我」 QR code, tags,
//! customer groups, a mass message and its results, statistics, and one decrypted callback event.
//!
//! `cargo run --example quickstart` starts a local sandbox (a fake WeCom) and runs the whole flow against it.
//! With `WECOM_CORP_ID` and `WECOM_SECRET` (and optionally `WECOM_BASE_URL`) set, it runs only the
//! read-only part against that WeCom instead: nothing is created or sent.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::TryStreamExt;
use wecom_external_contact::callback::{ContactChange, Event, MsgCrypt};
use wecom_external_contact::contact_way::{AddContactWayRequest, ContactWayScene, ContactWayType};
use wecom_external_contact::group_chat::GroupChatListRequest;
use wecom_external_contact::messaging::{
    AddMsgTemplateRequest, GetGroupMsgSendResultRequest, SendWelcomeMsgRequest,
};
use wecom_external_contact::prelude::*;
use wecom_external_contact::statistics::GetUserBehaviorDataRequest;
use wecom_external_contact::tag::{AddCorpTagRequest, MarkTagRequest};
use wecom_sandbox::Sandbox;

type AnyResult<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}

pub(crate) async fn run() -> AnyResult<()> {
    let corp_id = std::env::var("WECOM_CORP_ID").ok();
    let secret = std::env::var("WECOM_SECRET").ok();
    if let (Some(corp_id), Some(secret)) = (corp_id, secret) {
        let mut builder = WecomClient::builder().corp_id(corp_id).secret(secret);
        if let Ok(base_url) = std::env::var("WECOM_BASE_URL") {
            builder = builder.base_url(base_url);
        }
        println!("WeCom credentials found: running the read-only part only");
        read_only(&builder.build()?).await?;
        return Ok(());
    }
    run_against_sandbox().await
}

/// The whole flow, read and write, against a sandbox of its own: what runs without credentials.
pub(crate) async fn run_against_sandbox() -> AnyResult<()> {
    let sandbox = Sandbox::start().await?;
    eprintln!(
        "no WECOM_CORP_ID / WECOM_SECRET: using a local sandbox at {}",
        sandbox.base_url()
    );
    let client = sandbox.client_builder().build()?;
    let customers = read_only(&client).await?;
    write_flow(&client, &sandbox, &customers).await?;
    println!(
        "done: {} requests served, {} gettoken",
        sandbox.total_hits(),
        sandbox.gettoken_hits()
    );
    Ok(())
}

/// A customer as the rest of the flow needs it: who follows them, and their id.
struct Customer {
    userid: String,
    external_userid: String,
}

/// Follow users, every customer of every follow user (streamed), group chats and statistics; returns the
/// customers of the first follow user that has some.
async fn read_only(client: &WecomClient) -> AnyResult<Vec<Customer>> {
    let users = client.customer().get_follow_user_list().await?.follow_user;
    println!("follow users: {}", users.len());

    let mut stream = client
        .customer()
        .batch_get_by_users_stream(users.iter().cloned(), Some(100));
    // Streamed, not collected: only the first member's customers are kept, for the rest of the flow.
    let (mut total, mut customers) = (0usize, Vec::new());
    while let Some(item) = stream.try_next().await? {
        total += 1;
        let first_member = customers
            .first()
            .is_none_or(|c: &Customer| c.userid == item.follow_info.userid);
        if first_member {
            customers.push(Customer {
                userid: item.follow_info.userid,
                external_userid: item.external_contact.external_userid,
            });
        }
        if total % 250 == 0 {
            eprint!("\r  streaming customers: {total}");
        }
    }
    eprintln!("\r  streaming customers: {total}");
    println!("customers: {total} (from {} follow users)", users.len());

    let chats: Vec<_> = client
        .group_chat()
        .list_stream(GroupChatListRequest::new(100))
        .try_collect()
        .await?;
    println!("customer groups: {}", chats.len());

    if let Some(user) = users.first() {
        let now = unix_now();
        let week = client
            .statistics()
            .get_user_behavior_data(
                &GetUserBehaviorDataRequest::new(now - 7 * 86_400, now - 86_400).userid([user]),
            )
            .await?;
        let new_contacts: i64 = week.behavior_data.iter().map(|d| d.new_contact_cnt).sum();
        let messages: i64 = week.behavior_data.iter().map(|d| d.message_cnt).sum();
        println!("statistics for {user}, last 7 days: {new_contacts} new customers, {messages} messages sent");
    }
    Ok(customers)
}

/// What only the sandbox gets: a QR code, tags, a mass message, a callback and a welcome message.
async fn write_flow(
    client: &WecomClient,
    sandbox: &Sandbox,
    customers: &[Customer],
) -> AnyResult<()> {
    let Some(first) = customers.first() else {
        return Ok(());
    };
    let way = client
        .contact_way()
        .add_contact_way(
            &AddContactWayRequest::new(ContactWayType::Single, ContactWayScene::QrCode)
                .user([first.userid.as_str()])
                .remark("门店前台")
                .state("store_001"),
        )
        .await?;
    println!(
        "「联系我」 QR code: {} ({})",
        way.qr_code.as_deref().unwrap_or("-"),
        way.config_id
    );

    let group = client
        .tag()
        .add_corp_tag(&AddCorpTagRequest::new_group(
            "客户等级",
            ["重要客户", "一般客户"],
        ))
        .await?
        .tag_group;
    let important = &group.tag[0];
    let tagged: Vec<&Customer> = customers.iter().take(5).collect();
    for customer in &tagged {
        let req = MarkTagRequest::new(&customer.userid, &customer.external_userid)
            .add_tag([important.id.as_str()]);
        client.tag().mark_tag(&req).await?;
    }
    println!(
        "tag group 「{}」 created; {} customers tagged 「{}」",
        group.group_name,
        tagged.len(),
        important.name
    );

    let recipients = customers.iter().map(|c| c.external_userid.as_str());
    let msg = client
        .messaging()
        .add_msg_template(
            &AddMsgTemplateRequest::to_customers(recipients)
                .sender(&first.userid)
                .text("双十一活动：全场五折，欢迎到店"),
        )
        .await?;
    let results: Vec<_> = client
        .messaging()
        .get_groupmsg_send_result_stream(GetGroupMsgSendResultRequest::new(
            &msg.msgid,
            &first.userid,
        ))
        .try_collect()
        .await?;
    println!(
        "mass message {}: {} recipients, {} sent so far",
        msg.msgid,
        results.len(),
        results.iter().filter(|r| r.send_time.is_some()).count()
    );

    welcome_new_customer(client, sandbox, first).await
}

/// A customer adds a member: WeCom calls back with an encrypted event; we decrypt it, parse it and use its
/// welcome code. The sandbox plays WeCom's part, encrypting with the app's callback settings.
async fn welcome_new_customer(
    client: &WecomClient,
    sandbox: &Sandbox,
    customer: &Customer,
) -> AnyResult<()> {
    let crypt = MsgCrypt::new(
        "QuickstartToken",
        "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA",
        sandbox.corp_id(),
    )?;
    let code = sandbox.issue_welcome_code(&customer.userid, &customer.external_userid);
    let time = unix_now().to_string();
    let plaintext = format!(
        "<xml><ToUserName><![CDATA[{corp}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
         <CreateTime>{time}</CreateTime><MsgType><![CDATA[event]]></MsgType>\
         <Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType>\
         <UserID><![CDATA[{user}]]></UserID><ExternalUserID><![CDATA[{ext}]]></ExternalUserID>\
         <State><![CDATA[store_001]]></State><WelcomeCode><![CDATA[{code}]]></WelcomeCode></xml>",
        corp = sandbox.corp_id(),
        user = customer.userid,
        ext = customer.external_userid,
    );
    let encrypted = crypt.encrypt(&plaintext)?;
    let nonce = "1372623149";
    let signature = crypt.signature(&time, nonce, &encrypted);
    let body = format!(
        "<xml><ToUserName><![CDATA[{}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt>\
         <AgentID><![CDATA[]]></AgentID></xml>",
        sandbox.corp_id()
    );

    // What a callback handler does with the POST it receives:
    let event = Event::parse(&crypt.decrypt(&signature, &time, nonce, &body)?)?;
    let Event::ExternalContact {
        change:
            ContactChange::AddExternalContact {
                user_id,
                external_user_id,
                welcome_code: Some(welcome_code),
                ..
            },
        ..
    } = event
    else {
        return Err(format!("unexpected callback event: {event:?}").into());
    };
    client
        .messaging()
        .send_welcome_msg(
            &SendWelcomeMsgRequest::new(welcome_code).text("您好，欢迎关注！有任何问题随时找我。"),
        )
        .await?;
    println!("callback: {user_id} added {external_user_id}; welcome message sent");
    Ok(())
}

fn unix_now() -> i64 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO);
    i64::try_from(now.as_secs()).unwrap_or(i64::MAX)
}
