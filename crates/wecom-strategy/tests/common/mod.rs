//! Paths and answers the endpoint tests share.

#![allow(dead_code)]

use serde_json::{json, Value};

/// `/cgi-bin/externalcontact/customer_strategy/<name>`.
pub fn customer(name: &str) -> String {
    format!("/cgi-bin/externalcontact/customer_strategy/{name}")
}

/// `/cgi-bin/externalcontact/moment_strategy/<name>`.
pub fn moment(name: &str) -> String {
    format!("/cgi-bin/externalcontact/moment_strategy/{name}")
}

/// A `list` page of these ids; `next` empty leaves `next_cursor` out, as WeCom does on the last page.
pub fn list_page(ids: &[i64], next: &str) -> String {
    let mut page = json!({
        "errcode": 0, "errmsg": "ok",
        "strategy": ids.iter().map(|id| json!({"strategy_id": id})).collect::<Vec<_>>(),
    });
    if !next.is_empty() {
        page["next_cursor"] = json!(next);
    }
    page.to_string()
}

/// A `get_range` page of these nodes; `next` empty leaves `next_cursor` out.
pub fn range_page(nodes: Vec<Value>, next: &str) -> String {
    let mut page = json!({"errcode": 0, "errmsg": "ok", "range": nodes});
    if !next.is_empty() {
        page["next_cursor"] = json!(next);
    }
    page.to_string()
}
