//! 客户朋友圈: 企业发表内容到客户的朋友圈 (doc 95094), 停止发表 (doc 97612) and the reads of doc 93333.
//! A moment's media ids must be ones the sandbox issued, alive, of the right type and not a product
//! album's; its interactions are drawn from the customers who can see it.

use serde::Deserialize;
use serde_json::{json, Value};

use super::moment_store::{self, draw, Job, MomentRecord, Task};
use super::times;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::World;
use crate::Shared;

/// Longest window of get_moment_list (起止时间间隔不能超过30天).
const MAX_LIST_DAYS: i64 = 30;

#[derive(Deserialize)]
struct AddTask {
    text: Option<Value>,
    #[serde(default)]
    attachments: Vec<Value>,
    visible_range: Option<Range>,
}

#[derive(Deserialize, Default)]
struct Range {
    sender_list: Option<Senders>,
    external_contact_list: Option<Contacts>,
}

#[derive(Deserialize)]
struct Senders {
    user_list: Option<Vec<String>>,
    #[serde(default)]
    department_list: Vec<i64>,
}

#[derive(Deserialize)]
struct Contacts {
    #[serde(default)]
    tag_list: Vec<String>,
}

pub(crate) fn add_moment_task(shared: &Shared, input: Input<'_>) -> Reply {
    let req: AddTask = input.json()?;
    let content = req
        .text
        .as_ref()
        .and_then(|t| t["content"].as_str())
        .unwrap_or_default();
    if content.chars().count() > 2_000 {
        return Err(ApiError::invalid("invalid text size"));
    }
    if content.is_empty() && req.attachments.is_empty() {
        return Err(ApiError::invalid(
            "invalid msg: text and attachments are both empty",
        ));
    }
    let now_millis = shared.clock.now_millis();
    let mut world = shared.world();
    check_attachments(&world, &req.attachments, now_millis.div_euclid(1000))?;
    let range = req.visible_range.unwrap_or_default();
    let (users, departments) = match range.sender_list {
        Some(s) => (s.user_list, s.department_list),
        None => (None, Vec::new()),
    };
    let task = Task {
        text: req.text,
        attachments: req.attachments,
        users,
        departments,
        tags: range.external_contact_list.map(|c| c.tag_list),
    };
    let jobid = world.next_id("jobSbx");
    let delay = world.created.moments.job_millis();
    world.created.moments.jobs.push(Job {
        jobid: jobid.clone(),
        created_millis: now_millis,
        done_millis: now_millis.saturating_add(delay),
        task,
        outcome: None,
    });
    ok(&json!({ "jobid": jobid }))
}

