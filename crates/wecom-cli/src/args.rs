//! The command line, as clap reads it. Credentials have no flag on purpose: shell history keeps argv.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Calls in flight at once by default: well under the concurrency at which WeCom answers 45033.
pub const DEFAULT_MAX_IN_FLIGHT: u32 = 10;
/// Calls a minute by default. WeCom allows a corp 10,000 calls a minute and 150,000 an hour per API
/// (older corps: 2,000 and 30,000); 500 a minute stays under the strictest of these, the hourly one.
pub const DEFAULT_MAX_CALLS_PER_MINUTE: u32 = 500;

const AFTER_HELP: &str = "\
Credentials: WECOM_CORP_ID and WECOM_SECRET (the 客户联系 secret) from the environment, or from the
file named by --config (lines KEY=VALUE; a key there wins over the environment). They are never taken
from the command line, where shell history would keep them.

Exit status: 0 when everything succeeded, 1 when something failed or was skipped, 2 for a usage or
configuration error, 130 when interrupted (tags mark: resumable).";

/// Bulk work on WeCom's external contacts (企业微信 客户联系): export, tag in bulk, hand over a leaver,
/// chart the statistics.
#[derive(Debug, Parser)]
#[command(name = "wecom", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub common: Common,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Common {
    /// Read WECOM_CORP_ID, WECOM_SECRET and WECOM_BASE_URL from FILE (KEY=VALUE lines, # comments).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// WeCom's address, e.g. a sandbox's http://127.0.0.1:8080 [default: $WECOM_BASE_URL, else
    /// https://qyapi.weixin.qq.com].
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// At most this many calls in flight at once.
    #[arg(long, global = true, value_name = "N", default_value_t = DEFAULT_MAX_IN_FLIGHT,
          value_parser = clap::value_parser!(u32).range(1..=1_000))]
    pub max_in_flight: u32,
    /// At most this many calls in any minute, spread evenly.
    #[arg(long, global = true, value_name = "N", default_value_t = DEFAULT_MAX_CALLS_PER_MINUTE,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_calls_per_minute: u32,
    /// No progress and no notes on stderr; errors and failure summaries only.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Customers (客户).
    #[command(subcommand)]
    Customers(CustomersCommand),
    /// Customer groups (客户群).
    #[command(subcommand)]
    Groups(GroupsCommand),
    /// Corp tags and rules-group tags (企业标签, 规则组标签).
    #[command(subcommand)]
    Tags(TagsCommand),
    /// Customer inheritance (离职继承).
    #[command(subcommand)]
    Transfer(TransferCommand),
    /// Statistics (统计).
    #[command(subcommand)]
    Stats(StatsCommand),
}

/// `wecom customers …`.
#[derive(Debug, Subcommand)]
pub enum CustomersCommand {
    /// Every customer with its follow info, one record per customer and follow user, as
    /// batch/get_by_user gives them; streamed as pages arrive.
    #[command(after_help = crate::customers::COLUMNS_HELP)]
    Export(ExportArgs),
}

/// `wecom groups …`.
#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// Every customer group with its members (groupchat/list, then groupchat/get for each).
    #[command(after_help = crate::groups::COLUMNS_HELP)]
    Export(ExportArgs),
}

/// `wecom tags …`.
#[derive(Debug, Subcommand)]
pub enum TagsCommand {
    /// The corp tag library and the tags of every customer rules group.
    #[command(after_help = crate::tags_export::COLUMNS_HELP)]
    Export(TagsExportArgs),
    /// Adds and removes tags on customers from a CSV file, resumably.
    #[command(after_help = crate::mark::HELP)]
    Mark(MarkArgs),
}

/// `wecom transfer …`.
#[derive(Debug, Subcommand)]
pub enum TransferCommand {
    /// Hands a resigned member's unassigned customers and pending groups to a successor.
    #[command(after_help = crate::transfer::HELP)]
    Leaver(LeaverArgs),
}

/// `wecom stats …`.
#[derive(Debug, Subcommand)]
pub enum StatsCommand {
    /// 联系客户统计 per day: a table, and with --svg a chart.
    #[command(after_help = crate::stats::HELP)]
    Behavior(BehaviorArgs),
}

/// How exported records are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object a line, with WeCom's field names.
    Jsonl,
    /// CSV with a header line (columns below).
    Csv,
}

