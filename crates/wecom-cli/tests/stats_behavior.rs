//! `wecom stats behavior` against the sandbox: the table holds WeCom's daily figures (summed over the
//! calls WeCom's limits need), and `--svg` writes a valid SVG with one series per figure.

mod common;

use std::collections::BTreeSet;

use common::{hits, run, sandbox, text_of, wecom, Scratch};
use quick_xml::events::Event;
use quick_xml::Reader;
use wecom_external_contact::prelude::*;
use wecom_external_contact::statistics::{BehaviorData, GetUserBehaviorDataRequest};

const BEHAVIOR: &str = "/cgi-bin/externalcontact/get_user_behavior_data";
/// 2024-11-01, 0:00 in China.
const NOV_1: i64 = 1_730_390_400;
const DAY: i64 = 86_400;

/// The table's day lines (not the header, not the total), split into cells.
fn day_lines(table: &str) -> Vec<Vec<String>> {
    table
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("total"))
        .map(|l| l.split_whitespace().map(str::to_owned).collect())
        .collect()
}

fn cells_of(data: &BehaviorData) -> Vec<String> {
    let opt = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"));
    vec![
        data.chat_cnt.to_string(),
        data.message_cnt.to_string(),
        opt(data.reply_percentage),
        opt(data.avg_reply_time.map(|t| t as f64)),
        data.negative_feedback_cnt.to_string(),
        data.new_apply_cnt.to_string(),
        data.new_contact_cnt.to_string(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_table_holds_wecoms_figures_and_the_svg_one_series_per_figure() {
    let sandbox = sandbox(20, 2_000, 10).await;
    let client = sandbox.client_builder().build().unwrap();
    let users = client
        .customer()
        .get_follow_user_list()
        .await
        .unwrap()
        .follow_user;
    let expected = client
        .statistics()
        .get_user_behavior_data(
            &GetUserBehaviorDataRequest::new(NOV_1, NOV_1 + 13 * DAY).userid(users.iter().cloned()),
        )
        .await
        .unwrap()
        .behavior_data;
    assert_eq!(expected.len(), 14);

    let dir = Scratch::new("stats");
    let svg_path = dir.path("behavior.svg");
    let done = run(
        wecom(&sandbox),
        &[
            "stats",
            "behavior",
            "--from",
            "2024-11-01",
            "--to",
            "2024-11-14",
            "--svg",
            &text_of(&svg_path),
        ],
    )
    .await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    assert_eq!(
        done.stdout
            .lines()
            .next()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>(),
        [
            "date",
            "chat_cnt",
            "message_cnt",
            "reply_percentage",
            "avg_reply_time",
            "negative_feedback_cnt",
            "new_apply_cnt",
            "new_contact_cnt",
        ]
    );
    let lines = day_lines(&done.stdout);
    assert_eq!(lines.len(), 14);
    for (i, (line, data)) in lines.iter().zip(&expected).enumerate() {
        assert_eq!(line[0], format!("2024-11-{:02}", i + 1));
        assert_eq!(line[1..], cells_of(data)[..], "2024-11-{:02}", i + 1);
    }
    let total: i64 = expected.iter().map(|d| d.new_contact_cnt).sum();
    let last = done.stdout.lines().last().unwrap();
    assert!(
        last.starts_with("total") && last.ends_with(&format!(" {total}")),
        "{last}"
    );
    // Ours above and one of the CLI: 20 members and 14 days are within one call's limits.
    assert_eq!(hits(&sandbox, BEHAVIOR).await, 2);

    // A valid SVG: well-formed XML, an <svg> root, and per figure one line in its own colour.
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let mut reader = Reader::from_str(&svg);
    let (mut root, mut series, mut texts) = (None, Vec::new(), String::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                root.get_or_insert(name.clone());
                if name == "polyline" {
                    let stroke = e.try_get_attribute("stroke").unwrap().unwrap();
                    let stroke = String::from_utf8(stroke.value.to_vec()).unwrap();
                    // Axes and ticks are black; the series are coloured.
                    if stroke != "#000000" {
                        series.push(stroke);
                    }
                }
            }
            Event::Text(t) => texts.push_str(&String::from_utf8_lossy(t.as_ref())),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(root.as_deref(), Some("svg"));
    assert_eq!(series.len(), 7, "{series:?}");
    assert_eq!(
        series.iter().collect::<BTreeSet<_>>().len(),
        7,
        "{series:?}"
    );
    for figure in [
        "chat_cnt",
        "message_cnt",
        "reply_percentage",
        "avg_reply_time",
        "negative_feedback_cnt",
        "new_apply_cnt",
        "new_contact_cnt",
    ] {
        assert!(texts.contains(figure), "{figure} has a title");
    }
    assert!(texts.contains("11-14"), "dates along the bottom");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn more_members_and_days_than_one_call_are_summed_over_several() {
    let sandbox = sandbox(150, 1_500, 0).await;
    let client = sandbox.client_builder().build().unwrap();
    let users = client
        .customer()
        .get_follow_user_list()
        .await
        .unwrap()
        .follow_user;
    let from = NOV_1 - 10 * DAY; // 2024-10-22
    let to = from + 39 * DAY; // 2024-11-30
    let mut expected = vec![0i64; 40];
    for (start, end) in [(from, from + 30 * DAY), (from + 31 * DAY, to)] {
        for chunk in users.chunks(100) {
            let data = client
                .statistics()
                .get_user_behavior_data(
                    &GetUserBehaviorDataRequest::new(start, end).userid(chunk.iter().cloned()),
                )
                .await
                .unwrap()
                .behavior_data;
            for d in data {
                expected[((d.stat_time - from) / DAY) as usize] += d.new_contact_cnt;
            }
        }
    }
    let before = hits(&sandbox, BEHAVIOR).await;
    let done = run(
        wecom(&sandbox),
        &[
            "stats",
            "behavior",
            "--from",
            "2024-10-22",
            "--to",
            "2024-11-30",
        ],
    )
    .await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    // Two spans of at most 31 days, two groups of at most 100 members: four calls.
    assert_eq!(hits(&sandbox, BEHAVIOR).await - before, 4);
    let lines = day_lines(&done.stdout);
    assert_eq!(lines.len(), 40);
    assert_eq!(lines[0][0], "2024-10-22");
    assert_eq!(lines[39][0], "2024-11-30");
    let new_contacts: Vec<i64> = lines.iter().map(|l| l[7].parse().unwrap()).collect();
    assert_eq!(new_contacts, expected);
    assert!(
        expected.iter().sum::<i64>() > 0,
        "the sandbox's history has new customers"
    );
}
