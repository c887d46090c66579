//! `wecom`: bulk work on WeCom's external contacts (企业微信 客户联系) from a shell — export customers,
//! groups and tags, tag customers in bulk from a CSV (resumable), hand over a leaver, and tabulate or
//! chart the behaviour statistics — within WeCom's limits, with progress, and with an exit status that
//! is 0 only when everything succeeded.
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod args;
mod config;
mod context;
mod customers;
mod error;
mod groups;
mod mark;
mod output;
mod progress;
mod stats;
mod tags_export;
mod transfer;

use std::process::ExitCode;

use clap::Parser;

use args::{
    Cli, Command, CustomersCommand, GroupsCommand, StatsCommand, TagsCommand, TransferCommand,
};
use config::Settings;
use context::Ctx;
use error::{CliError, Outcome};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            eprintln!("error: {err}");
            err.exit_code()
        }
    }
}

async fn run(cli: Cli) -> Result<Outcome, CliError> {
    let settings = Settings::load(
        cli.common.config.as_deref(),
        cli.common.base_url.as_deref(),
        |key| std::env::var(key).ok(),
    )?;
    let ctx = Ctx::new(settings, &cli.common)?;
    match &cli.command {
        Command::Customers(CustomersCommand::Export(args)) => customers::export(&ctx, args).await,
        Command::Groups(GroupsCommand::Export(args)) => groups::export(&ctx, args).await,
        Command::Tags(TagsCommand::Export(args)) => tags_export::export(&ctx, args).await,
        Command::Tags(TagsCommand::Mark(args)) => mark::run(&ctx, args).await,
        Command::Transfer(TransferCommand::Leaver(args)) => transfer::leaver(&ctx, args).await,
        Command::Stats(StatsCommand::Behavior(args)) => stats::behavior(&ctx, args).await,
    }
}
