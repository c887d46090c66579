//! Paths shared by this crate's tests. The mock helpers are wecom-core's
//! (`wecom_core::test_util::mock`).
#![allow(dead_code)]

pub const LIST: &str = "/cgi-bin/externalcontact/list";
pub const GET_PATH: &str = "/cgi-bin/externalcontact/get";
pub const BATCH: &str = "/cgi-bin/externalcontact/batch/get_by_user";
pub const REMARK: &str = "/cgi-bin/externalcontact/remark";
pub const FOLLOW_USERS: &str = "/cgi-bin/externalcontact/get_follow_user_list";
pub const CONTACT_LIST: &str = "/cgi-bin/externalcontact/contact_list";
pub const CHECK_FOLLOW_USER: &str = "/cgi-bin/externalcontact/check_follow_user";
