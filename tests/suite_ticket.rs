//! A third-party app end to end: WeCom pushes a `suite_ticket` to the suite's callback receiver, which
//! stores it; the suite client built with the same store fetches its suite token with that ticket; then
//! a `create_auth` arrives and its auth code is exchanged with that suite token for a corp's permanent
//! code. WeCom is an httpmock server asserting the exact bodies.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use httpmock::{Method, MockServer};
use serde_json::json;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};
use wecom_external_contact::callback::receiver::{self, ReceiverOptions};
use wecom_external_contact::callback::{AuthChange, Event, MsgCrypt};
use wecom_external_contact::{MemoryTicketStore, SuiteTicketStore, TokenKind, WecomClient};

const TOKEN: &str = "QDG6eK";
const AES_KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const SUITE_ID: &str = "ww4asffe99e54c0f4c";
const SUITE_SECRET: &str = "suite-secret-never-printed";
const TICKET: &str = "TICKET-pushed-by-wecom-every-10-minutes";

/// Encrypts and signs `plaintext` for the suite, as WeCom does, and posts it to the receiver.
async fn push(
    crypt: &MsgCrypt,
    address: SocketAddr,
    plaintext: &str,
    nonce: &str,
) -> (u16, String) {
    let timestamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    let encrypt = crypt.encrypt(plaintext).unwrap();
    let signature = crypt.signature(&timestamp, nonce, &encrypt);
    let body = format!(
        "<xml><ToUserName><![CDATA[{SUITE_ID}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>\
         <AgentID><![CDATA[]]></AgentID></xml>"
    );
    let response = reqwest::Client::new()
        .post(format!("http://{address}/"))
        .query(&[
            ("msg_signature", signature.as_str()),
            ("timestamp", &timestamp),
            ("nonce", nonce),
        ])
        .body(body)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The suite's callback receiver, storing tickets in `tickets` and passing every event on.
async fn suite_receiver(
    crypt: MsgCrypt,
    tickets: Arc<dyn SuiteTicketStore>,
) -> (SocketAddr, UnboundedReceiver<Event>) {
    let (sender, events) = unbounded_channel();
    let app = receiver::router_with(
        crypt,
        move |event: Event| {
            let _ = sender.send(event);
            std::future::ready(())
        },
        ReceiverOptions::default().suite_tickets(tickets),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (address, events)
}

async fn next(events: &mut UnboundedReceiver<Event>) -> Event {
    tokio::time::timeout(Duration::from_secs(5), events.recv())
        .await
        .expect("the handler was not called")
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pushed_suite_ticket_feeds_the_next_suite_token_fetch() {
    let wecom = MockServer::start_async().await;
    let get_suite_token = wecom
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path("/cgi-bin/service/get_suite_token")
                .json_body(json!({
                    "suite_id": SUITE_ID,
                    "suite_secret": SUITE_SECRET,
                    "suite_ticket": TICKET
                }));
            then.status(200).json_body(json!({
                "errcode": 0, "errmsg": "ok",
                "suite_access_token": "SUITE_TOKEN_1", "expires_in": 7200
            }));
        })
        .await;
    let auth_code = "A".repeat(64);
    let get_permanent_code = wecom
        .mock_async(|when, then| {
            when.method(Method::POST)
                .path("/cgi-bin/service/v2/get_permanent_code")
                .query_param("suite_access_token", "SUITE_TOKEN_1")
                .json_body(json!({"auth_code": auth_code}));
            then.status(200).json_body(json!({
                "errcode": 0, "errmsg": "ok",
                "permanent_code": "PERMANENT_CODE_OF_A",
                "auth_corp_info": {"corpid": "wwcorpA", "corp_name": "Corp A"}
            }));
        })
        .await;

    // One store: the receiver writes it, the suite client reads it.
    let tickets = Arc::new(MemoryTicketStore::new());
    // A suite's callbacks are encrypted for the suite: its id is the receive id.
    let crypt = MsgCrypt::new(TOKEN, AES_KEY, SUITE_ID).unwrap();
    let (address, mut events) = suite_receiver(crypt.clone(), tickets.clone()).await;
    let suite = WecomClient::builder()
        .suite(SUITE_ID, SUITE_SECRET, tickets.clone())
        .base_url(wecom.base_url())
        .build()
        .unwrap();
    let suite_tokens = suite.token_provider(TokenKind::Suite).unwrap();

    // Before any push the fetch fails, saying why, and sends nothing.
    let error = suite_tokens.token().await.unwrap_err().to_string();
    assert!(error.contains("no suite_ticket for suite"), "{error}");
    get_suite_token.assert_calls_async(0).await;

    let ticket_event = format!(
        "<xml><SuiteId><![CDATA[{SUITE_ID}]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType>\
         <TimeStamp>1403610513</TimeStamp><SuiteTicket><![CDATA[{TICKET}]]></SuiteTicket></xml>"
    );
    assert_eq!(
        push(&crypt, address, &ticket_event, "100001").await,
        (200, "success".to_owned())
    );
    // Acknowledged, so stored: the next fetch uses it.
    assert_eq!(
        suite_tokens.token().await.unwrap().expose(),
        "SUITE_TOKEN_1"
    );
    get_suite_token.assert_calls_async(1).await;
    let event = next(&mut events).await;
    assert!(!format!("{event:?}").contains(TICKET), "{event:?}");
    assert_eq!(event.suite_ticket().unwrap().1.expose(), TICKET);

    // A corp installs the app: its auth code is exchanged with that suite token.
    let create_auth = format!(
        "<xml><SuiteId><![CDATA[{SUITE_ID}]]></SuiteId><AuthCode><![CDATA[{auth_code}]]></AuthCode>\
         <InfoType><![CDATA[create_auth]]></InfoType><TimeStamp>1403610514</TimeStamp>\
         <State><![CDATA[from-the-website]]></State></xml>"
    );
    assert_eq!(
        push(&crypt, address, &create_auth, "100002").await,
        (200, "success".to_owned())
    );
    let Event::Authorization {
        change: AuthChange::CreateAuth {
            auth_code: code,
            state,
        },
        ..
    } = next(&mut events).await
    else {
        panic!("not a create_auth");
    };
    assert_eq!(state.as_deref(), Some("from-the-website"));
    let answer = suite.get_permanent_code(code.expose()).await.unwrap();
    assert_eq!(answer.permanent_code.expose(), "PERMANENT_CODE_OF_A");
    assert_eq!(answer.auth_corp_info.corpid, "wwcorpA");
    get_permanent_code.assert_calls_async(1).await;
    get_suite_token.assert_calls_async(1).await;
    // The create_auth was not a ticket: the store still holds the pushed one.
    assert_eq!(
        tickets.get(SUITE_ID).await.unwrap().as_deref(),
        Some(TICKET)
    );
}
