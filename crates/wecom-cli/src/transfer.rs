//! `wecom transfer leaver`: a resigned member's unassigned customers and the groups they still own
//! (groupchat/list by owner, 离职待继承) handed to one successor, with one report line per id.

use futures::TryStreamExt;
use wecom_group_chat::{GroupChatExt, GroupChatListRequest, StatusFilter, MAX_LIST_LIMIT};
use wecom_transfer::{TransferExt, TransferOutcome, TransferReport};

use crate::args::{Format, LeaverArgs};
use crate::context::Ctx;
use crate::error::{meaning, CliError, Outcome};
use crate::output::Records;

/// The report's CSV columns.
pub const COLUMNS: [&str; 5] = ["kind", "id", "outcome", "errcode", "reason"];

/// The `--help` text.
pub const HELP: &str = "\
Reads every unassigned customer of the leaver (get_unassigned_list) and the groups they own that
wait for a successor (groupchat/list, 离职待继承), then sends them in chunks of 100
(resigned/transfer_customer, groupchat/transfer). A transfer is never sent twice.

The report (CSV) has one line per customer and group: kind (customer, group_chat), id, outcome
(accepted, rejected, failed, unknown), errcode, reason. 'unknown' means the call may or may not have
reached WeCom (a timeout, an HTTP 5xx, errcode -1): check before sending it again.
Accepted customers are taken over by the successor 24 hours later unless they refuse.
Exit status 0 only when every customer and group was accepted.";

/// Runs the handover.
pub async fn leaver(ctx: &Ctx, args: &LeaverArgs) -> Result<Outcome, CliError> {
    let groups: Vec<String> = ctx
        .client
        .group_chat()
        .list_stream(
            GroupChatListRequest::new(MAX_LIST_LIMIT)
                .owner_filter([args.from.as_str()])
                .status_filter(StatusFilter::ResignedPending),
        )
        .map_ok(|item| item.chat_id)
        .try_collect()
        .await?;
    ctx.reporter.note(&format!(
        "{} owns {} customer groups waiting for a successor",
        args.from,
        groups.len()
    ));
    let report = ctx
        .client
        .transfer()
        .hand_over_leaver(&args.from, &args.to, groups)
        .await?;

    let mut records = Records::create(Format::Csv, args.output.as_deref(), &COLUMNS)?;
    for (kind, part) in [
        ("customer", &report.customers),
        ("group_chat", &report.group_chats),
    ] {
        for item in &part.items {
            let (outcome, code, reason) = describe(&item.outcome);
            records.row([kind, &item.id, outcome, &code, &reason])?;
        }
    }
    records.finish()?;

    let all_accepted = report.customers.all_accepted() && report.group_chats.all_accepted();
    let summary = format!(
        "transfer leaver {} → {}: customers {}; groups {}",
        args.from,
        args.to,
        counts(&report.customers),
        counts(&report.group_chats)
    );
    if !ctx.reporter.quiet() || !all_accepted {
        eprintln!("{summary}");
    }
    if report.customers.items.is_empty() && report.group_chats.items.is_empty() {
        ctx.reporter.note(&format!(
            "nothing to hand over: has {} resigned, and was it not handed over already?",
            args.from
        ));
    } else if report.customers.accepted().next().is_some() {
        ctx.reporter.note(
            "accepted customers are taken over in 24 hours unless they refuse \
             (resigned/transfer_result shows each one's status)",
        );
    }
    Ok(Outcome::from_ok(all_accepted))
}

/// The outcome's word, errcode and reason for the report.
fn describe(outcome: &TransferOutcome) -> (&'static str, String, String) {
    match outcome {
        TransferOutcome::Accepted => ("accepted", String::new(), String::new()),
        TransferOutcome::Rejected { code, message } => {
            let reason = if message.is_empty() {
                meaning(*code)
            } else {
                message.clone()
            };
            ("rejected", code.to_string(), reason)
        }
        TransferOutcome::Failed { code, reason } => (
            "failed",
            code.map(|c| c.to_string()).unwrap_or_default(),
            reason.clone(),
        ),
        TransferOutcome::Unknown { reason } => ("unknown", String::new(), reason.clone()),
    }
}

/// `N accepted, N rejected, N failed, N unknown`.
fn counts(report: &TransferReport) -> String {
    let mut n = [0u64; 4];
    for item in &report.items {
        n[match item.outcome {
            TransferOutcome::Accepted => 0,
            TransferOutcome::Rejected { .. } => 1,
            TransferOutcome::Failed { .. } => 2,
            TransferOutcome::Unknown { .. } => 3,
        }] += 1;
    }
    format!(
        "{} accepted, {} rejected, {} failed, {} unknown",
        n[0], n[1], n[2], n[3]
    )
}

#[cfg(test)]
mod tests {
    use wecom_core::ErrCode;
    use wecom_transfer::TransferItem;

    use super::*;

    #[test]
    fn each_outcome_has_its_word_and_code() {
        let rejected = TransferOutcome::Rejected {
            code: ErrCode(40128),
            message: String::new(),
        };
        assert_eq!(
            describe(&rejected),
            (
                "rejected",
                "40128".to_owned(),
                "客户转接过于频繁 (transferred too often: at most twice in 90 days)".to_owned()
            )
        );
        let report = TransferReport {
            items: vec![
                TransferItem {
                    id: "a".into(),
                    outcome: TransferOutcome::Accepted,
                },
                TransferItem {
                    id: "b".into(),
                    outcome: rejected,
                },
                TransferItem {
                    id: "c".into(),
                    outcome: TransferOutcome::Unknown {
                        reason: "timed out".into(),
                    },
                },
            ],
        };
        assert_eq!(
            counts(&report),
            "1 accepted, 1 rejected, 0 failed, 1 unknown"
        );
    }
}
