//! The terminal table of `stats behavior`: one line per day, then the total.

use std::fmt::Write as _;

use super::dates;
use super::figures::{total, Day, FIGURES};

/// The table, with WeCom's field names as headers; `-` where WeCom gave no value.
pub fn render(days: &[Day]) -> String {
    let header: Vec<&str> = std::iter::once("date")
        .chain(FIGURES.iter().map(|f| f.key))
        .collect();
    let mut lines: Vec<Vec<String>> = days
        .iter()
        .map(|d| cells(&dates::format(d.stat_time), d))
        .collect();
    lines.push(cells("total", &total(days)));
    let widths: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            lines
                .iter()
                .map(|l| l[i].len())
                .max()
                .unwrap_or(0)
                .max(h.len())
        })
        .collect();
    let mut text = String::new();
    let mut put = |cells: &[&str]| {
        for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            let _ = match i {
                0 => write!(text, "{cell:<width$}"),
                _ => write!(text, "  {cell:>width$}"),
            };
        }
        text.push('\n');
    };
    put(&header);
    for line in &lines {
        put(&line.iter().map(String::as_str).collect::<Vec<_>>());
    }
    text
}

fn cells(first: &str, day: &Day) -> Vec<String> {
    std::iter::once(first.to_owned())
        .chain(FIGURES.iter().map(|f| match (f.value)(day) {
            None => "-".to_owned(),
            Some(v) if f.count => format!("{v:.0}"),
            Some(v) => format!("{v:.2}"),
        }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_day_then_the_total() {
        let day = |stat_time, chat_cnt, reply| Day {
            stat_time,
            chat_cnt,
            message_cnt: 12,
            reply_percentage: reply,
            avg_reply_time: reply.map(|_| 5.0),
            negative_feedback_cnt: 0,
            new_apply_cnt: 1,
            new_contact_cnt: 2,
        };
        let first = dates::parse("2024-11-01").unwrap();
        let table = render(&[day(first, 3, Some(60.25)), day(first + dates::DAY, 0, None)]);
        assert_eq!(
            table,
            "\
date        chat_cnt  message_cnt  reply_percentage  avg_reply_time  negative_feedback_cnt  new_apply_cnt  new_contact_cnt
2024-11-01         3           12             60.25            5.00                      0              1                2
2024-11-02         0           12                 -               -                      0              1                2
total              3           24             60.25            5.00                      0              2                4
"
        );
    }
}
