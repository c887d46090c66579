//! The third-party side of 获客助手: 获取客户可建联成员 (营销获客 apps), and the 获客助手组件's auth info,
//! once keys (服务商代支付 only, 14 days, one use) and bills (`get_bill_list`, with the suite token, for
//! the authorized corp named in the body).

use serde::Deserialize;
use serde_json::json;

use super::strategy_rules::ROOT_DEPARTMENT;
use super::{paging, times};
use crate::reply::{ok, ApiError, Input, Reply};
use crate::service::world_of;
use crate::Shared;

/// create_once_key: 默认值100，最大不超过1000.
const MAX_ONCE_KEYS: usize = 1_000;
const DEFAULT_ONCE_KEYS: usize = 100;
/// get_bill_list: 默认值100，最大不超过1000.
const MAX_BILL_LIMIT: usize = 1_000;
const DEFAULT_BILL_LIMIT: usize = 100;
/// 流水起止间隔不能超过31天.
const MAX_BILL_DAYS: i64 = 31;
/// The agentid of the sandbox's component app.
const COMPONENT_AGENTID: i64 = 1_000_002;

/// `GET customer_acquisition_app/get_permit`: every member, department 1, no tag.
pub(crate) fn get_permit(shared: &Shared, _input: Input<'_>) -> Reply {
    let world = shared.world();
    let users: Vec<&str> = world.members.iter().map(|m| m.userid.as_str()).collect();
    let tags: [i64; 0] = [];
    ok(&json!({"user_list": users, "department_list": [ROOT_DEPARTMENT], "tag_list": tags}))
}

/// `POST customer_acquisition/get_comp_auth_info`: the pay mode the sandbox was set to.
pub(crate) fn get_comp_auth_info(shared: &Shared, _input: Input<'_>) -> Reply {
    let world = shared.world();
    let component = &world.created.acquisition.component;
    let mut answer = json!({
        "pay_mode": component.pay_mode,
        "link_auth_mode": 1,
        "auth_apps": [{"agentid": COMPONENT_AGENTID}],
    });
    if component.pay_mode == 1 {
        answer["price"] = json!(component.price);
    }
    ok(&answer)
}

#[derive(Deserialize)]
struct OnceKeyRequest {
    #[serde(default)]
    link_id: String,
    key_num: Option<u64>,
}

/// `POST customer_acquisition/create_once_key`: keys for a live link, when the provider pays.
pub(crate) fn create_once_key(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OnceKeyRequest = input.json()?;
    let count = paging::limit(req.key_num, DEFAULT_ONCE_KEYS, MAX_ONCE_KEYS)?;
    let now = shared.clock.now();
    let mut world = shared.world();
    if world.created.acquisition.link(&req.link_id).is_none() {
        return Err(ApiError::invalid(format!(
            "invalid link_id {}",
            req.link_id
        )));
    }
    if world.created.acquisition.component.pay_mode != 1 {
        return Err(ApiError::new(
            48002,
            "api forbidden: the corp did not choose 服务商代支付 (pay_mode 1)",
        ));
    }
    let keys: Vec<String> = (0..count).map(|_| world.next_id("OK")).collect();
    let store = &mut world.created.acquisition.component.once_keys;
    for key in &keys {
        store.insert(key.clone(), (req.link_id.clone(), now));
    }
    ok(&json!({"keys": keys}))
}

#[derive(Deserialize)]
struct BillRequest {
    #[serde(default)]
    auth_corpid: String,
    #[serde(default)]
    begin_time: i64,
    #[serde(default)]
    end_time: i64,
    limit: Option<u64>,
    #[serde(default)]
    cursor: String,
}

/// `POST service/customer_acquisition/get_bill_list?suite_access_token=…`: the bills of an authorized
/// corp within `[begin_time, end_time]`, oldest first.
pub(crate) fn get_bill_list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: BillRequest = input.json()?;
    let (begin, end) = times::span(
        ("begin_time", req.begin_time),
        ("end_time", req.end_time),
        MAX_BILL_DAYS,
    )?;
    let limit = paging::limit(req.limit, DEFAULT_BILL_LIMIT, MAX_BILL_LIMIT)?;
    let index = shared
        .service
        .corps
        .iter()
        .position(|c| c.corp.corp_id == req.auth_corpid)
        .ok_or_else(|| ApiError::new(40013, "invalid auth_corpid: the suite is not authorized"))?;
    let world = world_of(shared, index);
    let acquisition = &world.created.acquisition;
    let bills: Vec<_> = acquisition
        .component
        .bills
        .iter()
        .filter(|(t, ..)| (begin..=end).contains(t))
        .map(|(timestamp, link_id, state, price)| {
            let mut bill = json!({"timestamp": timestamp, "price": price});
            // A deleted link's id is no longer answered; an empty state is left out.
            if acquisition.link(link_id).is_some() {
                bill["link_id"] = json!(link_id);
            }
            if !state.is_empty() {
                bill["state"] = json!(state);
            }
            bill
        })
        .collect();
    let (page, next_cursor) = paging::page(&bills, &req.cursor, limit)?;
    ok(&json!({"bill_list": page, "next_cursor": next_cursor}))
}
