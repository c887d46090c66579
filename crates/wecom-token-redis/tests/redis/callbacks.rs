//! Receivers and WeCom-like deliveries for the replay-guard tests.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};
use tokio::sync::Semaphore;
use wecom_callback::receiver::{self, ReceiverOptions};
use wecom_callback::{Event, MsgCrypt};
use wecom_token_redis::RedisReplayGuard;

const TOKEN: &str = "m0xVQzJXtw3X";
const KEY: &str = "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA";
const CORP: &str = "ww5f2e0c9d8a7b6c41";
const EVENT: &str = "<xml><ToUserName><![CDATA[ww5f2e0c9d8a7b6c41]]></ToUserName>\
    <FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1718000001</CreateTime>\
    <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>\
    <ChangeType><![CDATA[del_follow_user]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>\
    <ExternalUserID><![CDATA[wmABC]]></ExternalUserID></xml>";

fn crypt() -> MsgCrypt {
    MsgCrypt::new(TOKEN, KEY, CORP).unwrap()
}

/// A guard on `url` under a prefix of its own, so that tests sharing one Redis never meet. Each call
/// makes a new guard with its own connection, as another instance of the service would.
pub fn guard(url: &str, prefix: &str) -> Arc<RedisReplayGuard> {
    Arc::new(RedisReplayGuard::with_client(
        redis::Client::open(url).unwrap(),
        prefix,
    ))
}

pub fn unique_prefix(test: &str) -> String {
    format!("wecom-test:replay:{test}:{:x}:", fastrand::u64(..))
}

/// One signed, encrypted POST as WeCom sends it; a retry is the same request again.
#[derive(Clone)]
pub struct Delivery {
    pub signature: String,
    pub timestamp: String,
    pub nonce: String,
    body: String,
}

impl Delivery {
    /// A `del_follow_user` event, sent now with this nonce.
    pub fn new(nonce: &str) -> Self {
        let crypt = crypt();
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs()
            .to_string();
        let encrypt = crypt.encrypt(EVENT).unwrap();
        Self {
            signature: crypt.signature(&timestamp, nonce, &encrypt),
            timestamp,
            nonce: nonce.to_owned(),
            body: format!("<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"),
        }
    }

    /// Posts it to the receiver at `address`: (status, body).
    pub async fn to(&self, address: SocketAddr) -> (u16, String) {
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
    pub fn spawn_to(&self, address: SocketAddr) -> tokio::task::JoinHandle<(u16, String)> {
        let delivery = self.clone();
        tokio::spawn(async move { delivery.to(address).await })
    }
}

pub fn success() -> (u16, String) {
    (200, "success".to_owned())
}

async fn listen(app: axum::Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

/// Counts the calls of the handlers of every receiver made with it.
#[derive(Clone, Default)]
pub struct Handled(Arc<AtomicUsize>);

impl Handled {
    pub fn count(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }

    /// The count once no further call came for a short while.
    pub async fn settled(&self) -> usize {
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.count()
    }

    /// A plain receiver (acknowledged once accepted).
    pub async fn router(&self, options: ReceiverOptions) -> SocketAddr {
        let handled = Arc::clone(&self.0);
        let app = receiver::router_with(
            crypt(),
            move |_event: Event| {
                handled.fetch_add(1, Ordering::SeqCst);
                std::future::ready(())
            },
            options,
        );
        listen(app).await
    }

    /// A durable receiver whose handler reports each call on the returned channel, waits for `gate`,
    /// then answers `Err` for the first `failures` calls of this receiver and `Ok` after.
    pub async fn durable(
        &self,
        options: ReceiverOptions,
        gate: Arc<Semaphore>,
        failures: usize,
    ) -> (SocketAddr, UnboundedReceiver<()>) {
        let (started, calls) = unbounded_channel();
        let handled = Arc::clone(&self.0);
        let own = Arc::new(AtomicUsize::new(0));
        let app = receiver::durable_router(crypt(), options, move |_event: Event| {
            let (started, gate) = (started.clone(), Arc::clone(&gate));
            handled.fetch_add(1, Ordering::SeqCst);
            let fails = own.fetch_add(1, Ordering::SeqCst) < failures;
            async move {
                let _ = started.send(());
                let _ = gate.acquire().await.unwrap();
                if fails {
                    Err("the queue is down")
                } else {
                    Ok(())
                }
            }
        });
        (listen(app).await, calls)
    }
}

/// Everything logged in this test binary (installed as the global subscriber on first use).
pub fn logs() -> String {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    let logs = LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&logs);
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || Writer(Arc::clone(&sink)))
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
        logs
    });
    String::from_utf8_lossy(&logs.lock().unwrap()).into_owned()
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
