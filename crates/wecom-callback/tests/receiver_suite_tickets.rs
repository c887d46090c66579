//! A suite's receiver (`ReceiverOptions::suite_tickets`, features `axum` + `suite-tickets`): a pushed
//! `suite_ticket` is stored before it is acknowledged and still reaches the handler; a store that fails
//! (or is too slow) gets a 500 and WeCom's retry stores the ticket; a ticket that cannot be kept is
//! refused; other events are not stored.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};
use wecom_callback::receiver::{self, ReceiverOptions};
use wecom_callback::{AuthChange, Event, MsgCrypt};
use wecom_core::{MemoryTicketStore, SuiteTicketStore};

const TOKEN: &str = "m0xVQzJXtw3X";
const KEY: &str = "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA";
/// The suite of WeCom's suite_ticket sample (doc 90628), which is also the receive id.
const SUITE: &str = "ww4asffe99e54c0fxxxx";
const DOC_TICKET: &str = include_str!("fixtures/events/doc_suite_ticket.xml");

/// A suite receiver's crypt: the suite id is the receive id.
fn crypt() -> MsgCrypt {
    MsgCrypt::new(TOKEN, KEY, SUITE).unwrap()
}

fn ticket_event(ticket: &str) -> String {
    format!(
        "<xml><SuiteId><![CDATA[{SUITE}]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType>\
         <TimeStamp>1718000000</TimeStamp><SuiteTicket><![CDATA[{ticket}]]></SuiteTicket></xml>"
    )
}

/// One signed, encrypted POST as WeCom sends it; a retry is the same request again.
struct Delivery {
    signature: String,
    timestamp: String,
    nonce: String,
    body: String,
}

impl Delivery {
    fn of(plaintext: &str, nonce: &str) -> Self {
        let crypt = crypt();
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs()
            .to_string();
        let encrypt = crypt.encrypt(plaintext).unwrap();
        Self {
            signature: crypt.signature(&timestamp, nonce, &encrypt),
            timestamp,
            nonce: nonce.to_owned(),
            body: format!(
                "<xml><ToUserName><![CDATA[{SUITE}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>\
                 <AgentID><![CDATA[]]></AgentID></xml>"
            ),
        }
    }

    async fn to(&self, address: SocketAddr) -> (u16, String) {
        let response = reqwest::Client::new()
            .post(format!("http://{address}/"))
            .query(&[
                ("msg_signature", self.signature.as_str()),
                ("timestamp", &self.timestamp),
                ("nonce", &self.nonce),
            ])
            .body(self.body.clone())
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }
}

async fn listen(app: axum::Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

fn ok() -> (u16, String) {
    (200, "success".to_owned())
}

/// Events a handler received, in order.
struct Calls(UnboundedReceiver<Event>);

impl Calls {
    async fn next(&mut self) -> Event {
        tokio::time::timeout(Duration::from_secs(5), self.0.recv())
            .await
            .expect("the handler was not called")
            .unwrap()
    }

    async fn none(&mut self) -> bool {
        tokio::time::timeout(Duration::from_millis(300), self.0.recv())
            .await
            .is_err()
    }
}

/// A suite receiver keeping tickets in `store`, whose handler reports each event.
async fn suite_receiver(
    store: Arc<dyn SuiteTicketStore>,
    options: ReceiverOptions,
) -> (SocketAddr, Calls) {
    let (sender, calls) = unbounded_channel();
    let app = receiver::router_with(
        crypt(),
        move |event: Event| {
            let _ = sender.send(event);
            std::future::ready(())
        },
        options.suite_tickets(store),
    );
    (listen(app).await, Calls(calls))
}

/// Tickets stored, in order; the first `failures` puts fail, and each put takes `delay`.
#[derive(Default)]
struct Recording {
    failures: AtomicUsize,
    delay: Mutex<Duration>,
    puts: Mutex<Vec<(String, String)>>,
}

impl std::fmt::Debug for Recording {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Recording")
    }
}

impl Recording {
    fn failing(failures: usize) -> Arc<Self> {
        let store = Self::default();
        store.failures.store(failures, Ordering::SeqCst);
        Arc::new(store)
    }

    fn puts(&self) -> Vec<(String, String)> {
        self.puts.lock().unwrap().clone()
    }
}

#[async_trait]
impl SuiteTicketStore for Recording {
    async fn get(&self, suite_id: &str) -> wecom_core::Result<Option<String>> {
        let puts = self.puts.lock().unwrap();
        let latest = puts.iter().rev().find(|(suite, _)| suite == suite_id);
        Ok(latest.map(|(_, ticket)| ticket.clone()))
    }

    async fn put(&self, suite_id: &str, ticket: &str) -> wecom_core::Result<()> {
        let delay = *self.delay.lock().unwrap();
        tokio::time::sleep(delay).await;
        let failed = self
            .failures
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| {
                left.checked_sub(1)
            })
            .is_ok();
        if failed {
            return Err(wecom_core::Error::Token("the ticket store is down".into()));
        }
        self.puts
            .lock()
            .unwrap()
            .push((suite_id.to_owned(), ticket.to_owned()));
        Ok(())
    }
}

