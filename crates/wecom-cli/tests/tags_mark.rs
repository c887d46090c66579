//! `wecom tags mark` against the sandbox: malformed rows are reported by line and skipped; injected
//! failures are retried or reported, and the failed-rows CSV reruns cleanly.

mod common;

use common::rows::{assert_tags_set, csv_of, rows, Row};
use common::{hits, run, sandbox, text_of, wecom, Scratch, MARK_TAG};
use wecom_sandbox::FaultRule;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_rows_are_reported_by_line_and_skipped() {
    let sandbox = sandbox(5, 50, 0).await;
    let rows = rows(&sandbox, 6).await;
    let good = |i: usize| {
        let r: &Row = &rows[i];
        format!(
            "{},{},{},{}\n",
            r.userid, r.external_userid, r.add, r.remove
        )
    };
    let text = [
        "userid,external_userid,add_tag,remove_tag\n".to_owned(),
        good(0),                                                       // line 2
        "zhangsan,wm_only_two\n".to_owned(),                           // line 3
        good(1),                                                       // line 4
        format!(",{},{},\n", rows[2].external_userid, rows[2].add),    // line 5
        format!("{},{},,\n", rows[3].userid, rows[3].external_userid), // line 6
        good(4),                                                       // line 7
        format!(
            "{},{},{} {},{}\n",
            rows[5].userid, rows[5].external_userid, rows[5].add, rows[5].remove, rows[5].remove
        ), // line 8
        good(5),                                                       // line 9
    ]
    .concat();
    let dir = Scratch::new("malformed");
    let input = dir.write("tags.csv", &text);
    let done = run(wecom(&sandbox), &["tags", "mark", "--from", &input]).await;
    assert_eq!(
        done.status, 1,
        "skipped rows: not everything succeeded\n{}",
        done.stderr
    );
    for (line, reason) in [
        (3, "expected 4 fields, found 2"),
        (5, "userid is empty"),
        (6, "add_tag and remove_tag are both empty"),
        (
            8,
            &format!("tag {} is both added and removed", rows[5].remove),
        ),
    ] {
        let expected = format!("{input} line {line}: {reason}; row skipped");
        assert!(
            done.stderr.contains(&expected),
            "{expected}\n{}",
            done.stderr
        );
    }
    assert_eq!(
        done.stderr.matches("row skipped").count(),
        4,
        "{}",
        done.stderr
    );
    assert_eq!(
        hits(&sandbox, MARK_TAG).await,
        4,
        "the four good rows, nothing else"
    );
    assert!(
        done.stderr
            .contains("8 rows: 4 done, 0 failed, 4 skipped (malformed)"),
        "{}",
        done.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn injected_failures_are_retried_or_reported_and_the_failed_rows_rerun_cleanly() {
    const ROWS: usize = 300;
    let sandbox = sandbox(10, ROWS, 0).await;
    let rows = rows(&sandbox, ROWS).await;
    let dir = Scratch::new("faults");
    let input = dir.write("tags.csv", &csv_of(&rows));
    // errcode -1 on 10 % of the calls (the SDK retries it: mark_tag is idempotent) and one 45009 (never
    // retried: reported). One call at a time, so the sandbox's seeded draws fall the same way each run.
    sandbox.set_fault(
        MARK_TAG,
        FaultRule::none().system_busy(0.1).freq_limit(0.0055),
    );
    let first = run(
        wecom(&sandbox),
        &["--max-in-flight", "1", "tags", "mark", "--from", &input],
    )
    .await;
    assert_eq!(first.status, 1, "{}", first.stderr);
    // 300 rows, 40 retries of a -1, none of them failing three times.
    assert_eq!(hits(&sandbox, MARK_TAG).await, 340);
    assert!(
        first.stderr.contains(
            "300 rows: 299 done, 1 failed, 0 skipped (malformed)\n  \
             failed with errcode 45009 (接口调用超过限制 (API frequency limit)): 1\n"
        ),
        "{}",
        first.stderr
    );
    let failed_csv = dir.path("tags.csv.failed.csv");
    assert!(
        first.stderr.contains(&format!(
            "(rerun them with: wecom tags mark --from {})",
            text_of(&failed_csv)
        )),
        "{}",
        first.stderr
    );
    let mut reader = csv::Reader::from_path(&failed_csv).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "userid",
            "external_userid",
            "add_tag",
            "remove_tag",
            "line",
            "errcode",
            "error"
        ]
    );
    let failed: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(failed.len(), 1);
    let line: usize = failed[0][4].parse().unwrap();
    let row = &rows[line - 2];
    assert_eq!(
        (
            &failed[0][0],
            &failed[0][1],
            &failed[0][2],
            &failed[0][3],
            &failed[0][5]
        ),
        (
            row.userid.as_str(),
            row.external_userid.as_str(),
            row.add.as_str(),
            row.remove.as_str(),
            "45009"
        )
    );
    assert!(
        failed[0][6].contains("api freq out of limit"),
        "{:?}",
        &failed[0][6]
    );

    // The failed rows as they are, faults gone: one call, and everything is set.
    sandbox.clear_faults();
    let rerun = run(
        wecom(&sandbox),
        &["tags", "mark", "--from", &text_of(&failed_csv)],
    )
    .await;
    assert_eq!(rerun.status, 0, "{}", rerun.stderr);
    assert!(
        rerun.stderr.contains("1 rows: 1 done, 0 failed, 0 skipped"),
        "{}",
        rerun.stderr
    );
    assert_eq!(hits(&sandbox, MARK_TAG).await, 341);
    assert_tags_set(&sandbox, &rows).await;
}
