//! `wecom customers export`: every customer with follow info, one record per customer and follow user,
//! written as each page of batch/get_by_user arrives (memory stays flat for any number of customers).

use futures::TryStreamExt;
use wecom_core::{ErrCode, WecomClient};
use wecom_customer::{BatchGetByUserRequest, CustomerWithFollowInfo, MAX_BATCH_USERIDS};

use crate::args::{ExportArgs, Format};
use crate::context::Ctx;
use crate::error::{CliError, Outcome};
use crate::output::{joined, Records};

/// 701008: none of the listed members holds a valid 互通 licence (the whole call fails).
const NO_LICENCE: ErrCode = ErrCode(701008);

/// The CSV columns, in order.
pub const COLUMNS: [&str; 18] = [
    "external_userid",
    "name",
    "type",
    "gender",
    "unionid",
    "position",
    "corp_name",
    "corp_full_name",
    "userid",
    "remark",
    "description",
    "createtime",
    "tag_id",
    "remark_corp_name",
    "remark_mobiles",
    "oper_userid",
    "add_way",
    "state",
];

/// The `--help` text on the formats.
pub const COLUMNS_HELP: &str = "\
jsonl: one batch/get_by_user item a line, with WeCom's field names:
  {\"external_contact\": {...}, \"follow_info\": {...}}
csv columns: external_userid, name, type (1 微信, 2 企业微信), gender, unionid, position, corp_name,
  corp_full_name (the customer); userid (the follow user), remark, description, createtime (unix
  seconds), tag_id (space-separated), remark_corp_name, remark_mobiles (space-separated), oper_userid,
  add_way, state (the follow info).
Members without a 互通 licence are skipped by WeCom; they are listed and the exit status is 1.";

/// Runs the export.
pub async fn export(ctx: &Ctx, args: &ExportArgs) -> Result<Outcome, CliError> {
    let members = ctx.members(args.users.as_deref()).await?;
    let mut records = Records::create(args.format, args.output.as_deref(), &COLUMNS)?;
    let mut progress = ctx.reporter.progress("customers export", "customers", None);
    let mut unlicensed = Vec::new();
    let walked = walk(&ctx.client, &members, &mut unlicensed, |item| {
        progress.inc(1);
        write(&mut records, item)
    })
    .await;
    let count = progress.count();
    progress.finish();
    if let Err(err) = walked {
        if let Some(partial) = records.abandon() {
            ctx.reporter.warn(&format!(
                "{count} customers written to {} before the error",
                partial.display()
            ));
        }
        return Err(err);
    }
    records.finish()?;
    ctx.reporter.note(&format!(
        "{count} customers of {} members exported",
        members.len()
    ));
    if !unlicensed.is_empty() {
        ctx.reporter.warn(&format!(
            "WeCom skipped {} members without a valid 互通 licence: {}",
            unlicensed.len(),
            unlicensed.join(" ")
        ));
    }
    Ok(Outcome::from_ok(unlicensed.is_empty()))
}

/// Calls `each` for every customer of `members`, 100 members a request and 100 customers a page, one
/// page at a time; members WeCom skipped for want of a licence are added to `unlicensed`.
async fn walk(
    client: &WecomClient,
    members: &[String],
    unlicensed: &mut Vec<String>,
    mut each: impl FnMut(CustomerWithFollowInfo) -> Result<(), CliError>,
) -> Result<(), CliError> {
    for chunk in members.chunks(MAX_BATCH_USERIDS) {
        let req = BatchGetByUserRequest::new(chunk.iter().cloned()).limit(100);
        // Pages rather than items: a page's fail_info names the members WeCom skipped.
        let mut pages = client.paginate(req).pages();
        loop {
            let page = match pages.try_next().await {
                Ok(Some(page)) => page,
                Ok(None) => break,
                Err(err) if err.code() == Some(NO_LICENCE) => {
                    unlicensed.extend(chunk.iter().cloned());
                    break;
                }
                Err(err) => return Err(err.into()),
            };
            if let Some(fail) = page.fail_info {
                unlicensed.extend(fail.unlicensed_userid_list);
            }
            for item in page.external_contact_list {
                each(item)?;
            }
        }
    }
    Ok(())
}

fn write(records: &mut Records, item: CustomerWithFollowInfo) -> Result<(), CliError> {
    if records.format() == Format::Jsonl {
        return records.json(&item);
    }
    let c = &item.external_contact;
    let f = &item.follow_info;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    records.row([
        c.external_userid.clone(),
        c.name.clone(),
        i64::from(c.customer_type).to_string(),
        i64::from(c.gender).to_string(),
        text(&c.unionid),
        text(&c.position),
        text(&c.corp_name),
        text(&c.corp_full_name),
        f.userid.clone(),
        f.remark.clone(),
        f.description.clone(),
        f.createtime.to_string(),
        joined(&f.tag_id),
        text(&f.remark_corp_name),
        joined(&f.remark_mobiles),
        f.oper_userid.clone(),
        i64::from(f.add_way).to_string(),
        text(&f.state),
    ])
}

#[cfg(test)]
mod tests {
    use httpmock::MockServer;
    use serde_json::json;
    use wecom_core::test_util::client;
    use wecom_core::test_util::mock::mock_post;

    use super::*;

    const BATCH: &str = "/cgi-bin/externalcontact/batch/get_by_user";

    #[tokio::test]
    async fn members_without_a_licence_are_collected_and_the_walk_goes_on() {
        let server = MockServer::start_async().await;
        let members: Vec<String> = (0..150).map(|i| format!("u{i}")).collect();
        // The first 100: one customer, and u7 skipped for want of a licence.
        let first = mock_post(
            &server,
            BATCH,
            json!({"userid_list": members[..100], "limit": 100}),
            &json!({
                "errcode": 0, "errmsg": "ok", "next_cursor": "",
                "external_contact_list": [{
                    "external_contact": {"external_userid": "wmA", "name": "A", "type": 1, "gender": 0},
                    "follow_info": {"userid": "u3", "createtime": 1, "tag_id": ["et1"], "add_way": 1}
                }],
                "fail_info": {"unlicensed_userid_list": ["u7"]}
            })
            .to_string(),
        )
        .await;
        // The last 50: none has a licence, and WeCom fails the whole call.
        let second = mock_post(
            &server,
            BATCH,
            json!({"userid_list": members[100..], "limit": 100}),
            r#"{"errcode": 701008, "errmsg": "no valid license"}"#,
        )
        .await;
        let mut unlicensed = Vec::new();
        let mut seen = Vec::new();
        walk(
            &client(&server.base_url()),
            &members,
            &mut unlicensed,
            |item| {
                seen.push(item.external_contact.external_userid);
                Ok(())
            },
        )
        .await
        .unwrap();
        first.assert_calls_async(1).await;
        second.assert_calls_async(1).await;
        assert_eq!(seen, ["wmA"]);
        let mut expected = vec!["u7".to_owned()];
        expected.extend(members[100..].iter().cloned());
        assert_eq!(unlicensed, expected);
    }
}
