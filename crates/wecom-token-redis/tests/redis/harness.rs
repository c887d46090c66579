//! Finds a Redis for the tests, or says why there is none.
//!
//! - `REDIS_URL`, when set: every test uses that server.
//! - Else a private `redis-server` on a free loopback port, started when the first test needs it and
//!   killed when the run ends.
//! - Else each test is reported *ignored*, with the reason, in cargo's summary; under `CI=true` it
//!   *fails* instead, so CI cannot pass without running every Redis test.
//!
//! Tests that stop their server (outages) always get a private `redis-server` of their own.

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;

use libtest_mimic::{Completion, Failed, Trial};

enum Found {
    Url(String),
    Private(PrivateRedis),
    Missing(String),
}

static FOUND: OnceLock<Found> = OnceLock::new();

fn found() -> &'static Found {
    FOUND.get_or_init(|| match std::env::var("REDIS_URL") {
        Ok(url) if !url.is_empty() => Found::Url(url),
        _ => match PrivateRedis::start() {
            Ok(server) => Found::Private(server),
            Err(reason) => Found::Missing(format!("REDIS_URL is unset and {reason}")),
        },
    })
}

/// A test that needs a Redis: it gets the server's URL.
pub fn with_redis(name: &str, test: fn(&str)) -> Trial {
    Trial::ignorable_test(name, move || match found() {
        Found::Url(url) => {
            test(url);
            Ok(Completion::Completed)
        }
        Found::Private(server) => {
            test(&server.url);
            Ok(Completion::Completed)
        }
        Found::Missing(reason) => unavailable(reason),
    })
}

/// A test that needs a `redis-server` of its own (it stops it): the server is killed when the test ends.
pub fn with_own_server(name: &str, test: fn(PrivateRedis)) -> Trial {
    Trial::ignorable_test(name, move || match PrivateRedis::start() {
        Ok(server) => {
            test(server);
            Ok(Completion::Completed)
        }
        Err(reason) => unavailable(&reason),
    })
}

/// Stops the shared private server, if one was started.
pub fn shutdown() {
    if let Some(Found::Private(server)) = FOUND.get() {
        server.stop();
    }
}

fn unavailable(reason: &str) -> Result<Completion, Failed> {
    if std::env::var("CI").is_ok_and(|value| value == "true") {
        Err(format!("no Redis under CI=true ({reason}): every Redis test must run").into())
    } else {
        Ok(Completion::ignored_with(format!("no Redis: {reason}")))
    }
}

/// Runs a test's future on a runtime of its own.
pub fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(future)
}

/// A `redis-server` on a free loopback port, without persistence; killed by [`PrivateRedis::stop`] or
/// on drop.
pub struct PrivateRedis {
    child: Mutex<Child>,
    pub url: String,
}

impl PrivateRedis {
    /// Starts one and waits until it accepts connections.
    pub fn start() -> Result<Self, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|err| format!("no free port: {err}"))?
            .port();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|err| match err.kind() {
                std::io::ErrorKind::NotFound => "redis-server is not on PATH".to_owned(),
                _ => format!("redis-server cannot be started: {err}"),
            })?;
        let server = Self {
            child: Mutex::new(child),
            url: format!("redis://127.0.0.1:{port}/"),
        };
        for _ in 0..100 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.lock().try_wait() {
                return Err(format!("redis-server exited at start: {status}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err("redis-server did not accept connections within 5 s".to_owned())
    }

    /// Kills the server and waits for it to be gone.
    pub fn stop(&self) {
        let mut child = self.lock();
        let _ = child.kill();
        let _ = child.wait();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Child> {
        self.child.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        self.stop();
    }
}
