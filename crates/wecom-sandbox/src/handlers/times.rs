//! Caller-supplied times, checked before any arithmetic and before the world is locked.
//!
//! WeCom's timestamps are unsigned 32-bit seconds (uint32 in its documentation); anything else is an
//! invalid parameter (40058) here, so every later sum or difference of times fits easily in an `i64` and
//! every loop over days is bounded by the span rule.

use crate::days::{day_start, DAY};
use crate::reply::ApiError;

/// The largest time WeCom accepts (2106-02-07).
const MAX_TIME: i64 = u32::MAX as i64;

/// `value` if it is a WeCom timestamp.
pub(crate) fn timestamp(field: &str, value: i64) -> Result<i64, ApiError> {
    if (0..=MAX_TIME).contains(&value) {
        Ok(value)
    } else {
        Err(ApiError::invalid(format!(
            "invalid {field} {value}: not a unix time in 0..={MAX_TIME}"
        )))
    }
}

/// `[begin, end]` if both are timestamps, `begin ≤ end` and the span is at most `max_days` days.
pub(crate) fn span(
    (begin_field, begin): (&str, i64),
    (end_field, end): (&str, i64),
    max_days: i64,
) -> Result<(i64, i64), ApiError> {
    let begin = timestamp(begin_field, begin)?;
    let end = timestamp(end_field, end)?;
    let within = end
        .checked_sub(begin)
        .is_some_and(|s| (0..=max_days * DAY).contains(&s));
    if within {
        Ok((begin, end))
    } else {
        Err(ApiError::invalid(format!(
            "{begin_field}..{end_field} must be ordered and span at most {max_days} days"
        )))
    }
}

/// The days WeCom reports for `[begin, end]` (both rounded down to 0:00): the first and how many.
pub(crate) fn days((begin, end): (i64, i64)) -> (i64, usize) {
    let first = day_start(begin);
    let count = (day_start(end) - first) / DAY + 1;
    (first, usize::try_from(count).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_checked_without_overflow() {
        let day0 = 1_732_982_400;
        assert_eq!(
            span(("a", day0), ("b", day0 + 30 * DAY), 30),
            Ok((day0, day0 + 30 * DAY))
        );
        assert!(span(("a", day0), ("b", day0 + 30 * DAY + 1), 30).is_err());
        assert!(span(("a", day0), ("b", day0 - 1), 30).is_err());
        assert!(span(("a", -1), ("b", i64::MAX), 30).is_err());
        assert!(span(("a", i64::MAX - DAY), ("b", i64::MAX), 30).is_err());
        assert_eq!(days((day0 + 5, day0 + 6 * DAY)), (day0, 7));
        assert_eq!(
            days((day0 + DAY - 1, day0 + DAY - 1 + 30 * DAY)),
            (day0, 31)
        );
    }
}
