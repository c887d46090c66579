//! get_corp_tag_list filters as WeCom documents (doc 92117): by group_id when it is given (tag_id is
//! then ignored), else by tag_id, else everything.

use serde_json::{json, Value};
use wecom_sandbox::Sandbox;

const LIST: &str = "/cgi-bin/externalcontact/get_corp_tag_list";

async fn tag_list(client: &wecom_external_contact::WecomClient, body: Value) -> Vec<Value> {
    let answer = client.post_raw_idempotent(LIST, &body).await.unwrap();
    answer["tag_group"].as_array().unwrap().clone()
}

fn tag_ids(group: &Value) -> Vec<&str> {
    group["tag"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn group_id_wins_over_tag_id() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let all = tag_list(&client, json!({})).await;
    assert_eq!(all.len(), 4, "the default sandbox has 4 tag groups");
    let (first, second) = (&all[0], &all[1]);
    let a_tag_of_first = tag_ids(first)[0];
    let second_id = second["group_id"].as_str().unwrap();

    let both = tag_list(
        &client,
        json!({"tag_id": [a_tag_of_first], "group_id": [second_id]}),
    )
    .await;
    assert_eq!(
        both,
        vec![second.clone()],
        "with both, WeCom ignores tag_id and answers the whole of group_id"
    );

    let by_tag = tag_list(&client, json!({"tag_id": [a_tag_of_first]})).await;
    assert_eq!(by_tag.len(), 1);
    assert_eq!(by_tag[0]["group_id"], first["group_id"]);
    assert_eq!(tag_ids(&by_tag[0]), vec![a_tag_of_first]);
}
