//! The optional creation-time window of `list_contact_way`, over every pair of `i64`: with both ends set
//! it is accepted exactly when `end_time ≥ start_time` (WeCom documents no longest span), and rejected
//! with `InvalidRequest` otherwise; with one end WeCom fills in the other, so anything goes.

use proptest::prelude::*;
use wecom_contact_way::ListContactWayRequest;
use wecom_core::{Endpoint, Error};

fn time() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(i64::MIN),
        Just(i64::MAX),
        Just(0i64),
        any::<i64>(),
        1_600_000_000i64..1_600_000_100,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn list_contact_way_range(start in time(), end in time()) {
        let req = ListContactWayRequest::new().start_time(start).end_time(end);
        match req.validate() {
            Ok(()) => prop_assert!(end >= start, "{start}..{end} was accepted"),
            Err(Error::InvalidRequest(m)) => {
                prop_assert!(end < start, "{start}..{end} was rejected: {m}");
                prop_assert_eq!(m, format!("end_time ({end}) is before start_time ({start})"));
            }
            Err(other) => prop_assert!(false, "{start}..{end}: expected InvalidRequest, got {other:?}"),
        }
    }

    #[test]
    fn one_end_alone_is_always_accepted(t in time()) {
        prop_assert!(ListContactWayRequest::new().start_time(t).validate().is_ok());
        prop_assert!(ListContactWayRequest::new().end_time(t).validate().is_ok());
    }
}
