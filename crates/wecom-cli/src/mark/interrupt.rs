//! Ctrl-C during `tags mark`: the first SIGINT asks the run to stop taking rows (the calls in flight
//! finish and are recorded); a second one stops the process at once, naming the rows whose calls may
//! have been sent without being recorded.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::error::CliError;

/// The rows whose calls are in flight, by line number.
pub type InFlight = Arc<Mutex<BTreeSet<u64>>>;

/// A SIGINT handler for the length of a run.
#[derive(Debug)]
pub struct Interrupt {
    requested: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<()>,
}

impl Interrupt {
    /// Installs the handler now (before any row is taken), so the default "die at once" never applies.
    pub fn install(in_flight: InFlight) -> Result<Self, CliError> {
        let requested = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&requested);
        let mut signals = Signals::new()?;
        let task = tokio::spawn(async move {
            signals.next().await;
            flag.store(true, Ordering::SeqCst);
            eprintln!(
                "\ninterrupted: finishing the calls in flight and recording them \
                 (Ctrl-C again to stop at once)"
            );
            signals.next().await;
            let lines = in_flight
                .lock()
                .map(|set| set.iter().map(u64::to_string).collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            eprintln!(
                "stopped at once: the rows in flight (lines {lines}) may have been sent and are not \
                 recorded; a rerun sends them again (mark_tag is idempotent: a tag set twice is set once)"
            );
            std::process::exit(130);
        });
        Ok(Self { requested, task })
    }

    /// True once Ctrl-C was pressed.
    pub fn requested(&self) -> bool {
        self.requested.load(Ordering::SeqCst)
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// SIGINT, registered when created.
struct Signals {
    #[cfg(unix)]
    inner: tokio::signal::unix::Signal,
}

impl Signals {
    #[cfg(unix)]
    fn new() -> Result<Self, CliError> {
        use tokio::signal::unix::{signal, SignalKind};
        let inner = signal(SignalKind::interrupt()).map_err(|source| CliError::Io {
            what: "cannot install the Ctrl-C handler".into(),
            source,
        })?;
        Ok(Self { inner })
    }

    #[cfg(not(unix))]
    fn new() -> Result<Self, CliError> {
        Ok(Self {})
    }

    #[cfg(unix)]
    async fn next(&mut self) {
        self.inner.recv().await;
    }

    #[cfg(not(unix))]
    async fn next(&mut self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}
