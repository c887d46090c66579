//! At least once, on one receiver and on several: what the replay guard records and when, copies of a
//! delivery that arrive while it is being handled, the bound on running handlers, a guard shared by
//! receivers, and a shared guard that fails.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tokio::sync::Semaphore;
use wecom_callback::receiver::{self, ReceiverOptions};
use wecom_callback::{
    BoxError, Claim, DeliveryKey, Event, MsgCrypt, ReplayGuard, ReplayStore, Ticket,
};

const TOKEN: &str = "m0xVQzJXtw3X";
const KEY: &str = "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA";
const CORP: &str = "ww5f2e0c9d8a7b6c41";
const EVENT: &str = include_str!("fixtures/events/contact_del_follow_user.xml");

fn crypt() -> MsgCrypt {
    MsgCrypt::new(TOKEN, KEY, CORP).unwrap()
}

/// One signed, encrypted POST as WeCom sends it; a retry is the same request again.
#[derive(Clone)]
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
            body: format!("<xml><ToUserName><![CDATA[{CORP}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID>1</AgentID></xml>"),
        }
    }

    /// Posts it to the receiver at `address`: (status, body).
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

    /// Posts it in a task of its own.
    fn spawn_to(&self, address: SocketAddr) -> tokio::task::JoinHandle<(u16, String)> {
        let delivery = self.clone();
        tokio::spawn(async move { delivery.to(address).await })
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

    /// True when the handler is not called within a short while.
    async fn none(&mut self) -> bool {
        tokio::time::timeout(Duration::from_millis(300), self.0.recv())
            .await
            .is_err()
    }
}

