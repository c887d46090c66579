//! 客户管理: follow users, customer lists and details, remarks.

use serde::Deserialize;
use serde_json::{json, Value};

use super::paging;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::{Customer, Follow, World};
use crate::Shared;

pub(crate) fn get_follow_user_list(shared: &Shared, _input: Input<'_>) -> Reply {
    let world = shared.world();
    let users: Vec<&str> = world.members.iter().map(|m| m.userid.as_str()).collect();
    ok(&json!({ "follow_user": users }))
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(default)]
    userid: String,
}

pub(crate) fn list(shared: &Shared, input: Input<'_>) -> Reply {
    let q: ListQuery = input.query()?;
    let world = shared.world();
    if !world.is_member(&q.userid) {
        return Err(ApiError::new(60111, format!("invalid userid {}", q.userid)));
    }
    let ids: Vec<&str> = world
        .by_member
        .get(&q.userid)
        .into_iter()
        .flatten()
        .map(|&i| world.customers[i].external_userid.as_str())
        .collect();
    if ids.is_empty() {
        return Err(ApiError::new(84061, "not external contact"));
    }
    ok(&json!({ "external_userid": ids }))
}

#[derive(Deserialize)]
struct GetQuery {
    #[serde(default)]
    external_userid: String,
    #[serde(default)]
    cursor: String,
}

pub(crate) fn get(shared: &Shared, input: Input<'_>) -> Reply {
    let q: GetQuery = input.query()?;
    let world = shared.world();
    let customer = world
        .customer(&q.external_userid)
        .ok_or_else(|| ApiError::new(40096, "invalid external userid"))?;
    // WeCom pages follow_user by 500.
    let (follows, next_cursor) = paging::page(&customer.follow, &q.cursor, 500)?;
    let follow_user: Vec<Value> = follows
        .iter()
        .map(|f| follow_user_json(&world, f))
        .collect();
    ok(&json!({
        "external_contact": contact_json(customer),
        "follow_user": follow_user,
        "next_cursor": next_cursor,
    }))
}

#[derive(Deserialize)]
struct BatchGetByUser {
    #[serde(default)]
    userid_list: Vec<String>,
    #[serde(default)]
    cursor: String,
    limit: Option<u64>,
}

pub(crate) fn batch_get_by_user(shared: &Shared, input: Input<'_>) -> Reply {
    let req: BatchGetByUser = input.json()?;
    if req.userid_list.is_empty() || req.userid_list.len() > 100 {
        return Err(ApiError::invalid(format!(
            "userid_list holds {} ids: 1 to 100 allowed",
            req.userid_list.len()
        )));
    }
    let limit = paging::limit(req.limit, 50, 100)?;
    let world = shared.world();
    // The (customer, follow) pairs of the listed members, member by member, without building the
    // whole list: a page costs O(members + limit) even for 100 000 customers.
    let lists: Vec<(&str, &[usize])> = req
        .userid_list
        .iter()
        .map(|userid| {
            let list = world
                .by_member
                .get(userid)
                .map(Vec::as_slice)
                .unwrap_or_default();
            (userid.as_str(), list)
        })
        .collect();
    let (page, next_cursor) = paging::page_nested(&lists, &req.cursor, limit)?;
    let list: Vec<Value> = page
        .iter()
        .filter_map(|&(userid, i)| {
            let customer = &world.customers[i];
            let follow = customer.follow.iter().find(|f| f.userid == userid)?;
            Some(json!({
                "external_contact": contact_json(customer),
                "follow_info": follow_info_json(follow),
            }))
        })
        .collect();
    ok(&json!({ "external_contact_list": list, "next_cursor": next_cursor }))
}

#[derive(Deserialize)]
struct Remark {
    userid: String,
    external_userid: String,
    remark: Option<String>,
    description: Option<String>,
    remark_company: Option<String>,
    remark_mobiles: Option<Vec<String>>,
    remark_pic_mediaid: Option<String>,
}

pub(crate) fn remark(shared: &Shared, input: Input<'_>) -> Reply {
    let req: Remark = input.json()?;
    let _ = req.remark_pic_mediaid;
    let mut world = shared.world();
    let follow = world
        .customer_mut(&req.external_userid)
        .and_then(|c| c.follow.iter_mut().find(|f| f.userid == req.userid))
        .ok_or_else(|| ApiError::new(84061, "not external contact"))?;
    if let Some(remark) = req.remark {
        follow.remark = remark;
    }
    if let Some(description) = req.description {
        follow.description = description;
    }
    if let Some(company) = req.remark_company {
        follow.remark_corp_name = company;
    }
    if let Some(mobiles) = req.remark_mobiles {
        follow.remark_mobiles = mobiles;
    }
    ok(&json!({}))
}

pub(crate) fn contact_json(customer: &Customer) -> Value {
    let mut contact = json!({
        "external_userid": customer.external_userid,
        "name": customer.name,
        "avatar": customer.avatar,
        "type": customer.kind,
        "gender": customer.gender,
    });
    if customer.kind == 1 {
        contact["unionid"] = json!(customer.unionid);
    } else {
        contact["corp_name"] = json!(customer.corp_name);
        contact["corp_full_name"] = json!(format!("{}有限公司", customer.corp_name));
        contact["position"] = json!("采购经理");
    }
    contact
}

fn follow_user_json(world: &World, follow: &Follow) -> Value {
    let tags: Vec<Value> = follow
        .tag_ids
        .iter()
        .filter_map(|id| {
            world.tag_groups.iter().find_map(|g| {
                g.tags.iter().find(|t| &t.id == id).map(|t| {
                    json!({"group_name": g.group_name, "tag_name": t.name, "tag_id": t.id, "type": 1})
                })
            })
        })
        .collect();
    let mut value = follow_common(follow);
    value["tags"] = json!(tags);
    value
}

fn follow_info_json(follow: &Follow) -> Value {
    let mut value = follow_common(follow);
    value["tag_id"] = json!(follow.tag_ids);
    value
}

fn follow_common(follow: &Follow) -> Value {
    let mut value = json!({
        "userid": follow.userid,
        "remark": follow.remark,
        "description": follow.description,
        "createtime": follow.createtime,
        "remark_corp_name": follow.remark_corp_name,
        "remark_mobiles": follow.remark_mobiles,
        "add_way": follow.add_way,
        "oper_userid": follow.userid,
    });
    if !follow.state.is_empty() {
        value["state"] = json!(follow.state);
    }
    value
}
