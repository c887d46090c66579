//! `wecom transfer leaver` against the sandbox: every unassigned customer and pending group of a leaver
//! handed over once, with a report line for each, proven by the sandbox's counters.

mod common;

use common::{run, sandbox, stats, text_of, wecom, Scratch};
use futures::TryStreamExt;
use wecom_external_contact::group_chat::{GroupChatListRequest, StatusFilter};
use wecom_external_contact::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leavers_customers_and_groups_go_to_the_successor_once() {
    // Four members with 100 customers each; zhangsan owns 5 of the 20 groups.
    let sandbox = sandbox(4, 400, 20).await;
    let client = sandbox.client_builder().build().unwrap();
    let customers = client
        .customer()
        .list("zhangsan")
        .await
        .unwrap()
        .external_userid;
    assert_eq!(customers.len(), 100);
    assert!(sandbox.resign_member("zhangsan"));
    let groups: Vec<String> = client
        .group_chat()
        .list_stream(
            GroupChatListRequest::new(1000)
                .owner_filter(["zhangsan"])
                .status_filter(StatusFilter::ResignedPending),
        )
        .map_ok(|c| c.chat_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(groups.len(), 5);

    let dir = Scratch::new("leaver");
    let report = dir.path("report.csv");
    let done = run(
        wecom(&sandbox),
        &[
            "transfer",
            "leaver",
            "--from",
            "zhangsan",
            "--to",
            "lisi",
            "-o",
            &text_of(&report),
        ],
    )
    .await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    assert!(
        done.stderr.contains(
            "transfer leaver zhangsan → lisi: customers 100 accepted, 0 rejected, 0 failed, 0 unknown; \
             groups 5 accepted, 0 rejected, 0 failed, 0 unknown"
        ),
        "{}",
        done.stderr
    );
    let mut reader = csv::Reader::from_path(&report).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        vec!["kind", "id", "outcome", "errcode", "reason"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let ids = |kind: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| &r[0] == kind)
            .map(|r| r[1].to_owned())
            .collect()
    };
    let mut reported = ids("customer");
    reported.sort();
    let mut expected = customers.clone();
    expected.sort();
    assert_eq!(reported, expected);
    assert_eq!(ids("group_chat"), groups);
    assert!(rows.iter().all(|r| &r[2] == "accepted" && r[3].is_empty()));

    let counters = stats(&sandbox).await;
    assert_eq!(counters["transfers"]["customers_started"], 100);
    assert_eq!(counters["transfers"]["group_chats"], 5);
    assert_eq!(
        counters["hits"]["/cgi-bin/externalcontact/resigned/transfer_customer"],
        1
    );
    assert_eq!(
        counters["hits"]["/cgi-bin/externalcontact/groupchat/transfer"],
        1
    );

    // Everything was handed over: a second run finds nothing and sends nothing.
    let again = run(
        wecom(&sandbox),
        &["transfer", "leaver", "--from", "zhangsan", "--to", "lisi"],
    )
    .await;
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert_eq!(again.stdout, "kind,id,outcome,errcode,reason\n");
    assert!(
        again.stderr.contains("nothing to hand over"),
        "{}",
        again.stderr
    );
    let counters = stats(&sandbox).await;
    assert_eq!(counters["transfers"]["customers_started"], 100);
    assert_eq!(
        counters["hits"]["/cgi-bin/externalcontact/resigned/transfer_customer"],
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ids_not_handed_over_are_reported_with_their_errcode_and_the_run_fails() {
    let sandbox = sandbox(4, 400, 20).await;
    assert!(sandbox.resign_member("zhangsan"));
    // A resigned successor: WeCom refuses the calls (60111), so nothing is handed over.
    let done = run(
        wecom(&sandbox),
        &[
            "transfer", "leaver", "--from", "zhangsan", "--to", "zhangsan",
        ],
    )
    .await;
    assert_eq!(done.status, 1, "{}", done.stderr);
    assert!(
        done.stderr.contains(
            "customers 0 accepted, 0 rejected, 100 failed, 0 unknown; \
             groups 0 accepted, 0 rejected, 5 failed, 0 unknown"
        ),
        "{}",
        done.stderr
    );
    let mut reader = csv::Reader::from_reader(done.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 105);
    assert!(
        rows.iter().all(|r| &r[2] == "failed" && &r[3] == "60111"),
        "{}",
        done.stdout
    );
    assert_eq!(stats(&sandbox).await["transfers"]["customers_started"], 0);
}
