//! `wecom-sandbox --port 8080 --seed 42 [--customers N] [--members N] [--token-ttl SECS]`: serves the
//! fake WeCom API on 127.0.0.1 until interrupted, for apps in any language; `GET /sandbox/stats` shows
//! its counters.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use wecom_sandbox::{Sandbox, SandboxConfig};

const AFTER_HELP: &str = "\
gettoken takes the corp id and secret printed at start.
GET /sandbox/stats (no token) answers the sandbox's counters as JSON: hits per path and total_hits,
what calls created (contact_ways, join_ways, tag_groups, tags, mass_messages, group_welcome_templates),
what was sent (welcome_messages), transfers, limit_rejections, and now (the sandbox's clock).
Reading it is not a hit.";

/// Serves WeCom's 客户联系 API on 127.0.0.1, over state generated from a seed.
#[derive(Debug, Parser)]
#[command(name = "wecom-sandbox", version, after_help = AFTER_HELP)]
struct Cli {
    /// The 127.0.0.1 port to listen on (0 for a free one, printed at start).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Seed of the generated state and of the fault draws.
    #[arg(long, default_value_t = SandboxConfig::default().seed)]
    seed: u64,
    /// Follow users (members with 客户联系) to generate.
    #[arg(long, default_value_t = SandboxConfig::default().size.members)]
    members: usize,
    /// Customers to generate, spread evenly over the members.
    #[arg(long, default_value_t = SandboxConfig::default().size.customers)]
    customers: usize,
    /// Customer group chats to generate.
    #[arg(long, default_value_t = SandboxConfig::default().size.group_chats)]
    group_chats: usize,
    /// Lifetime of an access token, in seconds (WeCom: 7200).
    #[arg(long, value_name = "SECS", default_value_t = SandboxConfig::default().token_ttl.as_secs())]
    token_ttl: u64,
}

impl Cli {
    fn config(&self) -> SandboxConfig {
        let mut config = SandboxConfig {
            port: self.port,
            seed: self.seed,
            token_ttl: Duration::from_secs(self.token_ttl),
            ..SandboxConfig::default()
        };
        config.size.members = self.members;
        config.size.customers = self.customers;
        config.size.group_chats = self.group_chats;
        config
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = Cli::parse().config();
    let sandbox = match Sandbox::start_with(config).await {
        Ok(sandbox) => sandbox,
        Err(err) => {
            eprintln!("cannot start the sandbox: {err}");
            return ExitCode::FAILURE;
        }
    };
    // Whoever started us may stop reading once it has the address: a closed stdout is not an error.
    let _ = writeln!(
        std::io::stdout(),
        "WeCom sandbox at {}\ncorp id: {}\nsecret:  {}",
        sandbox.base_url(),
        sandbox.corp_id(),
        sandbox.secret()
    );
    let _ = tokio::signal::ctrl_c().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(args: &[&str]) -> Result<SandboxConfig, clap::Error> {
        Cli::try_parse_from(std::iter::once("wecom-sandbox").chain(args.iter().copied()))
            .map(|cli| cli.config())
    }

    #[test]
    fn the_command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_flag_reaches_the_config() {
        let config = parse(&[
            "--port",
            "0",
            "--seed",
            "7",
            "--members",
            "3",
            "--customers",
            "9",
            "--group-chats",
            "2",
            "--token-ttl",
            "60",
        ])
        .expect("valid flags");
        assert_eq!(config.port, 0);
        assert_eq!(config.seed, 7);
        assert_eq!(config.size.members, 3);
        assert_eq!(config.size.customers, 9);
        assert_eq!(config.size.group_chats, 2);
        assert_eq!(config.token_ttl, Duration::from_secs(60));
    }

    #[test]
    fn defaults_are_port_8080_and_the_library_defaults() {
        let config = parse(&[]).expect("no flags");
        let library = SandboxConfig::default();
        assert_eq!(config.port, 8080);
        assert_eq!(config.seed, library.seed);
        assert_eq!(config.size, library.size);
        assert_eq!(config.token_ttl, library.token_ttl);
    }

    #[test]
    fn bad_values_and_unknown_flags_are_refused() {
        for args in [
            &["--port", "70000"][..],
            &["--members", "many"],
            &["--seed"],
            &["--verbose"],
        ] {
            let err = parse(args).expect_err("refused");
            assert_ne!(err.kind(), clap::error::ErrorKind::DisplayHelp, "{args:?}");
        }
    }
}
