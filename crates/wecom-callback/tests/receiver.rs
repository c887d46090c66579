//! The receiver of `examples/callback_server.rs`, driven over real HTTP on loopback with messages encrypted
//! by our own `encrypt` and by the shared vectors.

#[allow(dead_code)]
#[path = "../../../examples/callback_server.rs"]
mod callback_server;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Deserialize;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};
use wecom_callback::receiver::{self, ReceiverOptions};
use wecom_callback::{ContactChange, Event, MsgCrypt};

#[derive(Debug, Deserialize)]
struct File {
    vectors: Vec<Vector>,
}

#[derive(Debug, Deserialize)]
struct Vector {
    id: String,
    kind: String,
    format: String,
    token: String,
    encoding_aes_key: String,
    receive_id: String,
    timestamp: String,
    nonce: String,
    msg_signature: String,
    plaintext: Option<String>,
    expect: String,
    raw_query: Option<String>,
    post_body: Option<String>,
}

fn vectors() -> Vec<Vector> {
    let file: File = serde_json::from_str(include_str!("fixtures/vectors.json")).unwrap();
    file.vectors
}

struct Server {
    address: SocketAddr,
    events: UnboundedReceiver<Event>,
    http: reqwest::Client,
}

/// Serves the example's router on 127.0.0.1:0; handled events arrive on `events`.
async fn serve(crypt: MsgCrypt, options: ReceiverOptions) -> Server {
    let (sender, events) = unbounded_channel();
    let app = callback_server::app(crypt, options, move |event| {
        // The example's one-line description works for every event.
        assert!(!callback_server::describe(event).is_empty());
        let _ = sender.send(event.clone());
    });
    let address = listen(app).await;
    Server {
        address,
        events,
        http: reqwest::Client::new(),
    }
}

