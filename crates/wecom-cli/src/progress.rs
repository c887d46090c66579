//! Progress on stderr: an indicatif bar when stderr is a terminal, plain lines every few seconds when it
//! is not (a log file or CI keeps them readable), nothing with `--quiet`.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often a plain progress line is printed.
const PLAIN_INTERVAL: Duration = Duration::from_secs(2);

/// Where notes and progress go.
#[derive(Debug, Clone, Copy)]
pub struct Reporter {
    quiet: bool,
    terminal: bool,
}

impl Reporter {
    /// A reporter for stderr as it is now.
    pub fn new(quiet: bool) -> Self {
        Self {
            quiet,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// True with `--quiet`.
    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// An informational line (not with `--quiet`).
    pub fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }

    /// A warning: printed even with `--quiet`.
    pub fn warn(&self, message: &str) {
        eprintln!("warning: {message}");
    }

    /// Progress of `label` counted in `unit`s, out of `total` when known.
    pub fn progress(
        &self,
        label: &'static str,
        unit: &'static str,
        total: Option<u64>,
    ) -> Progress {
        let kind = if self.quiet {
            Kind::Silent
        } else if self.terminal {
            let bar = match total {
                Some(total) => {
                    ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
                        .with_style(bar_style(unit))
                }
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                    .with_style(spinner_style(unit)),
            };
            bar.set_prefix(label);
            bar.enable_steady_tick(Duration::from_millis(200));
            Kind::Bar(bar)
        } else {
            Kind::Lines
        };
        let now = Instant::now();
        Progress {
            kind,
            label,
            unit,
            count: 0,
            total,
            started: now,
            last_line: now,
            printed: None,
        }
    }
}

fn bar_style(unit: &str) -> ProgressStyle {
    ProgressStyle::with_template(&format!(
        "{{prefix}} [{{bar:30}}] {{pos}}/{{len}} {unit} ({{rate}}, {{eta}} left)"
    ))
    .map(with_rate)
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ")
}

fn spinner_style(unit: &str) -> ProgressStyle {
    ProgressStyle::with_template(&format!("{{prefix}} {{spinner}} {{pos}} {unit} ({{rate}})"))
        .map(with_rate)
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

/// `{rate}`: whole items a second (indicatif's `{per_sec}` shows four decimals).
fn with_rate(style: ProgressStyle) -> ProgressStyle {
    style.with_key(
        "rate",
        |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}/s", state.per_sec());
        },
    )
}

#[derive(Debug)]
enum Kind {
    Bar(ProgressBar),
    Lines,
    Silent,
}

/// The progress of one job.
#[derive(Debug)]
pub struct Progress {
    kind: Kind,
    label: &'static str,
    unit: &'static str,
    count: u64,
    total: Option<u64>,
    started: Instant,
    last_line: Instant,
    /// The count of the plain line printed last.
    printed: Option<u64>,
}

impl Progress {
    /// `n` more done.
    pub fn inc(&mut self, n: u64) {
        self.count += n;
        match &self.kind {
            Kind::Bar(bar) => bar.inc(n),
            Kind::Lines if self.last_line.elapsed() >= PLAIN_INTERVAL => {
                self.last_line = Instant::now();
                self.printed = Some(self.count);
                eprintln!("{}", self.line());
            }
            Kind::Lines | Kind::Silent => {}
        }
    }

    /// How many were counted.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Prints `message` without breaking the bar.
    pub fn println(&self, message: &str) {
        match &self.kind {
            Kind::Bar(bar) => bar.suspend(|| eprintln!("{message}")),
            Kind::Lines => eprintln!("{message}"),
            Kind::Silent => {}
        }
    }

    /// Ends the progress: the bar is cleared; in plain mode a last line says where it stopped.
    pub fn finish(self) {
        match &self.kind {
            Kind::Bar(bar) => bar.finish_and_clear(),
            // The last line, unless the one printed last said the same.
            Kind::Lines if self.printed != Some(self.count) => eprintln!("{}", self.line()),
            Kind::Lines | Kind::Silent => {}
        }
    }

    /// `label: count[/total] unit (rate/s, elapsed)`.
    fn line(&self) -> String {
        let secs = self.started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            self.count as f64 / secs
        } else {
            0.0
        };
        let count = match self.total {
            Some(total) => format!("{}/{total}", self.count),
            None => self.count.to_string(),
        };
        format!(
            "{}: {count} {} ({rate:.0}/s, {secs:.1} s)",
            self.label, self.unit
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_carry_label_count_and_total() {
        let reporter = Reporter {
            quiet: false,
            terminal: false,
        };
        let mut progress = reporter.progress("tags mark", "rows", Some(20));
        progress.inc(3);
        progress.inc(4);
        assert_eq!(progress.count(), 7);
        let line = progress.line();
        assert!(line.starts_with("tags mark: 7/20 rows ("), "{line}");
        assert!(!line.contains('\r') && !line.contains('\u{1b}'), "{line:?}");
    }

    #[test]
    fn quiet_counts_but_prints_nothing() {
        let reporter = Reporter {
            quiet: true,
            terminal: true,
        };
        let mut progress = reporter.progress("customers", "customers", None);
        progress.inc(5);
        assert!(matches!(progress.kind, Kind::Silent));
        assert_eq!(progress.count(), 5);
    }
}