/// Up to 9 images, or one video, or one link, never mixed; their media ids issued, alive and of the
/// right type.
fn check_attachments(world: &World, attachments: &[Value], now: i64) -> Result<(), ApiError> {
    let kinds: Vec<&str> = attachments
        .iter()
        .map(|a| a["msgtype"].as_str().unwrap_or_default())
        .collect();
    if kinds
        .iter()
        .any(|k| !matches!(*k, "image" | "video" | "link"))
        || kinds.windows(2).any(|w| w[0] != w[1])
    {
        return Err(ApiError::invalid("invalid attachments msgtype"));
    }
    let most = if kinds.first() == Some(&"image") {
        9
    } else {
        1
    };
    if attachments.len() > most {
        return Err(ApiError::invalid("invalid attachments size"));
    }
    for (attachment, kind) in attachments.iter().zip(kinds) {
        let body = &attachment[kind];
        if kind == "link" && body["url"].as_str().unwrap_or_default().is_empty() {
            return Err(ApiError::invalid("invalid msg: link.url is required"));
        }
        let media_id = body["media_id"].as_str().unwrap_or_default();
        let media = world.created.media.live(media_id, now)?;
        let wanted = if kind == "video" { "video" } else { "image" };
        if media.media_type != wanted || media.attachment_type == Some(2) {
            return Err(ApiError::new(
                40007,
                format!("invalid media_id {media_id}: not a moment's {wanted}"),
            ));
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct JobQuery {
    #[serde(default)]
    jobid: String,
}

pub(crate) fn get_moment_task_result(shared: &Shared, input: Input<'_>) -> Reply {
    let q: JobQuery = input.query()?;
    let now = shared.clock.now_millis();
    let mut world = shared.world();
    moment_store::settle(&mut world, now);
    let job = world
        .created
        .moments
        .jobs
        .iter()
        .find(|j| j.jobid == q.jobid)
        .ok_or_else(|| ApiError::invalid(format!("invalid jobid {}", q.jobid)))?;
    let Some(outcome) = &job.outcome else {
        let halfway = job.created_millis + (job.done_millis - job.created_millis) / 2;
        let status = if now < halfway { 1 } else { 2 };
        return ok(&json!({ "status": status, "type": "add_moment_task" }));
    };
    ok(&json!({
        "status": 3,
        "type": "add_moment_task",
        "result": {
            "errcode": 0,
            "errmsg": "ok",
            "moment_id": outcome.moment_id,
            "invalid_sender_list": {
                "user_list": outcome.invalid_users,
                "department_list": outcome.invalid_departments,
            },
            "invalid_external_contact_list": { "tag_list": outcome.invalid_tags },
        }
    }))
}

#[derive(Deserialize)]
struct ByMoment {
    #[serde(default)]
    moment_id: String,
    #[serde(default)]
    userid: String,
    #[serde(default)]
    cursor: String,
    limit: Option<u64>,
}

/// The moment `moment_id`, with every job due by now finished.
fn with_moment<T>(
    shared: &Shared,
    moment_id: &str,
    read: impl FnOnce(&MomentRecord) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let now = shared.clock.now_millis();
    let mut world = shared.world();
    moment_store::settle(&mut world, now);
    let moment = world
        .created
        .moments
        .moment(moment_id)
        .ok_or_else(|| ApiError::invalid(format!("invalid moment_id {moment_id}")))?;
    read(moment)
}

/// WeCom's page size: its default when absent or above the maximum (超过最大值时取默认值).
fn page_size(limit: Option<u64>, default: usize, max: usize) -> usize {
    match limit.and_then(|l| usize::try_from(l).ok()) {
        Some(n) if (1..=max).contains(&n) => n,
        _ => default,
    }
}

pub(crate) fn cancel_moment_task(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByMoment = input.json()?;
    with_moment(shared, &req.moment_id, |_| Ok(()))?;
    let mut world = shared.world();
    if let Some(moment) = world
        .created
        .moments
        .list
        .iter_mut()
        .find(|m| m.moment_id == req.moment_id)
    {
        moment.cancelled = true;
    }
    ok(&json!({}))
}

pub(crate) fn get_moment_task(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByMoment = input.json()?;
    let limit = page_size(req.limit, 500, 1_000);
    with_moment(shared, &req.moment_id, |moment| {
        let tasks: Vec<Value> = moment
            .tasks
            .iter()
            .map(|(userid, at)| json!({"userid": userid, "publish_status": i64::from(*at > 0)}))
            .collect();
        let (page, next_cursor) = super::paging::page(&tasks, &req.cursor, limit)?;
        ok(&json!({ "next_cursor": next_cursor, "task_list": page }))
    })
}

pub(crate) fn get_moment_customer_list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByMoment = input.json()?;
    let limit = page_size(req.limit, 500, 1_000);
    with_moment(shared, &req.moment_id, |moment| {
        let chosen: Vec<Value> = moment
            .customers
            .iter()
            .filter(|(userid, _)| *userid == req.userid)
            .map(|(userid, external)| json!({"userid": userid, "external_userid": external}))
            .collect();
        let (page, next_cursor) = super::paging::page(&chosen, &req.cursor, limit)?;
        ok(&json!({ "next_cursor": next_cursor, "customer_list": page }))
    })
}

/// The customers who can see `userid`'s copy: those chosen, once the member published it.
fn reached<'m>(moment: &'m MomentRecord, userid: &'m str) -> impl Iterator<Item = &'m str> + 'm {
    let published = moment
        .tasks
        .iter()
        .any(|(member, at)| member == userid && *at > 0);
    moment
        .customers
        .iter()
        .filter(move |(member, _)| published && member == userid)
        .map(|(_, external)| external.as_str())
}

pub(crate) fn get_moment_send_result(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByMoment = input.json()?;
    let limit = page_size(req.limit, 3_000, 5_000);
    with_moment(shared, &req.moment_id, |moment| {
        let sent: Vec<Value> = reached(moment, &req.userid)
            .map(|external| json!({ "external_userid": external }))
            .collect();
        let (page, next_cursor) = super::paging::page(&sent, &req.cursor, limit)?;
        ok(&json!({ "next_cursor": next_cursor, "customer_list": page }))
    })
}

/// Of the customers reached, about three in ten like the moment and one in ten comments (the member
/// answers each comment a minute later), within the hour after it was published.
pub(crate) fn get_moment_comments(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ByMoment = input.json()?;
    with_moment(shared, &req.moment_id, |moment| {
        let published_at = moment
            .tasks
            .iter()
            .find(|(member, _)| *member == req.userid)
            .map_or(0, |(_, at)| *at);
        let mut likes = Vec::new();
        let mut comments = Vec::new();
        for external in reached(moment, &req.userid) {
            let n = draw(&moment.moment_id, external);
            let at = published_at + 60 + (n >> 8) as i64 % 3_600;
            if n % 10 < 3 {
                likes.push(json!({"external_userid": external, "create_time": at}));
            }
            if n % 10 == 0 {
                comments.push(json!({"external_userid": external, "create_time": at}));
                comments.push(json!({"userid": req.userid, "create_time": at + 60}));
            }
        }
        ok(&json!({ "comment_list": comments, "like_list": likes }))
    })
}

#[derive(Deserialize)]
struct ListRequest {
    start_time: i64,
    end_time: i64,
    creator: Option<String>,
    filter_type: Option<i64>,
    #[serde(default)]
    cursor: String,
    limit: Option<u64>,
}

/// The corp's moments in the window; those made by `add_moment_task` answer no `creator`.
pub(crate) fn get_moment_list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ListRequest = input.json()?;
    let (start, end) = times::span(
        ("start_time", req.start_time),
        ("end_time", req.end_time),
        MAX_LIST_DAYS,
    )?;
    let limit = page_size(req.limit, 20, 20);
    let now = shared.clock.now_millis();
    let mut world = shared.world();
    moment_store::settle(&mut world, now);
    // The sandbox's moments are all the corp's (create_type 0), none personal.
    let corp_ones = req.filter_type.is_none_or(|f| f != 1) && req.creator.is_none();
    let moments: Vec<Value> = world
        .created
        .moments
        .list
        .iter()
        .filter(|m| corp_ones && (start..=end).contains(&m.create_time))
        .map(answer_moment)
        .collect();
    let (page, next_cursor) = super::paging::page(&moments, &req.cursor, limit)?;
    ok(&json!({ "next_cursor": next_cursor, "moment_list": page }))
}

/// A moment as get_moment_list answers it: text, and its images, video or link as WeCom shows them.
fn answer_moment(m: &MomentRecord) -> Value {
    let mut out = json!({
        "moment_id": m.moment_id,
        "create_time": m.create_time.to_string(),
        "create_type": 0,
        "visible_type": m.visible_type,
    });
    if let Some(content) = m.text.as_ref().and_then(|t| t.get("content")) {
        out["text"] = json!({ "content": content });
    }
    let images: Vec<Value> = m
        .attachments
        .iter()
        .filter(|a| a["msgtype"] == "image")
        .map(|a| json!({ "media_id": a["image"]["media_id"] }))
        .collect();
    if !images.is_empty() {
        out["image"] = Value::Array(images);
    }
    for a in &m.attachments {
        match a["msgtype"].as_str() {
            Some("video") => {
                let id = &a["video"]["media_id"];
                out["video"] = json!({ "media_id": id, "thumb_media_id": format!("{}_thumb", id.as_str().unwrap_or_default()) });
            }
            Some("link") => {
                out["link"] = json!({ "title": a["link"]["title"], "url": a["link"]["url"] });
            }
            _ => {}
        }
    }
    out
}
