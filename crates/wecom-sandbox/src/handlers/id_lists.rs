//! ID转换 of lists, with WeCom's per-call limits: new external_userids (of customers and of group
//! members), pending_ids, tag ids and tmp_external_userids. Ids the sandbox does not know are left out
//! of the answer, or listed as invalid where WeCom has such a list.

use serde::Deserialize;
use serde_json::{json, Value};

use super::id_convert::customer;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::service::ids::{
    corp_tag_form, from_tmp_form, open_tag_form, pending_id_of, service_form,
};
use crate::service::{current_corp, lock};
use crate::state::World;
use crate::Shared;

/// 1 to `max` ids, else 40058 as WeCom answers a list beyond its limit.
fn within(field: &str, ids: &[String], max: usize) -> Result<(), ApiError> {
    if ids.is_empty() || ids.len() > max {
        return Err(ApiError::invalid(format!(
            "{field} holds {} ids: 1 to {max} allowed",
            ids.len()
        )));
    }
    Ok(())
}

#[derive(Deserialize)]
struct NewIds {
    #[serde(default)]
    chat_id: String,
    #[serde(default)]
    external_userid_list: Vec<String>,
}

fn new_ids<'a>(world: &World, ids: impl Iterator<Item = &'a String>) -> Vec<Value> {
    ids.filter_map(|id| {
        let customer = customer(world, id)?;
        Some(json!({
            "external_userid": id,
            "new_external_userid": service_form(&customer.external_userid),
        }))
    })
    .collect()
}

/// Known customers get their provider-subject id (an id already of that subject comes back as it is).
pub(crate) fn get_new_external_userid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: NewIds = input.json()?;
    within("external_userid_list", &req.external_userid_list, 1000)?;
    let world = shared.world();
    ok(&json!({ "items": new_ids(&world, req.external_userid_list.iter()) }))
}

/// The external members of one group.
pub(crate) fn groupchat_get_new_external_userid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: NewIds = input.json()?;
    within("external_userid_list", &req.external_userid_list, 1000)?;
    let world = shared.world();
    let chat = world
        .chats
        .iter()
        .find(|c| c.chat_id == req.chat_id)
        .ok_or_else(|| ApiError::new(40050, "chatid not found"))?;
    let members = req.external_userid_list.iter().filter(|id| {
        let id = crate::service::ids::corp_form(id);
        chat.members.iter().any(|m| m.kind == 2 && m.userid == id)
    });
    ok(&json!({ "items": new_ids(&world, members) }))
}

#[derive(Deserialize)]
struct PendingQuery {
    #[serde(default)]
    chat_id: Option<String>,
    #[serde(default)]
    external_userid: Vec<String>,
}

/// Customers whose unionid this corp looked up get its pending_id; with `chat_id`, members of that
/// group only.
pub(crate) fn external_userid_to_pending_id(shared: &Shared, input: Input<'_>) -> Reply {
    let req: PendingQuery = input.json()?;
    within("external_userid", &req.external_userid, 100)?;
    let looked_up = lock(&shared.service.looked_up).clone();
    let corp = current_corp();
    let world = shared.world();
    let chat = match &req.chat_id {
        None => None,
        Some(chat_id) => Some(
            world
                .chats
                .iter()
                .find(|c| &c.chat_id == chat_id)
                .ok_or_else(|| ApiError::new(40050, "chatid not found"))?,
        ),
    };
    let result: Vec<Value> = req
        .external_userid
        .iter()
        .filter_map(|id| {
            let customer = customer(&world, id)?;
            let in_chat = chat.is_none_or(|chat| {
                chat.members
                    .iter()
                    .any(|m| m.kind == 2 && m.userid == customer.external_userid)
            });
            let linked = looked_up.contains(&(corp, customer.unionid.clone()));
            (in_chat && linked && !customer.unionid.is_empty()).then(
                || json!({ "external_userid": id, "pending_id": pending_id_of(&customer.unionid) }),
            )
        })
        .collect();
    ok(&json!({ "result": result }))
}

#[derive(Deserialize)]
struct TagIds {
    #[serde(default)]
    external_tagid_list: Vec<String>,
}

/// Tags and tag groups of this corp, of either subject.
pub(crate) fn external_tagid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: TagIds = input.json()?;
    within("external_tagid_list", &req.external_tagid_list, 1000)?;
    let world = shared.world();
    let known = |id: &str| {
        world
            .tag_groups
            .iter()
            .any(|g| g.group_id == id || g.tags.iter().any(|t| t.id == id))
    };
    let (mut items, mut invalid) = (Vec::new(), Vec::new());
    for id in &req.external_tagid_list {
        if known(&corp_tag_form(id)) {
            items.push(json!({ "external_tagid": id, "open_external_tagid": open_tag_form(id) }));
        } else {
            invalid.push(id.clone());
        }
    }
    ok(&json!({ "items": items, "invalid_external_tagid_list": invalid }))
}

#[derive(Deserialize)]
struct TmpIds {
    #[serde(default)]
    business_type: i64,
    #[serde(default)]
    user_type: i64,
    #[serde(default)]
    tmp_external_userid_list: Vec<String>,
}

/// Customers' tmp ids (user type 1); the sandbox has no members of other corps, so user types 2 to 4
/// find nobody.
pub(crate) fn convert_tmp_external_userid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: TmpIds = input.json()?;
    if !(1..=3).contains(&req.business_type) || !(1..=4).contains(&req.user_type) {
        return Err(ApiError::invalid(
            "business_type must be 1 to 3, user_type 1 to 4",
        ));
    }
    within(
        "tmp_external_userid_list",
        &req.tmp_external_userid_list,
        100,
    )?;
    let world = shared.world();
    let (mut results, mut invalid) = (Vec::new(), Vec::new());
    for tmp in &req.tmp_external_userid_list {
        let found = from_tmp_form(tmp)
            .filter(|_| req.user_type == 1)
            .and_then(|id| world.customer(&id).map(|c| c.external_userid.clone()));
        match found {
            Some(id) => results.push(json!({ "tmp_external_userid": tmp, "external_userid": id })),
            None => invalid.push(tmp.clone()),
        }
    }
    ok(&json!({ "results": results, "invalid_tmp_external_userid_list": invalid }))
}
