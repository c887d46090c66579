//! Paths and answer builders shared by this crate's tests. The mock helpers are wecom-core's
//! (`wecom_core::test_util::mock`).
#![allow(dead_code)]

use serde_json::{json, Value};

pub const TRANSFER: &str = "/cgi-bin/externalcontact/transfer_customer";
pub const RESULT: &str = "/cgi-bin/externalcontact/transfer_result";
pub const ONJOB_CHATS: &str = "/cgi-bin/externalcontact/groupchat/onjob_transfer";
pub const UNASSIGNED: &str = "/cgi-bin/externalcontact/get_unassigned_list";
pub const RESIGNED_TRANSFER: &str = "/cgi-bin/externalcontact/resigned/transfer_customer";
pub const RESIGNED_RESULT: &str = "/cgi-bin/externalcontact/resigned/transfer_result";
pub const RESIGNED_CHATS: &str = "/cgi-bin/externalcontact/groupchat/transfer";

/// `n` distinct external userids, `wmCUST0000` on.
pub fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("wmCUST{i:04}")).collect()
}

/// A transfer_customer answer: errcode 0 for every id of `chunk` but those in `refused`.
pub fn customer_answer(chunk: &[String], refused: &[(&str, i64)]) -> String {
    let customer: Vec<Value> = chunk
        .iter()
        .map(|id| {
            let code = refused
                .iter()
                .find(|(r, _)| r == id)
                .map_or(0, |(_, code)| *code);
            json!({"external_userid": id, "errcode": code})
        })
        .collect();
    json!({"errcode": 0, "errmsg": "ok", "customer": customer}).to_string()
}

/// A transfer_result page.
pub fn result_page(entries: &[(&str, i64, i64)], next_cursor: &str) -> String {
    let customer: Vec<Value> = entries
        .iter()
        .map(|(id, status, time)| json!({"external_userid": id, "status": status, "takeover_time": time}))
        .collect();
    json!({"errcode": 0, "errmsg": "ok", "customer": customer, "next_cursor": next_cursor})
        .to_string()
}