/// A plain receiver whose handler reports each event.
async fn counting_router(options: ReceiverOptions) -> (SocketAddr, Calls) {
    let (sender, calls) = unbounded_channel();
    let app = receiver::router_with(
        crypt(),
        move |event: Event| {
            let _ = sender.send(event);
            std::future::ready(())
        },
        options,
    );
    (listen(app).await, Calls(calls))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_that_cannot_be_parsed_is_not_remembered_so_its_retry_is_handled_again() {
    let (address, mut calls) = counting_router(ReceiverOptions::default()).await;
    // Validly signed and encrypted, but not an event: refused with 400 (WeCom retries on non-200).
    let delivery = Delivery::of(r#"{"msgtype":"text","text":{"content":"hi"}}"#, "31337");
    let (status, _) = delivery.to(address).await;
    assert_eq!(status, 400);
    // The retry goes through parsing again and is refused again: it is not acknowledged as a replay.
    let (status, body) = delivery.to(address).await;
    assert_eq!(status, 400, "{body}");
    assert!(calls.none().await);
    // A good delivery with the same nonce is still handled once.
    let good = Delivery::of(EVENT, "31337");
    assert_eq!(good.to(address).await, ok());
    assert!(matches!(calls.next().await, Event::ExternalContact { .. }));
    assert_eq!(good.to(address).await, ok());
    assert!(calls.none().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_router_answers_503_past_its_bound_and_the_retry_is_handled() {
    let (started, calls) = unbounded_channel();
    let gate = Arc::new(Semaphore::new(0));
    let (finished, mut done) = unbounded_channel::<()>();
    let handler_gate = Arc::clone(&gate);
    let app = receiver::router_with(
        crypt(),
        move |event: Event| {
            let (started, gate, finished) =
                (started.clone(), Arc::clone(&handler_gate), finished.clone());
            async move {
                let _ = started.send(event);
                let _ = gate.acquire().await.unwrap();
                let _ = finished.send(());
            }
        },
        ReceiverOptions::default().max_in_flight(1),
    );
    let address = listen(app).await;
    let mut calls = Calls(calls);

    let first = Delivery::of(EVENT, "1001");
    assert_eq!(first.to(address).await, ok());
    calls.next().await;
    // The one slot is taken: refused, not handled, not remembered.
    let second = Delivery::of(EVENT, "1002");
    assert_eq!(second.to(address).await, (503, "busy; retry".to_owned()));
    assert!(calls.none().await);

    gate.add_permits(1);
    done.recv().await.unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    // WeCom's retry of the refused delivery is handled now.
    gate.add_permits(1);
    assert_eq!(second.to(address).await, ok());
    calls.next().await;
    assert_eq!(second.to(address).await, ok());
    assert!(calls.none().await);
}

/// A durable receiver whose handler reports each call, then waits for the gate and answers `results`
/// in turn (Ok once they run out).
async fn gated_durable(
    options: ReceiverOptions,
    results: Vec<Result<(), &'static str>>,
) -> (SocketAddr, Calls, Arc<Semaphore>) {
    let (sender, calls): (UnboundedSender<Event>, _) = unbounded_channel();
    let gate = Arc::new(Semaphore::new(0));
    let handler_gate = Arc::clone(&gate);
    let count = Arc::new(AtomicUsize::new(0));
    let app = receiver::durable_router(crypt(), options, move |event: Event| {
        let (sender, gate) = (sender.clone(), Arc::clone(&handler_gate));
        let result = results
            .get(count.fetch_add(1, Ordering::SeqCst))
            .copied()
            .unwrap_or(Ok(()));
        async move {
            let _ = sender.send(event);
            let _ = gate.acquire().await.unwrap();
            result
        }
    });
    (listen(app).await, Calls(calls), gate)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_copy_arriving_while_the_first_is_handled_is_not_acknowledged_before_it() {
    let (address, mut calls, gate) = gated_durable(ReceiverOptions::default(), vec![]).await;
    let delivery = Delivery::of(EVENT, "2001");
    let first = delivery.spawn_to(address);
    calls.next().await;
    let copy = delivery.spawn_to(address);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !copy.is_finished(),
        "the copy was answered while the first was being handled"
    );
    assert!(!first.is_finished());

    gate.add_permits(10);
    assert_eq!(first.await.unwrap(), ok());
    assert_eq!(copy.await.unwrap(), ok());
    // Handled once: the copy waited for the first one's outcome.
    assert!(calls.none().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_copy_waiting_on_a_first_that_fails_is_handled_itself() {
    let (address, mut calls, gate) =
        gated_durable(ReceiverOptions::default(), vec![Err("the queue is down")]).await;
    let delivery = Delivery::of(EVENT, "2002");
    let first = delivery.spawn_to(address);
    calls.next().await;
    let copy = delivery.spawn_to(address);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!copy.is_finished());

    gate.add_permits(10);
    assert_eq!(first.await.unwrap(), (500, "not handled; retry".to_owned()));
    assert_eq!(copy.await.unwrap(), ok());
    calls.next().await;
    // Kept by the copy: a further copy is acknowledged without being handled.
    assert_eq!(delivery.to(address).await, ok());
    assert!(calls.none().await);
}

/// A store in which every delivery is always being handled by someone else.
#[derive(Debug)]
struct AlwaysInProgress;

#[async_trait]
impl ReplayStore for AlwaysInProgress {
    async fn claim(&self, _: &DeliveryKey, _: Duration) -> Result<Claim, BoxError> {
        Ok(Claim::InProgress)
    }
    async fn complete(&self, _: &DeliveryKey, _: Duration) -> Result<(), BoxError> {
        unreachable!("nothing is claimed")
    }
    async fn release(&self, _: &DeliveryKey, _: &Ticket) -> Result<(), BoxError> {
        unreachable!("nothing is claimed")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_copy_still_being_handled_elsewhere_at_the_deadline_is_answered_503() {
    let options = ReceiverOptions::default()
        .replay_store(Arc::new(AlwaysInProgress))
        .handler_deadline(Duration::from_millis(400));
    let (address, mut calls) = counting_router(options).await;
    let started = Instant::now();
    assert_eq!(
        Delivery::of(EVENT, "3001").to(address).await,
        (503, "being handled; retry".to_owned())
    );
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(300) && elapsed < Duration::from_millis(1200),
        "{elapsed:?}"
    );
    assert!(calls.none().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_receivers_sharing_a_guard_handle_a_delivery_and_its_retry_once() {
    let guard: Arc<dyn ReplayStore> = Arc::new(ReplayGuard::default());
    let shared = || ReceiverOptions::default().replay_store(Arc::clone(&guard));
    let (a, mut calls_a) = counting_router(shared()).await;
    let (b, mut calls_b) = counting_router(shared()).await;
    let delivery = Delivery::of(EVENT, "4001");
    assert_eq!(delivery.to(a).await, ok());
    calls_a.next().await;
    // WeCom's retry lands on the other instance: acknowledged, not handled.
    assert_eq!(delivery.to(b).await, ok());
    assert!(calls_b.none().await);
    assert!(calls_a.none().await);

    // What the shared guard prevents: an instance with a guard of its own handles the retry again.
    let (c, mut calls_c) = counting_router(ReceiverOptions::default()).await;
    assert_eq!(delivery.to(c).await, ok());
    calls_c.next().await;
}

/// A shared store that is down: every call fails, or never answers.
#[derive(Debug)]
struct Down {
    hangs: bool,
}

#[async_trait]
impl ReplayStore for Down {
    async fn claim(&self, _: &DeliveryKey, _: Duration) -> Result<Claim, BoxError> {
        if self.hangs {
            std::future::pending::<()>().await;
        }
        Err("connection refused".into())
    }
    async fn complete(&self, _: &DeliveryKey, _: Duration) -> Result<(), BoxError> {
        Err("connection refused".into())
    }
    async fn release(&self, _: &DeliveryKey, _: &Ticket) -> Result<(), BoxError> {
        Err("connection refused".into())
    }
}

/// Everything logged by this test binary.
fn logs() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&logs);
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || Writer(Arc::clone(&sink)))
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
        logs
    })
}

struct Writer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Writer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_store_that_is_down_falls_back_to_the_local_guard_and_says_so() {
    let logs = logs();
    for hangs in [false, true] {
        let options = ReceiverOptions::default().replay_store(Arc::new(Down { hangs }));
        let (address, mut calls) = counting_router(options).await;
        let delivery = Delivery::of(EVENT, if hangs { "5002" } else { "5001" });
        let started = Instant::now();
        assert_eq!(delivery.to(address).await, ok(), "hangs: {hangs}");
        // A hanging store costs its one-second timeout, no more.
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        calls.next().await;
        // The retry to the same instance is recognised by its in-memory guard.
        assert_eq!(delivery.to(address).await, ok());
        assert!(calls.none().await);
    }
    let logged = String::from_utf8(logs.lock().unwrap().clone()).unwrap();
    let warnings: Vec<&str> = logged
        .lines()
        .filter(|line| line.contains("shared replay store failed"))
        .collect();
    assert!(
        warnings.iter().all(|line| line.contains("WARN")),
        "{logged}"
    );
    assert!(
        warnings
            .iter()
            .any(|line| line.contains("call=\"claim\"") && line.contains("connection refused")),
        "{logged}"
    );
    assert!(
        warnings.iter().any(|line| line.contains("timed out")),
        "{logged}"
    );
}
