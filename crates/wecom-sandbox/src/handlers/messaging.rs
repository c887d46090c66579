//! 企业群发: mass messages with their tasks and send results.

use serde::Deserialize;
use serde_json::{json, Value};

use super::{paging, times};
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::{Conversation, Message, Sender, World};
use crate::Shared;

/// Longest span of get_groupmsg_list_v2 (起止时间间隔不能超过1个月), in days.
const MAX_LIST_DAYS: i64 = 31;

/// Mass messages created through the API.
#[derive(Debug, Default)]
pub(crate) struct MassMessages {
    list: Vec<MassMessage>,
}

#[derive(Debug)]
struct MassMessage {
    msgid: String,
    creator: String,
    chat_type: String,
    create_time: i64,
    text: Option<Value>,
    attachments: Vec<Value>,
    /// (member, status, send_time): 0 未发送, 2 已发送.
    tasks: Vec<(String, i64, i64)>,
    results: Vec<SendResult>,
}

/// (target key, target id, member, status, send_time).
type SendResult = (&'static str, String, String, i64, i64);

#[derive(Deserialize)]
struct AddMsgTemplate {
    #[serde(default)]
    chat_type: Option<String>,
    #[serde(default)]
    external_userid: Vec<String>,
    #[serde(default)]
    chat_id_list: Vec<String>,
    #[serde(default)]
    sender: Option<String>,
    text: Option<Value>,
    #[serde(default)]
    attachments: Vec<Value>,
}

pub(crate) fn add_msg_template(shared: &Shared, input: Input<'_>) -> Reply {
    let req: AddMsgTemplate = input.json()?;
    let chat_type = req.chat_type.unwrap_or_else(|| "single".into());
    if req.attachments.len() > 9 {
        return Err(ApiError::invalid("at most 9 attachments"));
    }
    let has_text = req
        .text
        .as_ref()
        .and_then(|t| t["content"].as_str())
        .is_some_and(|c| !c.is_empty());
    if !has_text && req.attachments.is_empty() {
        return Err(ApiError::new(41048, "text and attachments are both empty"));
    }
    let now = shared.clock.now();
    let mut world = shared.world();
    let sender = req.sender.clone().unwrap_or_default();
    if !sender.is_empty() && !world.is_member(&sender) {
        return Err(ApiError::new(60111, format!("invalid sender {sender}")));
    }
    let mut fail_list = Vec::new();
    let mut results = Vec::new();
    if chat_type == "group" {
        let chats: Vec<(String, String)> = world
            .chats
            .iter()
            .filter(|c| {
                c.owner == sender
                    && (req.chat_id_list.is_empty() || req.chat_id_list.contains(&c.chat_id))
            })
            .map(|c| (c.chat_id.clone(), c.owner.clone()))
            .collect();
        results.extend(
            chats
                .into_iter()
                .map(|(chat, owner)| ("chat_id", chat, owner, 0, 0)),
        );
    } else {
        let targets: Vec<String> = if req.external_userid.is_empty() {
            let owners: Vec<&str> = if sender.is_empty() {
                world.members.iter().map(|m| m.userid.as_str()).collect()
            } else {
                vec![sender.as_str()]
            };
            owners
                .iter()
                .flat_map(|u| world.by_member.get(*u).into_iter().flatten())
                .map(|&i| world.customers[i].external_userid.clone())
                .collect()
        } else {
            req.external_userid.clone()
        };
        for target in targets {
            match world.customer(&target).and_then(|c| {
                c.follow
                    .iter()
                    .find(|f| sender.is_empty() || f.userid == sender)
                    .map(|f| f.userid.clone())
            }) {
                Some(member) => results.push(("external_userid", target, member, 0, 0)),
                None => fail_list.push(target),
            }
        }
    }
    // Members confirm on their clients; the sandbox has every other member confirm at once.
    let mut members: Vec<String> = results.iter().map(|r| r.2.clone()).collect();
    members.sort();
    members.dedup();
    let tasks: Vec<(String, i64, i64)> = members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if i % 2 == 0 {
                (m.clone(), 2, now)
            } else {
                (m.clone(), 0, 0)
            }
        })
        .collect();
    for result in &mut results {
        if tasks
            .iter()
            .any(|(m, status, _)| *m == result.2 && *status == 2)
        {
            result.3 = 1;
            result.4 = now;
        }
    }
    let delivered = delivered_messages(&world, &results, now);
    world.messages.extend(delivered);
    let msgid = world.next_id("msgSbx");
    world.created.mass_messages.list.push(MassMessage {
        msgid: msgid.clone(),
        creator: sender,
        chat_type,
        create_time: now,
        text: req.text,
        attachments: req.attachments,
        tasks,
        results,
    });
    Counters::add(&shared.metrics.counters.mass_messages, 1);
    ok(&json!({ "fail_list": fail_list, "msgid": msgid }))
}

