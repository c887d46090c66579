//! `wecom groups export`: every customer group with its members — groupchat/list page by page, and
//! groupchat/get for each group, `--max-in-flight` at a time, written in list order as they arrive.

use futures::{StreamExt, TryStreamExt};
use wecom_core::ErrCode;
use wecom_group_chat::{
    GroupChat, GroupChatExt, GroupChatGetRequest, GroupChatListRequest, MAX_LIST_LIMIT,
    MAX_OWNER_FILTER,
};

use crate::args::{ExportArgs, Format};
use crate::context::{read_users, Ctx};
use crate::error::{explain, CliError, Outcome};
use crate::output::Records;
use crate::progress::Progress;

/// The CSV columns, in order: one row per member of a group.
pub const COLUMNS: [&str; 15] = [
    "chat_id",
    "name",
    "owner",
    "create_time",
    "notice",
    "member_version",
    "userid",
    "type",
    "unionid",
    "join_time",
    "join_scene",
    "invitor",
    "group_nickname",
    "member_name",
    "is_admin",
];

/// The `--help` text on the formats.
pub const COLUMNS_HELP: &str = "\
jsonl: one groupchat/get group_chat a line, with WeCom's field names (member_list, admin_list, ...).
csv: one row per member: chat_id, name, owner, create_time, notice, member_version (the group);
  userid, type (1 成员, 2 客户), unionid, join_time, join_scene, invitor, group_nickname, member_name,
  is_admin (0/1) (the member).
--users FILE limits the export to the groups these members own. Without it every group the app sees
is listed; when WeCom refuses that (81017, more than 1000 members visible) the export goes owner by
owner over the members with 客户联系.";

/// Runs the export.
pub async fn export(ctx: &Ctx, args: &ExportArgs) -> Result<Outcome, CliError> {
    let owners = args.users.as_deref().map(read_users).transpose()?;
    let mut records = Records::create(args.format, args.output.as_deref(), &COLUMNS)?;
    let mut job = Job {
        ctx,
        records: &mut records,
        progress: ctx.reporter.progress("groups export", "groups", None),
        failed: 0,
    };
    let result = match owners {
        Some(owners) => job.by_owners(&owners).await,
        None => match job.scope(None).await {
            Err(CliError::Wecom(err))
                if err.code() == Some(ErrCode::VISIBLE_RANGE_EXCEEDED)
                    && job.progress.count() == 0 =>
            {
                job.progress
                    .println("81017: more than 1000 members visible; going owner by owner");
                let owners = ctx.members(None).await?;
                job.by_owners(&owners).await
            }
            other => other,
        },
    };
    let (count, failed) = (job.progress.count(), job.failed);
    job.progress.finish();
    if let Err(err) = result {
        if let Some(partial) = records.abandon() {
            ctx.reporter.warn(&format!(
                "{count} groups written to {} before the error",
                partial.display()
            ));
        }
        return Err(err);
    }
    records.finish()?;
    ctx.reporter
        .note(&format!("{count} customer groups exported"));
    if failed > 0 {
        ctx.reporter
            .warn(&format!("{failed} groups could not be read (above)"));
    }
    Ok(Outcome::from_ok(failed == 0))
}

struct Job<'a> {
    ctx: &'a Ctx,
    records: &'a mut Records,
    progress: Progress,
    failed: u64,
}

impl Job<'_> {
    async fn by_owners(&mut self, owners: &[String]) -> Result<(), CliError> {
        for chunk in owners.chunks(MAX_OWNER_FILTER) {
            self.scope(Some(chunk)).await?;
        }
        Ok(())
    }

    /// The groups of `owners` (all groups when `None`).
    async fn scope(&mut self, owners: Option<&[String]>) -> Result<(), CliError> {
        let mut req = GroupChatListRequest::new(MAX_LIST_LIMIT);
        if let Some(owners) = owners {
            req = req.owner_filter(owners.iter().cloned());
        }
        let client = self.ctx.client.clone();
        let details = self
            .ctx
            .client
            .group_chat()
            .list_stream(req)
            .map_ok(move |item| {
                let client = client.clone();
                async move {
                    let req = GroupChatGetRequest::new(item.chat_id.as_str()).need_name(true);
                    let answer = client.group_chat().get(&req).await;
                    Ok((item.chat_id, answer))
                }
            })
            .try_buffered(self.ctx.max_in_flight);
        let mut details = details.boxed();
        while let Some((chat_id, answer)) = details.try_next().await? {
            match answer {
                Ok(answer) => {
                    write(self.records, &answer.group_chat)?;
                    self.progress.inc(1);
                }
                Err(err) => {
                    self.failed += 1;
                    self.progress
                        .println(&format!("error: group {chat_id}: {}", explain(&err)));
                }
            }
        }
        Ok(())
    }
}

fn write(records: &mut Records, chat: &GroupChat) -> Result<(), CliError> {
    if records.format() == Format::Jsonl {
        return records.json(chat);
    }
    let group = [
        chat.chat_id.clone(),
        chat.name.clone(),
        chat.owner.clone(),
        chat.create_time.to_string(),
        chat.notice.clone().unwrap_or_default(),
        chat.member_version.clone().unwrap_or_default(),
    ];
    if chat.member_list.is_empty() {
        let empty = std::iter::repeat_n(String::new(), COLUMNS.len() - group.len());
        return records.row(group.iter().cloned().chain(empty));
    }
    for m in &chat.member_list {
        let is_admin = chat.admin_list.iter().any(|a| a.userid == m.userid);
        let member = [
            m.userid.clone(),
            i64::from(m.member_type).to_string(),
            m.unionid.clone().unwrap_or_default(),
            m.join_time.to_string(),
            i64::from(m.join_scene).to_string(),
            m.invitor
                .as_ref()
                .map(|i| i.userid.clone())
                .unwrap_or_default(),
            m.group_nickname.clone(),
            m.name.clone().unwrap_or_default(),
            u8::from(is_admin).to_string(),
        ];
        records.row(group.iter().chain(member.iter()))?;
    }
    Ok(())
}
