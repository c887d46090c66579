//! A stateful, in-process fake of WeCom's external-contact (客户联系) API.
//!
//! WeCom offers no test environment for 客户联系. The sandbox serves gettoken and every endpoint the
//! SDK's domain crates call, with WeCom's semantics (tokens that expire and can be revoked, documented
//! errcodes, cursor paging, limits), over state generated deterministically from a seed: follow users,
//! customers with tags, tag groups, group chats and their messages, and whatever calls create later.
//! Times come from a [`Clock`] (real by default, fixed or moved in tests); the generated history lies in
//! its last 180 days, and statistics are counted from that state. Faults can be injected per endpoint, and
//! counters show what was hit and what was created, so tests can prove that nothing was sent twice — also
//! over HTTP, at `GET /sandbox/stats`, for apps in other languages.
//!
//! It is no feature of the facade crate `wecom-external-contact` and is not published: take it as a
//! dev-dependency from the repository (`wecom-sandbox = { git = "…" }`) or by path in this workspace.
//!
//! ```
//! use std::time::Duration;
//!
//! use wecom_external_contact::prelude::*;
//! use wecom_external_contact::RetryPolicy;
//! use wecom_sandbox::{FaultRule, Sandbox};
//!
//! const LIST: &str = "/cgi-bin/externalcontact/get_follow_user_list";
//!
//! #[tokio::main]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let sandbox = Sandbox::start().await?;
//!     let client = sandbox
//!         .client_builder()
//!         .retry_policy(RetryPolicy {
//!             max_attempts: 3,
//!             base_delay: Duration::from_millis(1),
//!             max_delay: Duration::from_millis(2),
//!         })
//!         .build()?;
//!
//!     // The default world: 20 members with 客户联系, 50 customers each.
//!     let users = client.customer().get_follow_user_list().await?.follow_user;
//!     assert_eq!(users.len(), 20);
//!
//!     // Every call answered errcode -1 (系统繁忙): an idempotent read is tried three times.
//!     sandbox.set_fault(LIST, FaultRule::none().system_busy(1.0));
//!     let err = client.customer().get_follow_user_list().await.unwrap_err();
//!     assert_eq!(err.code(), Some(ErrCode::SYSTEM_BUSY));
//!     assert_eq!(sandbox.hits(LIST), 1 + 3);
//!     assert_eq!(sandbox.gettoken_hits(), 1, "one token for every call");
//!     Ok(())
//! }
//! ```
//!
//! As a binary, for apps in other languages:
//! `cargo run -p wecom-sandbox -- --port 8080 --seed 42 --members 50 --customers 10000`.
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod acquisition;
mod clock;
mod days;
mod faults;
mod handlers;
mod media_moments;
mod metrics;
mod reply;
mod server;
mod service;
mod state;
mod tokens;

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use acquisition::{LinkCustomer, LinkRefused, LinkVisit};
pub use clock::Clock;
pub use faults::FaultRule;
pub use handlers::image_url_for_media;
pub use media_moments::UploadedFile;
pub use metrics::ServerLimits;
pub use service::{AuthorizedCorp, ServiceConfig};
pub use state::SandboxSize;

use faults::Faults;
use metrics::{Counters, Metrics};
use state::World;
use tokens::Tokens;

/// How a sandbox starts.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Seed of the generated state (and of the fault draws).
    pub seed: u64,
    /// How much state to generate.
    pub size: SandboxSize,
    /// The lifetime of a token (WeCom: 7200 s).
    pub token_ttl: Duration,
    /// The corp id gettoken accepts.
    pub corp_id: String,
    /// The secret gettoken accepts.
    pub secret: String,
    /// 127.0.0.1 port; 0 for a free one.
    pub port: u16,
    /// WeCom-side limits (45033 / 45009); off by default.
    pub limits: ServerLimits,
    /// The clock of created objects and time rules (real by default). The generated history ends at 0:00
    /// of its day, so a [`Clock::fixed`] one gives the same world on any day.
    pub clock: Clock,
    /// The service provider, its third-party app (suite) and the two corps that authorized it.
    pub service: ServiceConfig,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            seed: 42,
            size: SandboxSize::default(),
            token_ttl: Duration::from_secs(7200),
            corp_id: "wwsandbox0000000001".to_owned(),
            secret: "sandbox-external-contact-secret".to_owned(),
            port: 0,
            limits: ServerLimits::default(),
            clock: Clock::real(),
            service: ServiceConfig::default(),
        }
    }
}

