//! Sensitive-word rules (doc 95097) and product albums (doc 95096) in the sandbox, in raw JSON: stored,
//! read back in WeCom's shape, changed field by field, listed and deleted, with WeCom's limits.

use serde_json::{json, Value};
use wecom_external_contact::{ErrCode, WecomClient};
use wecom_sandbox::{Clock, Sandbox, SandboxConfig};

const E: &str = "/cgi-bin/externalcontact/";
const NOW: i64 = 1_709_265_600;

async fn start() -> (Sandbox, WecomClient) {
    let sandbox = Sandbox::start_with(SandboxConfig {
        clock: Clock::fixed(NOW),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let client = sandbox.client_builder().build().unwrap();
    (sandbox, client)
}

async fn call(client: &WecomClient, name: &str, body: Value) -> Value {
    client.post_raw(&format!("{E}{name}"), &body).await.unwrap()
}

async fn errcode(client: &WecomClient, name: &str, body: Value) -> i64 {
    let err = client
        .post_raw(&format!("{E}{name}"), &body)
        .await
        .unwrap_err();
    err.code().unwrap_or(ErrCode(0)).0
}

fn rule(name: &str) -> Value {
    json!({
        "rule_name": name,
        "word_list": ["加我微信", "私下转账"],
        "semantics_list": [1, 3],
        "intercept_type": 1,
        "applicable_range": {"user_list": ["zhangsan"], "department_list": [1]}
    })
}

#[tokio::test]
async fn a_rule_is_stored_read_changed_and_deleted() {
    let (_sandbox, client) = start().await;
    let id = call(&client, "add_intercept_rule", rule("外部引流")).await["rule_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let list = client
        .get_raw(&format!("{E}get_intercept_rule_list"), &[])
        .await
        .unwrap();
    assert_eq!(
        list["rule_list"],
        json!([{"rule_id": id, "rule_name": "外部引流", "create_time": NOW}])
    );
    let got = call(&client, "get_intercept_rule", json!({"rule_id": id})).await;
    assert_eq!(
        got["rule"],
        json!({"rule_id": id, "rule_name": "外部引流", "word_list": ["加我微信", "私下转账"],
            "extra_rule": {"semantics_list": [1, 3]}, "intercept_type": 1,
            "applicable_range": {"user_list": ["zhangsan"], "department_list": [1]},
            "create_time": NOW})
    );

    // Only what is sent changes; an empty word_list is ignored, an empty semantics_list clears.
    call(
        &client,
        "update_intercept_rule",
        json!({"rule_id": id, "word_list": [], "extra_rule": {"semantics_list": []},
            "intercept_type": 2,
            "add_applicable_range": {"user_list": ["lisi", "zhangsan"]},
            "remove_applicable_range": {"department_list": [1]}}),
    )
    .await;
    let rule = &call(&client, "get_intercept_rule", json!({"rule_id": id})).await["rule"];
    assert_eq!(rule["word_list"], json!(["加我微信", "私下转账"]));
    assert_eq!(rule["extra_rule"], json!({"semantics_list": []}));
    assert_eq!(rule["intercept_type"], 2);
    assert_eq!(
        rule["applicable_range"],
        json!({"user_list": ["zhangsan", "lisi"], "department_list": []})
    );
    // A range cannot become empty.
    let emptied =
        json!({"rule_id": id, "remove_applicable_range": {"user_list": ["zhangsan", "lisi"]}});
    assert_eq!(
        errcode(&client, "update_intercept_rule", emptied).await,
        40058
    );

    call(&client, "del_intercept_rule", json!({"rule_id": id})).await;
    assert_eq!(
        errcode(&client, "get_intercept_rule", json!({"rule_id": id})).await,
        40058
    );
    assert_eq!(
        errcode(&client, "del_intercept_rule", json!({"rule_id": id})).await,
        40058
    );
}

#[tokio::test]
async fn rules_are_checked_and_a_corp_holds_at_most_100() {
    let (sandbox, client) = start().await;
    let mut too_long = rule("r");
    too_long["word_list"] = json!(["词".repeat(33)]);
    let mut outsider = rule("r");
    outsider["applicable_range"] = json!({"user_list": ["nobody"]});
    let mut department = rule("r");
    department["applicable_range"] = json!({"department_list": [7]});
    let mut semantics = rule("r");
    semantics["semantics_list"] = json!([4]);
    let mut empty_range = rule("r");
    empty_range["applicable_range"] = json!({});
    for (body, code) in [
        (rule(&"规".repeat(21)), 40058),
        (too_long, 40058),
        (outsider, 60011),
        (department, 60011),
        (semantics, 40058),
        (empty_range, 40058),
    ] {
        assert_eq!(
            errcode(&client, "add_intercept_rule", body.clone()).await,
            code,
            "{body}"
        );
    }
    for i in 0..100 {
        call(&client, "add_intercept_rule", rule(&format!("规则{i}"))).await;
    }
    assert_eq!(
        errcode(&client, "add_intercept_rule", rule("第101个")).await,
        40058
    );
    let stats = reqwest::get(format!("{}/sandbox/stats", sandbox.base_url()))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let stats: Value = serde_json::from_slice(&stats).unwrap();
    assert_eq!(stats["intercept_rules_created"], 100);
}

fn product(description: &str, price: u64, media: &[&str]) -> Value {
    let attachments: Vec<Value> = media
        .iter()
        .map(|m| json!({"type": "image", "image": {"media_id": m}}))
        .collect();
    json!({"description": description, "price": price, "product_sn": "SKU001", "attachments": attachments})
}

#[tokio::test]
async fn a_product_is_stored_listed_changed_and_deleted() {
    let (_sandbox, client) = start().await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let body = product(&format!("商品{i}"), 30_000 + i, &["MEDIA_A", "MEDIA_B"]);
        ids.push(
            call(&client, "add_product_album", body).await["product_id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let got = call(&client, "get_product_album", json!({"product_id": ids[0]})).await;
    assert_eq!(
        got["product"],
        json!({"product_id": ids[0], "description": "商品0", "price": 30000, "create_time": NOW,
            "product_sn": "SKU001",
            "attachments": [{"type": "image", "image": {"media_id": "MEDIA_A"}},
                {"type": "image", "image": {"media_id": "MEDIA_B"}}]})
    );
    let page = call(&client, "get_product_album_list", json!({"limit": 2})).await;
    let listed: Vec<&str> = page["product_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["product_id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [ids[0].as_str(), ids[1].as_str()]);
    assert!(
        page["product_list"][0].get("create_time").is_none(),
        "the list has no create_time"
    );
    let rest = call(
        &client,
        "get_product_album_list",
        json!({"cursor": page["next_cursor"]}),
    )
    .await;
    assert_eq!(rest["product_list"][0]["product_id"], ids[2]);
    assert_eq!(rest["next_cursor"], "");
    // Past 100, WeCom uses its default of 50 rather than refusing.
    let big = call(&client, "get_product_album_list", json!({"limit": 500})).await;
    assert_eq!(big["product_list"].as_array().unwrap().len(), 3);

    call(
        &client,
        "update_product_album",
        json!({"product_id": ids[1], "price": 25000}),
    )
    .await;
    let got = call(&client, "get_product_album", json!({"product_id": ids[1]})).await;
    assert_eq!(
        (
            got["product"]["price"].as_u64(),
            got["product"]["description"].as_str()
        ),
        (Some(25000), Some("商品1"))
    );

    call(
        &client,
        "delete_product_album",
        json!({"product_id": ids[1]}),
    )
    .await;
    assert_eq!(
        errcode(&client, "get_product_album", json!({"product_id": ids[1]})).await,
        40058
    );
}

#[tokio::test]
async fn products_are_checked_as_documented() {
    let (_sandbox, client) = start().await;
    let ten: Vec<&str> = vec!["M"; 10];
    let mut bad_sn = product("d", 1, &["M"]);
    bad_sn["product_sn"] = json!("SKU-1");
    let mut video = product("d", 1, &["M"]);
    video["attachments"] = json!([{"type": "video", "video": {"media_id": "V"}}]);
    for body in [
        product("", 1, &["M"]),
        product(&"商".repeat(301), 1, &["M"]),
        product("d", 5_000_001, &["M"]),
        product("d", 1, &[]),
        product("d", 1, &ten),
        bad_sn,
        video,
    ] {
        assert_eq!(
            errcode(&client, "add_product_album", body.clone()).await,
            40058,
            "{body}"
        );
    }
    assert!(call(
        &client,
        "add_product_album",
        product(&"商".repeat(300), 5_000_000, &["M"; 9])
    )
    .await["product_id"]
        .is_string());
    assert_eq!(
        errcode(
            &client,
            "update_product_album",
            json!({"product_id": "nope", "price": 1})
        )
        .await,
        40058
    );
}
