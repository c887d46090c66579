//! `wecom groups export` and `wecom tags export` against the sandbox: every group once with its
//! members, corp tags and rules-group tags, both formats.

mod common;

use std::collections::HashSet;

use common::{hits, run, sandbox, text_of, wecom, Scratch};
use futures::TryStreamExt;
use serde_json::Value;
use wecom_external_contact::group_chat::{GroupChatGetRequest, GroupChatListRequest};
use wecom_external_contact::prelude::*;
use wecom_external_contact::strategy::StrategyCreateRequest;
use wecom_external_contact::tag::{AddStrategyTagRequest, GetCorpTagListRequest};

const GET: &str = "/cgi-bin/externalcontact/groupchat/get";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_group_is_exported_once_with_its_members() {
    let sandbox = sandbox(10, 200, 25).await;
    let client = sandbox.client_builder().build().unwrap();
    let ids: Vec<String> = client
        .group_chat()
        .list_stream(GroupChatListRequest::new(1000))
        .map_ok(|g| g.chat_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids.len(), 25);

    let done = run(wecom(&sandbox), &["groups", "export"]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    let groups: Vec<Value> = done
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let exported: Vec<&str> = groups
        .iter()
        .map(|g| g["chat_id"].as_str().unwrap())
        .collect();
    assert_eq!(exported, ids, "every group once, in list order");
    // Our own calls above made no groupchat/get; the export made one per group.
    assert_eq!(hits(&sandbox, GET).await, 25);
    let first = client
        .group_chat()
        .get(&GroupChatGetRequest::new(&ids[0]).need_name(true))
        .await
        .unwrap()
        .group_chat;
    assert_eq!(groups[0], serde_json::to_value(&first).unwrap());
    assert!(groups[0]["member_list"][0].get("join_scene").is_some());

    // CSV: one row per member, under the documented header.
    let dir = Scratch::new("groups");
    let out = dir.path("groups.csv");
    let done = run(
        wecom(&sandbox),
        &[
            "groups",
            "export",
            "--format",
            "csv",
            "--output",
            &text_of(&out),
        ],
    )
    .await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "chat_id",
            "name",
            "owner",
            "create_time",
            "notice",
            "member_version",
            "userid",
            "type",
            "unionid",
            "join_time",
            "join_scene",
            "invitor",
            "group_nickname",
            "member_name",
            "is_admin",
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let members: usize = groups
        .iter()
        .map(|g| g["member_list"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), members);
    let chats: HashSet<&str> = rows.iter().map(|r| r.get(0).unwrap()).collect();
    assert_eq!(chats.len(), 25);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_of_the_listed_owners_only() {
    let sandbox = sandbox(10, 100, 30).await;
    let owner = sandbox.follow_users()[0].0.clone();
    let client = sandbox.client_builder().build().unwrap();
    let theirs: Vec<String> = client
        .group_chat()
        .list_stream(GroupChatListRequest::new(1000).owner_filter([owner.as_str()]))
        .map_ok(|g| g.chat_id)
        .try_collect()
        .await
        .unwrap();
    assert!(!theirs.is_empty());
    let dir = Scratch::new("owners");
    let users = dir.write("owners.txt", &format!("{owner}\n"));
    let done = run(wecom(&sandbox), &["groups", "export", "--users", &users]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    let exported: Vec<String> = done
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["chat_id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(exported, theirs);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tags_export_holds_corp_tags_and_rules_group_tags() {
    let sandbox = sandbox(5, 50, 0).await;
    let client = sandbox.client_builder().build().unwrap();
    let corp = client
        .tag()
        .get_corp_tag_list(&GetCorpTagListRequest::new())
        .await
        .unwrap()
        .tag_group;
    let strategy_id = client
        .customer_strategy()
        .create(&StrategyCreateRequest::new("华南区", ["zhangsan"]))
        .await
        .unwrap()
        .strategy_id;
    let added = client
        .tag()
        .add_strategy_tag(&AddStrategyTagRequest::new_group(
            strategy_id,
            "华南客户",
            ["广州", "深圳"],
        ))
        .await
        .unwrap()
        .tag_group;

    let done = run(wecom(&sandbox), &["tags", "export"]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    let groups: Vec<Value> = done
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(groups.len(), corp.len() + 1);
    for (line, group) in groups.iter().zip(&corp) {
        assert_eq!(line, &serde_json::to_value(group).unwrap());
    }
    let last = groups.last().unwrap();
    assert_eq!(last["group_id"], added.group_id.as_str());
    assert_eq!(last["strategy_id"], strategy_id);
    assert_eq!(last["tag"].as_array().unwrap().len(), 2);

    let done = run(wecom(&sandbox), &["tags", "export", "--format", "csv"]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    let mut lines = done.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("strategy_id,group_id,group_name,group_create_time,group_order,tag_id,tag_name,tag_create_time,tag_order")
    );
    let rows: Vec<&str> = lines.collect();
    let corp_tags: usize = corp.iter().map(|g| g.tag.len()).sum();
    assert_eq!(rows.len(), corp_tags + 2);
    assert!(rows[..corp_tags].iter().all(|r| r.starts_with(',')));
    assert!(rows[corp_tags].starts_with(&format!("{strategy_id},{},华南客户,", added.group_id)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_1000_visible_members_the_export_goes_owner_by_owner() {
    // WeCom refuses an unfiltered groupchat/list (81017) when more than 1000 members are visible.
    let sandbox = sandbox(1_001, 2_002, 40).await;
    let done = run(wecom(&sandbox), &["groups", "export"]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    assert!(
        done.stderr
            .contains("81017: more than 1000 members visible; going owner by owner"),
        "{}",
        done.stderr
    );
    let ids: HashSet<String> = done
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["chat_id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        (ids.len(), done.stdout.lines().count()),
        (40, 40),
        "every group once"
    );
    // The refused call, then 11 owner filters of at most 100 members.
    assert_eq!(
        hits(&sandbox, "/cgi-bin/externalcontact/groupchat/list").await,
        12
    );
    assert_eq!(hits(&sandbox, GET).await, 40);
}
