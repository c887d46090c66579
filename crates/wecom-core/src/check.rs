//! The checks of WeCom's documented limits that requests run before anything is sent, worded once for
//! every domain crate. Each fails with [`Error::InvalidRequest`] naming the field, the value and the limit;
//! the executor adds the endpoint's path.

use crate::{Error, Result};

/// At most `max` characters (WeCom counts names, remarks and `state` in characters, not bytes).
pub fn max_chars(field: &str, value: &str, max: usize) -> Result<()> {
    let count = value.chars().count();
    if count > max {
        return Err(Error::invalid_request(format!(
            "{field} has {count} characters; at most {max} allowed"
        )));
    }
    Ok(())
}

/// At most `max` bytes of UTF-8 (WeCom counts message texts and titles in bytes).
pub fn max_bytes(field: &str, value: &str, max: usize) -> Result<()> {
    if value.len() > max {
        return Err(Error::invalid_request(format!(
            "{field} is {} bytes; at most {max} allowed",
            value.len()
        )));
    }
    Ok(())
}

/// A list of `len` entries with `min..=max` of them.
pub fn count_between(field: &str, len: usize, min: usize, max: usize) -> Result<()> {
    if len < min || len > max {
        let allowed = if min == 0 {
            format!("at most {max}")
        } else {
            format!("{min} to {max}")
        };
        return Err(Error::invalid_request(format!(
            "{field} holds {len} entries; {allowed} allowed"
        )));
    }
    Ok(())
}

/// A number in `min..=max` (page sizes, durations).
pub fn between(field: &str, value: u64, min: u64, max: u64) -> Result<()> {
    if value < min || value > max {
        return Err(Error::invalid_request(format!(
            "{field} is {value}; {min} to {max} allowed"
        )));
    }
    Ok(())
}

/// A time range of Unix seconds: `start ≤ end` and, when `max_span` is given, `end − start ≤ max_span`
/// (WeCom's query windows, both ends inclusive). Any pair of `i64` gives an answer: the span is taken as
/// an unsigned distance, which cannot overflow, so absurd times are an error rather than a panic (debug)
/// or a wrapped span that slips under the limit (release).
pub fn time_range(
    start_field: &str,
    start: i64,
    end_field: &str,
    end: i64,
    max_span: Option<i64>,
) -> Result<()> {
    if end < start {
        return Err(Error::invalid_request(format!(
            "{end_field} ({end}) is before {start_field} ({start})"
        )));
    }
    let Some(max) = max_span else {
        return Ok(());
    };
    // `end ≥ start`, so the distance is exact even from i64::MIN to i64::MAX.
    let span = end.abs_diff(start);
    if u64::try_from(max).map_or(true, |max| span > max) {
        return Err(Error::invalid_request(format!(
            "{start_field}..{end_field} spans {span} seconds; at most {} allowed",
            in_days(max)
        )));
    }
    Ok(())
}

/// `2592000` as "30 days (2592000 s)"; spans that are not whole days as "N seconds".
fn in_days(secs: i64) -> String {
    const DAY: i64 = 86_400;
    if secs > 0 && secs % DAY == 0 {
        format!("{} days ({secs} s)", secs / DAY)
    } else {
        format!("{secs} seconds")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<()>) -> String {
        match result {
            Err(Error::InvalidRequest(message)) => message,
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }

    #[test]
    fn limits_are_inclusive_and_errors_name_field_value_and_limit() {
        assert!(max_chars("state", &"客".repeat(30), 30).is_ok());
        assert_eq!(
            message(max_chars("state", &"客".repeat(31), 30)),
            "state has 31 characters; at most 30 allowed"
        );
        assert!(max_bytes("title", &"a".repeat(64), 64).is_ok());
        assert_eq!(
            message(max_bytes("title", "客客", 5)),
            "title is 6 bytes; at most 5 allowed"
        );
        assert!(count_between("user", 0, 0, 100).is_ok());
        assert_eq!(
            message(count_between("user", 101, 0, 100)),
            "user holds 101 entries; at most 100 allowed"
        );
        assert_eq!(
            message(count_between("chat_id_list", 0, 1, 5)),
            "chat_id_list holds 0 entries; 1 to 5 allowed"
        );
        assert!(between("limit", 1000, 1, 1000).is_ok());
        assert_eq!(
            message(between("limit", 0, 1, 1000)),
            "limit is 0; 1 to 1000 allowed"
        );
    }

    const DAY: i64 = 86_400;

    #[test]
    fn time_range_is_inclusive_and_names_both_fields() {
        let start = 1_600_000_000;
        assert!(time_range("start_time", start, "end_time", start, Some(30 * DAY)).is_ok());
        assert!(time_range(
            "start_time",
            start,
            "end_time",
            start + 30 * DAY,
            Some(30 * DAY)
        )
        .is_ok());
        assert_eq!(
            message(time_range(
                "start_time",
                start,
                "end_time",
                start + 30 * DAY + 1,
                Some(30 * DAY)
            )),
            "start_time..end_time spans 2592001 seconds; at most 30 days (2592000 s) allowed"
        );
        assert_eq!(
            message(time_range(
                "day_begin_time",
                start,
                "day_end_time",
                start - 1,
                None
            )),
            "day_end_time (1599999999) is before day_begin_time (1600000000)"
        );
        assert_eq!(
            message(time_range("a", 0, "b", 61, Some(60))),
            "a..b spans 61 seconds; at most 60 seconds allowed"
        );
        // No maximum: any ordered pair.
        assert!(time_range("start_time", i64::MIN, "end_time", i64::MAX, None).is_ok());
    }

    #[test]
    fn time_range_never_overflows_on_extreme_times() {
        // `end - start` overflows i64 here: a panic in debug builds, a negative span in release.
        assert_eq!(
            message(time_range("start_time", i64::MIN, "end_time", i64::MAX, Some(30 * DAY))),
            "start_time..end_time spans 18446744073709551615 seconds; at most 30 days (2592000 s) allowed"
        );
        assert_eq!(
            message(time_range(
                "start_time",
                i64::MAX,
                "end_time",
                i64::MIN,
                Some(30 * DAY)
            )),
            format!(
                "end_time ({}) is before start_time ({})",
                i64::MIN,
                i64::MAX
            )
        );
        assert!(message(time_range("s", -1, "e", i64::MAX, Some(i64::MAX))).contains("spans"));
        assert!(time_range("s", 0, "e", i64::MAX, Some(i64::MAX)).is_ok());
        assert!(time_range("s", i64::MIN, "e", i64::MIN + 30 * DAY, Some(30 * DAY)).is_ok());
        // A negative maximum admits no range at all rather than wrapping into a huge one.
        assert!(message(time_range("s", 5, "e", 5, Some(-1))).contains("at most -1 seconds"));
    }
}
