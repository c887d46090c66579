//! What links bring (docs 97298, 97375, 100130): the customers of a link, the quota they use, link
//! statistics counted from the clicks and customers recorded, and the chat info of a `ChatKey` (valid 30
//! minutes on the clock). Customers arrive through [`add_customer`], which the sandbox's controls call
//! as WeChat users would.

use serde::Deserialize;
use serde_json::json;

use super::acquisition::{customer_json, range_members};
use super::acquisition_store::{Acquired, Refusal, CHAT_KEY_SECS};
use super::{paging, times};
use crate::days::{day_start, history_start, DAY};
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::{Customer, Follow, World};
use crate::Shared;

/// customer: 最大值1000.
const MAX_CUSTOMER_LIMIT: usize = 1_000;
/// statistic: 起始和结束时间相差不可超过30天.
const MAX_STATISTIC_DAYS: i64 = 30;
/// add_way of a customer added through a link (通过获客链接添加).
const ADD_WAY_LINK: i64 = 16;

/// A WeChat user opens link `link_id` (with `channel` as its `customer_channel`, and `once_key` when the
/// provider pays) and adds the next member of its range: a new customer of the world, followed by that
/// member with `state` = the channel. Answers the customer and the member.
pub(crate) fn add_customer(
    world: &mut World,
    link_id: &str,
    channel: &str,
    once_key: Option<&str>,
    now: i64,
) -> Result<(String, String), Refusal> {
    let members = match world.created.acquisition.link(link_id) {
        Some(link) => range_members(world, &link.users, &link.departments),
        None => return Err(Refusal::UnknownLink),
    };
    world.created.acquisition.admit(link_id, once_key, now)?;
    let acquisition = &mut world.created.acquisition;
    let userid = acquisition
        .next_member(link_id, &members)
        .ok_or(Refusal::UnknownLink)?;
    let serial = world.customers.len();
    let external_userid = world.next_id("wmAcq");
    world.customers.push(Customer {
        external_userid: external_userid.clone(),
        name: format!("获客客户{serial}"),
        kind: 1,
        gender: 0,
        avatar: format!("https://wework.qpic.cn/wwhead/acquired{serial}/0"),
        unionid: format!("oAcq{external_userid}"),
        corp_name: String::new(),
        follow: vec![Follow {
            userid: userid.clone(),
            remark: String::new(),
            description: String::new(),
            createtime: now,
            tag_ids: Vec::new(),
            remark_corp_name: String::new(),
            remark_mobiles: Vec::new(),
            add_way: ADD_WAY_LINK,
            state: channel.to_owned(),
        }],
    });
    world.customer_index.insert(external_userid.clone(), serial);
    world
        .by_member
        .entry(userid.clone())
        .or_default()
        .push(serial);
    let acquisition = &mut world.created.acquisition;
    if once_key.is_some() {
        let price = acquisition.component.price;
        let bill = (now, link_id.to_owned(), channel.to_owned(), price);
        acquisition.component.bills.push(bill);
    }
    if let Some(link) = acquisition.link_mut(link_id) {
        link.customers.push(Acquired {
            external_userid: external_userid.clone(),
            userid: userid.clone(),
            state: channel.to_owned(),
            time: now,
            messages: 0,
        });
    }
    Ok((external_userid, userid))
}

#[derive(Deserialize)]
struct CustomerRequest {
    #[serde(default)]
    link_id: String,
    limit: Option<u64>,
    #[serde(default)]
    cursor: String,
}

/// `POST customer_acquisition/customer`: the customers of a link, in the order they came.
pub(crate) fn customer(shared: &Shared, input: Input<'_>) -> Reply {
    let req: CustomerRequest = input.json()?;
    let limit = paging::limit(req.limit, MAX_CUSTOMER_LIMIT, MAX_CUSTOMER_LIMIT)?;
    let world = shared.world();
    let link = world
        .created
        .acquisition
        .link(&req.link_id)
        .ok_or_else(|| ApiError::invalid(format!("invalid link_id {}", req.link_id)))?;
    let customers = customer_json(link);
    let (page, next_cursor) = paging::page(&customers, &req.cursor, limit)?;
    ok(&json!({"customer_list": page, "next_cursor": next_cursor}))
}

/// `GET customer_acquisition_quota`: the batches not yet expired.
pub(crate) fn quota(shared: &Shared, _input: Input<'_>) -> Reply {
    let now = shared.clock.now();
    let mut world = shared.world();
    let quota = world.created.acquisition.quota(now);
    let batches: Vec<_> = quota
        .live(now)
        .map(|(expire_date, balance)| json!({"expire_date": expire_date, "balance": balance}))
        .collect();
    ok(&json!({"total": quota.total, "balance": quota.balance(now), "quota_list": batches}))
}

#[derive(Deserialize)]
struct StatisticRequest {
    #[serde(default)]
    link_id: String,
    #[serde(default)]
    start_time: i64,
    #[serde(default)]
    end_time: i64,
}

/// `POST customer_acquisition/statistic`: whole days (each time stands for its day, both included),
/// within the last 180 days and at most 30 days apart.
pub(crate) fn statistic(shared: &Shared, input: Input<'_>) -> Reply {
    let req: StatisticRequest = input.json()?;
    let (start, end) = times::span(
        ("start_time", req.start_time),
        ("end_time", req.end_time),
        MAX_STATISTIC_DAYS,
    )?;
    let now = shared.clock.now();
    if start < history_start(now) {
        return Err(ApiError::invalid(
            "start_time is older than 180 days: only the last 180 days can be read",
        ));
    }
    let (from, until) = (day_start(start), day_start(end) + DAY);
    let world = shared.world();
    let link = world
        .created
        .acquisition
        .link(&req.link_id)
        .ok_or_else(|| ApiError::invalid(format!("invalid link_id {}", req.link_id)))?;
    let within = |t: &i64| (from..until).contains(t);
    let clicks = link.clicks.iter().filter(|t| within(t)).count();
    let new = link.customers.iter().filter(|c| within(&c.time)).count();
    ok(&json!({"click_link_customer_cnt": clicks, "new_customer_cnt": new}))
}

#[derive(Deserialize)]
struct ChatInfoRequest {
    #[serde(default)]
    chat_key: String,
}

/// `POST customer_acquisition/get_chat_info`: what a `ChatKey` stood for, for 30 minutes.
pub(crate) fn get_chat_info(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ChatInfoRequest = input.json()?;
    let now = shared.clock.now();
    let world = shared.world();
    let chat = world
        .created
        .acquisition
        .chat_keys
        .get(&req.chat_key)
        .ok_or_else(|| ApiError::invalid(format!("invalid chat_key {}", req.chat_key)))?;
    if now >= chat.issued + CHAT_KEY_SECS {
        return Err(ApiError::invalid(
            "chat_key expired: it works 30 minutes after the callback",
        ));
    }
    let mut info = json!({"recv_msg_cnt": chat.recv_msg_cnt, "link_id": chat.link_id});
    if !chat.state.is_empty() {
        info["state"] = json!(chat.state);
    }
    ok(&json!({
        "userid": chat.userid,
        "external_userid": chat.external_userid,
        "chat_info": info,
    }))
}

/// Counts an admitted customer in the sandbox's counters.
pub(crate) fn count_customer(shared: &Shared) {
    Counters::add(&shared.metrics.counters.acquired_customers, 1);
}
