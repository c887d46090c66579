//! The endpoints the sandbox serves, one module per domain. Requests are read into small local
//! structs and answers written as WeCom's JSON, independently of the SDK's own types, so the end-to-end
//! tests cross-check the SDK's field names against a second reading of WeCom's documentation.

mod configs;
mod contact_way;
mod customer;
mod group_chat;
mod media;
mod messaging;
mod paging;
mod statistics;
mod tag;
mod times;
mod welcome;

use axum::http::Method;

use crate::reply::{Input, Reply};
use crate::Shared;

pub(crate) use contact_way::ContactWays;
pub(crate) use group_chat::JoinWays;
pub use media::image_url_for_media;
pub(crate) use messaging::MassMessages;
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
}

/// The endpoint served at `path`, if any.
pub(crate) fn route(path: &str) -> Option<Endpoint> {
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
        "get_corp_tag_list" => (Method::POST, tag::get_corp_tag_list),
        "add_corp_tag" => (Method::POST, tag::add_corp_tag),
        "edit_corp_tag" => (Method::POST, tag::edit_corp_tag),
        "del_corp_tag" => (Method::POST, tag::del_corp_tag),
        "mark_tag" => (Method::POST, tag::mark_tag),
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
        _ => return None,
    };
    Some(Endpoint { method, handler })
}
