//! Service providers in the sandbox: a provider, its third-party app (suite) with the tickets WeCom
//! "pushes", and two corps that authorized the suite, each with a world of its own.
//!
//! The first authorized corp is the sandbox's own corp (its world, reached by gettoken tokens too); the
//! second is a smaller world generated from another seed, so a third-party client of each reads other
//! customers through the ordinary endpoints. The dispatcher checks each call's token under the query
//! name its endpoint takes ([`authorize`]) and runs the handler in the scope of the corp the token
//! belongs to ([`in_corp`]), so that `Shared::world()` is that corp's world.

mod book;
mod endpoints;
pub(crate) mod ids;
mod sandbox;

use std::collections::HashSet;
use std::sync::{Mutex, MutexGuard};

pub(crate) use book::{Book, Check};
pub(crate) use endpoints::token_endpoint;

use crate::reply::ApiError;
use crate::state::{SandboxSize, World};
use crate::Shared;

/// The service provider's side of a sandbox.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// The provider's corp id (服务商的corpid) that get_provider_token accepts.
    pub provider_corp_id: String,
    /// The provider secret that get_provider_token accepts.
    pub provider_secret: String,
    /// The third-party app's suite id.
    pub suite_id: String,
    /// The suite secret that get_suite_token accepts.
    pub suite_secret: String,
    /// The second corp that authorized the suite (the first is the sandbox's own corp).
    pub second_corp_id: String,
    /// How much state the second corp's world holds.
    pub second_corp_size: SandboxSize,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        Self {
            provider_corp_id: "wwsandboxprovider001".to_owned(),
            provider_secret: "sandbox-provider-secret".to_owned(),
            suite_id: "wwsandboxsuite000001".to_owned(),
            suite_secret: "sandbox-suite-secret".to_owned(),
            second_corp_id: "wwsandbox0000000002".to_owned(),
            second_corp_size: SandboxSize {
                members: 4,
                customers: 40,
                group_chats: 3,
                tag_groups: 2,
            },
        }
    }
}

/// A corp that authorized the sandbox's suite, as a third-party app needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizedCorp {
    /// 授权方corpid (`auth_corpid` of get_corp_token).
    pub corp_id: String,
    /// 永久授权码 that get_corp_token accepts for it.
    pub permanent_code: String,
}

/// One authorized corp and its world (`None`: the sandbox's own world).
#[derive(Debug)]
pub(crate) struct AuthCorp {
    pub(crate) corp: AuthorizedCorp,
    pub(crate) world: Option<Mutex<World>>,
}

/// Which token a path takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Corp,
    Suite,
    Provider,
}

fn kind_of(path: &str) -> Kind {
    match path {
        "/cgi-bin/service/externalcontact/unionid_to_external_userid_3rd" => Kind::Suite,
        "/cgi-bin/service/customer_acquisition/get_bill_list" => Kind::Suite,
        "/cgi-bin/service/externalcontact/finish_external_userid_migration" => Kind::Provider,
        _ => Kind::Corp,
    }
}

/// The provider, its suite and the corps that authorized it.
#[derive(Debug)]
pub(crate) struct Service {
    pub(crate) config: ServiceConfig,
    /// The suite_ticket WeCom pushed last, and how many were pushed.
    ticket: Mutex<(u64, String)>,
    pub(crate) suite_tokens: Book,
    pub(crate) provider_tokens: Book,
    /// Authorized corps' tokens, each owned by its index in `corps`.
    pub(crate) corp_tokens: Book,
    pub(crate) corps: Vec<AuthCorp>,
    /// (corp index, unionid) pairs looked up by `idconvert/unionid_to_external_userid`: their pending
    /// ids link back to the customers.
    pub(crate) looked_up: Mutex<HashSet<(usize, String)>>,
    /// Corps whose external_userid migration the provider declared finished.
    pub(crate) migrated: Mutex<HashSet<String>>,
}

impl Service {
    pub(crate) fn new(config: &crate::SandboxConfig) -> Self {
        let service = config.service.clone();
        let ttl = config.token_ttl;
        // Another seed: other customers, tags and groups than the sandbox's own corp.
        let second = World::generate(
            config.seed.wrapping_add(2),
            &service.second_corp_size,
            config.clock.now(),
        );
        let corp = |corp_id: &str| AuthorizedCorp {
            corp_id: corp_id.to_owned(),
            permanent_code: format!("sandbox-permanent-code-{corp_id}"),
        };
        let corps = vec![
            AuthCorp {
                corp: corp(&config.corp_id),
                world: None,
            },
            AuthCorp {
                corp: corp(&service.second_corp_id),
                world: Some(Mutex::new(second)),
            },
        ];
        Self {
            ticket: Mutex::new((1, ticket_text(config.seed, 1))),
            suite_tokens: Book::new("SBXSUITE", ttl),
            provider_tokens: Book::new("SBXPROVIDER", ttl),
            corp_tokens: Book::new("SBXCORP", ttl),
            corps,
            looked_up: Mutex::default(),
            migrated: Mutex::default(),
            config: service,
        }
    }

