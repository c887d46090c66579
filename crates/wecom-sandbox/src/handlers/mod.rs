//! The endpoints the sandbox serves, one module per domain. Requests are read into small local
//! structs and answers written as WeCom's JSON, independently of the SDK's own types, so the end-to-end
//! tests cross-check the SDK's field names against a second reading of WeCom's documentation.

pub(crate) mod acquisition;
mod acquisition_component;
pub(crate) mod acquisition_store;
pub(crate) mod acquisition_use;
mod configs;
mod contact_way;
mod customer;
mod group_chat;
mod id_convert;
mod id_lists;
pub(crate) mod inheritance;
pub(crate) mod intercept_rule;
mod media;
pub(crate) mod media_store;
mod messaging;
mod moment;
pub(crate) mod moment_store;
mod paging;
pub(crate) mod product_album;
mod served;
mod statistics;
mod strategy;
mod strategy_rules;
mod strategy_store;
mod strategy_tag;
mod tag;
mod times;
mod transfer;
mod transfer_groups;
pub(crate) mod upload;
mod welcome;

use axum::http::Method;

use crate::reply::{Input, Reply};
use crate::Shared;

pub(crate) use contact_way::ContactWays;
pub(crate) use group_chat::JoinWays;
pub use media::image_url_for_media;
pub(crate) use messaging::MassMessages;
pub(crate) use strategy_store::Strategies;
pub(crate) use welcome::WelcomeTemplates;