/// The options of `customers export` and `groups export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Record format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write to FILE (through FILE.partial, renamed once complete) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only these members (one userid a line) instead of every member with 客户联系.
    #[arg(long, value_name = "FILE")]
    pub users: Option<PathBuf>,
}

/// The options of `tags export`.
#[derive(Debug, Args)]
pub struct TagsExportArgs {
    /// Record format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write to FILE (through FILE.partial, renamed once complete) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The options of `tags mark`.
#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The CSV: userid,external_userid,add_tag,remove_tag (tag ids in a cell separated by spaces).
    #[arg(long, value_name = "FILE.csv")]
    pub from: PathBuf,
    /// The checkpoint of finished rows [default: FILE.csv.checkpoint].
    #[arg(long, value_name = "FILE")]
    pub checkpoint: Option<PathBuf>,
    /// Where the failed rows go, as a CSV to rerun [default: FILE.csv.failed.csv].
    #[arg(long, value_name = "FILE")]
    pub failed: Option<PathBuf>,
}

/// The options of `transfer leaver`.
#[derive(Debug, Args)]
pub struct LeaverArgs {
    /// The resigned member whose customers and groups are handed over.
    #[arg(long, value_name = "USERID")]
    pub from: String,
    /// The member who takes them over.
    #[arg(long, value_name = "USERID")]
    pub to: String,
    /// Write the per-customer and per-group report (CSV) to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The options of `stats behavior`.
#[derive(Debug, Args)]
pub struct BehaviorArgs {
    /// First day, YYYY-MM-DD (WeCom's days start at 0:00 in China, UTC+8).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: String,
    /// Last day, YYYY-MM-DD, included.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: String,
    /// Only these members (one userid a line) instead of every member with 客户联系.
    #[arg(long, value_name = "FILE")]
    pub users: Option<PathBuf>,
    /// Also draw the daily figures, one panel per figure, into this SVG file.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("wecom").chain(args.iter().copied()))
    }

    #[test]
    fn the_command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn common_options_go_anywhere_and_have_safe_defaults() {
        let cli = parse(&["customers", "export", "--quiet", "--max-in-flight", "4"]).unwrap();
        assert!(cli.common.quiet);
        assert_eq!(cli.common.max_in_flight, 4);
        assert_eq!(cli.common.max_calls_per_minute, 500);
        let cli = parse(&["tags", "export"]).unwrap();
        assert_eq!(cli.common.max_in_flight, DEFAULT_MAX_IN_FLIGHT);
        assert!(!cli.common.quiet);
    }

    #[test]
    fn no_flag_takes_a_credential() {
        for flag in ["--secret", "--corp-id", "--corpsecret", "--token"] {
            let err = parse(&["customers", "export", flag, "x"]).unwrap_err();
            assert_eq!(
                err.kind(),
                clap::error::ErrorKind::UnknownArgument,
                "{flag}"
            );
        }
    }

    #[test]
    fn limits_below_one_are_refused() {
        assert!(parse(&["tags", "export", "--max-in-flight", "0"]).is_err());
        assert!(parse(&["tags", "export", "--max-calls-per-minute", "0"]).is_err());
    }

    #[test]
    fn every_command_parses() {
        let cli = parse(&["tags", "mark", "--from", "a.csv", "--checkpoint", "a.ck"]).unwrap();
        let Command::Tags(TagsCommand::Mark(mark)) = cli.command else {
            panic!("tags mark");
        };
        assert_eq!(mark.from, PathBuf::from("a.csv"));
        assert_eq!(mark.checkpoint, Some(PathBuf::from("a.ck")));
        let cli = parse(&["transfer", "leaver", "--from", "zhangsan", "--to", "lisi"]).unwrap();
        assert!(
            matches!(cli.command, Command::Transfer(TransferCommand::Leaver(ref l)) if l.to == "lisi")
        );
        let cli = parse(&[
            "stats",
            "behavior",
            "--from",
            "2024-11-01",
            "--to",
            "2024-11-30",
        ])
        .unwrap();
        assert!(
            matches!(cli.command, Command::Stats(StatsCommand::Behavior(ref b)) if b.svg.is_none())
        );
        let cli = parse(&["groups", "export", "--format", "csv", "-o", "g.csv"]).unwrap();
        assert!(
            matches!(cli.command, Command::Groups(GroupsCommand::Export(ref e)) if e.format == Format::Csv)
        );
    }
}
