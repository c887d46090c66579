//! The time range of `get_groupmsg_list_v2`, over every pair of `i64`: accepted exactly when it is
//! ordered and spans at most [`MAX_LIST_SPAN_SECS`], rejected with `InvalidRequest` otherwise — never a
//! panic or an overflow that slips under the limit.

use proptest::prelude::*;
use wecom_core::{Endpoint, Error};
use wecom_messaging::{ChatType, GetGroupMsgListV2Request, MAX_LIST_SPAN_SECS};

/// Extremes, ordinary times, and ends near the start (so that valid ranges come up often).
fn time_pair() -> impl Strategy<Value = (i64, i64)> {
    let time = prop_oneof![
        Just(i64::MIN),
        Just(i64::MAX),
        Just(0i64),
        any::<i64>(),
        1_500_000_000i64..1_800_000_000,
    ];
    time.prop_flat_map(|start| {
        let near = (-2 * MAX_LIST_SPAN_SECS..=2 * MAX_LIST_SPAN_SECS)
            .prop_map(move |offset| start.saturating_add(offset));
        (
            Just(start),
            prop_oneof![near, any::<i64>(), Just(i64::MIN), Just(i64::MAX)],
        )
    })
}

/// The rule, worked out in i128 so that it cannot overflow either.
fn valid(start: i64, end: i64) -> bool {
    end >= start && i128::from(end) - i128::from(start) <= i128::from(MAX_LIST_SPAN_SECS)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn groupmsg_list_range((start, end) in time_pair()) {
        let req = GetGroupMsgListV2Request::new(ChatType::Single, start, end);
        match req.validate() {
            Ok(()) => prop_assert!(valid(start, end), "{start}..{end} was accepted"),
            Err(Error::InvalidRequest(m)) => {
                prop_assert!(!valid(start, end), "{start}..{end} was rejected: {m}")
            }
            Err(other) => prop_assert!(false, "{start}..{end}: expected InvalidRequest, got {other:?}"),
        }
    }
}

#[test]
fn the_widest_range_is_an_error_not_an_overflow() {
    // `end - start` here overflows i64: a panic in debug builds, a negative span (accepted) in release.
    let result = GetGroupMsgListV2Request::new(ChatType::Group, i64::MIN, i64::MAX).validate();
    assert!(
        matches!(&result, Err(Error::InvalidRequest(m)) if m.contains("start_time..end_time spans 18446744073709551615 seconds")),
        "{result:?}"
    );
}