/// One served endpoint.
pub(crate) struct Endpoint {
    pub(crate) method: Method,
    pub(crate) handler: fn(&Shared, Input<'_>) -> Reply,
}

/// What calls created, per domain.
#[derive(Debug, Default)]
pub(crate) struct Created {
    pub(crate) contact_ways: ContactWays,
    pub(crate) join_ways: JoinWays,
    pub(crate) mass_messages: MassMessages,
    pub(crate) welcome_templates: WelcomeTemplates,
    pub(crate) transfers: inheritance::Transfers,
    pub(crate) strategies: Strategies,
    pub(crate) media: media_store::MediaStore,
    pub(crate) moments: moment_store::Moments,
    pub(crate) acquisition: acquisition_store::Acquisition,
    pub(crate) intercept_rules: intercept_rule::InterceptRules,
    pub(crate) product_albums: product_album::ProductAlbums,
}

/// The endpoint served at `path`, if any.
pub(crate) fn route(path: &str) -> Option<Endpoint> {
    if let Some(endpoint) = id_convert::route(path) {
        return Some(endpoint);
    }
    if let Some(endpoint) = acquisition::route(path)
        .or_else(|| intercept_rule::route(path))
        .or_else(|| product_album::route(path))
    {
        return Some(endpoint);
    }
    let name = path.strip_prefix("/cgi-bin/externalcontact/")?;
    let (method, handler): (Method, fn(&Shared, Input<'_>) -> Reply) = match name {
        "add_contact_way" => (Method::POST, contact_way::add),
        "get_contact_way" => (Method::POST, contact_way::get),
        "update_contact_way" => (Method::POST, contact_way::update),
        "list_contact_way" => (Method::POST, contact_way::list),
        "del_contact_way" => (Method::POST, contact_way::del),
        "close_temp_chat" => (Method::POST, contact_way::close_temp_chat),
        "get_follow_user_list" => (Method::GET, customer::get_follow_user_list),
        "list" => (Method::GET, customer::list),
        "get" => (Method::GET, customer::get),
        "batch/get_by_user" => (Method::POST, customer::batch_get_by_user),
        "remark" => (Method::POST, customer::remark),
        "contact_list" => (Method::POST, served::contact_list),
        "check_follow_user" => (Method::POST, served::check_follow_user),
        "transfer_customer" => (Method::POST, transfer::transfer_customer),
        "transfer_result" => (Method::POST, transfer::transfer_result),
        "get_unassigned_list" => (Method::POST, transfer::get_unassigned_list),
        "resigned/transfer_customer" => (Method::POST, transfer::resigned_transfer_customer),
        "resigned/transfer_result" => (Method::POST, transfer::resigned_transfer_result),
        "groupchat/transfer" => (Method::POST, transfer_groups::transfer),
        "groupchat/onjob_transfer" => (Method::POST, transfer_groups::onjob_transfer),
        "get_corp_tag_list" => (Method::POST, tag::get_corp_tag_list),
        "add_corp_tag" => (Method::POST, tag::add_corp_tag),
        "edit_corp_tag" => (Method::POST, tag::edit_corp_tag),
        "del_corp_tag" => (Method::POST, tag::del_corp_tag),
        "mark_tag" => (Method::POST, tag::mark_tag),
        "get_strategy_tag_list" => (Method::POST, strategy_tag::get_strategy_tag_list),
        "add_strategy_tag" => (Method::POST, strategy_tag::add_strategy_tag),
        "edit_strategy_tag" => (Method::POST, strategy_tag::edit_strategy_tag),
        "del_strategy_tag" => (Method::POST, strategy_tag::del_strategy_tag),
        "customer_strategy/list" => (Method::POST, strategy::customer_list),
        "customer_strategy/get" => (Method::POST, strategy::customer_get),
        "customer_strategy/get_range" => (Method::POST, strategy::customer_get_range),
        "customer_strategy/create" => (Method::POST, strategy::customer_create),
        "customer_strategy/edit" => (Method::POST, strategy::customer_edit),
        "customer_strategy/del" => (Method::POST, strategy::customer_del),
        "moment_strategy/list" => (Method::POST, strategy::moment_list),
        "moment_strategy/get" => (Method::POST, strategy::moment_get),
        "moment_strategy/get_range" => (Method::POST, strategy::moment_get_range),
        "moment_strategy/create" => (Method::POST, strategy::moment_create),
        "moment_strategy/edit" => (Method::POST, strategy::moment_edit),
        "moment_strategy/del" => (Method::POST, strategy::moment_del),
        "groupchat/list" => (Method::POST, group_chat::list),
        "groupchat/get" => (Method::POST, group_chat::get),
        "opengid_to_chatid" => (Method::POST, group_chat::opengid_to_chatid),
        "groupchat/add_join_way" => (Method::POST, group_chat::add_join_way),
        "groupchat/get_join_way" => (Method::POST, group_chat::get_join_way),
        "groupchat/update_join_way" => (Method::POST, group_chat::update_join_way),
        "groupchat/del_join_way" => (Method::POST, group_chat::del_join_way),
        "add_msg_template" => (Method::POST, messaging::add_msg_template),
        "get_groupmsg_list_v2" => (Method::POST, messaging::get_groupmsg_list_v2),
        "get_groupmsg_task" => (Method::POST, messaging::get_groupmsg_task),
        "get_groupmsg_send_result" => (Method::POST, messaging::get_groupmsg_send_result),
        "remind_groupmsg_send" => (Method::POST, messaging::remind_groupmsg_send),
        "cancel_groupmsg_send" => (Method::POST, messaging::cancel_groupmsg_send),
        "send_welcome_msg" => (Method::POST, welcome::send_welcome_msg),
        "group_welcome_template/add" => (Method::POST, welcome::add_group_welcome_template),
        "group_welcome_template/edit" => (Method::POST, welcome::edit_group_welcome_template),
        "group_welcome_template/get" => (Method::POST, welcome::get_group_welcome_template),
        "group_welcome_template/del" => (Method::POST, welcome::del_group_welcome_template),
        "get_user_behavior_data" => (Method::POST, statistics::get_user_behavior_data),
        "groupchat/statistic" => (Method::POST, statistics::groupchat_statistic),
        "groupchat/statistic_group_by_day" => {
            (Method::POST, statistics::groupchat_statistic_group_by_day)
        }
        "add_moment_task" => (Method::POST, moment::add_moment_task),
        "get_moment_task_result" => (Method::GET, moment::get_moment_task_result),
        "cancel_moment_task" => (Method::POST, moment::cancel_moment_task),
        "get_moment_list" => (Method::POST, moment::get_moment_list),
        "get_moment_task" => (Method::POST, moment::get_moment_task),
        "get_moment_customer_list" => (Method::POST, moment::get_moment_customer_list),
        "get_moment_send_result" => (Method::POST, moment::get_moment_send_result),
        "get_moment_comments" => (Method::POST, moment::get_moment_comments),
        _ => return None,
    };
    Some(Endpoint { method, handler })
}
