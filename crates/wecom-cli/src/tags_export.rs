//! `wecom tags export`: the corp tag library (get_corp_tag_list) and the tags of every customer rules
//! group (get_strategy_tag_list), which the corp list does not show.

use wecom_tag::{CorpTagGroup, GetCorpTagListRequest, GetStrategyTagListRequest, TagExt};

use crate::args::{Format, TagsExportArgs};
use crate::context::Ctx;
use crate::error::{CliError, Outcome};
use crate::output::Records;

/// The CSV columns, in order: one row per tag.
pub const COLUMNS: [&str; 9] = [
    "strategy_id",
    "group_id",
    "group_name",
    "group_create_time",
    "group_order",
    "tag_id",
    "tag_name",
    "tag_create_time",
    "tag_order",
];

/// The `--help` text on the formats.
pub const COLUMNS_HELP: &str = "\
jsonl: one tag group a line, with WeCom's field names (group_id, group_name, create_time, order, tag);
  a rules group's tag groups carry their strategy_id.
csv: one row per tag: strategy_id (empty for corp tags), group_id, group_name, group_create_time,
  group_order, tag_id, tag_name, tag_create_time, tag_order.";

/// Runs the export.
pub async fn export(ctx: &Ctx, args: &TagsExportArgs) -> Result<Outcome, CliError> {
    let mut records = Records::create(args.format, args.output.as_deref(), &COLUMNS)?;
    let result = write_all(ctx, &mut records).await;
    match result {
        Ok((corp, strategy)) => {
            records.finish()?;
            ctx.reporter.note(&format!(
                "{corp} corp tag groups and {strategy} rules-group tag groups exported"
            ));
            Ok(Outcome::Success)
        }
        Err(err) => {
            if let Some(partial) = records.abandon() {
                ctx.reporter
                    .warn(&format!("what was read is in {}", partial.display()));
            }
            Err(err)
        }
    }
}

async fn write_all(ctx: &Ctx, records: &mut Records) -> Result<(usize, usize), CliError> {
    let tags = ctx.client.tag();
    let corp = tags
        .get_corp_tag_list(&GetCorpTagListRequest::new())
        .await?
        .tag_group;
    for group in &corp {
        write(records, group)?;
    }
    // Without a strategy_id: the tags of every rules group the app can see.
    let strategy = tags
        .get_strategy_tag_list(&GetStrategyTagListRequest::default())
        .await?
        .tag_group;
    for group in &strategy {
        write(records, group)?;
    }
    Ok((corp.len(), strategy.len()))
}

fn write(records: &mut Records, group: &CorpTagGroup) -> Result<(), CliError> {
    if records.format() == Format::Jsonl {
        return records.json(group);
    }
    let strategy_id = group
        .strategy_id
        .map(|id| id.to_string())
        .unwrap_or_default();
    for tag in &group.tag {
        records.row([
            strategy_id.clone(),
            group.group_id.clone(),
            group.group_name.clone(),
            group.create_time.to_string(),
            group.order.to_string(),
            tag.id.clone(),
            tag.name.clone(),
            tag.create_time.to_string(),
            tag.order.to_string(),
        ])?;
    }
    Ok(())
}
