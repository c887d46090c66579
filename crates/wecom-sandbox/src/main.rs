//! `wecom-sandbox --port 8080 --seed 42 [--customers N] [--members N] [--token-ttl SECS]`: serves the
//! fake WeCom API on 127.0.0.1 until interrupted, for apps in any language; `GET /sandbox/stats` shows
//! its counters.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use wecom_sandbox::{Sandbox, SandboxConfig};

const USAGE: &str = "\
usage: wecom-sandbox [--port N] [--seed N] [--members N] [--customers N] [--group-chats N] [--token-ttl SECS]

Serves WeCom's 客户联系 API on 127.0.0.1 (gettoken takes the corp id and secret printed at start).
GET /sandbox/stats (no token) answers the sandbox's counters as JSON: hits per path and total_hits,
what calls created (contact_ways, join_ways, tag_groups, tags, mass_messages, group_welcome_templates),
what was sent (welcome_messages), limit_rejections, and now (the sandbox's clock). Reading it is not a hit.";

fn parse(args: impl Iterator<Item = String>) -> Result<SandboxConfig, String> {
    let mut config = SandboxConfig {
        port: 8080,
        ..SandboxConfig::default()
    };
    let mut args = args.peekable();
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.to_owned());
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {value}"))
        };
        match flag.as_str() {
            "--port" => {
                config.port =
                    u16::try_from(number()?).map_err(|_| "--port: out of range".to_owned())?
            }
            "--seed" => config.seed = number()?,
            "--members" => config.size.members = number()? as usize,
            "--customers" => config.size.customers = number()? as usize,
            "--group-chats" => config.size.group_chats = number()? as usize,
            "--token-ttl" => config.token_ttl = Duration::from_secs(number()?),
            other => return Err(format!("unknown flag {other}\n{USAGE}")),
        }
    }
    Ok(config)
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
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