fn is_ticket(event: &Event, expected: &str) -> bool {
    matches!(
        event,
        Event::Authorization { header, change: AuthChange::SuiteTicket { suite_ticket }, .. }
            if header.suite_id.as_deref() == Some(SUITE) && suite_ticket.expose() == expected
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suite_ticket_is_stored_before_it_is_acknowledged_and_still_handed_over() {
    let store = Arc::new(MemoryTicketStore::new());
    let options = ReceiverOptions::default().suite_tickets(store.clone());
    assert!(!format!("{options:?}").contains("asdfasfdasdfasdf"));
    let (address, mut calls) = suite_receiver(store.clone(), ReceiverOptions::default()).await;
    assert_eq!(store.get(SUITE).await.unwrap(), None);

    // WeCom's own sample, encrypted for the suite: stored by the time `success` comes back.
    assert_eq!(Delivery::of(DOC_TICKET, "1001").to(address).await, ok());
    assert_eq!(
        store.get(SUITE).await.unwrap().as_deref(),
        Some("asdfasfdasdfasdf")
    );
    let event = calls.next().await;
    assert!(is_ticket(&event, "asdfasfdasdfasdf"), "{event:?}");

    // Ten minutes later, the next ticket replaces it.
    assert_eq!(
        Delivery::of(&ticket_event("TICKET-2"), "1002")
            .to(address)
            .await,
        ok()
    );
    assert_eq!(store.get(SUITE).await.unwrap().as_deref(), Some("TICKET-2"));
    assert!(is_ticket(&calls.next().await, "TICKET-2"));
    assert!(!format!("{store:?}").contains("TICKET-2"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_store_answers_500_and_the_retry_stores_the_ticket() {
    let store = Recording::failing(1);
    let (address, mut calls) = suite_receiver(store.clone(), ReceiverOptions::default()).await;
    let delivery = Delivery::of(&ticket_event("TICKET-RETRIED"), "2001");

    let (status, body) = delivery.to(address).await;
    assert_eq!(status, 500, "{body}");
    assert!(!body.contains("TICKET-RETRIED"), "{body}");
    assert_eq!(store.puts(), []);
    assert!(calls.none().await, "handed over before the ticket was kept");

    // WeCom's retry (the same request): the claim was released, so it is stored and handed over once.
    assert_eq!(delivery.to(address).await, ok());
    assert_eq!(store.puts(), [(s(SUITE), s("TICKET-RETRIED"))]);
    assert!(is_ticket(&calls.next().await, "TICKET-RETRIED"));
    // A further copy is acknowledged as done, neither stored nor handed over again.
    assert_eq!(delivery.to(address).await, ok());
    assert_eq!(store.puts().len(), 1);
    assert!(calls.none().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_past_the_deadline_answers_500_with_the_durable_router_too() {
    let store = Recording::failing(0);
    *store.delay.lock().unwrap() = Duration::from_millis(800);
    let (sender, mut calls) = unbounded_channel();
    let app = receiver::durable_router(
        crypt(),
        ReceiverOptions::default()
            .handler_deadline(Duration::from_millis(300))
            .suite_tickets(store.clone()),
        move |event: Event| {
            let _ = sender.send(event);
            std::future::ready(Ok::<(), std::io::Error>(()))
        },
    );
    let address = listen(app).await;
    let delivery = Delivery::of(&ticket_event("TICKET-SLOW"), "3001");

    let (status, body) = delivery.to(address).await;
    assert_eq!(status, 500, "{body}");
    assert!(
        tokio::time::timeout(Duration::from_millis(300), calls.recv())
            .await
            .is_err()
    );

    *store.delay.lock().unwrap() = Duration::ZERO;
    assert_eq!(delivery.to(address).await, ok());
    assert_eq!(
        store.get(SUITE).await.unwrap().as_deref(),
        Some("TICKET-SLOW")
    );
    let event = tokio::time::timeout(Duration::from_secs(5), calls.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(is_ticket(&event, "TICKET-SLOW"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suite_ticket_that_cannot_be_kept_is_refused_and_other_events_are_not_stored() {
    let store = Recording::failing(0);
    let (address, mut calls) = suite_receiver(store.clone(), ReceiverOptions::default()).await;

    let no_suite = "<xml><InfoType>suite_ticket</InfoType><TimeStamp>1718000000</TimeStamp>\
                    <SuiteTicket>T</SuiteTicket></xml>";
    let (status, body) = Delivery::of(no_suite, "4001").to(address).await;
    assert_eq!(status, 400, "{body}");
    assert!(calls.none().await);

    let create_auth = include_str!("fixtures/events/doc_create_auth.xml");
    assert_eq!(Delivery::of(create_auth, "4002").to(address).await, ok());
    assert!(matches!(
        calls.next().await,
        Event::Authorization {
            change: AuthChange::CreateAuth { .. },
            ..
        }
    ));
    assert_eq!(store.puts(), []);
}

fn s(value: &str) -> String {
    value.to_owned()
}
