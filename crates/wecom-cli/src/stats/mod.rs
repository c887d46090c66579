//! `wecom stats behavior`: 联系客户统计 per day over any range, for any number of members — as many
//! get_user_behavior_data calls as WeCom's limits need (31 days and 100 members each), summed.

mod chart;
mod dates;
mod figures;
mod table;

use std::io::Write;

use futures::{StreamExt, TryStreamExt};
use wecom_statistics::{
    GetUserBehaviorDataRequest, StatisticsExt, MAX_BEHAVIOR_IDS, MAX_SPAN_SECS,
};

use crate::args::BehaviorArgs;
use crate::context::Ctx;
use crate::error::{CliError, Outcome};
use dates::DAY;
use figures::Days;

/// The `--help` text.
pub const HELP: &str = "\
Prints one line per day with WeCom's figures (chat_cnt, message_cnt, reply_percentage,
avg_reply_time, negative_feedback_cnt, new_apply_cnt, new_contact_cnt) and their total. WeCom keeps
180 days. Counts of more than 100 members are summed over calls of 100; their reply_percentage and
avg_reply_time are then means weighted by chat_cnt (WeCom gives no exact denominator).
--svg FILE draws each figure in its own panel, day by day.";

/// Runs the command.
pub async fn behavior(ctx: &Ctx, args: &BehaviorArgs) -> Result<Outcome, CliError> {
    let from = dates::parse(&args.from).map_err(|e| CliError::Usage(format!("--from: {e}")))?;
    let to = dates::parse(&args.to).map_err(|e| CliError::Usage(format!("--to: {e}")))?;
    if to < from {
        return Err(CliError::Usage(format!(
            "--to {} is before --from {}",
            args.to, args.from
        )));
    }
    let members = ctx.members(args.users.as_deref()).await?;
    let requests: Vec<GetUserBehaviorDataRequest> = windows(from, to)
        .flat_map(|(start, end)| {
            members.chunks(MAX_BEHAVIOR_IDS).map(move |chunk| {
                GetUserBehaviorDataRequest::new(start, end).userid(chunk.iter().cloned())
            })
        })
        .collect();
    let mut progress =
        ctx.reporter
            .progress("stats behavior", "calls", Some(requests.len() as u64));
    let client = &ctx.client;
    let mut answers = futures::stream::iter(requests)
        .map(|req| async move { client.statistics().get_user_behavior_data(&req).await })
        .buffer_unordered(ctx.max_in_flight);
    let mut days = Days::default();
    while let Some(answer) = answers.try_next().await? {
        days.add(&answer.behavior_data);
        progress.inc(1);
    }
    progress.finish();
    let days = days.into_days();

    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(table::render(&days).as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|source| CliError::Io {
            what: "cannot write to stdout".into(),
            source,
        })?;
    if let Some(path) = &args.svg {
        let title = format!(
            "联系客户统计 {} – {}, {} members",
            args.from,
            args.to,
            members.len()
        );
        chart::write(path, &days, &title)?;
        ctx.reporter
            .note(&format!("chart written to {}", path.display()));
    }
    Ok(Outcome::Success)
}

/// `[from, to]` cut into spans WeCom accepts (end − start ≤ 30 days, both at 0:00).
fn windows(from: i64, to: i64) -> impl Iterator<Item = (i64, i64)> {
    let mut start = from;
    std::iter::from_fn(move || {
        if start > to {
            return None;
        }
        let end = (start + MAX_SPAN_SECS).min(to);
        let window = (start, end);
        start = end + DAY;
        Some(window)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_range_is_cut_into_spans_of_31_days() {
        let from = dates::parse("2024-01-01").unwrap();
        let to = dates::parse("2024-03-01").unwrap();
        let spans: Vec<(String, String)> = windows(from, to)
            .map(|(a, b)| (dates::format(a), dates::format(b)))
            .collect();
        assert_eq!(
            spans,
            [
                ("2024-01-01".to_owned(), "2024-01-31".to_owned()),
                ("2024-02-01".to_owned(), "2024-03-01".to_owned()),
            ]
        );
        assert_eq!(windows(from, from).count(), 1);
    }
}
