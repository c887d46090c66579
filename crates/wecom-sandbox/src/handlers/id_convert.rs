//! ID转换: the conversions of one id (or one unionid), and the route table of every id-conversion
//! endpoint. How converted ids are spelled is in `crate::service::ids`; lists are in `id_lists.rs`.

use axum::http::Method;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{id_lists, Endpoint};
use crate::reply::{ok, ApiError, Input, Reply};
use crate::service::ids::{corp_form, openid_of, pending_id_of, service_form};
use crate::service::{current_corp, lock};
use crate::state::{Customer, World};
use crate::Shared;

/// The id-conversion endpoint served at `path`, if it is one.
pub(crate) fn route(path: &str) -> Option<Endpoint> {
    let handler: fn(&Shared, Input<'_>) -> Reply = match path {
        "/cgi-bin/externalcontact/convert_to_openid" => convert_to_openid,
        "/cgi-bin/externalcontact/unionid_to_external_userid" => unionid_to_external_userid,
        "/cgi-bin/externalcontact/to_service_external_userid" => to_service_external_userid,
        "/cgi-bin/externalcontact/from_service_external_userid" => from_service_external_userid,
        "/cgi-bin/externalcontact/get_new_external_userid" => id_lists::get_new_external_userid,
        "/cgi-bin/externalcontact/groupchat/get_new_external_userid" => {
            id_lists::groupchat_get_new_external_userid
        }
        "/cgi-bin/service/externalcontact/unionid_to_external_userid_3rd" => {
            unionid_to_external_userid_3rd
        }
        "/cgi-bin/service/externalcontact/finish_external_userid_migration" => {
            finish_external_userid_migration
        }
        "/cgi-bin/idconvert/unionid_to_external_userid" => idconvert_unionid_to_external_userid,
        "/cgi-bin/idconvert/batch/external_userid_to_pending_id" => {
            id_lists::external_userid_to_pending_id
        }
        "/cgi-bin/idconvert/external_tagid" => id_lists::external_tagid,
        "/cgi-bin/idconvert/convert_tmp_external_userid" => id_lists::convert_tmp_external_userid,
        _ => return None,
    };
    Some(Endpoint {
        method: Method::POST,
        handler,
    })
}

/// A customer by an id of either subject.
pub(crate) fn customer<'w>(world: &'w World, id: &str) -> Option<&'w Customer> {
    world.customer(&corp_form(id))
}

#[derive(Deserialize)]
struct OneId {
    #[serde(default)]
    external_userid: String,
    #[serde(default)]
    source_agentid: i64,
}

fn known(world: &World, id: &str) -> Result<String, ApiError> {
    customer(world, id)
        .map(|c| c.external_userid.clone())
        .ok_or_else(|| ApiError::new(40096, "invalid external userid"))
}

/// Only WeChat customers (type 1) have an openid.
pub(crate) fn convert_to_openid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OneId = input.json()?;
    let world = shared.world();
    let customer = customer(&world, &req.external_userid)
        .ok_or_else(|| ApiError::new(40096, "invalid external userid"))?;
    if customer.kind != 1 || customer.unionid.is_empty() {
        return Err(ApiError::new(
            40096,
            "invalid external userid: only WeChat customers have an openid",
        ));
    }
    ok(&json!({ "openid": openid_of(&customer.unionid) }))
}

pub(crate) fn to_service_external_userid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OneId = input.json()?;
    let id = known(&shared.world(), &req.external_userid)?;
    ok(&json!({ "external_userid": service_form(&id) }))
}

pub(crate) fn from_service_external_userid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OneId = input.json()?;
    if req.source_agentid <= 0 {
        return Err(ApiError::new(40056, "invalid agentid"));
    }
    let id = known(&shared.world(), &req.external_userid)?;
    ok(&json!({ "external_userid": id }))
}

#[derive(Deserialize)]
struct Unionid {
    #[serde(default)]
    unionid: String,
    #[serde(default)]
    openid: String,
    #[serde(default)]
    corpid: Option<String>,
}

impl Unionid {
    /// The unionid, once its openid is the one its mini program gave.
    fn checked(&self) -> Result<&str, ApiError> {
        if self.unionid.is_empty() || self.openid != openid_of(&self.unionid) {
            return Err(ApiError::invalid(
                "openid and unionid must come from the same mini program",
            ));
        }
        Ok(&self.unionid)
    }
}

fn by_unionid<'w>(world: &'w World, unionid: &str) -> Option<&'w Customer> {
    world.customers.iter().find(|c| c.unionid == unionid)
}

/// 企业主体unionid转换为第三方external_userid: the corp's customer, or 84061.
pub(crate) fn unionid_to_external_userid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: Unionid = input.json()?;
    let unionid = req.checked()?;
    let world = shared.world();
    let customer =
        by_unionid(&world, unionid).ok_or_else(|| ApiError::new(84061, "not external contact"))?;
    ok(&json!({ "external_userid": customer.external_userid }))
}

/// The user in every authorized corp (or `corpid` only); suite token.
pub(crate) fn unionid_to_external_userid_3rd(shared: &Shared, input: Input<'_>) -> Reply {
    let req: Unionid = input.json()?;
    let unionid = req.checked()?;
    let service = &shared.service;
    let mut info: Vec<Value> = Vec::new();
    for (index, corp) in service.corps.iter().enumerate() {
        let corp_id = &corp.corp.corp_id;
        if req.corpid.as_ref().is_some_and(|wanted| wanted != corp_id) {
            continue;
        }
        let world = crate::service::world_of(shared, index);
        if let Some(customer) = by_unionid(&world, unionid) {
            info.push(json!({ "corpid": corp_id, "external_userid": customer.external_userid }));
        }
    }
    ok(&json!({ "external_userid_info": info }))
}

/// The customer's id, or a pending_id while the unionid is nobody's customer; the lookup is kept, so
/// `external_userid_to_pending_id` can link the customer to it.
pub(crate) fn idconvert_unionid_to_external_userid(shared: &Shared, input: Input<'_>) -> Reply {
    let req: Unionid = input.json()?;
    let unionid = req.checked()?.to_owned();
    let corp = current_corp();
    lock(&shared.service.looked_up).insert((corp, unionid.clone()));
    let world = shared.world();
    match by_unionid(&world, &unionid) {
        Some(customer) => ok(&json!({ "external_userid": customer.external_userid })),
        None => ok(&json!({ "pending_id": pending_id_of(&unionid) })),
    }
}

#[derive(Deserialize)]
struct Migration {
    #[serde(default)]
    corpid: String,
}

/// 设置迁移完成 (provider token): remembered per corp.
pub(crate) fn finish_external_userid_migration(shared: &Shared, input: Input<'_>) -> Reply {
    let req: Migration = input.json()?;
    let service = &shared.service;
    if !service.corps.iter().any(|c| c.corp.corp_id == req.corpid) {
        return Err(ApiError::new(40013, "invalid corpid: not authorized"));
    }
    lock(&service.migrated).insert(req.corpid);
    ok(&json!({}))
}