/// What every request handler shares.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) tokens: Tokens,
    pub(crate) metrics: Metrics,
    pub(crate) faults: Faults,
    pub(crate) world: Mutex<World>,
    pub(crate) corp_id: String,
    pub(crate) clock: Clock,
    pub(crate) service: service::Service,
}

impl Shared {
    /// The world, with every takeover due by now completed first.
    pub(crate) fn world(&self) -> std::sync::MutexGuard<'_, World> {
        // The world of the corp whose token the running call carries (`service::in_corp`).
        let world = self.service.world_in_scope().unwrap_or(&self.world);
        let mut world = world.lock().unwrap_or_else(|p| p.into_inner());
        handlers::inheritance::settle(&mut world, self.clock.now_millis(), &self.metrics);
        world
    }
}

/// A running sandbox; it stops when dropped.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    shared: Arc<Shared>,
    secret: String,
    task: tokio::task::JoinHandle<()>,
}

impl Sandbox {
    /// Starts a sandbox with the default configuration (seed 42, default size) on a free port.
    pub async fn start() -> std::io::Result<Self> {
        Self::start_with(SandboxConfig::default()).await
    }

    /// Starts a sandbox as configured.
    pub async fn start_with(config: SandboxConfig) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let metrics = Metrics::default();
        metrics.set_limits(config.limits);
        let shared = Arc::new(Shared {
            tokens: Tokens::new(
                config.corp_id.clone(),
                config.secret.clone(),
                config.token_ttl,
            ),
            metrics,
            faults: Faults::new(config.seed),
            service: service::Service::new(&config),
            world: Mutex::new(World::generate(
                config.seed,
                &config.size,
                config.clock.now(),
            )),
            corp_id: config.corp_id,
            clock: config.clock,
        });
        let app = server::router(shared.clone());
        let task = tokio::spawn(async move {
            if let Err(err) = axum::serve(listener, app).await {
                tracing::error!(error = %err, "sandbox server stopped");
            }
        });
        Ok(Self {
            addr,
            shared,
            secret: config.secret,
            task,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The corp id gettoken accepts.
    pub fn corp_id(&self) -> &str {
        &self.shared.corp_id
    }

    /// The secret gettoken accepts.
    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// A client builder pointed at this sandbox with its credentials.
    pub fn client_builder(&self) -> wecom_external_contact::ClientBuilder {
        wecom_external_contact::WecomClient::builder()
            .corp_id(self.corp_id())
            .secret(self.secret())
            .base_url(self.base_url())
    }

    /// The sandbox's clock: fix, set or advance it to control every time it hands out or checks.
    pub fn clock(&self) -> &Clock {
        &self.shared.clock
    }

    /// Injects faults into calls to `path` (e.g. `/cgi-bin/externalcontact/add_msg_template`).
    pub fn set_fault(&self, path: &str, rule: FaultRule) {
        self.shared.faults.set(path, rule);
    }

    /// Injects faults into calls to every endpoint without a rule of its own.
    pub fn set_fault_for_all(&self, rule: FaultRule) {
        self.shared.faults.set(faults::ALL, rule);
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        self.shared.faults.clear();
    }

    /// Sets WeCom-side limits (45033 above N concurrent calls, 45009 above a per-minute budget).
    pub fn set_limits(&self, limits: ServerLimits) {
        self.shared.metrics.set_limits(limits);
    }

    /// Revokes every token issued so far, of every kind: calls that carry one get 40014 (40082 with a
    /// suite token).
    pub fn revoke_tokens(&self) {
        self.shared.tokens.revoke_all();
        self.shared.service.revoke_all();
    }

    /// Requests received for `path` (faulted ones included).
    pub fn hits(&self, path: &str) -> u64 {
        self.shared.metrics.hits(path)
    }

    /// Requests received for gettoken.
    pub fn gettoken_hits(&self) -> u64 {
        self.hits("/cgi-bin/gettoken")
    }

    /// Requests received in all.
    pub fn total_hits(&self) -> u64 {
        self.shared.metrics.total_hits()
    }

    /// Mass messages actually created by add_msg_template.
    pub fn mass_messages_created(&self) -> u64 {
        Counters::get(&self.shared.metrics.counters.mass_messages)
    }

    /// Welcome messages actually sent by send_welcome_msg.
    pub fn welcome_messages_sent(&self) -> u64 {
        Counters::get(&self.shared.metrics.counters.welcome_messages_sent)
    }

    /// Calls refused with 45033 / 45009 by [`ServerLimits`].
    pub fn limit_rejections(&self) -> (u64, u64) {
        let m = &self.shared.metrics;
        (
            m.rejected_concurrent.load(Ordering::Relaxed),
            m.rejected_freq.load(Ordering::Relaxed),
        )
    }

    /// Issues a welcome code for `external_userid` as the add_external_contact callback would carry it;
    /// it works once, within 20 s of the clock.
    pub fn issue_welcome_code(&self, userid: &str, external_userid: &str) -> String {
        let now = self.shared.clock.now_millis();
        self.shared
            .world()
            .issue_welcome_code(userid, external_userid, now)
    }

    /// The follow users and how many customers each has, as generated.
    pub fn follow_users(&self) -> Vec<(String, usize)> {
        self.shared.world().follow_user_counts()
    }

    /// Marks member `userid` resigned now (by the clock): its customers appear in
    /// `get_unassigned_list`, its groups show 1 (跟进人离职), and only the resigned/ endpoints and
    /// `groupchat/transfer` hand them over. False when there is no such member.
    pub fn resign_member(&self, userid: &str) -> bool {
        let now = self.shared.clock.now();
        handlers::inheritance::resign(&mut self.shared.world(), userid, now)
    }

    /// How long a customer transfer waits before its takeover (WeCom: 24 hours, the default): status 2
    /// until then, then 1 and the takeover member follows the customer. For transfers made afterwards.
    pub fn set_transfer_delay(&self, delay: Duration) {
        let millis = i64::try_from(delay.as_millis()).unwrap_or(i64::MAX);
        self.shared.world().created.transfers.delay_millis = millis;
    }

    /// Customer `external_userid` refuses every takeover: status 3, and the follow stays as it was.
    pub fn refuse_transfers(&self, external_userid: &str) {
        let mut world = self.shared.world();
        world
            .created
            .transfers
            .refusing
            .insert(external_userid.to_owned());
    }

    /// Customer transfers accepted (errcode 0 for the customer), 在职 and 离职.
    pub fn customer_transfers_started(&self) -> u64 {
        Counters::get(&self.shared.metrics.counters.customer_transfers)
    }

    /// Takeovers completed: customers now followed by their takeover member.
    pub fn customer_takeovers(&self) -> u64 {
        // Reading the world first completes whatever is due.
        drop(self.shared.world());
        Counters::get(&self.shared.metrics.counters.customer_takeovers)
    }

    /// Groups that changed owner through `groupchat/transfer` or `groupchat/onjob_transfer`.
    pub fn group_chats_transferred(&self) -> u64 {
        Counters::get(&self.shared.metrics.counters.group_chat_transfers)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.task.abort();
    }
}