/// The chat messages of the results sent (status 1): they count in the statistics of the day.
fn delivered_messages(world: &World, results: &[SendResult], now: i64) -> Vec<Message> {
    results
        .iter()
        .filter(|r| r.3 == 1)
        .filter_map(|(key, target, member, _, _)| {
            let member = world.member_no(member)?;
            let conversation = if *key == "chat_id" {
                let chat = world.chats.iter().position(|c| c.chat_id == *target)?;
                Conversation::Group {
                    chat: u32::try_from(chat).ok()?,
                }
            } else {
                Conversation::Single {
                    member,
                    customer: world.customer_no(target)?,
                }
            };
            Some(Message {
                time: now,
                conversation,
                sender: Sender::Member(member),
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct ListV2 {
    #[serde(default)]
    chat_type: Option<String>,
    start_time: i64,
    end_time: i64,
    creator: Option<String>,
    #[serde(default)]
    cursor: String,
    limit: Option<u64>,
}

pub(crate) fn get_groupmsg_list_v2(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ListV2 = input.json()?;
    let (start, end) = times::span(
        ("start_time", req.start_time),
        ("end_time", req.end_time),
        MAX_LIST_DAYS,
    )?;
    let limit = paging::limit(req.limit, 50, 100)?;
    let chat_type = req.chat_type.unwrap_or_else(|| "single".into());
    let world = shared.world();
    let msgs: Vec<Value> = world
        .created
        .mass_messages
        .list
        .iter()
        .filter(|m| m.chat_type == chat_type && (start..=end).contains(&m.create_time))
        .filter(|m| req.creator.as_ref().is_none_or(|c| *c == m.creator))
        .map(|m| {
            let mut msg = json!({
                "msgid": m.msgid,
                "create_time": m.create_time.to_string(),
                "create_type": 0,
                "attachments": m.attachments,
            });
            if !m.creator.is_empty() {
                msg["creator"] = json!(m.creator);
            }
            if let Some(text) = &m.text {
                msg["text"] = text.clone();
            }
            msg
        })
        .collect();
    let (page, next_cursor) = paging::page(&msgs, &req.cursor, limit)?;
    ok(&json!({ "group_msg_list": page, "next_cursor": next_cursor }))
}

#[derive(Deserialize)]
struct ByMsg {
    #[serde(default)]
    msgid: String,
    #[serde(default)]
    userid: String,
    #[serde(default)]
    cursor: String,
    limit: Option<u64>,
}

fn find<'a>(list: &'a MassMessages, msgid: &str) -> Result<&'a MassMessage, ApiError> {
    list.list
        .iter()
        .find(|m| m.msgid == msgid)
        .ok_or_else(|| ApiError::invalid(format!("invalid msgid {msgid}")))
}

pub(crate) fn get_groupmsg_task(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByMsg = input.json()?;
    let limit = paging::limit(req.limit, 500, 1000)?;
    let world = shared.world();
    let msg = find(&world.created.mass_messages, &req.msgid)?;
    let (page, next_cursor) = paging::page(&msg.tasks, &req.cursor, limit)?;
    let tasks: Vec<Value> = page
        .iter()
        .map(|(userid, status, send_time)| {
            let mut task = json!({ "userid": userid, "status": status });
            if *send_time > 0 {
                task["send_time"] = json!(send_time);
            }
            task
        })
        .collect();
    ok(&json!({ "task_list": tasks, "next_cursor": next_cursor }))
}

pub(crate) fn get_groupmsg_send_result(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByMsg = input.json()?;
    let limit = paging::limit(req.limit, 500, 1000)?;
    let world = shared.world();
    let msg = find(&world.created.mass_messages, &req.msgid)?;
    let mine: Vec<&SendResult> = msg.results.iter().filter(|r| r.2 == req.userid).collect();
    let (page, next_cursor) = paging::page(&mine, &req.cursor, limit)?;
    let sends: Vec<Value> = page
        .iter()
        .map(|(key, target, userid, status, send_time)| {
            let mut send = json!({ "userid": userid, "status": status });
            send[*key] = json!(target);
            if *send_time > 0 {
                send["send_time"] = json!(send_time);
            }
            send
        })
        .collect();
    ok(&json!({ "send_list": sends, "next_cursor": next_cursor }))
}

pub(crate) fn remind_groupmsg_send(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByMsg = input.json()?;
    find(&shared.world().created.mass_messages, &req.msgid)?;
    ok(&json!({}))
}

pub(crate) fn cancel_groupmsg_send(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByMsg = input.json()?;
    let mut world = shared.world();
    find(&world.created.mass_messages, &req.msgid)?;
    if let Some(msg) = world
        .created
        .mass_messages
        .list
        .iter_mut()
        .find(|m| m.msgid == req.msgid)
    {
        for task in msg.tasks.iter_mut().filter(|t| t.1 == 0) {
            task.1 = 3;
        }
    }
    ok(&json!({}))
}