impl Server {
    async fn get(&self, raw_query: &str) -> (u16, String) {
        let response = self
            .http
            .get(format!("http://{}/?{raw_query}", self.address))
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    async fn post(
        &self,
        signature: &str,
        timestamp: &str,
        nonce: &str,
        body: String,
    ) -> (u16, String) {
        let response = self
            .http
            .post(format!("http://{}/", self.address))
            .query(&[
                ("msg_signature", signature),
                ("timestamp", timestamp),
                ("nonce", nonce),
            ])
            .body(body)
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    async fn next_event(&mut self) -> Event {
        tokio::time::timeout(Duration::from_secs(5), self.events.recv())
            .await
            .expect("the handler was not called")
            .unwrap()
    }

    /// True when no event reaches the handler within a short while.
    async fn no_event(&mut self) -> bool {
        tokio::time::timeout(Duration::from_millis(200), self.events.recv())
            .await
            .is_err()
    }
}

/// Serves `app` on 127.0.0.1:0.
async fn listen(app: axum::Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

/// A client of a server whose events are observed elsewhere.
fn client_of(address: SocketAddr) -> Server {
    Server {
        address,
        events: unbounded_channel().1,
        http: reqwest::Client::new(),
    }
}

fn now() -> String {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string()
}

const TOKEN: &str = "m0xVQzJXtw3X";
const KEY: &str = "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA";
const CORP: &str = "ww5f2e0c9d8a7b6c41";
const EVENT: &str = include_str!("fixtures/events/contact_del_follow_user.xml");

fn envelope(encrypt: &str) -> String {
    format!("<xml><ToUserName><![CDATA[{CORP}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID>1</AgentID></xml>")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_vector_over_http() {
    // One server per configuration; recorded traffic is old, so no timestamp window here.
    let mut servers: BTreeMap<(String, String, String), Server> = BTreeMap::new();
    let mut handled = 0;
    for v in vectors().iter().filter(|v| v.expect == "ok") {
        let config = (
            v.token.clone(),
            v.encoding_aes_key.clone(),
            v.receive_id.clone(),
        );
        if !servers.contains_key(&config) {
            let crypt = MsgCrypt::new(config.0.as_str(), &config.1, config.2.as_str()).unwrap();
            let server = serve(crypt, ReceiverOptions::default().replay_window(None)).await;
            servers.insert(config.clone(), server);
        }
        let server = servers.get_mut(&config).unwrap();
        let plaintext = v.plaintext.as_deref().unwrap();
        if v.kind == "url_verify" {
            let (status, body) = server.get(v.raw_query.as_deref().unwrap()).await;
            assert_eq!((status, body.as_str()), (200, plaintext), "{}", v.id);
        } else if v.format == "xml" {
            let body = v.post_body.clone().unwrap();
            let (status, answer) = server
                .post(&v.msg_signature, &v.timestamp, &v.nonce, body)
                .await;
            assert_eq!((status, answer.as_str()), (200, "success"), "{}", v.id);
            assert_eq!(
                server.next_event().await,
                Event::parse(plaintext).unwrap(),
                "{}",
                v.id
            );
            handled += 1;
        } else {
            // A JSON plaintext (smart robot) is not an event: decrypted, then refused as unparseable.
            let body = v.post_body.clone().unwrap();
            let (status, _) = server
                .post(&v.msg_signature, &v.timestamp, &v.nonce, body)
                .await;
            assert_eq!(status, 400, "{}", v.id);
        }
    }
    assert!(handled >= 25, "{handled}");
    for server in servers.values_mut() {
        assert!(server.no_event().await);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn own_messages_are_handled_once() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let mut server = serve(crypt.clone(), ReceiverOptions::default()).await;
    let (timestamp, nonce) = (now(), "98765");
    let encrypt = crypt.encrypt(EVENT).unwrap();
    let signature = crypt.signature(&timestamp, nonce, &encrypt);

    let (status, body) = server
        .post(&signature, &timestamp, nonce, envelope(&encrypt))
        .await;
    assert_eq!((status, body.as_str()), (200, "success"));
    match server.next_event().await {
        Event::ExternalContact {
            change: ContactChange::DelFollowUser { user_id, .. },
            ..
        } => assert_eq!(user_id, "zhangsan"),
        other => panic!("{other:?}"),
    }

    // The same request again (a replay, or WeCom retrying): acknowledged, not handled.
    let (status, body) = server
        .post(&signature, &timestamp, nonce, envelope(&encrypt))
        .await;
    assert_eq!((status, body.as_str()), (200, "success"));
    assert!(server.no_event().await);

    // The JSON envelope works as well.
    let encrypt = crypt.encrypt(EVENT).unwrap();
    let signature = crypt.signature(&timestamp, nonce, &encrypt);
    let json =
        format!("{{\"tousername\": \"{CORP}\", \"encrypt\": \"{encrypt}\", \"agentid\": \"\"}}");
    assert_eq!(
        server.post(&signature, &timestamp, nonce, json).await.0,
        200
    );
    assert!(matches!(
        server.next_event().await,
        Event::ExternalContact { .. }
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_never_reach_the_handler() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let mut server = serve(crypt.clone(), ReceiverOptions::default()).await;
    let timestamp = now();
    let encrypt = crypt.encrypt(EVENT).unwrap();
    let signature = crypt.signature(&timestamp, "1", &encrypt);

    // Bad signature (and a tampered timestamp): 401.
    let bad = "0".repeat(40);
    assert_eq!(
        server
            .post(&bad, &timestamp, "1", envelope(&encrypt))
            .await
            .0,
        401
    );
    assert_eq!(
        server
            .post(&signature, "1", "1", envelope(&encrypt))
            .await
            .0,
        401
    );
    // Another corp's message, validly signed: 403.
    let other = MsgCrypt::new(TOKEN, KEY, "ww-other-corp").unwrap();
    let foreign = other.encrypt(EVENT).unwrap();
    let foreign_signature = other.signature(&timestamp, "1", &foreign);
    assert_eq!(
        server
            .post(&foreign_signature, &timestamp, "1", envelope(&foreign))
            .await
            .0,
        403
    );
    // Validly signed but an hour old: 403.
    let old = (timestamp.parse::<u64>().unwrap() - 3600).to_string();
    let old_signature = crypt.signature(&old, "1", &encrypt);
    assert_eq!(
        server
            .post(&old_signature, &old, "1", envelope(&encrypt))
            .await
            .0,
        403
    );
    // Malformed body, missing query: 400.
    assert_eq!(
        server
            .post(&signature, &timestamp, "1", "garbage".into())
            .await
            .0,
        400
    );
    let response = server
        .http
        .post(format!("http://{}/", server.address))
        .body(envelope(&encrypt))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    // GET with a bad signature: 401.
    let (status, _) = server
        .get(&format!(
            "msg_signature={bad}&timestamp=1&nonce=2&echostr=abc"
        ))
        .await;
    assert_eq!(status, 401);

    assert!(server.no_event().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handshake_restores_plus_signs() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let server = serve(crypt.clone(), ReceiverOptions::default()).await;
    // Find an echostr with a '+' in it, then send it unencoded: the server's form decoder makes it a space.
    let (echostr, plaintext) = (0..)
        .map(|i: u64| {
            let plaintext = (5_927_638_292_735_128_397u64.wrapping_add(i)).to_string();
            (crypt.encrypt(&plaintext).unwrap(), plaintext)
        })
        .find(|(echostr, _)| echostr.contains('+'))
        .unwrap();
    let signature = crypt.signature("1718000100", "7", &echostr);
    let raw = echostr.replace('/', "%2F").replace('=', "%3D");
    let (status, body) = server
        .get(&format!(
            "msg_signature={signature}&timestamp=1718000100&nonce=7&echostr={raw}"
        ))
        .await;
    assert_eq!((status, body), (200, plaintext.clone()));
    // Properly percent-encoded, too.
    let encoded = raw.replace('+', "%2B");
    let (status, body) = server
        .get(&format!(
            "msg_signature={signature}&timestamp=1718000100&nonce=7&echostr={encoded}"
        ))
        .await;
    assert_eq!((status, body), (200, plaintext));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_duplicates_are_handled_once() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let mut server = serve(crypt.clone(), ReceiverOptions::default()).await;
    let timestamp = now();
    let encrypt = crypt.encrypt(EVENT).unwrap();
    let signature = crypt.signature(&timestamp, "55", &encrypt);
    let url = format!(
        "http://{}/?msg_signature={signature}&timestamp={timestamp}&nonce=55",
        server.address
    );
    // Eight identical requests in flight at once: one is handled, all are acknowledged.
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let request = server.http.post(&url).body(envelope(&encrypt));
            tokio::spawn(async move {
                let response = request.send().await.unwrap();
                (response.status().as_u16(), response.text().await.unwrap())
            })
        })
        .collect();
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!((status, body.as_str()), (200, "success"));
    }
    server.next_event().await;
    assert!(server.no_event().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_handler_does_not_delay_the_answer() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let (sender, mut done) = unbounded_channel();
    let app = receiver::router(crypt.clone(), move |_event: Event| {
        let sender = sender.clone();
        async move {
            tokio::time::sleep(Duration::from_secs(2)).await;
            let _ = sender.send(());
        }
    });
    let address = listen(app).await;

    let timestamp = now();
    let encrypt = crypt.encrypt(EVENT).unwrap();
    let signature = crypt.signature(&timestamp, "9", &encrypt);
    let started = std::time::Instant::now();
    let response = reqwest::Client::new()
        .post(format!(
            "http://{address}/?msg_signature={signature}&timestamp={timestamp}&nonce=9"
        ))
        .body(envelope(&encrypt))
        .send()
        .await
        .unwrap();
    assert_eq!(response.text().await.unwrap(), "success");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    // The handler still runs to completion in its own task.
    tokio::time::timeout(Duration::from_secs(5), done.recv())
        .await
        .unwrap();
}

/// Serves a durable router whose handler fails its first `failures` calls; handled events arrive on the
/// channel, one per call (failed or not).
async fn serve_durable(
    crypt: MsgCrypt,
    options: ReceiverOptions,
    failures: usize,
) -> (SocketAddr, UnboundedReceiver<Event>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (sender, events) = unbounded_channel();
    let calls = std::sync::Arc::new(AtomicUsize::new(0));
    let app = receiver::durable_router(crypt, options, move |event: Event| {
        let sender = sender.clone();
        let call = calls.fetch_add(1, Ordering::SeqCst);
        async move {
            let _ = sender.send(event);
            if call < failures {
                Err("the queue is down")
            } else {
                Ok(())
            }
        }
    });
    let address = listen(app).await;
    (address, events)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_durable_handler_that_fails_gets_the_event_again_until_it_keeps_it() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let (address, mut events) = serve_durable(crypt.clone(), ReceiverOptions::default(), 1).await;
    let server = client_of(address);
    let (timestamp, nonce) = (now(), "24680");
    let encrypt = crypt.encrypt(EVENT).unwrap();
    let signature = crypt.signature(&timestamp, nonce, &encrypt);
    let deliver = || server.post(&signature, &timestamp, nonce, envelope(&encrypt));

    // First delivery: the handler fails, so WeCom is told to retry.
    let (status, _) = deliver().await;
    assert_eq!(status, 500);
    assert!(tokio::time::timeout(Duration::from_secs(5), events.recv())
        .await
        .expect("the handler was called")
        .is_some());
    // WeCom's retry (the very same request) is handled again, and kept this time.
    let (status, body) = deliver().await;
    assert_eq!((status, body.as_str()), (200, "success"));
    assert!(tokio::time::timeout(Duration::from_secs(5), events.recv())
        .await
        .expect("the handler was called")
        .is_some());
    // A further copy is a replay: acknowledged, not handled.
    let (status, body) = deliver().await;
    assert_eq!((status, body.as_str()), (200, "success"));
    assert!(
        tokio::time::timeout(Duration::from_millis(200), events.recv())
            .await
            .is_err()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_durable_handler_past_its_deadline_is_not_acknowledged() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let options = ReceiverOptions::default().handler_deadline(Duration::from_millis(100));
    let app = receiver::durable_router(crypt.clone(), options, |_event: Event| async {
        tokio::time::sleep(Duration::from_secs(2)).await;
        Ok::<(), std::io::Error>(())
    });
    let address = listen(app).await;
    let server = client_of(address);
    let (timestamp, nonce) = (now(), "13579");
    let encrypt = crypt.encrypt(EVENT).unwrap();
    let signature = crypt.signature(&timestamp, nonce, &encrypt);
    let started = std::time::Instant::now();
    let (status, _) = server
        .post(&signature, &timestamp, nonce, envelope(&encrypt))
        .await;
    assert_eq!(status, 500);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "answered at the deadline"
    );
}
