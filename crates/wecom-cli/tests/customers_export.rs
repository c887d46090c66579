//! `wecom customers export` against the sandbox: every customer once, WeCom's field names, the CSV
//! columns, `--users`, and the pages it took (the sandbox's counters).

mod common;

use std::collections::HashSet;

use common::{hits, run, sandbox, text_of, wecom, Scratch};
use futures::TryStreamExt;
use serde_json::Value;
use wecom_external_contact::prelude::*;

const BATCH: &str = "/cgi-bin/externalcontact/batch/get_by_user";

/// Members and customers of the large export (the benchmark exports 100,000 in release).
const MEMBERS: usize = 1_000;
const CUSTOMERS: usize = 100_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_customer_of_a_thousand_members_is_exported_once() {
    let sandbox = sandbox(MEMBERS, CUSTOMERS, 0).await;
    let dir = Scratch::new("customers");
    let out = dir.path("customers.jsonl");
    let done = run(
        wecom(&sandbox),
        &["customers", "export", "--output", &text_of(&out)],
    )
    .await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    assert_eq!(done.stdout, "", "the records went to the file");

    let text = std::fs::read_to_string(&out).unwrap();
    let mut seen = HashSet::new();
    for line in text.lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        let id = record["external_contact"]["external_userid"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(seen.insert(id.clone()), "{id} exported twice");
    }
    assert_eq!(seen.len(), CUSTOMERS);
    assert!(!dir.path("customers.jsonl.partial").exists());
    // 10 requests of 100 members, each 10,000 customers in pages of 100, and one gettoken.
    assert_eq!(hits(&sandbox, BATCH).await, (CUSTOMERS / 100) as u64);
    assert_eq!(hits(&sandbox, "/cgi-bin/gettoken").await, 1);
    assert!(
        done.stderr.contains(&format!(
            "{CUSTOMERS} customers of {MEMBERS} members exported"
        )),
        "{}",
        done.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jsonl_keeps_wecoms_field_names_and_values() {
    let sandbox = sandbox(5, 60, 0).await;
    let client = sandbox.client_builder().build().unwrap();
    let users = client
        .customer()
        .get_follow_user_list()
        .await
        .unwrap()
        .follow_user;
    let expected: Vec<Value> = client
        .customer()
        .batch_get_by_users_stream(users, Some(100))
        .map_ok(|item| serde_json::to_value(item).unwrap())
        .try_collect()
        .await
        .unwrap();

    let done = run(wecom(&sandbox), &["customers", "export"]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    let exported: Vec<Value> = done
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(exported, expected);
    let first = &exported[0];
    for key in ["external_userid", "name", "type", "gender"] {
        assert!(first["external_contact"].get(key).is_some(), "{key}");
    }
    for key in ["userid", "remark", "createtime", "tag_id", "add_way"] {
        assert!(first["follow_info"].get(key).is_some(), "{key}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csv_of_the_listed_members_has_the_documented_columns() {
    let sandbox = sandbox(6, 120, 0).await;
    let counts = sandbox.follow_users();
    let listed: Vec<&str> = counts.iter().take(2).map(|(u, _)| u.as_str()).collect();
    let dir = Scratch::new("customers-csv");
    let users = dir.write(
        "users.txt",
        &format!("# two of them\n{}\n\n{}\n", listed[0], listed[1]),
    );
    let out = dir.path("c.csv");
    let done = run(
        wecom(&sandbox),
        &[
            "customers",
            "export",
            "--format",
            "csv",
            "--users",
            &users,
            "-o",
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
            "external_userid",
            "name",
            "type",
            "gender",
            "unionid",
            "position",
            "corp_name",
            "corp_full_name",
            "userid",
            "remark",
            "description",
            "createtime",
            "tag_id",
            "remark_corp_name",
            "remark_mobiles",
            "oper_userid",
            "add_way",
            "state",
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let expected: usize = counts.iter().take(2).map(|(_, n)| n).sum();
    assert_eq!(rows.len(), expected);
    assert!(rows.iter().all(|r| listed.contains(&&r[8])));

    // One row against the SDK's view of the same customer.
    let client = sandbox.client_builder().build().unwrap();
    let detail = client.customer().get(&rows[0][0], None).await.unwrap();
    let follow = detail
        .follow_user
        .iter()
        .find(|f| f.userid == rows[0][8])
        .unwrap();
    assert_eq!(&rows[0][1], detail.external_contact.name);
    assert_eq!(&rows[0][9], follow.remark);
    assert_eq!(rows[0][11].parse::<i64>().unwrap(), follow.createtime);
    let tags: Vec<&str> = follow
        .tags
        .iter()
        .filter_map(|t| t.tag_id.as_deref())
        .collect();
    assert_eq!(&rows[0][12], tags.join(" "));
}
