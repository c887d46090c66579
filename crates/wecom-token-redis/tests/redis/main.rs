//! Every Redis test, in one binary with a harness of its own (libtest-mimic), so that whether Redis is
//! there is decided when the tests run: see [`harness`]. `.ci/run` starts a server and sets `REDIS_URL`;
//! without it a private `redis-server` is started; without that every test shows as ignored, with the
//! reason (and fails under `CI=true`). Every test name contains `redis`, so
//! `cargo test --workspace --all-features redis` runs them all.

#[cfg(feature = "callback")]
mod callbacks;
mod harness;
mod outage;
#[cfg(feature = "callback")]
mod replay;
#[cfg(feature = "callback")]
mod replay_outage;
mod store;
mod tickets;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let mut trials = store::trials();
    trials.extend(outage::trials());
    trials.extend(tickets::trials());
    #[cfg(feature = "callback")]
    {
        trials.extend(replay::trials());
        trials.extend(replay_outage::trials());
    }
    let conclusion = libtest_mimic::run(&args, trials);
    // `exit` does not run destructors: stop the private server first.
    harness::shutdown();
    conclusion.exit();
}
