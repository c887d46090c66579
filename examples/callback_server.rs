//! A WeCom callback receiver (接收事件服务器) that prints each typed external-contact event.
//!
//! ```text
//! cargo run --example callback_server
//! ```
//!
//! Configuration from the environment, as set on the app's 接收事件服务器 page:
//! `WECOM_CALLBACK_TOKEN`, `WECOM_CALLBACK_AES_KEY` (the 43-character EncodingAESKey), `WECOM_CORP_ID`
//! (the receive id; a suite id for third-party apps) and `PORT` (default 8080). Without them it uses the
//! sample configuration below and prints a `curl` command that posts a signed sample event, so it can be
//! tried without WeCom. It listens on 127.0.0.1 only: put a TLS-terminating proxy in front for WeCom.

use std::time::{SystemTime, UNIX_EPOCH};

use wecom_callback::receiver::{self, ReceiverOptions};
use wecom_callback::{AcquisitionChange, ChatChange, ContactChange, Event, MsgCrypt, TagChange};

/// Sample configuration (not a real app's): token, EncodingAESKey, corp id.
const SAMPLE_TOKEN: &str = "m0xVQzJXtw3X";
const SAMPLE_AES_KEY: &str = "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA";
const SAMPLE_CORP_ID: &str = "ww5f2e0c9d8a7b6c41";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env =
        |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let token = env("WECOM_CALLBACK_TOKEN", SAMPLE_TOKEN);
    let aes_key = env("WECOM_CALLBACK_AES_KEY", SAMPLE_AES_KEY);
    let corp_id = env("WECOM_CORP_ID", SAMPLE_CORP_ID);
    let port: u16 = env("PORT", "8080").parse()?;

    let crypt = MsgCrypt::new(token, &aes_key, corp_id)?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let address = listener.local_addr()?;
    println!("listening on http://{address}/ (GET: URL handshake, POST: events)");
    if aes_key == SAMPLE_AES_KEY {
        println!(
            "sample configuration; try:\n{}",
            sample_request(&crypt, &address.to_string())?
        );
    }
    let app = app(crypt, ReceiverOptions::default(), |event| {
        println!("{}", describe(event))
    });
    axum::serve(listener, app).await?;
    Ok(())
}

/// The receiver: verifies, decrypts and parses each callback and gives the event to `sink`.
pub fn app(
    crypt: MsgCrypt,
    options: ReceiverOptions,
    sink: impl Fn(&Event) + Send + Sync + 'static,
) -> axum::Router {
    receiver::router_with(
        crypt,
        move |event: Event| {
            sink(&event);
            std::future::ready(())
        },
        options,
    )
}

/// One line per event.
pub fn describe(event: &Event) -> String {
    let time = event
        .header()
        .map(|h| h.create_time.as_secs())
        .unwrap_or_default();
    let what = match event {
        Event::ExternalContact { change, .. } => match change {
            ContactChange::AddExternalContact {
                user_id,
                external_user_id,
                state,
                welcome_code,
            } => format!(
                "{user_id} added customer {external_user_id} (state {state:?}, welcome code: {})",
                welcome_code.is_some()
            ),
            ContactChange::AddHalfExternalContact {
                user_id,
                external_user_id,
                ..
            } => format!("customer {external_user_id} added {user_id}, not yet accepted"),
            ContactChange::EditExternalContact {
                user_id,
                external_user_id,
            } => format!("{user_id} edited customer {external_user_id}"),
            ContactChange::DelExternalContact {
                user_id,
                external_user_id,
                source,
            } => format!("{user_id} deleted customer {external_user_id} (source {source:?})"),
            ContactChange::DelFollowUser {
                user_id,
                external_user_id,
            } => format!("customer {external_user_id} deleted {user_id}"),
            ContactChange::TransferFail {
                user_id,
                external_user_id,
                fail_reason,
            } => format!("transfer of {external_user_id} to {user_id} failed: {fail_reason}"),
            other => format!("contact change {other:?}"),
        },
        Event::ExternalChat { change, .. } => match change {
            ChatChange::Create { chat_id } => format!("group {chat_id} created"),
            ChatChange::Update(update) => format!(
                "group {} updated: {} {:?}",
                update.chat_id, update.update_detail, update.mem_change_list
            ),
            ChatChange::Dismiss { chat_id } => format!("group {chat_id} dismissed"),
            other => format!("group change {other:?}"),
        },
        Event::ExternalTag { change, .. } => match change {
            TagChange::Create(tag) => format!("{} {} created", tag.tag_type, tag.id),
            TagChange::Update(tag) => format!("{} {} updated", tag.tag_type, tag.id),
            TagChange::Delete(tag) => format!("{} {} deleted", tag.tag_type, tag.id),
            TagChange::Shuffle { id, .. } => format!("tags of group {id:?} reordered"),
            other => format!("tag change {other:?}"),
        },
        Event::CustomerAcquisition { change, .. } => match change {
            AcquisitionChange::CustomerStartChat {
                user_id,
                external_user_id,
                link_id,
            } => {
                format!("customer {external_user_id} started chatting with {user_id} via {link_id}")
            }
            other => format!("acquisition {other:?}"),
        },
        Event::Unknown(unknown) => format!(
            "unknown event {:?}/{:?}: {:?}",
            unknown.event, unknown.change_type, unknown.fields
        ),
        other => format!("{other:?}"),
    };
    format!("[{time}] {what}")
}

/// A `curl` command posting a signed, encrypted sample event to this server.
fn sample_request(crypt: &MsgCrypt, address: &str) -> Result<String, wecom_callback::Error> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let xml = format!(
        "<xml><ToUserName><![CDATA[{corp}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
         <CreateTime>{now}</CreateTime><MsgType><![CDATA[event]]></MsgType>\
         <Event><![CDATA[change_external_contact]]></Event>\
         <ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>\
         <ExternalUserID><![CDATA[wmSampleCustomer]]></ExternalUserID><State><![CDATA[sample]]></State></xml>",
        corp = crypt.receive_id()
    );
    let encrypt = crypt.encrypt(&xml)?;
    let (timestamp, nonce) = (now.to_string(), "12345");
    let signature = crypt.signature(&timestamp, nonce, &encrypt);
    Ok(format!(
        "curl -d '<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>' \
         'http://{address}/?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}'"
    ))
}
