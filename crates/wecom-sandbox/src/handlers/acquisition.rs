//! 获客链接管理 (doc 97297): list, read, create, edit and delete links, and the route table of every
//! 获客助手 endpoint (`acquisition_use.rs`: customers, quota, statistics, chat info;
//! `acquisition_component.rs`: the third-party ones).
//!
//! WeCom documents no errcode of its own for these rules; as elsewhere in the sandbox, a broken rule or an
//! unknown id is 40058 and a member or department outside the app's visibility (every member, and
//! department 1) is 60011.

use axum::http::Method;
use serde::Deserialize;
use serde_json::{json, Value};

use super::acquisition_component as component;
use super::acquisition_store::Link;
use super::acquisition_use as usage;
use super::strategy_rules::ROOT_DEPARTMENT;
use super::{paging, Endpoint};
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::World;
use crate::Shared;

/// 最长为30个字符.
const MAX_NAME_CHARS: usize = 30;
/// range覆盖的总用户数不得超过500人.
const MAX_RANGE_USERS: usize = 500;
/// priority_userid_list 最多1000个.
const MAX_PRIORITY_USERS: usize = 1_000;
/// list_link: 最大值100.
const MAX_LIST_LIMIT: usize = 100;

/// The 获客助手 endpoint served at `path`, if it is one.
pub(crate) fn route(path: &str) -> Option<Endpoint> {
    let (method, handler): (Method, fn(&Shared, Input<'_>) -> Reply) = match path {
        "/cgi-bin/externalcontact/customer_acquisition/list_link" => (Method::POST, list_link),
        "/cgi-bin/externalcontact/customer_acquisition/get" => (Method::POST, get),
        "/cgi-bin/externalcontact/customer_acquisition/create_link" => (Method::POST, create_link),
        "/cgi-bin/externalcontact/customer_acquisition/update_link" => (Method::POST, update_link),
        "/cgi-bin/externalcontact/customer_acquisition/delete_link" => (Method::POST, delete_link),
        "/cgi-bin/externalcontact/customer_acquisition/customer" => (Method::POST, usage::customer),
        "/cgi-bin/externalcontact/customer_acquisition_quota" => (Method::GET, usage::quota),
        "/cgi-bin/externalcontact/customer_acquisition/statistic" => {
            (Method::POST, usage::statistic)
        }
        "/cgi-bin/externalcontact/customer_acquisition/get_chat_info" => {
            (Method::POST, usage::get_chat_info)
        }
        "/cgi-bin/externalcontact/customer_acquisition_app/get_permit" => {
            (Method::GET, component::get_permit)
        }
        "/cgi-bin/externalcontact/customer_acquisition/get_comp_auth_info" => {
            (Method::POST, component::get_comp_auth_info)
        }
        "/cgi-bin/externalcontact/customer_acquisition/create_once_key" => {
            (Method::POST, component::create_once_key)
        }
        "/cgi-bin/service/customer_acquisition/get_bill_list" => {
            (Method::POST, component::get_bill_list)
        }
        _ => return None,
    };
    Some(Endpoint { method, handler })
}

#[derive(Deserialize, Default)]
struct Range {
    #[serde(default)]
    user_list: Vec<String>,
    #[serde(default)]
    department_list: Vec<i64>,
}

#[derive(Deserialize)]
struct Priority {
    #[serde(default)]
    priority_type: i64,
    #[serde(default)]
    priority_userid_list: Vec<String>,
}

/// The fields create_link and update_link share.
#[derive(Deserialize)]
struct LinkFields {
    #[serde(default)]
    link_id: String,
    link_name: Option<String>,
    range: Option<Range>,
    skip_verify: Option<bool>,
    priority_option: Option<Priority>,
    mark_source: Option<bool>,
}

/// The members a range hands customers to: its users, then (department 1) every other member.
pub(crate) fn range_members(world: &World, users: &[String], departments: &[i64]) -> Vec<String> {
    let mut members: Vec<String> = users.to_vec();
    if departments.contains(&ROOT_DEPARTMENT) {
        for member in &world.members {
            if !members.contains(&member.userid) {
                members.push(member.userid.clone());
            }
        }
    }
    members
}

fn check_range(world: &World, range: &Range) -> Result<(), ApiError> {
    if range.user_list.is_empty() && range.department_list.is_empty() {
        return Err(ApiError::invalid(
            "range.user_list and range.department_list can not both be empty",
        ));
    }
    if let Some(user) = range.user_list.iter().find(|u| !world.is_member(u)) {
        return Err(ApiError::new(
            60011,
            format!("no privilege to access user {user}"),
        ));
    }
    if let Some(dept) = range
        .department_list
        .iter()
        .find(|&&d| d != ROOT_DEPARTMENT)
    {
        return Err(ApiError::new(
            60011,
            format!("no privilege to access party {dept}"),
        ));
    }
    let covered = range_members(world, &range.user_list, &range.department_list).len();
    if covered > MAX_RANGE_USERS {
        return Err(ApiError::invalid(format!(
            "range covers {covered} users; at most {MAX_RANGE_USERS}"
        )));
    }
    Ok(())
}

fn check_fields(world: &World, fields: &LinkFields) -> Result<(), ApiError> {
    if let Some(name) = &fields.link_name {
        let chars = name.chars().count();
        if chars == 0 || chars > MAX_NAME_CHARS {
            return Err(ApiError::invalid(format!(
                "link_name must have 1 to {MAX_NAME_CHARS} characters"
            )));
        }
    }
    if let Some(range) = &fields.range {
        check_range(world, range)?;
    }
    if let Some(priority) = &fields.priority_option {
        if ![1, 2].contains(&priority.priority_type) {
            return Err(ApiError::invalid(format!(
                "invalid priority_type {}",
                priority.priority_type
            )));
        }
        if priority.priority_userid_list.len() > MAX_PRIORITY_USERS {
            return Err(ApiError::invalid(
                "priority_userid_list holds more than 1000",
            ));
        }
        if let Some(user) = priority
            .priority_userid_list
            .iter()
            .find(|u| !world.is_member(u))
        {
            return Err(ApiError::new(
                60011,
                format!("no privilege to access user {user}"),
            ));
        }
    }
    Ok(())
}

fn apply(link: &mut Link, fields: LinkFields) {
    if let Some(name) = fields.link_name {
        link.link_name = name;
    }
    if let Some(range) = fields.range {
        link.users = range.user_list;
        link.departments = range.department_list;
    }
    if let Some(v) = fields.skip_verify {
        link.skip_verify = v;
    }
    if let Some(priority) = fields.priority_option {
        link.priority = Some((priority.priority_type, priority.priority_userid_list));
    }
    if let Some(v) = fields.mark_source {
        link.mark_source = v;
    }
}

/// `POST customer_acquisition/create_link`.
pub(crate) fn create_link(shared: &Shared, input: Input<'_>) -> Reply {
    let fields: LinkFields = input.json()?;
    if fields.link_name.is_none() || fields.range.is_none() {
        return Err(ApiError::invalid("link_name and range are required"));
    }
    let now = shared.clock.now();
    let mut world = shared.world();
    check_fields(&world, &fields)?;
    let link_id = world.next_id("ca");
    let mut link = Link {
        url: format!("https://work.weixin.qq.com/ca/{link_id}"),
        link_id: link_id.clone(),
        link_name: String::new(),
        create_time: now,
        skip_verify: true,
        mark_source: true,
        users: Vec::new(),
        departments: Vec::new(),
        priority: None,
        deleted: false,
        customers: Vec::new(),
        clicks: Vec::new(),
        next_member: 0,
    };
    apply(&mut link, fields);
    let answer = json!({"link": {
        "link_id": link.link_id, "link_name": link.link_name, "url": link.url, "create_time": now
    }});
    world.created.acquisition.links.push(link);
    Counters::add(&shared.metrics.counters.acquisition_links, 1);
    ok(&answer)
}

/// `POST customer_acquisition/update_link`: only the fields sent change; a range replaces the old one.
pub(crate) fn update_link(shared: &Shared, input: Input<'_>) -> Reply {
    let fields: LinkFields = input.json()?;
    let mut world = shared.world();
    check_fields(&world, &fields)?;
    let link_id = fields.link_id.clone();
    let link = world
        .created
        .acquisition
        .link_mut(&link_id)
        .ok_or_else(|| ApiError::invalid(format!("invalid link_id {link_id}")))?;
    apply(link, fields);
    ok(&json!({}))
}

#[derive(Deserialize)]
struct OneLink {
    #[serde(default)]
    link_id: String,
}

/// `POST customer_acquisition/delete_link`: the link stops working and leaves the list.
pub(crate) fn delete_link(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OneLink = input.json()?;
    let mut world = shared.world();
    let link = world
        .created
        .acquisition
        .link_mut(&req.link_id)
        .ok_or_else(|| ApiError::invalid(format!("invalid link_id {}", req.link_id)))?;
    link.deleted = true;
    ok(&json!({}))
}

/// `POST customer_acquisition/get`: written as WeCom's sample, without `link_id`.
pub(crate) fn get(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OneLink = input.json()?;
    let world = shared.world();
    let link = world
        .created
        .acquisition
        .link(&req.link_id)
        .ok_or_else(|| ApiError::invalid(format!("invalid link_id {}", req.link_id)))?;
    let mut answer = json!({
        "link": {
            "link_name": link.link_name,
            "url": link.url,
            "create_time": link.create_time,
            "skip_verify": link.skip_verify,
            "mark_source": link.mark_source,
        },
        "range": {"user_list": link.users, "department_list": link.departments},
    });
    if let Some((priority_type, users)) = &link.priority {
        answer["priority_option"] =
            json!({"priority_type": priority_type, "priority_userid_list": users});
    }
    ok(&answer)
}

#[derive(Deserialize)]
struct ListLink {
    limit: Option<u64>,
    #[serde(default)]
    cursor: String,
}

/// `POST customer_acquisition/list_link`: the links still in use, oldest first.
pub(crate) fn list_link(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ListLink = input.json()?;
    let limit = paging::limit(req.limit, MAX_LIST_LIMIT, MAX_LIST_LIMIT)?;
    let world = shared.world();
    let ids: Vec<&str> = world
        .created
        .acquisition
        .links
        .iter()
        .filter(|l| !l.deleted)
        .map(|l| l.link_id.as_str())
        .collect();
    let (page, next_cursor) = paging::page(&ids, &req.cursor, limit)?;
    ok(&json!({"link_id_list": page, "next_cursor": next_cursor}))
}

/// The customers of a live link as `customer` answers them.
pub(crate) fn customer_json(link: &Link) -> Vec<Value> {
    link.customers
        .iter()
        .map(|c| {
            let mut item = json!({
                "external_userid": c.external_userid,
                "userid": c.userid,
                "chat_status": i64::from(c.messages > 0),
            });
            if !c.state.is_empty() {
                item["state"] = json!(c.state);
            }
            item
        })
        .collect()
}
