//! The time ranges of the statistics requests, over every pair of `i64`: each is accepted exactly when
//! it is ordered and spans at most 30 days, and rejected with `InvalidRequest` otherwise — never a panic
//! or an overflow that slips under the limit.

use proptest::prelude::*;
use wecom_core::{Endpoint, Error};
use wecom_statistics::{
    GetUserBehaviorDataRequest, GroupChatStatisticGroupByDayRequest, GroupChatStatisticRequest,
    MAX_SPAN_SECS,
};

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
        let near = (-2 * MAX_SPAN_SECS..=2 * MAX_SPAN_SECS)
            .prop_map(move |offset| start.saturating_add(offset));
        (
            Just(start),
            prop_oneof![near, any::<i64>(), Just(i64::MIN), Just(i64::MAX)],
        )
    })
}

/// The rule, worked out in i128 so that it cannot overflow either.
fn valid(start: i64, end: i64) -> bool {
    end >= start && i128::from(end) - i128::from(start) <= i128::from(MAX_SPAN_SECS)
}

fn assert_verdict(result: wecom_core::Result<()>, start: i64, end: i64) {
    match result {
        Ok(()) => assert!(valid(start, end), "{start}..{end} was accepted"),
        Err(Error::InvalidRequest(message)) => {
            assert!(!valid(start, end), "{start}..{end} was rejected: {message}")
        }
        Err(other) => panic!("{start}..{end}: expected InvalidRequest, got {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn behavior_data_range((start, end) in time_pair()) {
        let req = GetUserBehaviorDataRequest::new(start, end).userid(["zhangsan"]);
        assert_verdict(req.validate(), start, end);
    }

    #[test]
    fn groupchat_statistic_range((start, end) in time_pair()) {
        let req = GroupChatStatisticRequest::new(start).day_end_time(end);
        assert_verdict(req.validate(), start, end);
    }

    #[test]
    fn groupchat_statistic_by_day_range((start, end) in time_pair()) {
        let req = GroupChatStatisticGroupByDayRequest::new(start).day_end_time(end);
        assert_verdict(req.validate(), start, end);
    }
}

#[test]
fn the_widest_range_is_an_error_not_an_overflow() {
    // `end - start` here overflows i64: a panic in debug builds, a negative span (accepted) in release.
    let req = GetUserBehaviorDataRequest::new(i64::MIN, i64::MAX).userid(["zhangsan"]);
    assert!(
        matches!(req.validate(), Err(Error::InvalidRequest(m)) if m.contains("30 days")),
        "{:?}",
        req.validate()
    );
    for result in [
        GroupChatStatisticRequest::new(i64::MIN)
            .day_end_time(i64::MAX)
            .validate(),
        GroupChatStatisticGroupByDayRequest::new(i64::MIN)
            .day_end_time(i64::MAX)
            .validate(),
    ] {
        assert!(
            matches!(&result, Err(Error::InvalidRequest(m)) if m.contains("day_begin_time..day_end_time spans")),
            "{result:?}"
        );
    }
}