    /// The suite_ticket get_suite_token accepts: the latest one pushed.
    pub(crate) fn ticket(&self) -> String {
        lock(&self.ticket).1.clone()
    }

    /// Pushes a new suite_ticket; the previous one is no longer accepted.
    pub(crate) fn push_ticket(&self) -> String {
        let mut ticket = lock(&self.ticket);
        ticket.0 += 1;
        ticket.1 = ticket_text(fastrand::u64(..), ticket.0);
        ticket.1.clone()
    }

    /// The world of the corp whose token the current call carries, unless it is the sandbox's own.
    pub(crate) fn world_in_scope(&self) -> Option<&Mutex<World>> {
        self.corps.get(current_corp())?.world.as_ref()
    }

    /// Revokes every suite, provider and authorized-corp token.
    pub(crate) fn revoke_all(&self) {
        self.suite_tokens.revoke_all();
        self.provider_tokens.revoke_all();
        self.corp_tokens.revoke_all();
    }
}

fn ticket_text(seed: u64, serial: u64) -> String {
    let mut rng = fastrand::Rng::with_seed(seed.wrapping_add(serial));
    let tail: String = (0..32).map(|_| rng.alphanumeric()).collect();
    format!("SBXTICKET{serial:04}_{tail}")
}

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

tokio::task_local! {
    /// The index (in `Service::corps`) of the corp the running handler serves.
    static CORP: usize;
}

/// Runs `handler` for authorized corp `corp`: `Shared::world()` is that corp's world meanwhile.
pub(crate) fn in_corp<R>(corp: usize, handler: impl FnOnce() -> R) -> R {
    CORP.sync_scope(corp, handler)
}

/// The world of authorized corp `index`, whatever the running handler's scope (settled as
/// `Shared::world()` settles it).
pub(crate) fn world_of(shared: &Shared, index: usize) -> MutexGuard<'_, World> {
    in_corp(index, || shared.world())
}

/// The corp the running handler serves (0, the sandbox's own, outside any scope).
pub(crate) fn current_corp() -> usize {
    CORP.try_with(|corp| *corp).unwrap_or(0)
}

/// Checks the token of a call to `path` under the query name the endpoint takes, with the errcodes of
/// its kind, and answers the index of the corp the call acts for.
pub(crate) fn authorize(shared: &Shared, path: &str, query: &str) -> Result<usize, ApiError> {
    let service = &shared.service;
    match kind_of(path) {
        Kind::Suite => {
            let token = param(query, "suite_access_token");
            check(
                &service.suite_tokens,
                token,
                "suite_access_token",
                40082,
                42009,
            )
            .map(|_| 0)
        }
        Kind::Provider => {
            let token = param(query, "provider_access_token");
            check(
                &service.provider_tokens,
                token,
                "provider_access_token",
                40014,
                42001,
            )
            .map(|_| 0)
        }
        Kind::Corp => {
            let token = param(query, "access_token");
            if let Some(token) = token.as_deref() {
                match service.corp_tokens.check(token) {
                    Check::Valid(corp) => return Ok(corp),
                    Check::Expired => return Err(ApiError::new(42001, "access_token expired")),
                    Check::Unknown => {}
                }
            }
            shared.tokens.check(token.as_deref()).map(|()| 0)
        }
    }
}

/// Checks a suite or provider token: missing (41001), unknown or revoked (`invalid`), or expired.
pub(crate) fn check(
    book: &Book,
    token: Option<String>,
    name: &str,
    invalid: i64,
    expired: i64,
) -> Result<usize, ApiError> {
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return Err(ApiError::new(41001, format!("{name} missing")));
    };
    match book.check(&token) {
        Check::Valid(owner) => Ok(owner),
        Check::Expired => Err(ApiError::new(expired, format!("{name} expired"))),
        Check::Unknown => Err(ApiError::new(invalid, format!("invalid {name}"))),
    }
}

/// The first value of query parameter `name`.
pub(crate) fn param(query: &str, name: &str) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .unwrap_or_default()
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}
